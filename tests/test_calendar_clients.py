"""Every calendar read by independent clients: ical.js (Thunderbird, Nextcloud) and `ical` (Home Assistant).

ical.js reads only the first value of a multi-valued RDATE in a VTIMEZONE; a calendar that icalendar reads right
can still put summer sessions an hour off there. All clients must agree on every instant.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from conftest import ROOT

SCRIPT = Path(__file__).parent / "clients" / "icaljs_events.mjs"


def icaljs(paths: list[Path]) -> dict[str, dict[str, dict]]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "ical.js").is_dir():
        pytest.fail("node of ical.js ontbreekt: run 'make test' (npm ci)")
    result = subprocess.run(
        [node, str(SCRIPT), *map(str, paths)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def icalendar_instant(value: date | datetime) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return value.isoformat()


def test_icaljs_icalendar_and_home_assistant_agree_on_every_event(site: Path) -> None:
    files = sorted(site.rglob("*.ics"))
    assert len(files) > 1
    read = icaljs(files)
    compared = 0
    for path in files:
        calendar = Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            theirs = read[str(path)][str(event["uid"])]
            assert theirs["start"] == icalendar_instant(event.decoded("dtstart")), (path, event["uid"])
            if "dtend" in event:
                assert theirs["end"] == icalendar_instant(event.decoded("dtend")), (path, event["uid"])
            compared += 1
        home_assistant = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        for event in home_assistant.events:
            theirs = read[str(path)][event.uid]
            assert theirs["start"] == icalendar_instant(event.dtstart), (path, event.uid)
            assert theirs["end"] == icalendar_instant(event.dtend), (path, event.uid)
        assert len(home_assistant.events) == len(read[str(path)])
    # A selection or project without dates yet has an empty calendar (its subscribers keep it); every other
    # calendar was compared.
    assert compared >= len([f for f in files if b"BEGIN:VEVENT" in f.read_bytes()])


def test_a_summer_session_is_at_its_local_time_in_icaljs(site: Path) -> None:
    # 14:00 in June is CEST (UTC+2): 12:00 UTC. With the old RDATE VTIMEZONE ical.js said 13:00.
    read = icaljs([site / "agenda.ics"])[str(site / "agenda.ics")]
    summer = [e for e in read.values() if e["start"].startswith("2021-06-10T")]
    assert [e["start"] for e in summer] == ["2021-06-10T12:00:00.000Z"]
    winter = [e for e in read.values() if e["start"].startswith("2026-12-10T")]
    assert [e["start"] for e in winter] == ["2026-12-10T13:00:00.000Z"]


def test_calendars_say_how_often_to_refresh(site: Path) -> None:
    calendar = Calendar.from_ical((site / "agenda.ics").read_bytes())
    assert calendar["refresh-interval"].params["VALUE"] == "DURATION"
    assert calendar.decoded("refresh-interval").total_seconds() == 12 * 3600
    assert b"X-PUBLISHED-TTL:PT12H\r\n" in (site / "agenda.ics").read_bytes()  # Outlook's ISO duration
    assert calendar["name"] and calendar["x-wr-calname"]
    rules = [str(c.name) for c in calendar.walk() if "RRULE" in c]
    assert rules == ["DAYLIGHT", "STANDARD"]
    assert not [c for c in calendar.walk() if "RDATE" in c]
