"""Open data: every public project as JSON and CSV, with a stable column order taken from the schema.

Columns are `slug` and `url` followed by the project fields in schema order (minus `draft`, which is never
public), with `current_stage` (the stage of the latest milestone behind us on the build date) right after
`milestones`. Adding a field to the schema adds a column at its place; reusers key on names, never positions.
In CSV a milestone reads `2023-03 resultaten: text <link>`, milestones and other lists joined with "; ".
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import Contact, Document, Entry, Link, Milestone, Period
from kenniscentrum.content.schema import PROJECT

JSON_PATH = "data/projecten.json"
CSV_PATH = "data/projecten.csv"
LIST_SEPARATOR = "; "
_PRIVATE = {"draft"}
_COMMON = {"title", "description", "published", "updated"}  # fields stored on Entry itself


CURRENT_STAGE = "current_stage"


def columns() -> list[str]:
    """Column names in their published order."""
    names = ["slug", "url"]
    for spec in PROJECT.fields:
        if spec.name not in _PRIVATE:
            names.append(spec.name)
        if spec.name == "milestones":
            names.append(CURRENT_STAGE)
    return names


def project_record(entry: Entry, site_url: str) -> dict[str, Any]:
    """One project as JSON-ready values; absent fields are None (lists are [])."""
    # The key stays the first slug: a renamed project (with `aliases`) is the same record for data users.
    record: dict[str, Any] = {"slug": entry.first_slug, "url": f"{site_url}{entry.url}"}
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
        if spec.name == "milestones":
            record[spec.name] = [_json_value(m, False) for m in entry.milestones]
            record[CURRENT_STAGE] = entry.stage or None
    return record


def _json_value(value: Any, many: bool) -> Any:
    if value is None:
        return [] if many else None
    if isinstance(value, list | tuple):
        return [_json_value(v, False) for v in value]
    if isinstance(value, Link):
        return {"title": value.title, "url": value.url}
    if isinstance(value, Milestone):
        return {"date": value.when.iso, "stage": value.stage, "text": value.text, "link": value.link or None}
    if isinstance(value, Contact):
        return {"name": value.name or None, "email": value.email or None, "url": value.url or None}
    if isinstance(value, Document):
        return {"title": value.title, "url": value.url or None, "file": value.file or None}
    if isinstance(value, Period):
        return value.iso
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
        if "stage" in value:  # a milestone
            link = f" <{value['link']}>" if value["link"] else ""
            return f"{value['date']} {value['stage']}: {value['text']}{link}"
        if "email" in value:  # a contact
            return " ".join(
                part
                for part in (value["name"], value["email"] and f"<{value['email']}>", value["url"])
                if part
            )
        return f"{value['title']} <{value['url'] or value.get('file')}>"
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
