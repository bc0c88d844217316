"""The calendar as a calendar application imports it: the right local times, stable UIDs, one file per session."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from icalendar import Calendar

from conftest import CONTENT
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.outputs.ical import build_calendars

BRUSSELS = ZoneInfo("Europe/Brussels")
CONSULTATIONS = sorted(p.stem for p in (CONTENT / "consultations").glob("*.md"))
FUNDING = sorted(p.stem for p in (CONTENT / "funding").glob("*.md"))


def events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_agenda_has_every_consultation_and_funding_deadline_once(site: Path) -> None:
    found = events(site / "agenda.ics")
    expected = {f"consultation-{s}@kenniscentrum.pio" for s in CONSULTATIONS} | {
        f"funding-{s}@kenniscentrum.pio" for s in FUNDING
    }
    assert expected <= set(found)
    calendar = Calendar.from_ical((site / "agenda.ics").read_bytes())
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_a_session_at_two_pm_is_at_two_pm_brussels_time(site: Path) -> None:
    calendar = Calendar.from_ical((site / "agenda.ics").read_bytes())
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    workshop = events(site / "agenda.ics")["consultation-turing-workshop@kenniscentrum.pio"]
    assert workshop["dtstart"].params["TZID"] == "Europe/Brussels"
    start, end = workshop.decoded("dtstart"), workshop.decoded("dtend")
    assert start.replace(tzinfo=None) == datetime(2026, 12, 10, 14, 0)
    assert start.astimezone(UTC) == datetime(2026, 12, 10, 13, 0, tzinfo=UTC)
    assert end.astimezone(BRUSSELS).hour == 16 and end.minute == 30
    # Summer time: the 2021 session at 10:00 is 08:00 UTC.
    halle = events(site / "agenda.ics")["consultation-straatverlichting-halle@kenniscentrum.pio"]
    assert halle.decoded("dtstart").astimezone(UTC) == datetime(2021, 3, 18, 9, 0, tzinfo=UTC)
    assert workshop["location"] == "online"
    assert str(workshop["url"]) == "https://kenniscentrum.example.org/marktconsultaties/turing-workshop/"


def test_funding_deadlines_are_all_day_events_with_the_hour_said(site: Path) -> None:
    """A deadline is a moment: never an event of no length (DTEND = DTSTART), but its day, free, hour first."""
    found = events(site / "agenda.ics")
    timed = found["funding-horizon-europe-innovatiegericht-aankopen@kenniscentrum.pio"]
    assert timed.decoded("dtstart") == date(2027, 3, 17)
    assert timed.decoded("dtend") == date(2027, 3, 18)
    assert str(timed["transp"]) == "TRANSPARENT"
    assert str(timed["description"]).startswith("Deadline om 17:00 (Belgische tijd).")
    all_day = found["funding-pio-oproep-2019-december@kenniscentrum.pio"]
    assert all_day.decoded("dtstart") == date(2019, 12, 13)
    assert all_day["summary"].startswith("PIO-oproep: ")


def test_dtstamp_comes_from_the_content_not_the_build(site: Path) -> None:
    workshop = events(site / "agenda.ics")["consultation-turing-workshop@kenniscentrum.pio"]
    assert workshop.decoded("dtstamp") == datetime(2026, 10, 20, tzinfo=UTC)  # its `published` date


def test_registration_deadline_is_an_all_day_event() -> None:
    catalogue = load_catalogue(CONTENT, date(2026, 11, 25))
    entry = catalogue.get("consultation", "turing-workshop")
    entry.data["registration_deadline"] = date(2026, 12, 3)  # this test's own catalogue
    found = {
        str(e["uid"]): e
        for e in Calendar.from_ical(build_calendars(catalogue, "https://x/").agenda).walk("VEVENT")
    }
    deadline = found["registration-turing-workshop@kenniscentrum.pio"]
    assert deadline.decoded("dtstart") == date(2026, 12, 3)
    assert deadline.decoded("dtend") == date(2026, 12, 4)
    assert deadline["summary"].startswith("Inschrijven tot: ")


@pytest.mark.parametrize("slug", CONSULTATIONS)
def test_each_consultation_page_links_its_own_calendar_file(site: Path, slug: str) -> None:
    """While the session is ahead; a past one offers no "Zet in je agenda", its file stays for subscribers."""
    page = site / "marktconsultaties" / slug / "index.html"
    doc = lxml.html.parse(str(page)).getroot()
    links = [a for a in doc.iter("a") if a.text_content().strip() == "Zet in je agenda"]
    status = doc.xpath("//dt[normalize-space()='Status']/following-sibling::dd[1]")[0].text_content().strip()
    if status in ("Afgelopen", "Verzonnen voorbeeld"):  # past, or an illustration that invites no one
        assert links == []
        own = events(page.parent / "agenda.ics")
    else:
        own = events(page.parent / links[0].get("href"))
    assert f"consultation-{slug}@kenniscentrum.pio" in own
    shared = events(site / "agenda.ics")[f"consultation-{slug}@kenniscentrum.pio"]
    assert own[f"consultation-{slug}@kenniscentrum.pio"].to_ical() == shared.to_ical()


def test_calendar_text_is_plain_text_escaped_by_the_format() -> None:
    catalogue = load_catalogue(CONTENT, date(2026, 11, 25))
    entry = catalogue.get("consultation", "turing-workshop")
    entry.data["location"] = "Zaal A, verdieping 2; ingang\nBEGIN:VEVENT"  # this test's own catalogue
    files = build_calendars(catalogue, "https://x/").consultations
    data = files["marktconsultaties/turing-workshop/agenda.ics"]
    assert data.split(b"\r\n").count(b"BEGIN:VEVENT") == 1  # a newline cannot start a new component
    parsed = Calendar.from_ical(data).walk("VEVENT")[0]
    assert parsed["location"] == "Zaal A, verdieping 2; ingang\nBEGIN:VEVENT"
