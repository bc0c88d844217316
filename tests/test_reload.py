"""The catalogue loaded again in one process (every save under `mkdocs serve`, `check`'s second pass).

Validated files are kept between loads: these tests prove a reload sees every edit, and that what one load
resolves (full organisation names, renamed references) never leaks into the files the next load reads.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import copy_project
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.content.problems import ContentError

TODAY = date(2026, 11, 25)


def test_reload_sees_an_edit_and_a_new_problem(tmp_path: Path) -> None:
    content = copy_project(tmp_path / "p") / "content"
    path = content / "projects" / "bookaplace.md"
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Bookaplace")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Bookaplace:', 'title: "Boekeenplek:'), encoding="utf-8")
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Boekeenplek")
    path.write_text(text.replace("year: 2019", "year: negentien"), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalogue(content, TODAY)
    assert any(p.path.endswith("bookaplace.md") and p.field == "year" for p in error.value.problems)
    path.write_text(text, encoding="utf-8")
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Bookaplace")


def test_reload_sees_an_edit_that_keeps_size_and_modification_time(tmp_path: Path) -> None:
    """A reload trusts an unchanged stat only for a file last modified well before it was read."""
    content = copy_project(tmp_path / "p") / "content"
    path = content / "projects" / "bookaplace.md"
    stat = path.stat()
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Bookaplace")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Bookaplace:', 'title: "Bookaplacx:'), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: as a fast second save
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Bookaplacx")


def test_reload_of_old_files_sees_an_edit(tmp_path: Path) -> None:
    content = copy_project(tmp_path / "p") / "content"
    path = content / "projects" / "bookaplace.md"
    for file in content.rglob("*.md"):
        os.utime(file, (1_000_000_000, 1_000_000_000))  # written long before this load
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Bookaplace")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: "Bookaplace:', 'title: "Boekeenplek:'), encoding="utf-8")
    assert load_catalogue(content, TODAY).get("project", "bookaplace").title.startswith("Boekeenplek")


def test_reload_after_a_vocabulary_change_validates_again(tmp_path: Path) -> None:
    content = copy_project(tmp_path / "p") / "content"
    load_catalogue(content, TODAY)
    vocabularies = content / "vocabularies.yml"
    text = vocabularies.read_text(encoding="utf-8")
    assert "\n  digitalisering:" in text
    vocabularies.write_text(text.replace("\n  digitalisering:", "\n  digitaal:"), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalogue(content, TODAY)
    assert any(p.path.endswith("bookaplace.md") and p.field == "themes" for p in error.value.problems)


def test_what_a_load_resolves_stays_in_that_load(tmp_path: Path) -> None:
    content = copy_project(tmp_path / "p") / "content"
    first = load_catalogue(content, TODAY)
    second = load_catalogue(content, TODAY)
    for entry in first.all():
        other = second.get(entry.type.name, entry.slug)
        assert other is not None and other is not entry
        assert other.data == entry.data and other.data is not entry.data


@pytest.mark.parametrize(
    ("file", "pattern", "replacement"),
    [
        ("projects/cold2gold.md", r"^title: .*$", 'title: "Koelkledij Nieuwe Naam"'),
        ("projects/cold2gold.md", r"^year: .*$", "year: 2012"),  # related projects are ranked by year
        ("projects/bookaplace.md", r"^themes: \[", "themes: [sport, "),
        ("consultations/bookaplace-reserveringssysteem.md", r"^title: .*$", 'title: "Andere consultatie"'),
        ("tips/de-pio-principes.md", r"\Z", "\nEen nieuwe alinea.\n"),
    ],
)
def test_the_preview_regenerates_exactly_the_entry_pages_an_edit_reaches(
    tmp_path: Path, file: str, pattern: str, replacement: str
) -> None:
    """`serve` keeps entry, theme and organisation pages whose inputs did not change: the result is always that
    of a full generation."""
    import re

    from kenniscentrum.pages import generate_pages
    from kenniscentrum.pages.entries import PageCache

    content = copy_project(tmp_path / "p") / "content"
    cache = PageCache()
    assert generate_pages(load_catalogue(content, TODAY, include_drafts=True), cache) == generate_pages(
        load_catalogue(content, TODAY, include_drafts=True)
    )
    path = content / file
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    catalogue = load_catalogue(content, TODAY, include_drafts=True)
    assert generate_pages(catalogue, cache) == generate_pages(catalogue)
    edited = next(e for e in catalogue.all() if e.path.endswith(file))
    assert edited.src_uri in cache.generated
    assert len(cache.generated) < len(catalogue.all()) / 2  # the rest came from the previous build
