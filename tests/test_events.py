"""One model of the dated events in the content: the feeds, the calendars and the digest read the same events."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import CONTENT, TODAY
from kenniscentrum.content.catalogue import Catalogue, load_catalogue
from kenniscentrum.content.events import Kind, announcements, calendar_events, entry_events
from kenniscentrum.outputs.feeds import feed_items
from kenniscentrum.pages.digest import digest_pages
from kenniscentrum.render.digest import by_month


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CONTENT, date.fromisoformat(TODAY))


def test_a_consultation_is_published_held_and_concluded(catalogue: Catalogue) -> None:
    entry = catalogue.get("consultation", "straatverlichting-halle")
    events = {event.kind: event for event in entry_events(entry, catalogue.today)}
    assert set(events) == {Kind.PUBLISHED, Kind.SESSION, Kind.CONCLUSIONS}
    assert events[Kind.SESSION].start == entry["starts"] and events[Kind.SESSION].end == entry["ends"]
    # Conclusions written before the page went online are announced the day the page is.
    assert events[Kind.CONCLUSIONS].start == max(entry["conclusions"], entry.published)
    assert events[Kind.CONCLUSIONS].url == entry.url + events[Kind.CONCLUSIONS].fragment


def test_conclusions_count_from_their_day_on(catalogue: Catalogue) -> None:
    entry = catalogue.get("consultation", "straatverlichting-halle")
    before = entry_events(entry, date(2021, 5, 5))
    assert Kind.CONCLUSIONS not in {event.kind for event in before}


def test_a_funding_call_opens_and_closes_but_only_its_deadline_is_in_the_calendar(
    catalogue: Catalogue,
) -> None:
    entry = catalogue.get("funding", "pio-oproep-2019-juni")
    kinds = [event.kind for event in entry_events(entry, catalogue.today)]
    assert kinds == [Kind.PUBLISHED, Kind.OPENS, Kind.DEADLINE]
    assert [event.kind for event in calendar_events(entry, catalogue.today)] == [Kind.DEADLINE]


def test_feeds_and_digest_announce_the_same_events(catalogue: Catalogue) -> None:
    events = announcements(catalogue)
    assert [item.event for item in feed_items(catalogue)] == events
    assert [e.published for e in events] == sorted((e.published for e in events), reverse=True)
    months = by_month(events)
    assert sum(len(month) for month in months.values()) == len(events)
    assert {f"nieuwsbrief/{month}.md" for month in months} < set(digest_pages(catalogue))
    assert all(event.entry.published <= catalogue.today for event in events)
