"""The gettext catalog of the UI strings: extracted from the code and templates, compiled for the build.

The site's source language is Dutch: the msgids are the Dutch texts, and the `nl` catalog holds them as their
own translation (plural forms included), so an English (or French) edition is one more `.po` file next to it.
`make messages` runs `python -m kenniscentrum.messages` after a string changed; the test suite checks that the
committed `.pot`, `.po` and compiled `.mo` are current, so the build never runs on a stale catalog.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from kenniscentrum.render.templates import DOMAIN, LOCALE_DIR, PACKAGE

SOURCE_LANGUAGE = "nl"
# Fixed, so the files only change when a string does.
_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_KEYWORDS = {**DEFAULT_KEYWORDS, "ui": None, "N_": None}
_METHODS = [
    ("**/templates/**.html", "jinja2"),
    ("**/templates/**.md", "jinja2"),
    ("**.py", "python"),
]
_OPTIONS = {
    "**/templates/**.html": {"extensions": "jinja2.ext.i18n"},
    "**/templates/**.md": {"extensions": "jinja2.ext.i18n"},
}


def _catalog(locale: str | None) -> Catalog:
    catalog = Catalog(
        locale=locale,
        domain=DOMAIN,
        project="kenniscentrum",
        version="1",
        copyright_holder="PIO",
        creation_date=_DATE,
        revision_date=_DATE,
        fuzzy=False,
    )
    for _filename, _line, message, _comments, context in extract_from_dir(
        str(PACKAGE), _METHODS, _OPTIONS, _KEYWORDS, comment_tags=(), strip_comment_tags=True
    ):
        catalog.add(message, context=context)
    return catalog


def generated() -> dict[Path, bytes]:
    """The .pot, the source language's .po and its compiled .mo, as they should be on disk."""
    template = _catalog(None)
    source = _catalog(SOURCE_LANGUAGE)
    for message in source:
        if message.id:
            message.string = message.id
    files: dict[Path, bytes] = {}
    for path, catalog, writer in (
        (LOCALE_DIR / f"{DOMAIN}.pot", template, "po"),
        (LOCALE_DIR / SOURCE_LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.po", source, "po"),
        (LOCALE_DIR / SOURCE_LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.mo", source, "mo"),
    ):
        buffer = io.BytesIO()
        if writer == "po":
            write_po(buffer, catalog, width=110, no_location=True, sort_output=True)
        else:
            write_mo(buffer, catalog)
        files[path] = buffer.getvalue()
    return files


def main() -> int:
    for path, data in generated().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"Bijgewerkt: {path.relative_to(PACKAGE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
