"""`kenniscentrum new` as an editor uses it: the file written, the message printed, then `check` on that file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import CONTENT, TODAY, run_cli
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.content.problems import ContentError
from kenniscentrum.content.schema import CONTENT_TYPES, load_vocabularies
from kenniscentrum.editor.scaffold import resolve_type, scaffold

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = load_vocabularies(CONTENT / "vocabularies.yml")

# What an editor would type for each placeholder.
FILLED = {
    "description": '"Een korte samenvatting van het item."',
    "organisation": "Stad Halle",
    "organisation_type": "lokaal-bestuur",
    "themes": "[energie, mobiliteit]",
    "phase": "uitvoering",
    "year": "2026",
    "starts": "2027-01-15 14:00",
    "location": "online",
    "kind": "verhaal",
    "programme": "Horizon Europe",
    "instrument": "pcp",
    "deadline": "2027-04-15 17:00",
    "url": "https://www.example.org/oproep",
}
TYPE_NAMES = {
    "project": "project",
    "marktconsultatie": "consultation",
    "consultation": "consultation",
    "tip": "tip",
    "financiering": "funding",
    "funding": "funding",
}
PLACEHOLDER_LINE = re.compile(r"^  (content/\S+\.md):(\d+): (\S+) — (.+)$")


def placeholders_printed(stdout: str) -> list[tuple[str, int, str]]:
    return [(m[1], int(m[2]), m[3]) for line in stdout.splitlines() if (m := PLACEHOLDER_LINE.match(line))]


def fill(path: Path, placeholders: list[tuple[str, int, str]]) -> None:
    """Replace each placeholder line the way an editor would, using only what `new` printed."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for _, number, field in placeholders:
        if field == "tekst":
            lines[number - 1] = "De tekst van de pagina."
        else:
            assert lines[number - 1].startswith(f"{field}: "), lines[number - 1]
            lines[number - 1] = f"{field}: {FILLED[field]}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("type_name", list(TYPE_NAMES))
def test_new_then_check_names_every_placeholder_and_passes_once_filled(type_name: str, project: Path) -> None:
    ctype = CONTENT_TYPES[TYPE_NAMES[type_name]]
    created = run_cli("new", type_name, "Slimme straatverlichting in Sint-Niklaas", cwd=project)
    assert created.returncode == 0, created.stdout + created.stderr
    rel = f"content/{ctype.folder}/slimme-straatverlichting-in-sint-niklaas.md"
    assert f"Aangemaakt: {rel}" in created.stdout
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert 'title: "Slimme straatverlichting in Sint-Niklaas"' in text
    assert f"published: {TODAY}" in text

    placeholders = placeholders_printed(created.stdout)
    assert placeholders, created.stdout
    assert {p[0] for p in placeholders} == {rel}
    assert placeholders[-1][2] == "tekst"
    lines = text.splitlines()
    for _, number, _ in placeholders:
        assert "VUL IN" in lines[number - 1]

    before = run_cli("check", cwd=project)
    assert before.returncode == 1
    for _, number, field in placeholders:
        assert f"  regel {number}: {field}: " in before.stdout, before.stdout
    assert "invulinstructie" in before.stdout
    assert before.stdout.count("invulinstructie") == len(placeholders)

    fill(path, placeholders)
    after = run_cli("check", cwd=project)
    assert after.returncode == 0, after.stdout
    assert after.stdout.startswith("Alles in orde:")


@pytest.mark.parametrize("ctype", CONTENT_TYPES.values(), ids=list(CONTENT_TYPES))
def test_every_field_is_shown_with_its_help_and_optional_ones_are_commented_out(ctype) -> None:
    text, _ = scaffold(ctype, "Titel", date(2026, 11, 25), VOCABULARIES)
    lines = text.splitlines()
    for spec in ctype.fields:
        prefix = f"{spec.name}: " if spec.required else f"# {spec.name}: "
        index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
        comments = [line for line in lines[max(0, index - 2) : index] if line.startswith("# ")]
        assert any(spec.help in line for line in comments), (spec.name, comments)
        if spec.vocab:
            assert any(line.startswith("# Kies uit: ") for line in comments)


def test_the_file_name_is_a_clean_slug_and_an_existing_file_is_never_overwritten(project: Path) -> None:
    first = run_cli("new", "tip", "Één vraag: wat wíl de markt?", cwd=project)
    assert first.returncode == 0
    path = project / "content/tips/een-vraag-wat-wil-de-markt.md"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\nMijn tekst.\n", encoding="utf-8")

    again = run_cli("new", "tips", "Een vraag - wat wil de markt", cwd=project)
    assert again.returncode == 2
    assert "Niet aangemaakt" in again.stdout
    assert "content/tips/een-vraag-wat-wil-de-markt.md bestaat al" in again.stdout
    assert path.read_text(encoding="utf-8") == original + "\nMijn tekst.\n"


def test_an_existing_sample_name_is_refused(project: Path) -> None:
    result = run_cli("new", "project", "Turing", cwd=project)
    assert result.returncode == 2
    assert "content/projects/turing.md bestaat al" in result.stdout


def test_slug_option_gives_a_shorter_file_name(project: Path) -> None:
    result = run_cli(
        "new", "financiering", "Horizon Europe: oproep 2027", "--slug", "Horizon 2027", cwd=project
    )
    assert result.returncode == 0
    assert (project / "content/funding/horizon-2027.md").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("new", "nieuwsbericht", "Titel"), "onbekend soort item 'nieuwsbericht'"),
        (("new", "project", "   "), "geef een titel"),
        (("new", "project", "!!!"), "geef er een met --slug"),
        (("new", "project", "Index"), "'index.md' is voorbehouden voor de lijst van alle projecten"),
        (("new", "tip", "Тест"), "geef er een met --slug"),
    ],
)
def test_a_request_new_cannot_carry_out_is_refused_in_dutch(project: Path, args, message: str) -> None:
    before = sorted((project / "content").rglob("*.md"))
    result = run_cli(*args, cwd=project)
    assert result.returncode == 2
    assert message in result.stdout
    assert sorted((project / "content").rglob("*.md")) == before


def test_new_outside_the_project_says_where_to_run_it(tmp_path: Path) -> None:
    result = run_cli("new", "project", "Titel", cwd=tmp_path)
    assert result.returncode == 2
    assert "De map 'content' bestaat niet" in result.stdout


def test_type_names_in_dutch_and_english() -> None:
    assert resolve_type("Marktconsultatie").name == "consultation"
    assert resolve_type("projecten").name == "project"
    assert resolve_type("funding").name == "funding"


# A placeholder left in any kind of field is named as one, not as a malformed date or an unknown code.
PLACEHOLDER_IN_EVERY_KIND = {
    "projects/p.md": """---
title: Slimme verlichting
description: Een korte samenvatting.
organisation: Stad Halle
organisation_type: VUL IN
themes: [energie, VUL IN]
phase: uitvoering
year: VUL IN
cofinancing: VUL IN
links:
  - title: Projectpagina
    url: VUL IN
published: VUL IN
draft: VUL IN
---
Tekst.
""",
    "consultations/c.md": """---
title: Infosessie
description: Korte samenvatting.
organisation: Stad Halle
themes: [energie]
project: VUL IN
starts: VUL IN
location: online
registration_url: VUL IN
published: 2026-01-10
---
Tekst.
""",
    "funding/f.md": """---
title: Oproep
description: Korte samenvatting.
programme: Horizon Europe
instrument: pcp
funding_rate: VUL IN
deadline: VUL IN
url: https://www.example.org/
published: 2026-01-10
---
VUL IN: de tekst.
""",
}


def test_a_placeholder_is_reported_as_such_for_every_kind_of_field(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "vocabularies.yml").write_text(
        (CONTENT / "vocabularies.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for rel, text in PLACEHOLDER_IN_EVERY_KIND.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalogue(content, date(2026, 11, 25))
    found = {(p.path.split("/")[-1], p.line, p.field): p.message for p in caught.value.problems}
    expected_fields = {
        ("p.md", 5, "organisation_type"),
        ("p.md", 6, "themes"),
        ("p.md", 8, "year"),
        ("p.md", 9, "cofinancing"),
        ("p.md", 12, "links"),
        ("p.md", 13, "published"),
        ("p.md", 14, "draft"),
        ("c.md", 6, "project"),
        ("c.md", 7, "starts"),
        ("c.md", 9, "registration_url"),
        ("f.md", 6, "funding_rate"),
        ("f.md", 7, "deadline"),
    }
    for key in expected_fields:
        assert found.get(key) == "bevat nog de invulinstructie 'VUL IN'", (key, found)
    assert found[("f.md", 11, "tekst")] == "bevat nog een invulinstructie"
    assert len(found) == len(expected_fields) + 1
