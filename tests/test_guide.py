"""The Dutch editor guide (CONTRIBUTING.md): generated parts in sync, every check message explained, examples valid."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import run_cli
from kenniscentrum.content.schema import ORDER_RULES, TEXT_REFUSED
from kenniscentrum.editor.guide import BEGIN, END, update_guide

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "plugins" / "kenniscentrum"
# Where editors' messages are written: the position of the message in each call.
MESSAGE_ARGUMENT = {"_Invalid": 0, "Problem": 3, "report": 2, "refuse": 1}


def _template(node: ast.expr) -> str | None:
    """A message literal with every interpolated value shown as '…', as the guide writes it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    return None


def message_templates() -> set[str]:
    # Rules kept as data in schema.py (refused text, time order) carry their own messages.
    templates = {rule.message for rule in (*TEXT_REFUSED, *ORDER_RULES)}
    modules = (
        "content/load.py",
        "content/validate.py",
        "content/catalogue.py",
        "content/vocabularies.py",
        "cli.py",
    )
    for module in modules:
        tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                index = MESSAGE_ARGUMENT.get(name)
                if index is not None and len(node.args) > index and (text := _template(node.args[index])):
                    templates.add(text)
    return templates


def test_the_field_reference_is_generated_from_the_schema() -> None:
    assert BEGIN in GUIDE and END in GUIDE
    assert update_guide(GUIDE) == GUIDE, "CONTRIBUTING.md is verouderd: voer 'kenniscentrum guide' uit"
    assert run_cli("guide", "--check", cwd=ROOT).returncode == 0


def test_guide_command_repairs_a_drifted_reference(tmp_path: Path) -> None:
    guide = tmp_path / "CONTRIBUTING.md"
    guide.write_text(f"# Gids\n\n{BEGIN}\n| oud |\n{END}\n", encoding="utf-8")
    assert run_cli("guide", "--check", "--file", str(guide)).returncode == 1
    assert run_cli("guide", "--file", str(guide)).returncode == 0
    text = guide.read_text(encoding="utf-8")
    assert "| oud |" not in text and "| `organisation_type` | ja |" in text
    assert run_cli("guide", "--check", "--file", str(guide)).returncode == 0


def test_message_templates_are_found() -> None:
    templates = message_templates()
    assert "verplicht veld ontbreekt" in templates
    assert "het einde ligt vóór het begin" in templates
    assert len(templates) >= 40


@pytest.mark.parametrize("template", sorted(message_templates()))
def test_every_check_message_is_explained_in_the_guide(template: str) -> None:
    if template.startswith("ongeldige YAML"):
        assert "`ongeldige YAML: …`" in GUIDE
        return
    assert f"`{template}`" in GUIDE or all(part.strip() in GUIDE for part in template.split("…")), template


def test_guide_names_exit_codes_commands_and_macros() -> None:
    for row in ("| `0` | alles in orde |", "| `1` | problemen gevonden", "| `2` | verkeerd gebruik"):
        assert row in GUIDE
    for command in ("kenniscentrum new project", "kenniscentrum check", "make serve", "draft: true"):
        assert command in GUIDE
    assert "## Macro's in pagina's" in GUIDE
    assert "(guide/macros.md)" in GUIDE and (ROOT / "guide/macros.md").is_file()


EXAMPLE = re.compile(r"Bestand `(content/[^`]+\.md)`:\n\n```markdown\n(.*?)```", re.S)


def test_the_guides_examples_pass_the_check(project: Path) -> None:
    examples = EXAMPLE.findall(GUIDE)
    assert {path.split("/")[1] for path, _ in examples} == {"projects", "consultations", "tips", "funding"}
    for path, text in examples:
        (project / path).write_text(text.replace("...", "Tekst."), encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stdout
