""" "Volg deze selectie" in the project catalogue, in Debian's chromium: the feed offered for a filter holds the
projects the catalogue shows; alternatives become an OPML bundle; copying is announced; axe-core finds nothing."""

from __future__ import annotations

from typing import Any

import feedparser
import listparser
import lxml.etree
import pytest
from axe_playwright_python.sync_playwright import Axe
from site_pages import axe_summary

pytestmark = pytest.mark.browser

TAG = "tag:vlaio.be,2024:kenniscentrum/project/"
FOLLOW = "#kc-follow"


def shown_slugs(page: Any) -> set[str]:
    hrefs = page.locator(".kc-results .kc-card:visible .kc-card__title a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs}


def fetched(page: Any, url: str) -> str:
    return str(page.evaluate("url => fetch(url).then(r => r.text())", url))


def feed_projects(page: Any, url: str) -> set[str]:
    parsed = feedparser.parse(fetched(page, url))
    assert not parsed.bozo, url
    # A project's own item; its milestones have ids below it (project/<slug>/milestone/…).
    return {
        e.id.removeprefix(TAG)
        for e in parsed.entries
        if e.id.startswith(TAG) and "/" not in e.id.removeprefix(TAG)
    }


@pytest.mark.parametrize("width", [1280, 375])
def test_ticking_a_theme_offers_exactly_that_selection(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("projecten/")
    box = page.locator(FOLLOW)
    assert box.is_visible()
    toggle = page.locator(".kc-filters-toggle")
    if toggle.is_visible():  # on a phone the filters sit behind a button
        toggle.click()
    page.get_by_label("Energie").check()
    about = box.locator("a[data-kind=page]")
    assert about.is_visible()
    assert about.get_attribute("href").endswith("/feeds/thema/energie/")  # the feed's page, not raw XML
    feed = box.locator("[data-kind=copy]").get_attribute("data-feed")
    assert feed.endswith("/feeds/thema/energie.xml")
    assert feed_projects(page, feed) == shown_slugs(page)
    calendar = box.locator("a[data-kind=calendar]").get_attribute("href")
    assert calendar.startswith("webcal://") and calendar.endswith("/feeds/thema/energie.ics")
    assert "thema ‘Energie’" in box.locator(".kc-follow__what").inner_text()
    assert not box.locator("a[data-kind=opml]").is_visible()
    violations = Axe().run(page).response["violations"]
    assert not violations, axe_summary(violations)


def test_a_theme_and_an_organisation_type_have_their_own_feed(page: Any) -> None:
    page.goto("projecten/?thema=energie&soort=lokaal-bestuur")
    feed = page.locator(f"{FOLLOW} [data-kind=copy]").get_attribute("data-feed")
    assert feed.endswith("/feeds/thema/energie/soort/lokaal-bestuur.xml")
    assert feed_projects(page, feed) == shown_slugs(page)


def test_alternatives_become_an_opml_bundle_of_exactly_their_feeds(page: Any) -> None:
    page.goto("projecten/?fase=voortraject&fase=uitvoering")
    box = page.locator(FOLLOW)
    opml = box.locator("a[data-kind=opml]")
    assert opml.is_visible() and not box.locator("a[data-kind=page]").is_visible()
    text = fetched(page, opml.get_attribute("href"))
    root = lxml.etree.fromstring(text.encode())
    assert root.get("version") == "2.0"
    outlines = root.findall("body/outline")
    assert all(o.get("type") == "rss" and o.get("text") and o.get("xmlUrl") for o in outlines)
    parsed = listparser.parse(text)
    urls = [f.url for f in parsed.feeds]
    assert len(urls) == 2 and all(
        u.split("/feeds/fase/")[1] in {"voortraject.xml", "uitvoering.xml"} for u in urls
    )
    union = set().union(*(feed_projects(page, url) for url in urls))
    assert union == shown_slugs(page)
    assert "2 feeds" in box.locator(".kc-follow__what").inner_text()
    # A calendar app takes one calendar at a time: one webcal link per value, each a calendar that exists.
    calendars = box.locator("[data-kind=calendars] a")
    assert calendars.count() == 2 and calendars.first.is_visible()
    hrefs = calendars.evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith("webcal://") for h in hrefs)
    assert {h.rsplit("/", 1)[-1] for h in hrefs} == {"voortraject.ics", "uitvoering.ics"}
    for href in hrefs:
        assert "BEGIN:VCALENDAR" in fetched(page, href.replace("webcal://", "http://"))
    assert "geen gezamenlijke agenda" in box.locator(".kc-follow__calendars").inner_text()
    # The bundle is titled as the selection, its outlines as in the OPML of all feeds.
    assert root.findtext("head/title") == "Feeds van je selectie: fase ‘Voortraject’ of fase ‘Uitvoering’"
    assert sorted(o.get("title") for o in outlines) == ["Fase: Uitvoering", "Fase: Voortraject"]


NO_EXACT_FEED = "Er is geen feed van precies deze selectie"


@pytest.mark.parametrize(
    ("query", "left_out", "offered", "files"),
    [
        # theme + phase: the theme's feed, and the phase is named as left out
        (
            "thema=digitalisering&fase=afgerond",
            "je filter op fase ‘Afgerond’ telt niet mee",
            "thema ‘Digitalisering’",
            ["thema/digitalisering"],
        ),
        # theme + two organisation types + phase: the pair feeds (an OPML bundle), without the phase
        (
            "thema=digitalisering&soort=vlaamse-overheid&soort=lokaal-bestuur&fase=afgerond",
            "je filter op fase ‘Afgerond’ telt niet mee",
            "thema ‘Digitalisering’ en soort organisatie ‘Vlaamse overheid’ of soort organisatie ‘Lokaal bestuur’",
            ["thema/digitalisering/soort/vlaamse-overheid", "thema/digitalisering/soort/lokaal-bestuur"],
        ),
        # two themes + a phase: the phase's one feed, and both themes are named as left out
        (
            "thema=energie&thema=digitalisering&fase=afgerond",
            "je filter op thema ‘Digitalisering’ of thema ‘Energie’ telt niet mee",
            "fase ‘Afgerond’",
            ["fase/afgerond"],
        ),
        # a facet without feeds (year) next to a phase and an organisation type: two filters left out
        (
            "fase=afgerond&soort=vlaamse-overheid&jaar=2022",
            "je filters op fase ‘Afgerond’ en jaar van selectie ‘2022’ tellen niet mee",
            "soort organisatie ‘Vlaamse overheid’",
            ["soort/vlaamse-overheid"],
        ),
    ],
)
def test_a_selection_without_its_own_feed_names_the_filters_left_out(
    page: Any, query: str, left_out: str, offered: str, files: list[str]
) -> None:
    page.goto(f"projecten/?{query}")
    box = page.locator(FOLLOW)
    what = box.locator(".kc-follow__what").inner_text()
    assert what.startswith(NO_EXACT_FEED), what
    assert left_out in what, what
    # What follows describes the offered feeds' selection, and only that.
    assert offered in what.split(left_out, 1)[1], what
    if len(files) == 1:
        link = box.locator("a[data-kind=page]")
        assert link.is_visible() and "ruimere selectie" in link.inner_text()
        assert "deze selectie" not in link.inner_text()
        assert link.get_attribute("href").endswith(f"/feeds/{files[0]}/")
        urls = [box.locator("[data-kind=copy]").get_attribute("data-feed")]
        # The sentence after the filters left out is the offered feed's own description, word for word.
        described = feedparser.parse(fetched(page, urls[0])).feed.subtitle
        assert what == f"{what.split(left_out, 1)[0]}{left_out}. {described}", what
    else:
        opml = box.locator("a[data-kind=opml]")
        assert opml.is_visible() and not box.locator("a[data-kind=page]").is_visible()
        urls = [f.url for f in listparser.parse(fetched(page, opml.get_attribute("href"))).feeds]
        assert f"{len(files)} feeds" in what
    assert sorted(u.split("/feeds/", 1)[1] for u in urls) == sorted(f"{f}.xml" for f in files)
    # Broader, never narrower: every project the catalogue shows is in the offered feeds.
    assert shown_slugs(page) <= set().union(*(feed_projects(page, url) for url in urls))


@pytest.mark.parametrize(
    "query", ["thema=energie", "fase=voortraject&fase=uitvoering", "thema=energie&soort=lokaal-bestuur"]
)
def test_a_selection_with_its_own_feeds_drops_nothing(page: Any, query: str) -> None:
    page.goto(f"projecten/?{query}")
    what = page.locator(f"{FOLLOW} .kc-follow__what").inner_text()
    assert NO_EXACT_FEED not in what and "telt niet mee" not in what


def test_copying_the_feed_address_is_announced(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server, locale="nl-BE", viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    try:
        page.goto("projecten/?thema=energie")
        button = page.get_by_role("button", name="Kopieer feedadres")
        button.focus()
        page.keyboard.press("Enter")
        status = page.locator(f"{FOLLOW} [role=status]")
        status.filter(has_text="Gekopieerd").wait_for(state="attached")
        # Seen by everyone, not only announced to screen readers.
        page.locator(f"{FOLLOW} .kc-copied").filter(has_text="Gekopieerd").wait_for(state="visible")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.endswith("/feeds/thema/energie.xml")
    finally:
        context.close()


def test_a_project_page_offers_webcal_and_a_copy_button(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server, locale="nl-BE", viewport={"width": 375, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    try:
        page.goto("projecten/turing/")
        box = page.locator("section.kc-follow")  # the sanitizer keeps no aria-labelledby on entry pages
        calendar = box.get_by_role("link", name="Zet in je agenda (webcal)").get_attribute("href")
        assert calendar.startswith("webcal://") and calendar.endswith("/feeds/project/turing.ics")
        box.get_by_role("button", name="Kopieer feedadres: Feed (RSS)").click()
        box.get_by_role("status").filter(has_text="Gekopieerd").wait_for(state="attached")
        box.locator(".kc-copied").filter(has_text="Gekopieerd").wait_for(state="visible")
        assert page.evaluate("navigator.clipboard.readText()").endswith("/feeds/project/turing.xml")
        # The feed link itself leads to the feed's own page.
        assert (
            box.get_by_role("link", name="Feed (RSS)").get_attribute("href").endswith("feeds/project/turing/")
        )
        violations = Axe().run(page).response["violations"]
        assert not violations, axe_summary(violations)
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_subscribe_page_reads_on_a_phone_and_subscribes_in_one_click(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("abonneren/")
    calendars = page.locator("article a.kc-webcal").evaluate_all("links => links.map(a => a.href)")
    assert calendars and all(href.startswith("webcal://") for href in calendars)
    assert page.get_by_role("button", name="Kopieer feedadres: Feed van de marktconsultaties").count() == 1
    # A copy button never leaves a stray " :" behind it: what follows a copyable link is not a sentence.
    text = page.locator("article").inner_text()
    assert "Kopieer feedadres :" not in text and "Gekopieerd:" not in text
    # Per sector, a link to the page of the feed of its consultations, each with its copy button.
    sectors = page.locator("ul.kc-sector-feeds a")
    assert sectors.count() >= 10
    assert sectors.first.get_attribute("href").startswith("../feeds/marktconsultaties/thema/")
    assert page.get_by_role("button", name="Kopieer feedadres: Energie").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = Axe().run(page).response["violations"]
    assert not violations, axe_summary(violations)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_feed_page_copies_its_addresses_and_subscribes_the_calendar(
    browser: Any, server: str, width: int
) -> None:
    context = browser.new_context(base_url=server, locale="nl-BE", viewport={"width": width, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    try:
        page.goto("feeds/thema/energie/")
        assert page.get_by_role("heading", level=1).inner_text().startswith("Feed: Energie")
        assert page.locator(".kc-feed-latest li").count() >= 1
        page.get_by_role("button", name="Kopieer feedadres: Feed (Atom)").click()
        page.locator(".kc-copied").filter(has_text="Gekopieerd").first.wait_for(state="visible")
        assert page.evaluate("navigator.clipboard.readText()").endswith("/feeds/thema/energie.atom")
        # The https address of the calendar is copied by a button that says so.
        assert page.get_by_role("button", name="Kopieer agenda-adres: Agenda-adres (https)").count() == 1
        assert page.get_by_role("button", name="Kopieer feedadres: Agenda-adres (https)").count() == 0
        calendar = page.get_by_role("link", name="Zet in je agenda (webcal)").get_attribute("href")
        assert calendar.startswith("webcal://") and calendar.endswith("/feeds/thema/energie.ics")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        violations = Axe().run(page).response["violations"]
        assert not violations, axe_summary(violations)
    finally:
        context.close()


def test_the_home_page_on_a_phone_shows_the_way_to_subscribe(page: Any) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("./")
    link = page.locator("article a[href$='abonneren/']").first
    assert link.is_visible()


@pytest.mark.parametrize("width", [1280, 375])
def test_ticking_a_theme_on_the_consultations_page_filters_and_offers_its_feed(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("marktconsultaties/")
    box = page.locator(FOLLOW)
    assert not box.is_visible()  # no theme: the page's own "Volg de marktconsultaties" stands
    everything = page.get_by_role("region", name="Volg de marktconsultaties")
    assert everything.is_visible()
    page.locator("#kc-filters").get_by_label("Energie").check()
    assert box.is_visible()
    assert not everything.is_visible()  # one box: the feed of all would be the wrong one to take now
    assert page.url.endswith("?thema=energie")
    shown = page.locator(".kc-cards > .kc-card:visible")
    themes = shown.evaluate_all("cards => cards.map(c => c.dataset.thema)")
    assert themes and all("energie" in t.split() for t in themes)
    assert page.locator(".kc-cards > .kc-card:not(:visible)").count() >= 1
    # The theme's consultations only, not the theme's feed of projects, tips and funding.
    assert (
        box.locator("a[data-kind=page]")
        .get_attribute("href")
        .endswith("/feeds/marktconsultaties/thema/energie/")
    )
    calendar = box.locator("a[data-kind=calendar]")
    assert calendar.is_visible() and calendar.get_attribute("href").startswith("webcal://")
    assert calendar.get_attribute("href").endswith("/feeds/marktconsultaties/thema/energie.ics")
    assert "marktconsultatie met thema ‘Energie’" in box.locator(".kc-follow__what").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = Axe().run(page).response["violations"]
    assert not violations, axe_summary(violations)


def test_a_theme_without_past_consultations_says_none_instead_of_an_empty_heading(page: Any) -> None:
    page.goto("marktconsultaties/?thema=mobiliteit")  # the fixture's mobility consultations are all upcoming
    past = page.locator("h2", has_text="Afgelopen")
    note = past.locator("xpath=following-sibling::p[contains(@class, 'kc-cards-none')][1]")
    assert note.is_visible() and note.inner_text() == "Geen marktconsultaties met dit thema."
    upcoming = page.locator("h2", has_text="Binnenkort")
    assert not upcoming.locator(
        "xpath=following-sibling::p[contains(@class, 'kc-cards-none')][1]"
    ).is_visible()
    page.goto("marktconsultaties/")
    assert not page.locator(".kc-cards-none:visible").count()


def test_back_and_forward_on_the_consultations_page_restore_the_themes_cards_and_box(page: Any) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto("marktconsultaties/")
    form = page.locator("#kc-filters")
    box = page.locator(FOLLOW)
    everything = page.get_by_role("region", name="Volg de marktconsultaties")
    all_cards = page.locator(".kc-cards > .kc-card").count()

    def themes_shown() -> list[str]:
        return page.locator(".kc-cards > .kc-card:visible").evaluate_all(
            "cards => cards.map(c => c.dataset.thema)"
        )

    form.get_by_label("Energie").check()
    form.get_by_label("Mobiliteit").check()
    assert page.url.endswith("?thema=energie&thema=mobiliteit")
    assert box.locator("a[data-kind=opml]").is_visible()  # two themes: their two feeds in one file
    # Each step back or forward updates the box once (the filter announces the selection once).
    page.evaluate(
        "window.kcUpdates = 0; document.getElementById('kc-filters')"
        ".addEventListener('kc-filter', () => window.kcUpdates++)"
    )

    page.go_back()
    assert page.url.endswith("?thema=energie")
    assert form.get_by_label("Energie").is_checked() and not form.get_by_label("Mobiliteit").is_checked()
    assert themes_shown() and all("energie" in t.split() for t in themes_shown())
    assert (
        box.locator("a[data-kind=page]")
        .get_attribute("href")
        .endswith("/feeds/marktconsultaties/thema/energie/")
    )
    assert "thema ‘Energie’" in box.locator(".kc-follow__what").inner_text()
    assert box.is_visible() and not everything.is_visible()
    assert page.evaluate("window.kcUpdates") == 1

    page.go_back()
    assert "?" not in page.url
    assert not form.locator("input:checked").count()
    assert len(themes_shown()) == all_cards
    assert not box.is_visible() and everything.is_visible()  # no theme: the page's own box again
    assert not page.locator(".kc-cards-none:visible").count()
    assert page.evaluate("window.kcUpdates") == 2

    page.go_forward()
    page.go_forward()
    assert page.url.endswith("?thema=energie&thema=mobiliteit")
    assert form.get_by_label("Mobiliteit").is_checked()
    assert all({"energie", "mobiliteit"} & set(t.split()) for t in themes_shown())
    assert box.locator("a[data-kind=opml]").is_visible() and not everything.is_visible()
    assert page.evaluate("window.kcUpdates") == 4
    assert errors == []
