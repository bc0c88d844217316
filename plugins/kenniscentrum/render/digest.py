"""The monthly digest's content, shared by its pages (pages/digest.py) and its e-mail (outputs/email.py).

The digest lists the same announcements as the feeds (so a consultation's conclusions count in the month they
were published), grouped by type in the order a reader of the newsletter scans in.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from babel.dates import format_date

from kenniscentrum.content.events import Event, Kind
from kenniscentrum.content.status import CLOSED, funding_status
from kenniscentrum.render import formatting
from kenniscentrum.render.formatting import nl_date, nl_datetime, nl_deadline
from kenniscentrum.render.templates import N_, ui
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.titles import display_title

# (type, event kind, heading msgid)
GROUPS = (
    ("consultation", Kind.PUBLISHED, N_("Nieuwe marktconsultaties")),
    ("consultation", Kind.CONCLUSIONS, N_("Conclusies van marktconsultaties")),
    ("project", Kind.PUBLISHED, N_("Nieuwe projecten")),
    ("tip", Kind.PUBLISHED, N_("Tips en verhalen")),
    ("funding", Kind.PUBLISHED, N_("Financiering")),
)


def by_month(events: list[Event]) -> dict[str, list[Event]]:
    """Announcements per month ("2026-11"), newest month first; each month keeps the newest-first order."""
    months: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        months[f"{event.published:%Y-%m}"].append(event)
    return dict(sorted(months.items(), reverse=True))


def month_label(month: str) -> str:
    """'november 2026'."""
    year, number = (int(part) for part in month.split("-"))
    return format_date(date(year, number, 1), "MMMM y", locale=formatting.LOCALE)


def title(event: Event) -> str:
    return display_title(event)


def detail(event: Event, today: date | None = None) -> str:
    """The one fact a reader of the digest scans for, in plain text; a call closed by `today` says so."""
    entry = event.entry
    if event.kind is Kind.CONCLUSIONS:
        # The conclusions' own date, as their page gives it: a page that went online later announces them
        # in its own month, but never moves their date.
        return _("Conclusies gepubliceerd op %(date)s", date=nl_date(entry["conclusions"]))
    if entry.type.name == "consultation":
        return f"{nl_datetime(entry.starts)}, {entry.location}"
    if entry.type.name == "funding":
        if today and funding_status(entry, today) is CLOSED:
            return _("Gesloten: de deadline was %(date)s", date=nl_deadline(entry["deadline"]))
        return _("Deadline %(date)s", date=nl_deadline(entry["deadline"]))
    return _("Gepubliceerd op %(date)s", date=nl_date(event.published))


def grouped(events: list[Event]) -> list[dict[str, Any]]:
    """The month's announcements under their headings, empty groups left out, as template data."""
    groups = []
    for type_name, kind, heading in GROUPS:
        members = [e for e in events if e.entry.type.name == type_name and e.kind is kind]
        if members:
            groups.append({"heading": ui(heading), "items": members})
    return groups
