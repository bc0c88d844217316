"""Time-dependent status, always computed against the build date (tests pass a fixed one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .model import BRUSSELS, Entry


@dataclass(frozen=True)
class Status:
    code: str
    label: str  # Dutch, shown to readers
    order: int  # listing order: open first


OPEN = Status("open", "Open", 0)
SOON = Status("binnenkort", "Binnenkort", 1)
CLOSED = Status("gesloten", "Gesloten", 2)


def _day(value: date | datetime) -> date:
    return value.astimezone(BRUSSELS).date() if isinstance(value, datetime) else value


def consultation_is_upcoming(entry: Entry, today: date) -> bool:
    """A session today still counts as upcoming: readers may yet attend."""
    return _day(entry["starts"]) >= today


def funding_status(entry: Entry, today: date) -> Status:
    if "opens" in entry.data and entry["opens"] > today:
        return SOON
    if _day(entry["deadline"]) < today:
        return CLOSED
    return OPEN
