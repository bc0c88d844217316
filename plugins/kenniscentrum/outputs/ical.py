"""iCalendar files: /agenda.ics with every public date, and one small .ics per market consultation.

Times are written in Europe/Brussels with a VTIMEZONE, so a calendar shows a 14:00 session at 14:00 Belgian
time wherever the subscriber is. UIDs come from type and slug, and DTSTAMP from the entry's own dates, so a
rebuild of unchanged content writes identical files and a corrected entry updates the event it replaces.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import BRUSSELS, Entry

UID_DOMAIN = "kenniscentrum.pio"
CALENDAR_NAME = "Kenniscentrum PIO: agenda"
PRODID = "-//PIO//Kenniscentrum innovatieve overheidsopdrachten//NL"
AGENDA_PATH = "agenda.ics"
REFRESH_HOURS = 12


def consultation_calendar_src(entry: Entry) -> str:
    """Source path of a consultation's own .ics, next to its page (`marktconsultaties/<slug>/agenda.ics`)."""
    return f"{entry.type.url_prefix}/{entry.slug}/agenda.ics"


@dataclass(frozen=True)
class Calendars:
    """The site-wide agenda and each consultation's own calendar, sharing serialized events."""

    agenda: bytes
    consultations: dict[str, bytes]  # source path -> .ics


@dataclass(frozen=True)
class _Serialized:
    uid: str
    ical: bytes
    timed_day: date | None  # day of a timed DTSTART, so the VTIMEZONE covers it


def build_calendars(catalogue: Catalogue, site_url: str) -> Calendars:
    """Serialize every event once (icalendar's line folding is the costly part) and assemble all files."""
    per_consultation = {
        entry: [_serialize(e) for e in consultation_events(entry, site_url)]
        for entry in catalogue.public("consultation")
    }
    funding = [_serialize(funding_event(entry, site_url)) for entry in catalogue.public("funding")]
    everything = [event for events in per_consultation.values() for event in events] + funding
    return Calendars(
        agenda=_calendar(everything, CALENDAR_NAME),
        consultations={
            consultation_calendar_src(entry): _calendar(events, entry.title)
            for entry, events in per_consultation.items()
        },
    )


def agenda(catalogue: Catalogue, site_url: str) -> bytes:
    """The site-wide calendar: consultation sessions, registration deadlines and funding/PIO call deadlines."""
    return build_calendars(catalogue, site_url).agenda


def consultation_calendars(catalogue: Catalogue, site_url: str) -> dict[str, bytes]:
    """One .ics per public consultation, keyed by its source path; same UIDs as in /agenda.ics."""
    return build_calendars(catalogue, site_url).consultations


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


def _serialize(event: Event) -> _Serialized:
    start = event.decoded("dtstart")
    return _Serialized(
        str(event["uid"]), event.to_ical(), start.date() if isinstance(start, datetime) else None
    )


def _calendar(events: list[_Serialized], name: str) -> bytes:
    """Assemble a VCALENDAR from serialized events; the VTIMEZONE is built once per year range."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    # How often subscribed clients fetch again (RFC 7986; Outlook and Apple read the X- variant).
    calendar.add("refresh-interval", timedelta(hours=REFRESH_HOURS), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", timedelta(hours=REFRESH_HOURS))
    end = b"END:VCALENDAR\r\n"
    parts = [calendar.to_ical().removesuffix(end)]
    if any(e.timed_day for e in events):
        parts.append(_vtimezone())
    parts += [event.ical for event in sorted(events, key=lambda e: e.uid)]
    parts.append(end)
    return b"".join(parts)


@functools.cache
def _vtimezone() -> bytes:
    """Europe/Brussels as a rule (RRULE), the way Outlook and Google write it.

    icalendar's `Timezone.from_tzinfo` lists every transition as a multi-valued RDATE, and ical.js (Thunderbird,
    Nextcloud) reads only the first value of such a property, so it showed summer sessions an hour late. The EU rule
    (Directive 2000/84/EC, in force in Belgium since 1996): summer time from the last Sunday of March at 02:00 to the
    last Sunday of October at 03:00.
    """
    zone = Timezone()
    zone.add("tzid", "Europe/Brussels")
    zone.add("x-lic-location", "Europe/Brussels")
    for part, name, start, offset_from, offset_to, month in (
        (TimezoneDaylight(), "CEST", datetime(1996, 3, 31, 2, 0), 1, 2, 3),
        (TimezoneStandard(), "CET", datetime(1996, 10, 27, 3, 0), 2, 1, 10),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone.to_ical()
