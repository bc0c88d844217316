"""What a reader meets besides the content: a Dutch 404 page, Dutch landmark names, and no failing request."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from site_pages import PAGE_TYPES, VIEWPORTS, axe_summary, new_page, open_page, search

pytestmark = pytest.mark.browser

CASES = [(kind, viewport) for kind in [*PAGE_TYPES, "missing"] for viewport in VIEWPORTS]
PATHS = {**PAGE_TYPES, "missing": "projecten/bestaat-niet/ook-niet/"}


@pytest.mark.parametrize(("kind", "viewport"), CASES, ids=[f"{k}-{v}" for k, v in CASES])
def test_no_request_fails(browser, server, kind, viewport):
    """Every stylesheet, script, feed link and sitemap a page asks for exists (Material fetches more than it shows)."""
    with new_page(browser, server, viewport) as (page, _):
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
        page.on(
            "response",
            lambda response: (
                failed.append(f"{response.url} ({response.status})")
                if response.status >= 400 and response.url.rstrip("/") != (server + PATHS[kind]).rstrip("/")
                else None
            ),
        )
        open_page(page, PATHS[kind])
        page.mouse.wheel(0, 20000)
        page.wait_for_load_state("networkidle")
        assert failed == [], f"mislukte verzoeken op /{PATHS[kind]}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_missing_page_answers_in_dutch_with_ways_in(browser, server, viewport):
    with new_page(browser, server, viewport) as (page, _):
        response = page.goto("tips/niet-meer-hier/", wait_until="networkidle")
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "Pagina niet gevonden"
        assert page.title().startswith("Pagina niet gevonden")
        for name in ("Projecten", "Marktconsultaties", "Tips en verhalen", "Financiering"):
            link = page.locator("article").get_by_role("link", name=name, exact=True)
            assert link.get_attribute("href") and link.get_attribute("href").startswith("/")
        # Protocol-relative links (//feeds/...) would point at a host named "feeds".
        hrefs = page.eval_on_selector_all("[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h.startswith("//")]
        violations = Axe().run(page).response["violations"]
        assert not violations, axe_summary(violations)
        # Without JavaScript the search leads to the catalogue's free-text filter.
        page.get_by_label("Zoek in de projecten").fill("koelkledij")
        page.get_by_label("Zoek in de projecten").press("Enter")
        page.wait_for_url("**/projecten/?q=koelkledij")
        assert page.locator("#kc-q").input_value() == "koelkledij"


def test_landmarks_have_dutch_names(browser, server):
    with new_page(browser, server, "desktop") as (page, _):
        open_page(page, PAGE_TYPES["project"])
        labels = page.eval_on_selector_all(
            "[aria-label]", "els => els.map(e => e.getAttribute('aria-label'))"
        )
        assert "Paginakop" in labels
        assert not {"Header", "Footer", "Navigation", "Search"} & set(labels)
        assert page.locator("html").get_attribute("lang") == "nl"


@pytest.mark.parametrize(
    "query",
    [
        "straatverlichtng",
        "lucht",
        "zzzzzzzzqx",
        "afvalinzameling",
        "innovatiepartnerschap",
        "duurzaamheid",
        "autosnelweg",
    ],
)
def test_searching_makes_no_failing_request(browser, server, query):
    """Typo tolerance and compound splitting ask only for the word lists the build wrote (lijsten.json)."""
    with new_page(browser, server, "desktop") as (page, requests):
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
        open_page(page, "")
        search(page, query)
        page.wait_for_load_state("networkidle")
        assert any("lijsten.json" in url for url in requests)
        assert failed == []
