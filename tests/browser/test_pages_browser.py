"""Every page type in Debian's chromium, on a desktop and a 375-pixel phone: axe-core finds nothing, no request
leaves the local server, and a screenshot is left for a person to look at."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from site_pages import PAGE_TYPES, SCREENSHOTS, VIEWPORTS, axe_summary, new_page, not_local, open_page, search

pytestmark = pytest.mark.browser

CASES = [(kind, viewport) for kind in PAGE_TYPES for viewport in VIEWPORTS]
IDS = [f"{kind}-{viewport}" for kind, viewport in CASES]


@pytest.mark.parametrize(("kind", "viewport"), CASES, ids=IDS)
def test_axe_finds_no_violation(browser, server, kind, viewport):
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, PAGE_TYPES[kind])
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{kind}-{viewport}.png", full_page=True)
        violations = Axe().run(page).response["violations"]
        assert not violations, f"axe op {PAGE_TYPES[kind] or '/'} ({viewport}):\n{axe_summary(violations)}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
# results, none, broadened, another form of the word
@pytest.mark.parametrize("query", ["koelkledij", "lucht", "afvalinzameling", "duurzaamheid"])
def test_axe_finds_no_violation_in_search_with_results(browser, server, viewport, query):
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, "")
        search(page, query)
        page.screenshot(path=SCREENSHOTS / f"search-{query}-{viewport}.png")
        violations = Axe().run(page).response["violations"]
        assert not violations, f"axe in het zoekvenster ({viewport}, {query}):\n{axe_summary(violations)}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_finds_no_violation_in_search_with_a_filter_and_no_results(browser, server, viewport):
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, "")
        search(page, "verlichting")
        page.locator("#kc-search-theme").select_option("Sport")
        page.locator(".kc-search__clear").wait_for(state="visible")
        page.locator(".kc-search__status", has_text="wis de filters").wait_for(state="attached")
        violations = Axe().run(page).response["violations"]
        assert not violations, f"axe in het zoekvenster ({viewport}, filter):\n{axe_summary(violations)}"


@pytest.mark.parametrize(("kind", "viewport"), CASES, ids=IDS)
def test_no_request_leaves_the_local_server(browser, server, kind, viewport):
    """Privacy: fonts, scripts, styles, images, the search index and its language files all come from the site."""
    with new_page(browser, server, viewport) as (page, requests):
        open_page(page, PAGE_TYPES[kind])
        page.mouse.wheel(0, 20000)  # anything loaded lazily further down the page
        page.wait_for_load_state("networkidle")
        assert any(url.endswith(".css") for url in requests), "verzoeken niet opgenomen"
        assert not_local(requests, server) == [], f"verzoeken buiten de site op {PAGE_TYPES[kind] or '/'}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_searching_requests_nothing_outside_the_site(browser, server, viewport):
    with new_page(browser, server, viewport) as (page, requests):
        open_page(page, "")
        search(page, "Sport Vlaanderen")
        page.locator(".kc-search__result a").first.click()
        page.wait_for_load_state("networkidle")
        assert any("/pagefind/" in url for url in requests), "de zoekindex van de site"
        assert not_local(requests, server) == []
