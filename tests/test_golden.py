"""Golden files: everything the plugin generates from the fixture content, compared byte for byte.

The generated Markdown pages, the consultation calendars, the feeds, the agenda, the newsletter e-mails, the
open data, the editors' macros and the JSON-LD of every entry are written for the fixed build date and
compared with `tests/golden/`. A change to any of them shows up as a diff of the golden files in the commit
that makes it, so every change a reader or subscriber would see is one somebody intended.

Regenerate after an intended change:  KENNISCENTRUM_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT, TODAY, fixture_project
from kenniscentrum.cli import run_pages
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.pages.macros import consultations_html, funding_html, projects_html
from kenniscentrum.render.jsonld import page_jsonld

GOLDEN = ROOT / "tests" / "golden"
UPDATE_VARIABLE = "KENNISCENTRUM_UPDATE_GOLDEN"
SITE_URL = "https://kenniscentrum.example.org/"


def generate(target: Path) -> None:
    """Write every golden file for the fixture content into `target`."""
    # In a copy of the project, so site name, language and Markdown extensions come from its mkdocs.yml.
    assert run_pages(fixture_project() / "content", target / "pages", target / "outputs", SITE_URL) == 0
    catalogue = load_catalogue(CONTENT, date.fromisoformat(TODAY))
    macros = {
        "projecten.html": projects_html(catalogue, "index.md"),
        "projecten-energie.html": projects_html(catalogue, "index.md", thema="energie", max=2),
        "marktconsultaties.html": consultations_html(catalogue, "index.md", 5),
        "financiering.html": funding_html(catalogue, "index.md", 5),
    }
    for name, text in macros.items():
        _write(target / "macros" / name, text)
    for entry in catalogue.all():
        _write(
            target / "jsonld" / f"{entry.src_uri.removesuffix('.md')}.json",
            page_jsonld(catalogue, entry.src_uri, SITE_URL) + "\n",
        )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_files_match_the_golden_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KENNISCENTRUM_TODAY", TODAY)
    generate(tmp_path)
    if os.environ.get(UPDATE_VARIABLE):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(tmp_path, GOLDEN)
    actual, expected = _files(tmp_path), _files(GOLDEN)
    missing, extra = sorted(expected.keys() - actual.keys()), sorted(actual.keys() - expected.keys())
    changed = sorted(name for name in actual.keys() & expected.keys() if actual[name] != expected[name])
    diffs = [
        "".join(
            difflib.unified_diff(
                expected[name].decode("utf-8").splitlines(keepends=True),
                actual[name].decode("utf-8").splitlines(keepends=True),
                f"golden/{name}",
                f"generated/{name}",
                n=1,
            )
        )[:3000]
        for name in changed[:5]
    ]
    assert not (missing or extra or changed), (
        f"no longer generated: {missing}\nnew: {extra}\nchanged: {changed}\n\n"
        + "\n".join(diffs)
        + f"\n\nIntended? Regenerate with {UPDATE_VARIABLE}=1 and commit the golden files."
    )
