"""The title of a dated event as a subscriber reads it: one prefix at most, never the same word twice.

Feeds, calendars, the digest and its e-mail all name an event through `display_title`, so "Conclusies: …",
"PIO-oproep: …" and "Inschrijven tot: …" are decided in one place. A prefix that the editor's title already
starts with ("PIO-oproep: deadline 13 december") is not added again, and the title's own leading label is kept
once ("Conclusies: Marktconsultatie: X", never "Conclusies: Marktconsultatie: Marktconsultatie: X").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from kenniscentrum.content.events import Event, Kind
from kenniscentrum.content.model import BRUSSELS
from kenniscentrum.render.illustration import illustrated
from kenniscentrum.render.templates import gettext as _

_LEADING_LABEL = re.compile(r"^\s*([^:]{1,40}):\s*")


def _folded(text: str) -> str:
    """Lowercase, accents and punctuation dropped: 'PIO-oproep 2019' -> 'piooproep 2019'."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() or c.isspace()).strip()


def without_repeated_label(title: str) -> str:
    """'Marktconsultatie: Marktconsultatie: X' -> 'Marktconsultatie: X' (a label typed twice counts once)."""
    while (first := _LEADING_LABEL.match(title)) and (second := _LEADING_LABEL.match(title[first.end() :])):
        if _folded(first.group(1)) != _folded(second.group(1)):
            break
        title = title[first.end() :]
    return title.strip()


def without_label(title: str, label: str) -> str:
    """'Marktconsultatie: X' -> 'X' when the leading label is `label` (the entry's own kind)."""
    first = _LEADING_LABEL.match(title)
    if first and _folded(first.group(1)) == _folded(label) and title[first.end() :].strip():
        rest = title[first.end() :].strip()
        return rest[:1].upper() + rest[1:]
    return title


def prefixed(prefix: str, title: str) -> str:
    """`prefix: title`, unless the title already starts with the prefix's words."""
    title = without_repeated_label(title)
    if _folded(title).startswith(_folded(prefix)):
        return title
    return f"{prefix}: {title}"


def display_title(event: Event, hour: bool = False) -> str:
    """What feeds, calendars, the digest and e-mails call an event; an invented example says so. With `hour`
    (a calendar, which shows a deadline as its whole day), a deadline's hour in Belgian time follows its label:
    "Deadline 17:00: X", "Inschrijven tot 12:00: X"."""
    return illustrated(event.entry, _plain_title(event, hour))


def _at(label: str, event: Event, hour: bool) -> str:
    """'Deadline' or, with `hour` and a time of day, 'Deadline 17:00' (Belgian time)."""
    if hour and isinstance(event.start, datetime):
        return _("%(label)s %(time)s", label=label, time=f"{event.start.astimezone(BRUSSELS):%H:%M}")
    return label


def _plain_title(event: Event, hour: bool = False) -> str:
    entry = event.entry
    title = without_repeated_label(entry.title)
    if event.kind is Kind.CONCLUSIONS:
        # "Conclusies: Marktconsultatie: X" says the kind twice: the conclusions are those of a consultation.
        return prefixed(_("Conclusies"), without_label(title, entry.type.label))
    if event.kind is Kind.MILESTONE and event.milestone:
        # The step itself, so a reader never sees a second item that looks like the project again.
        return _("%(title)s — %(step)s", title=title, step=event.milestone.text)
    if event.kind is Kind.REGISTRATION_DEADLINE:
        return prefixed(_at(_("Inschrijven tot"), event, hour), title)
    if event.kind is Kind.DEADLINE:
        # One pattern for every call: "Deadline: X", a PIO call named as one ("Deadline: PIO-oproep: …").
        if entry["programme"].strip().upper() == "PIO":
            title = prefixed(_("PIO-oproep"), title)
        return prefixed(_at(_("Deadline"), event, hour), title)
    if event.kind is Kind.SESSION and len(entry.sessions) > 1:
        return _(
            "%(title)s (sessie %(number)s van %(count)s)",
            title=title,
            number=event.number,
            count=len(entry.sessions),
        )
    return title
