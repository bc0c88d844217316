"""Time-dependent status, always computed against the build date (tests pass a fixed one).

A static site only knows the day it was built: listings say "upcoming" or "open" as of that day, which is
why the site is rebuilt daily and why every function here takes `today` instead of reading a clock.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kenniscentrum.content.model import BRUSSELS, Entry, as_datetime

TODAY_VARIABLE = "KENNISCENTRUM_TODAY"


def build_date(configured: str | None = None) -> date:
    """The date a build or check runs "on": KENNISCENTRUM_TODAY, else the configured date, else today in Brussels.

    Every status (upcoming, open, scheduled) is computed against it, so tests and previews can fix the clock.
    """
    value = os.environ.get(TODAY_VARIABLE) or configured
    return date.fromisoformat(value) if value else datetime.now(BRUSSELS).date()


@dataclass(frozen=True)
class Status:
    code: str
    label: str  # Dutch, shown to readers
    order: int  # listing order: open first


OPEN = Status("open", "Open", 0)
SOON = Status("binnenkort", "Binnenkort", 1)
CLOSED = Status("gesloten", "Gesloten", 2)
FUNDING_STATUSES = (OPEN, SOON, CLOSED)


def _day(value: date | datetime) -> date:
    return value.astimezone(BRUSSELS).date() if isinstance(value, datetime) else value


def consultation_is_upcoming(entry: Entry, today: date) -> bool:
    """A session today still counts as upcoming: readers may yet attend."""
    return bool(entry.sessions) and _day(entry.sessions[-1].starts) >= today


def registration_open(entry: Entry, today: date) -> bool:
    """Registration is open for an upcoming session until its deadline day has passed (no deadline: until it starts)."""
    if not consultation_is_upcoming(entry, today):
        return False
    deadline = entry.get("registration_deadline")
    return deadline is None or deadline >= today


def funding_status(entry: Entry, today: date) -> Status:
    if "opens" in entry.data and entry["opens"] > today:
        return SOON
    if _day(entry["deadline"]) < today:
        return CLOSED
    return OPEN


def funding_sort_key(entry: Entry, status: Status) -> tuple[float, str]:
    """Open: nearest deadline first. Not yet open: soonest opening first. Closed: most recent deadline first."""
    deadline = as_datetime(entry["deadline"], end_of_day=True).timestamp()
    if status is SOON:
        return (as_datetime(entry["opens"]).timestamp(), entry.title)
    if status is CLOSED:
        return (-deadline, entry.title)
    return (deadline, entry.title)


def current_stage(entry: Entry, today: date, stages: Sequence[str] = ()) -> str:
    """A project's stage on `today`: that of its latest milestone already behind us ("" without one).

    A milestone of the current month or year is still planned (`Period.reached`): the site never claims a
    step that may not have happened yet. "Latest" in the timeline's order: by the start of the period, a year
    before its months and a month before its days (a milestone dated 2023 comes before one of 15 March 2023);
    two milestones on one date: the later stage in `stages` wins.
    """
    order = {code: index for index, code in enumerate(stages)}
    reached = [m for m in entry.milestones if m.when.reached(today)]
    if not reached:
        return ""
    return max(reached, key=lambda m: (m.when.first, len(m.when.iso), order.get(m.stage, -1))).stage
