"""iCalendar files: /agenda.ics with every public date, and one small .ics per market consultation.

Times are written in Europe/Brussels with a VTIMEZONE, so a calendar shows a 14:00 session at 14:00 Belgian
time wherever the subscriber is. UIDs come from type and slug, and DTSTAMP from the entry's own dates, so a
rebuild of unchanged content writes identical files and a corrected entry updates the event it replaces.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from .catalogue import Catalogue
from .model import BRUSSELS, Entry

UID_DOMAIN = "kenniscentrum.pio"
CALENDAR_NAME = "Kenniscentrum PIO: agenda"
PRODID = "-//PIO//Kenniscentrum innovatieve overheidsopdrachten//NL"
AGENDA_PATH = "agenda.ics"


def consultation_calendar_src(entry: Entry) -> str:
    """Source path of a consultation's own .ics, next to its page (`marktconsultaties/<slug>/agenda.ics`)."""
    return f"{entry.type.url_prefix}/{entry.slug}/agenda.ics"


def agenda(catalogue: Catalogue, site_url: str) -> bytes:
    """The site-wide calendar: consultation sessions, registration deadlines and funding/PIO call deadlines."""
    events: list[Event] = []
    for entry in catalogue.public("consultation"):
        events.extend(consultation_events(entry, site_url))
    for entry in catalogue.public("funding"):
        events.append(funding_event(entry, site_url))
    return _calendar(events, CALENDAR_NAME)


def consultation_calendars(catalogue: Catalogue, site_url: str) -> dict[str, bytes]:
    """One .ics per public consultation, keyed by its source path; same UIDs as in /agenda.ics."""
    return {
        consultation_calendar_src(entry): _calendar(consultation_events(entry, site_url), entry.title)
        for entry in catalogue.public("consultation")
    }


def consultation_events(entry: Entry, site_url: str) -> list[Event]:
    url = f"{site_url}{entry.url}"
    session = _event(entry, f"consultation-{entry.slug}", entry.title, url)
    session.add("dtstart", entry["starts"].astimezone(BRUSSELS))
    if ends := entry.get("ends"):
        session.add("dtend", ends.astimezone(BRUSSELS))
    session.add("location", entry["location"])
    events = [session]
    if deadline := entry.get("registration_deadline"):
        registration = _event(entry, f"registration-{entry.slug}", f"Inschrijven tot: {entry.title}", url)
        _all_day(registration, deadline)
        events.append(registration)
    return events


def funding_event(entry: Entry, site_url: str) -> Event:
    label = "PIO-oproep" if entry["programme"].strip().upper() == "PIO" else "Deadline"
    event = _event(entry, f"funding-{entry.slug}", f"{label}: {entry.title}", f"{site_url}{entry.url}")
    deadline = entry["deadline"]
    if isinstance(deadline, datetime):
        event.add("dtstart", deadline.astimezone(BRUSSELS))
        event.add("dtend", deadline.astimezone(BRUSSELS))
    else:
        _all_day(event, deadline)
    return event


def _event(entry: Entry, uid: str, summary: str, url: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    # Reproducible: the entry's last change, never the build time.
    event.add("dtstamp", datetime.combine(entry.last_changed, time(), UTC))
    event.add("summary", summary)
    organisation = f"Organisatie: {entry['organisation']}\n" if "organisation" in entry.data else ""
    event.add("description", f"{entry.description}\n{organisation}\n{url}")
    event.add("url", url)
    event.add("categories", [entry.type.label])
    return event


def _all_day(event: Event, day: date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def _calendar(events: list[Event], name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    for event in sorted(events, key=lambda e: str(e["uid"])):
        calendar.add_component(event)
    days = [_day(e.decoded("dtstart")) for e in events]
    if days:
        # A VTIMEZONE covering the years in use: enough for every client, small enough to read.
        calendar.add_missing_timezones(
            first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 12, 31)
        )
    return calendar.to_ical()


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
