"""A project's story as a reader meets it: the timeline, breadcrumbs, an invented example that says so, and the
catalogue on a phone (results first, filters behind a button) and on a desktop (the whole width)."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from site_pages import VIEWPORTS, axe_summary, new_page, open_page

pytestmark = pytest.mark.browser


def assert_accessible(page: Any) -> None:
    violations = Axe().run(page).response["violations"]
    assert not violations, axe_summary(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_project_page_tells_its_timeline(browser: Any, server: str, viewport: str) -> None:
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, "projecten/turing/")
        heading = page.get_by_role("heading", name="Tijdlijn", level=2)
        assert heading.is_visible()
        steps = page.locator("ol.kc-timeline > li")
        assert steps.count() == 5  # the illustrative pitches are not part of the real story
        assert steps.nth(4).locator("time").get_attribute("datetime") == "2027-03"
        assert steps.nth(4).locator("time").inner_text() == "maart 2027"
        assert "(gepland)" in steps.nth(4).inner_text()
        assert "(huidige stap)" in steps.nth(2).inner_text()
        crumbs = page.get_by_role("navigation", name="Kruimelpad")
        assert crumbs.get_by_role("link").all_inner_texts() == ["Home", "Projecten"]
        crumbs.get_by_role("link", name="Projecten").click()
        page.wait_for_url("**/projecten/")
        page.go_back()
        assert_accessible(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_an_invented_consultation_says_so(browser: Any, server: str, viewport: str) -> None:
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, "marktconsultaties/turing-pitches/")
        banner = page.locator(".admonition", has_text="Illustratief voorbeeld")
        assert banner.is_visible() and "verzonnen" in banner.inner_text()
        assert_accessible(page)
        open_page(page, "marktconsultaties/")
        card = page.locator(".kc-card", has=page.locator('a[href="turing-pitches/"]'))
        assert card.locator(".kc-illustration").is_visible()


def test_on_a_phone_the_results_come_first_and_filters_open_from_a_button(browser: Any, server: str) -> None:
    with new_page(browser, server, "phone") as (page, _):
        open_page(page, "projecten/?fase=afgerond")
        toggle = page.get_by_role("button", name="Filters (1)")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not page.locator("#kc-filters").is_visible()
        first_card = page.locator(".kc-card:not([hidden])").first
        assert first_card.bounding_box()["y"] < 812  # the first result is on the first screen
        # Keyboard: focus the button and open the filters with Enter.
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("#kc-filters").is_visible()
        page.get_by_role("checkbox", name="Energie").check()
        assert page.get_by_role("button", name="Filters (2)").is_visible()
        assert_accessible(page)
        page.keyboard.press("Shift+Tab")  # back through the form towards the button
        page.get_by_role("button", name="Filters (2)").press("Space")
        assert not page.locator("#kc-filters").is_visible()
        assert page.locator(".kc-card:not([hidden])").count() >= 1


def test_on_a_phone_show_results_closes_the_filters_and_escape_returns_to_the_button(
    browser: Any, server: str
) -> None:
    with new_page(browser, server, "phone") as (page, _):
        open_page(page, "projecten/")
        toggle = page.get_by_role("button", name="Filters")
        toggle.click()
        page.get_by_role("checkbox", name="Energie").check()
        shown = page.locator(".kc-card:not([hidden])").count()
        done = page.get_by_role("button", name=f"Toon {shown} resultaten")
        assert done.is_visible()
        assert_accessible(page)
        done.click()
        assert not page.locator("#kc-filters").is_visible()
        assert page.evaluate("document.activeElement.id") == "kc-results"
        toggle = page.get_by_role("button", name="Filters (1)")
        toggle.click()
        page.get_by_role("checkbox", name="Energie").focus()
        page.keyboard.press("Escape")
        assert not page.locator("#kc-filters").is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.classList.contains('kc-filters-toggle')")


def test_a_search_word_finds_an_acronym_and_an_empty_result_says_what_to_do(
    browser: Any, server: str
) -> None:
    with new_page(browser, server, "desktop") as (page, _):
        open_page(page, "projecten/?q=AWV")
        cards = page.locator(".kc-card:not([hidden])")
        assert cards.count() == 1 and "Turing" in cards.first.inner_text()
        open_page(page, "projecten/?q=qwertyuiop")
        assert page.locator("#kc-count").inner_text() == "0 projecten – probeer een ander zoekwoord"
        open_page(page, "projecten/?fase=afgerond&thema=mobiliteit&q=turing")
        assert "wis een filter" in page.locator("#kc-count").inner_text()
        assert not page.get_by_role("button", name="Toon 0 resultaten").is_visible()  # a phone-only button


def test_on_a_desktop_the_catalogue_uses_the_width(browser: Any, server: str) -> None:
    with new_page(browser, server, "desktop") as (page, _):
        open_page(page, "projecten/")
        assert not page.locator(".kc-filters-toggle").is_visible()
        assert page.locator("#kc-filters").is_visible()
        box = page.locator(".kc-catalogue").bounding_box()
        assert box["width"] > 900, box  # no empty table-of-contents column eating the 1280 px
        assert box["x"] + box["width"] > 1280 - 80, box  # it reaches the right-hand side
        assert page.get_by_role("navigation", name="Navigatie").is_visible()  # the site's menu stays
        filters = page.locator("#kc-filters").bounding_box()
        results = page.locator(".kc-results").bounding_box()
        assert filters["x"] < results["x"] and abs(filters["y"] - results["y"]) < 5  # side by side
        assert_accessible(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_theme_and_organisation_listings_name_only_what_exists(
    browser: Any, server: str, viewport: str
) -> None:
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, "thema/")
        text = page.locator("article").inner_text()
        assert "(0 items)" not in text and "Wonen\n" in text + "\n"
        open_page(page, "organisaties/")
        assert "0 projecten" not in page.locator("article").inner_text()
        assert_accessible(page)
