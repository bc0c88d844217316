"""UI strings come from the gettext catalog, in the language of the MkDocs theme, with real plural forms."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from conftest import CONTENT, TODAY
from kenniscentrum import messages
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.pages.catalogue_page import project_catalogue
from kenniscentrum.pages.listings import consultations_page, organisations_index
from kenniscentrum.render import templates


def test_committed_catalog_is_current() -> None:
    """`make messages` was run after the last string change: .pot, nl .po and the compiled .mo agree."""
    stale = [
        path.name
        for path, data in messages.generated().items()
        if not path.is_file() or path.read_bytes() != data
    ]
    assert stale == [], "voer 'make messages' uit"


@pytest.fixture
def english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A site whose theme language has a catalog of its own (here a tiny English one)."""
    catalog = Catalog(locale="en", domain=templates.DOMAIN)
    catalog.add("Marktconsultaties", "Market consultations")
    catalog.add(("%(num)d project", "%(num)d projecten"), ("%(num)d project", "%(num)d projects"))
    target = tmp_path / "en" / "LC_MESSAGES" / f"{templates.DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    target.write_bytes(buffer.getvalue())
    monkeypatch.setattr(templates, "LOCALE_DIR", tmp_path)
    templates.translations.cache_clear()
    templates.configure("en")
    yield
    templates.translations.cache_clear()
    templates.configure("nl")


def test_strings_follow_the_theme_language(english: None) -> None:
    catalogue = load_catalogue(CONTENT, date.fromisoformat(TODAY))
    assert "# Market consultations\n" in consultations_page(catalogue)
    assert "(1 project)" in organisations_index(catalogue)
    projects = len(catalogue.entries["project"])
    assert f"{projects} projects</p>" in project_catalogue(catalogue)
    # Dates follow the language too; a string without an English translation keeps its Dutch source text.
    assert "Stand van zaken op 25 November 2026." in consultations_page(catalogue)
