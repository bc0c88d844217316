"""iCalendar files: /agenda.ics with every public date, and one small .ics per market consultation.

Times are written in Europe/Brussels with a VTIMEZONE, so a calendar shows a 14:00 session at 14:00 Belgian
time wherever the subscriber is. UIDs come from type and slug, and DTSTAMP from the entry's own dates, so a
rebuild of unchanged content writes identical files and a corrected entry updates the event it replaces.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import ClassVar

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as ICalEvent
from icalendar.prop import vDuration

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.events import Event, Kind, calendar_events
from kenniscentrum.content.model import BRUSSELS, Entry
from kenniscentrum.render.illustration import illustration_note
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import ui_state
from kenniscentrum.render.titles import display_title
from kenniscentrum.site import Site

UID_DOMAIN = "kenniscentrum.pio"
PRODID = "-//PIO//Kenniscentrum innovatieve overheidsopdrachten//NL"
REFRESH_HOURS = 12
# UID stem of each calendar event kind: part of every subscriber's calendar, never to change.
_UID_STEMS = {
    Kind.SESSION: "consultation",
    Kind.REGISTRATION_DEADLINE: "registration",
    Kind.DEADLINE: "funding",
}


@dataclass(frozen=True)
class _Serialized:
    uid: str
    ical: bytes
    timed_day: date | None  # day of a timed DTSTART, so the VTIMEZONE covers it

    # Events serialized by this build and the one before, by everything they are made of: `mkdocs serve`
    # rebuilds on every save, and most events have not changed.
    current: ClassVar[dict[str, _Serialized]] = {}
    previous: ClassVar[dict[str, _Serialized]] = {}


def _event(event: Event, site_url: str) -> _Serialized:
    """One event serialized, or the same event of the previous build (entry, dates, address and UI texts)."""
    entry = event.entry
    key = repr(
        (
            site_url,
            ui_state(),
            [getattr(event, f.name) for f in dataclasses.fields(event) if f.name != "entry"],
            entry.type.name,
            # Every field of the entry, those added later too (its type is named above).
            [getattr(entry, f.name) for f in dataclasses.fields(entry) if f.name != "type"],
        )
    )
    found = _Serialized.current.get(key) or _Serialized.previous.get(key)
    if found is None:
        found = _serialize(calendar_event(event, site_url))
    _Serialized.current[key] = found
    return found


def event_key(event: Event) -> tuple[str, str, str, int]:
    """One calendar event of the content, the same whichever function listed it."""
    return (*event.entry.key, event.kind, event.number)


@dataclass(frozen=True)
class Calendars:
    """The site-wide agenda and each consultation's own calendar, sharing serialized events.

    `serialized` holds every public calendar event once, so the calendars of selections and projects
    (outputs/feeds.py) are assembled from the same bytes.
    """

    agenda: bytes
    consultations: dict[str, bytes]  # source path -> .ics
    serialized: dict[tuple[str, str, str, int], _Serialized] = field(default_factory=dict)
    site_url: str = ""

    def calendar(self, events: list[Event], name: str) -> bytes:
        """A calendar of these events (of any entries), serializing only those not seen before."""
        parts = []
        for event in events:
            key = event_key(event)
            if key not in self.serialized:
                self.serialized[key] = _event(event, self.site_url)
            parts.append(self.serialized[key])
        return _calendar(parts, name)


def build_calendars(catalogue: Catalogue, site: Site | str) -> Calendars:
    """Serialize every event once (icalendar's line folding is the costly part) and assemble all files."""
    site = site if isinstance(site, Site) else Site(url=site)
    _Serialized.previous, _Serialized.current = _Serialized.current, {}
    serialized: dict[tuple[str, str, str, int], _Serialized] = {}

    def serialize(entry: Entry) -> list[_Serialized]:
        events = []
        for event in calendar_events(entry, catalogue.today):
            serialized[event_key(event)] = found = _event(event, site.url)
            events.append(found)
        return events

    per_consultation = {entry: serialize(entry) for entry in catalogue.public("consultation")}
    funding = [event for entry in catalogue.public("funding") for event in serialize(entry)]
    everything = [event for events in per_consultation.values() for event in events] + funding
    return Calendars(
        agenda=_calendar(everything, _("Kenniscentrum PIO: agenda")),
        consultations={
            routes.consultation_calendar_src(entry.type.url_prefix, entry.slug): _calendar(
                events, entry.title
            )
            for entry, events in per_consultation.items()
        },
        serialized=serialized,
        site_url=site.url,
    )


def calendar_event(event: Event, site_url: str) -> ICalEvent:
    """One dated event of the content as an iCalendar VEVENT."""
    entry = event.entry
    url = f"{site_url}{entry.url}"
    ical = ICalEvent()
    # From the first slug (a rename moves nothing in a calendar); the first session keeps the single-session UID.
    suffix = f"-{event.number}" if event.number > 1 else ""
    ical.add("uid", f"{_UID_STEMS[event.kind]}-{entry.first_slug}{suffix}@{UID_DOMAIN}")
    # Reproducible: the entry's last change, never the build time.
    ical.add("dtstamp", datetime.combine(entry.last_changed, time(), UTC))
    ical.add("summary", display_title(event))
    organisation = (
        _("Organisatie: %(name)s", name=entry["organisation"]) + "\n" if "organisation" in entry.data else ""
    )
    # An invented example says so first: a calendar shows no page banner.
    note = illustration_note(entry).rstrip() + "\n" if entry.illustration else ""
    # A deadline is shown as its day (below): its hour comes first in the description.
    hour = (
        _("Deadline om %(time)s (Belgische tijd).", time=f"{event.start.astimezone(BRUSSELS):%H:%M}") + "\n"
        if isinstance(event.start, datetime) and event.kind is not Kind.SESSION
        else ""
    )
    ical.add("description", f"{hour}{note}{entry.description}\n{organisation}\n{url}")
    ical.add("url", url)
    ical.add("categories", [entry.type.label])
    if isinstance(event.start, datetime) and event.kind is Kind.SESSION:
        ical.add("dtstart", event.start.astimezone(BRUSSELS))
        # A session ends when it ends (if an editor said so).
        if isinstance(event.end, datetime):
            ical.add("dtend", event.end.astimezone(BRUSSELS))
        ical.add("location", event.location or entry.location)
    elif isinstance(event.start, datetime):
        # A deadline is a moment, not an appointment of no length: a free all-day event on its day, with the
        # hour first in the description.
        _all_day(ical, event.start.astimezone(BRUSSELS).date())
    else:
        _all_day(ical, event.start)
    return ical


def _all_day(event: ICalEvent, day: date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def _serialize(event: ICalEvent) -> _Serialized:
    start = event.decoded("dtstart")
    return _Serialized(
        str(event["uid"]), event.to_ical(), start.date() if isinstance(start, datetime) else None
    )


def _calendar(events: list[_Serialized], name: str) -> bytes:
    """Assemble a VCALENDAR from serialized events; the VTIMEZONE is built once per year range."""
    end = b"END:VCALENDAR\r\n"
    parts = [_header(name)]
    if any(e.timed_day for e in events):
        parts.append(_vtimezone())
    parts += [event.ical for event in sorted(events, key=lambda e: e.uid)]
    parts.append(end)
    return b"".join(parts)


@functools.lru_cache(maxsize=65536)
def _header(name: str) -> bytes:
    """The calendar's own properties, before its VTIMEZONE and events."""
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
    calendar.add("x-published-ttl", vDuration(timedelta(hours=REFRESH_HOURS)))  # PT12H, as Outlook reads it
    return bytes(calendar.to_ical().removesuffix(b"END:VCALENDAR\r\n"))


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
    return bytes(zone.to_ical())
