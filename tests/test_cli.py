"""`kenniscentrum check` as editors and the pull-request workflow see it: messages, formats and exit codes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import ROOT, run_cli
from kenniscentrum.cli import main, run_check

BROKEN = """---
title: Slimme verlichting
description: Een korte samenvatting.
organisation: Stad Halle
organisation_type: lokaal-bestuur
themes: [energy]
phase: uitvoering
year: twintig
published: 2025-01-10
---
Tekst.
"""


def break_content(project: Path) -> None:
    (project / "content/projects/slimme-verlichting.md").write_text(BROKEN, encoding="utf-8")
    second = BROKEN.replace("themes: [energy]", "themes: [energie]").replace("year: twintig", "year: 2020")
    second = second.replace("phase: uitvoering", "fase: uitvoering")
    (project / "content/projects/tweede.md").write_text(second, encoding="utf-8")


def test_sample_content_passes() -> None:
    result = run_cli("check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Alles in orde: ")
    assert "items gecontroleerd." in result.stdout


def test_human_report_groups_problems_per_file_without_colour_when_not_a_terminal(project: Path) -> None:
    break_content(project)
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "\033[" not in result.stdout
    assert result.stdout.splitlines() == [
        "content/projects/slimme-verlichting.md",
        "  regel 6: themes: 'energy' staat niet in de woordenlijst 'themes' — bedoelde je 'energie'? "
        "(nieuwe waarden voeg je toe in content/vocabularies.yml)",
        "  regel 8: year: 'twintig' is geen geheel getal — bv. 2019",
        "",
        "content/projects/tweede.md",
        "  regel 1: phase: verplicht veld ontbreekt — Fase van het project, uit de woordenlijst.",
        "  regel 7: fase: onbekend veld voor een project — bedoelde je 'phase'?",
        "",
        "4 problemen in 2 bestanden.",
    ]


def test_colour_only_on_a_terminal(project: Path, monkeypatch) -> None:
    break_content(project)
    monkeypatch.chdir(project)
    monkeypatch.delenv("NO_COLOR", raising=False)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    assert run_check(Path("content"), "human", out) == 1
    assert "\033[1mcontent/projects/tweede.md\033[0m" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    run_check(Path("content"), "human", plain)
    assert "\033[" not in plain.getvalue()


def test_github_format_annotates_each_problem_on_its_line(project: Path) -> None:
    break_content(project)
    result = run_cli("check", "--format", "github", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=content/projects/slimme-verlichting.md,line=6,title=kenniscentrum%3A themes::"
        "themes: 'energy' staat niet in de woordenlijst 'themes' — bedoelde je 'energie'? "
        "(nieuwe waarden voeg je toe in content/vocabularies.yml)",
        "::error file=content/projects/slimme-verlichting.md,line=8,title=kenniscentrum%3A year::"
        "year: 'twintig' is geen geheel getal — bv. 2019",
        "::error file=content/projects/tweede.md,line=1,title=kenniscentrum%3A phase::"
        "phase: verplicht veld ontbreekt — Fase van het project, uit de woordenlijst.",
        "::error file=content/projects/tweede.md,line=7,title=kenniscentrum%3A fase::"
        "fase: onbekend veld voor een project — bedoelde je 'phase'?",
        "4 problemen in 2 bestanden.",
    ]


def test_github_format_escapes_what_would_end_the_command(project: Path) -> None:
    (project / "content/projects/bad.md").write_text("---\ntitle: a\n  b: c\n---\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", cwd=project)
    line = next(li for li in result.stdout.splitlines() if "bad.md" in li)
    assert line.startswith("::error file=content/projects/bad.md,line=3,title=kenniscentrum::")
    assert "\n" not in line and "%0A" not in line.split("::", 2)[1]


def test_exit_codes_are_documented_in_help() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "afsluitcodes:" in result.stdout
    for line in ("0  alles in orde", "1  problemen gevonden", "2  verkeerd gebruik"):
        assert line in result.stdout
    assert "afsluitcodes:" in run_cli("check", "--help").stdout


def test_usage_errors_exit_with_2(tmp_path: Path) -> None:
    assert run_cli("check", "--content", str(tmp_path / "nergens")).returncode == 2
    assert "bestaat niet" in run_cli("check", "--content", str(tmp_path / "nergens")).stdout
    assert run_cli("check", "--format", "xml").returncode == 2
    assert run_cli("publiceer").returncode == 2


def test_a_stale_json_schema_is_reported_by_check(project: Path) -> None:
    shutil.copytree(ROOT / "schemas", project / "schemas")
    assert run_cli("check", cwd=project).returncode == 0
    vocab = project / "content/vocabularies.yml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace("  wonen: Wonen\n", "  wonen: Wonen\n  water: Water\n"),
        encoding="utf-8",
    )
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "schemas/project.schema.json\n  regel 1: is verouderd" in result.stdout
    assert "voer 'kenniscentrum schema' uit" in result.stdout
    assert run_cli("schema", "--check", cwd=project).returncode == 1
    assert run_cli("schema", cwd=project).returncode == 0
    assert run_cli("check", cwd=project).returncode == 0


def test_main_returns_the_exit_code(project: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(project)
    assert main(["check"]) == 0
    assert "Alles in orde" in capsys.readouterr().out


def test_check_never_echoes_raw_control_characters(project: Path) -> None:
    """Escape sequences in a file name, a field, the body or a vocabulary label reach the terminal as <U+001B>."""
    tip = (
        '---\ntitle: "Rood \\e[31m"\ndescription: Zacht\x0beinde\nkind: tip\n'
        "published: 2025-01-10\n---\nTekst \x1b]0;titel\x07.\n\x00 nul, \x9b2J wissen.\n"
    )
    (project / "content/tips/kwaad\x1b[2J\r.md").write_text(tip, encoding="utf-8")
    vocab = project / "content/vocabularies.yml"
    text = vocab.read_text(encoding="utf-8")
    vocab.write_text(text.replace("themes:\n", 'themes:\n  rood: "Rood \\e[31m"\n', 1), encoding="utf-8")
    for args in (("check",), ("check", "--format", "github")):
        result = run_cli(*args, cwd=project)
        assert result.returncode == 1
        output = result.stdout + result.stderr
        raw = sorted({hex(ord(c)) for c in output if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F})
        assert raw == [], repr(output)
        assert "content/tips/kwaad<U+001B>[2J<U+000D>.md" in output
        assert "U+000B" in output and "U+0000" in output and "U+001B" in output
