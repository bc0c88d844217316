"""Drafts and scheduled entries, as an editor makes them with `new`: in the preview, never on the published site."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_build, run_cli

DRAFT_TITLE = "Geheim ontwerpproject Zeewolf"
SCHEDULED_TITLE = "Ingepland project Noorderlicht"


def add_project(project: Path, title: str, slug: str, **fields: str) -> None:
    """`new`, then the editor fills it in and sets the given fields."""
    assert run_cli("new", "project", title, "--slug", slug, cwd=project).returncode == 0
    path = project / f"content/projects/{slug}.md"
    text = path.read_text(encoding="utf-8")
    values = {
        "description": '"Een project dat nog niet gepubliceerd mag worden."',
        "organisation": "Stad Halle",
        "organisation_type": "lokaal-bestuur",
        "themes": "[energie]",
        "phase": "voortraject",
        "year": "2026",
        **fields,
    }
    for name, value in values.items():
        text, count = re.subn(rf"^(# )?{name}: .*$", f"{name}: {value}", text, count=1, flags=re.M)
        assert count == 1, name
    path.write_text(text.replace("VUL IN: schrijf hier de tekst van de pagina, in Markdown.", "Tekst."))


def preview_config(project: Path) -> None:
    """What `mkdocs serve` does with drafts ("auto"), forced for a build."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = re.sub(
        r"^  - kenniscentrum\s*$", "  - kenniscentrum:\n      drafts: always", text, count=1, flags=re.M
    )
    assert changed != text, "plugin entry 'kenniscentrum' not found in mkdocs.yml"
    config.write_text(changed, encoding="utf-8")


def site_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".xml", ".atom", ".ics", ".csv", ".txt", ".eml"}
    )


def test_drafts_and_scheduled_entries_stay_off_the_published_site(project: Path, tmp_path: Path) -> None:
    add_project(project, DRAFT_TITLE, "zeewolf", draft="true", published="2026-11-01")
    add_project(project, SCHEDULED_TITLE, "noorderlicht", published="2026-12-01")
    assert run_cli("check", cwd=project).returncode == 0  # drafts are checked like everything else

    site = tmp_path / "productie"
    result = run_build(project, site, "2026-11-25")
    assert result.returncode == 0, result.stderr
    assert not (site / "projecten/zeewolf").exists()
    assert not (site / "projecten/noorderlicht").exists()
    for name in ("projecten/index.html", "sitemap.xml"):
        text = (site / name).read_text(encoding="utf-8")
        assert "zeewolf" not in text and "noorderlicht" not in text, name
    searchable = " ".join(
        p.read_text(encoding="utf-8") for p in (site / "search/woorden").glob("*.txt")
    ).split()
    assert "zeewolf" not in searchable and "noorderlicht" not in searchable
    everything = site_text(site)
    assert DRAFT_TITLE not in everything
    assert SCHEDULED_TITLE not in everything


def test_a_scheduled_entry_appears_with_the_first_build_on_its_day(project: Path, tmp_path: Path) -> None:
    add_project(project, DRAFT_TITLE, "zeewolf", draft="true", published="2026-11-01")
    add_project(project, SCHEDULED_TITLE, "noorderlicht", published="2026-12-01")
    site = tmp_path / "op-de-dag"
    result = run_build(project, site, "2026-12-01")
    assert result.returncode == 0, result.stderr
    page = (site / "projecten/noorderlicht/index.html").read_text(encoding="utf-8")
    assert SCHEDULED_TITLE in page and "Ontwerp" not in page
    assert SCHEDULED_TITLE in (site / "projecten/index.html").read_text(encoding="utf-8")
    assert "noorderlicht" in (site / "search/woorden/12-n.txt").read_text(encoding="utf-8").split()
    assert "/projecten/noorderlicht/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert DRAFT_TITLE not in site_text(site)


def test_the_preview_shows_drafts_marked_as_such(project: Path, tmp_path: Path) -> None:
    add_project(project, DRAFT_TITLE, "zeewolf", draft="true", published="2026-11-01")
    add_project(project, SCHEDULED_TITLE, "noorderlicht", published="2026-12-01")
    preview_config(project)
    site = tmp_path / "preview"
    result = run_build(project, site, "2026-11-25")
    assert result.returncode == 0, result.stderr
    draft = (site / "projecten/zeewolf/index.html").read_text(encoding="utf-8")
    assert DRAFT_TITLE in draft
    assert re.search(r'class="admonition warning"[^>]*>\s*<p class="admonition-title">Ontwerp</p>', draft)
    assert SCHEDULED_TITLE in (site / "projecten/noorderlicht/index.html").read_text(encoding="utf-8")
    assert DRAFT_TITLE in (site / "projecten/index.html").read_text(encoding="utf-8")
