"""Open data: every public project as JSON and CSV, with a stable column order taken from the schema.

Columns are `slug` and `url` followed by the project fields in schema order (minus `draft`, which is never
public). Adding a field to the schema adds a column at its place; reusers key on names, never positions.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import Entry, Link
from kenniscentrum.content.schema import PROJECT

JSON_PATH = "data/projecten.json"
CSV_PATH = "data/projecten.csv"
LIST_SEPARATOR = "; "
_PRIVATE = {"draft"}
_COMMON = {"title", "description", "published", "updated"}  # fields stored on Entry itself


def columns() -> list[str]:
    """Column names in their published order."""
    return ["slug", "url", *(f.name for f in PROJECT.fields if f.name not in _PRIVATE)]


def project_record(entry: Entry, site_url: str) -> dict[str, Any]:
    """One project as JSON-ready values; absent fields are None (lists are [])."""
    record: dict[str, Any] = {"slug": entry.slug, "url": f"{site_url}{entry.url}"}
    for spec in PROJECT.fields:
        if spec.name in _PRIVATE:
            continue
        if spec.name in _COMMON:
            value = getattr(entry, spec.name)
        elif spec.name == "themes":
            value = list(entry.themes)
        else:
            value = entry.get(spec.name)
        record[spec.name] = _json_value(value, spec.many)
    return record


def _json_value(value: Any, many: bool) -> Any:
    if value is None:
        return [] if many else None
    if isinstance(value, list | tuple):
        return [_json_value(v, False) for v in value]
    if isinstance(value, Link):
        return {"title": value.title, "url": value.url}
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


# Cells a spreadsheet would run as a formula (OWASP "CSV injection"), including the full-width forms.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: Any) -> str:
    """One CSV cell as a spreadsheet should show it: text that would start a formula gets a leading `'`."""
    text = csv_value(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_value(value: Any) -> str:
    """A JSON value as one CSV cell: lists joined with "; ", links as "title <url>", None empty.

    Amounts are exact: the validator keeps them below a thousand billion with at most two decimals, so
    Python prints a float back as the editor wrote it (no rounding, never `inf`).
    """
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(csv_value(v) for v in value)
    if isinstance(value, dict):
        return f"{value['title']} <{value['url']}>"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def records(catalogue: Catalogue, site_url: str) -> list[dict[str, Any]]:
    """Public projects sorted by slug, so the files diff cleanly between builds."""
    projects = sorted(catalogue.public("project"), key=lambda e: e.slug)
    return [project_record(p, site_url) for p in projects]


def projects_json(catalogue: Catalogue, site_url: str) -> str:
    return json.dumps(records(catalogue, site_url), ensure_ascii=False, indent=2) + "\n"


def projects_csv(catalogue: Catalogue, site_url: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns())
    for record in records(catalogue, site_url):
        writer.writerow([csv_cell(record[name]) for name in columns()])
    return buffer.getvalue()


def write_exports(catalogue: Catalogue, site_dir: Path, site_url: str) -> list[Path]:
    written = []
    for path, text in ((JSON_PATH, projects_json), (CSV_PATH, projects_csv)):
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # CSV gets a BOM so spreadsheet programs read the accents right.
        target.write_text(text(catalogue, site_url), encoding="utf-8-sig" if path == CSV_PATH else "utf-8")
        written.append(target)
    return written
