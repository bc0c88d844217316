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

TAG = "tag:kenniscentrum.pio,2024:project/"
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
    feed = box.locator("a[data-kind=feed]")
    assert feed.is_visible()
    assert feed.get_attribute("href").endswith("/feeds/thema/energie.xml")
    assert feed_projects(page, feed.get_attribute("href")) == shown_slugs(page)
    calendar = box.locator("a[data-kind=calendar]").get_attribute("href")
    assert calendar.startswith("webcal://") and calendar.endswith("/feeds/thema/energie.ics")
    assert "thema ‘Energie’" in box.locator(".kc-follow__what").inner_text()
    assert not box.locator("a[data-kind=opml]").is_visible()
    violations = Axe().run(page).response["violations"]
    assert not violations, axe_summary(violations)


def test_a_theme_and_an_organisation_type_have_their_own_feed(page: Any) -> None:
    page.goto("projecten/?thema=energie&soort=lokaal-bestuur")
    feed = page.locator(f"{FOLLOW} a[data-kind=feed]").get_attribute("href")
    assert feed.endswith("/feeds/thema/energie/soort/lokaal-bestuur.xml")
    assert feed_projects(page, feed) == shown_slugs(page)


def test_alternatives_become_an_opml_bundle_of_exactly_their_feeds(page: Any) -> None:
    page.goto("projecten/?fase=voortraject&fase=uitvoering")
    box = page.locator(FOLLOW)
    opml = box.locator("a[data-kind=opml]")
    assert opml.is_visible() and not box.locator("a[data-kind=feed]").is_visible()
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
        assert page.evaluate("navigator.clipboard.readText()").endswith("/feeds/project/turing.xml")
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
    assert page.get_by_role("button", name="Kopieer feedadres: RSS").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    violations = Axe().run(page).response["violations"]
    assert not violations, axe_summary(violations)
