"""One model of the dated events in the content, read by the feeds, the calendars and the digest.

An entry is published (and, for a consultation, announces a session, a registration deadline and later its
conclusions); a funding notice opens and has a deadline; a project has the milestones its editor wrote. Each is
an `Event` with the entry it belongs to, so every consumer agrees on which dates exist and when they happen.
A project's timeline (`project_timeline`) merges its milestones with what other entries say: the sessions and
conclusions of its consultations, and the year it was selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.conclusions import conclusions_anchor
from kenniscentrum.content.model import BRUSSELS, Entry, Milestone, Period, as_datetime


class Kind(StrEnum):
    PUBLISHED = "published"  # the entry went online
    CONCLUSIONS = "conclusions"  # a consultation's conclusions were published
    SESSION = "session"  # a consultation takes place
    REGISTRATION_DEADLINE = "registration_deadline"  # last day to register for a session
    OPENS = "opens"  # a funding call opens
    DEADLINE = "deadline"  # a funding or PIO call closes
    MILESTONE = "milestone"  # a step in a project's lifecycle (`milestones`), on its day, month or year


# What subscribers are told about (feeds, digest) and what goes in a calendar.
ANNOUNCEMENTS = frozenset({Kind.PUBLISHED, Kind.CONCLUSIONS})
CALENDAR = frozenset({Kind.SESSION, Kind.REGISTRATION_DEADLINE, Kind.DEADLINE})
# The dates of an announced entry's own schedule: in its calendar, not news of their own. Any other kind (a
# project's milestone, say) is news to whoever follows the project or a selection it belongs to.
SCHEDULE = frozenset({Kind.SESSION, Kind.REGISTRATION_DEADLINE, Kind.OPENS, Kind.DEADLINE})


@dataclass(frozen=True)
class Event:
    entry: Entry
    kind: Kind
    start: date | datetime
    end: date | datetime | None = None
    updated: date | None = None  # the day the event's information last changed
    fragment: str = ""  # anchor on the entry page, e.g. "#conclusies"
    location: str = ""  # where a session takes place
    number: int = 0  # a session's place among the consultation's sessions (1, 2, …), 0 for other events
    # A milestone's own data: its period (`start` is the period's first day, so a month milestone is not a
    # claim about the 1st: read `milestone.when.precision`), its stage, text and link.
    milestone: Milestone | None = None

    @property
    def url(self) -> str:
        """Site-relative URL of the page (and place on it) the event links to."""
        return self.entry.url + self.fragment

    @property
    def published(self) -> datetime:
        return as_datetime(self.start)


def entry_events(entry: Entry, today: date) -> list[Event]:
    """Every dated event of one entry, as of the build date (conclusions count from their day on)."""
    events = [Event(entry, Kind.PUBLISHED, entry.published, updated=entry.last_changed)]
    if entry.type.name == "consultation":
        for number, session in enumerate(entry.sessions, start=1):
            events.append(
                Event(
                    entry,
                    Kind.SESSION,
                    session.starts,
                    session.ends,
                    entry.last_changed,
                    location=session.location,
                    number=number,
                )
            )
        if deadline := entry.get("registration_deadline"):
            events.append(Event(entry, Kind.REGISTRATION_DEADLINE, deadline, updated=entry.last_changed))
        conclusions = entry.get("conclusions")
        if conclusions and conclusions <= today:
            # Conclusions written before the page went online reach subscribers when the page does.
            anchor = conclusions_anchor(entry.body)
            events.append(
                Event(
                    entry,
                    Kind.CONCLUSIONS,
                    max(conclusions, entry.published),
                    updated=max(conclusions, entry.published, entry.last_changed),
                    fragment=f"#{anchor}" if anchor else "",
                )
            )
    elif entry.type.name == "project":
        for number, milestone in enumerate(entry.milestones, start=1):
            events.append(
                Event(
                    entry,
                    Kind.MILESTONE,
                    milestone.when.first,
                    milestone.when.last,
                    updated=entry.last_changed,
                    fragment="#tijdlijn",
                    number=number,
                    milestone=milestone,
                )
            )
    elif entry.type.name == "funding":
        if opens := entry.get("opens"):
            events.append(Event(entry, Kind.OPENS, opens, updated=entry.last_changed))
        events.append(Event(entry, Kind.DEADLINE, entry["deadline"], updated=entry.last_changed))
    return events


def announcements(catalogue: Catalogue) -> list[Event]:
    """What the feeds and the digest announce: every public entry and published conclusions, newest first."""
    events = [
        event
        for entry in catalogue.public()
        for event in entry_events(entry, catalogue.today)
        if event.kind in ANNOUNCEMENTS
    ]
    # Newest first; on one day an entry's conclusions before the entry itself, as the feeds always had them.
    return sorted(
        events,
        key=lambda e: (e.published, e.entry.type.name, e.entry.slug, e.kind is Kind.CONCLUSIONS),
        reverse=True,
    )


def calendar_events(entry: Entry, today: date) -> list[Event]:
    """The events of one entry that belong in a calendar."""
    return [event for event in entry_events(entry, today) if event.kind in CALENDAR]


def is_news(event: Event) -> bool:
    """Whether a follower's feed carries the event (a calendar carries `calendar_events`)."""
    return event.kind in ANNOUNCEMENTS or event.kind not in SCHEDULE


def project_events(project: Entry, catalogue: Catalogue) -> list[Event]:
    """Everything about one project, oldest first: its own events (publication, later milestones) and those of
    its public consultations (announcement, sessions, registration deadline, conclusions).

    "Volg dit project" and every selection feed read this one function, so an event kind added to
    `entry_events` reaches a project's followers without a change here.
    """
    entries = [
        project,
        *(c for c in catalogue.consultations_of.get(project.slug, ()) if catalogue.is_public(c)),
    ]
    events = [event for entry in entries for event in entry_events(entry, catalogue.today)]
    return sorted(events, key=lambda e: (e.published, e.entry.type.name, e.entry.slug, e.kind, e.number))


class Step(StrEnum):
    """What a step on a project's timeline is: written by the editor, or derived from other content."""

    MILESTONE = "milestone"  # one of the project's `milestones`
    SELECTED = "selected"  # the year the project was selected (`year`)
    SESSION = "session"  # a session of one of its market consultations
    CONCLUSIONS = "conclusions"  # the conclusions of one of its market consultations were published


_STEP_ORDER = {Step.SELECTED: 0, Step.MILESTONE: 1, Step.SESSION: 2, Step.CONCLUSIONS: 3}


@dataclass(frozen=True)
class TimelineStep:
    """One dated step of a project's story, as precise as its source (a day, a month or a year)."""

    when: Period
    kind: Step
    reached: bool  # behind us on the build date; otherwise planned or upcoming
    milestone: Milestone | None = None
    consultation: Entry | None = None  # the consultation a session or its conclusions belong to
    starts: datetime | None = None  # a session's start
    location: str = ""
    fragment: str = ""  # the conclusions' anchor on the consultation page
    event: Event | None = None  # the consultation's event this step shows (its title: render/titles.py)

    @property
    def illustration(self) -> str:
        """What is invented, when the step comes from an illustrative consultation."""
        return self.consultation.illustration if self.consultation else ""


def project_timeline(catalogue: Catalogue, project: Entry) -> list[TimelineStep]:
    """The project's milestones merged with its derived steps, oldest first.

    Derived: the year of selection, every session of its consultations and their conclusions once published
    (as of the build date); illustrative consultations are left out. A year sorts before the months of that
    year, a month before its days.
    """
    today = catalogue.today
    steps = [
        TimelineStep(
            event.milestone.when, Step.MILESTONE, event.milestone.when.reached(today), event.milestone
        )
        for event in entry_events(project, today)
        if event.kind is Kind.MILESTONE and event.milestone
    ]
    if year := project.get("year"):
        steps.append(TimelineStep(Period(year), Step.SELECTED, Period(year).first <= today))
    # An illustrative consultation is not part of the project's real story: it stays out of the timeline
    # (its page and the project's list of consultations mark it as an example).
    for consultation in catalogue.consultations_of.get(project.slug, []):
        if consultation.illustration:
            continue
        for event in entry_events(consultation, today):
            if event.kind is Kind.SESSION and isinstance(event.start, datetime):
                day = event.start.astimezone(BRUSSELS).date()
                steps.append(
                    TimelineStep(
                        Period.of(day),
                        Step.SESSION,
                        day < today,
                        consultation=consultation,
                        event=event,
                        starts=event.start,
                        location=event.location,
                    )
                )
            elif event.kind is Kind.CONCLUSIONS:
                conclusions = consultation["conclusions"]
                steps.append(
                    TimelineStep(
                        Period.of(conclusions),
                        Step.CONCLUSIONS,
                        True,
                        consultation=consultation,
                        event=event,
                        fragment=event.fragment,
                    )
                )
    return sorted(
        steps,
        key=lambda s: (
            s.when.first,
            len(s.when.iso),  # a year before its months, a month before its days
            _STEP_ORDER[s.kind],
            s.starts.timestamp() if s.starts else 0,
            s.consultation.slug if s.consultation else "",
        ),
    )
