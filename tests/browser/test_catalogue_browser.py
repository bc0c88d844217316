"""The project catalogue in Debian's chromium: filter, share, reload, go back, keyboard only, no JavaScript.

The render time of the page is measured and written to tests/artifacts for the report; nothing asserts on it.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, add_organisation, copy_project, run_build

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "tests" / "artifacts"
CARDS = ".kc-results .kc-card"


def visible_titles(page: Any) -> list[str]:
    return page.locator(f"{CARDS}:visible .kc-card__title a").all_inner_texts()


def count_of(page: Any, facet: str, value: str) -> str:
    return page.locator(f'#kc-filters input[name="{facet}"][value="{value}"] ~ .kc-count').inner_text()


def checkbox(page: Any, facet: str, value: str) -> Any:
    return page.locator(f'#kc-filters input[name="{facet}"][value="{value}"]')


def query_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.fixture
def errors(page: Any) -> list[str]:
    """Uncaught script errors on the page: the tests using this end by asserting there were none."""
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))
    return found


def test_filter_by_theme_and_phase_then_share_reload_and_go_back(page: Any, errors: list[str]) -> None:
    page.goto("projecten/")
    form = page.locator("#kc-filters")
    assert form.is_visible()
    assert page.locator("#kc-count").inner_text() == "11 projecten"

    page.get_by_label("Energie").check()
    assert sorted(visible_titles(page)) == [
        "Duurzame straatverlichting in Halle",
        "Turing: voorspellend aansturen van de snelwegverlichting",
    ]
    assert page.locator("#kc-count").inner_text() == "2 projecten"
    # Counts follow the other filters: with "Energie" set, a phase counts energy projects only.
    assert count_of(page, "fase", "afgerond") == "(1)"
    assert count_of(page, "fase", "voortraject") == "(1)"
    assert count_of(page, "fase", "uitvoering") == "(0)"
    assert checkbox(page, "fase", "uitvoering").is_visible()  # zero stays visible
    assert count_of(page, "thema", "digitalisering") == "(6)"  # own facet: the other facets only

    page.get_by_label("Voortraject").check()
    assert visible_titles(page) == ["Turing: voorspellend aansturen van de snelwegverlichting"]
    assert page.locator("#kc-count").inner_text() == "1 project"
    assert query_of(page) == {"thema": ["energie"], "fase": ["voortraject"]}
    assert count_of(page, "soort", "lokaal-bestuur") == "(0)"
    assert count_of(page, "soort", "vlaamse-overheid") == "(1)"

    shared = page.url
    page.reload()
    assert visible_titles(page) == ["Turing: voorspellend aansturen van de snelwegverlichting"]
    assert (
        checkbox(page, "thema", "energie").is_checked() and checkbox(page, "fase", "voortraject").is_checked()
    )

    other = page.context.new_page()  # someone who received the link
    other.goto(shared)
    assert visible_titles(other) == ["Turing: voorspellend aansturen van de snelwegverlichting"]
    assert other.locator("#kc-count").inner_text() == "1 project"
    other.close()

    page.go_back()
    assert query_of(page) == {"thema": ["energie"]}
    assert len(visible_titles(page)) == 2
    assert not checkbox(page, "fase", "voortraject").is_checked()
    page.go_back()
    assert len(visible_titles(page)) == 11
    page.go_forward()
    page.go_forward()
    assert visible_titles(page) == ["Turing: voorspellend aansturen van de snelwegverlichting"]
    assert errors == []


def test_within_a_facet_or_across_facets_and(page: Any, errors: list[str]) -> None:
    page.goto("projecten/?thema=energie&thema=sport")
    assert len(visible_titles(page)) == 3
    page.goto("projecten/?thema=energie&thema=sport&soort=lokaal-bestuur")
    assert visible_titles(page) == ["Duurzame straatverlichting in Halle"]
    assert errors == []


def test_the_result_count_is_a_polite_live_region(page: Any) -> None:
    page.goto("projecten/")
    # The results' live region (the "Volg deze selectie" box has one of its own, for "Gekopieerd").
    status = page.locator(".kc-results > [role=status]")
    assert status.get_attribute("aria-live") == "polite"
    page.get_by_label("Sport").check()
    assert status.inner_text() == "1 project"
    page.get_by_label("Afgerond").check()
    page.get_by_label("Uitvoering").check()
    page.get_by_label("Sport").uncheck()
    assert status.inner_text() == "10 projecten"


def test_free_text_sort_and_reset(page: Any, errors: list[str]) -> None:
    page.goto("projecten/")
    page.get_by_label("Zoek in projecten").fill("straatverlichting")
    assert visible_titles(page) == ["Duurzame straatverlichting in Halle"]
    assert query_of(page) == {"q": ["straatverlichting"]}
    page.get_by_label("Zoek in projecten").fill("meer comfort")  # the text says "méér comfort"
    assert visible_titles(page) == ["#Incontinentiezorg 2.0: een slimme luier"]
    page.get_by_label("Zoek in projecten").fill("geen-project-heet-zo")
    assert page.locator("#kc-count").inner_text().startswith("0 projecten")

    page.get_by_role("button", name="Alle filters wissen").click()
    assert len(visible_titles(page)) == 11 and urlsplit(page.url).query == ""
    page.get_by_label("Sorteer op").select_option("titel")
    titles = visible_titles(page)
    assert titles == sorted(titles, key=lambda t: t.lstrip("#").lower())
    assert query_of(page) == {"sort": ["titel"]}
    page.reload()
    assert visible_titles(page) == titles
    page.get_by_label("Sorteer op").select_option("nieuw")
    assert visible_titles(page)[0] == "Social Impact Bond voor de tewerkstelling van jongeren"
    assert errors == []


def test_keyboard_only(page: Any, errors: list[str]) -> None:
    page.goto("projecten/")

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"{selector} is niet met Tab te bereiken")

    tab_to("#kc-q")
    page.keyboard.type("verlichting")
    assert len(visible_titles(page)) == 2
    tab_to('input[name="thema"][value="energie"]')
    page.keyboard.press("Space")
    tab_to('input[name="fase"][value="voortraject"]')
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Space")
    assert visible_titles(page) == ["Turing: voorspellend aansturen van de snelwegverlichting"]
    assert query_of(page) == {"thema": ["energie"], "fase": ["voortraject"], "q": ["verlichting"]}
    tab_to("#kc-sort")
    page.keyboard.press("ArrowDown")  # a closed select changes with the arrow keys
    assert page.locator("#kc-sort").input_value() == "titel"
    tab_to(f"{CARDS} .kc-card__title a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/projecten/turing/")
    assert errors == []


def test_without_javascript_every_project_shows_and_no_control_is_broken(browser: Any, server: str) -> None:
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto("projecten/?thema=energie")
    assert page.locator(CARDS).count() == 11
    assert len(visible_titles(page)) == 11
    assert not page.locator("#kc-filters").is_visible()
    assert (
        page.locator("#kc-filters input, #kc-filters select, #kc-filters button").evaluate_all(
            "els => els.filter(e => e.offsetParent !== null).length"
        )
        == 0
    )
    assert page.locator("#kc-count").inner_text() == "11 projecten"
    context.close()


def test_render_time_is_measured(page: Any) -> None:
    """Not a timing assertion: the numbers go to tests/artifacts/catalogue-render.json for the report.

    A static page without the script (/over/) is measured the same way, as the machine's baseline.
    """
    navigation = """() => { const n = performance.getEntriesByType('navigation')[0];
        const p = performance.getEntriesByName('first-contentful-paint')[0];
        return {dom_content_loaded_ms: n.domContentLoadedEventEnd, load_ms: n.loadEventEnd,
                first_contentful_paint_ms: p ? p.startTime : null}; }"""
    # One synchronous filter step: the click fires `change`, the script re-renders before click() returns.
    filter_step = """() => { const box = document.querySelector('#kc-filters input[value="energie"]');
        const t = performance.now(); box.click(); return performance.now() - t; }"""
    report: dict[str, Any] = {}
    for name, url in (("catalogue", "projecten/?thema=energie&fase=voortraject"), ("baseline", "over/")):
        runs = []
        for _ in range(7):
            started = time.perf_counter()
            page.goto(url)
            if name == "catalogue":
                page.locator("#kc-filters").wait_for(state="visible")
            wall = (time.perf_counter() - started) * 1000
            run = {"until_ready_ms": wall, **page.evaluate(navigation)}
            if name == "catalogue":
                run["filter_update_ms"] = page.evaluate(filter_step)
            runs.append({k: v if v is None else round(v, 1) for k, v in run.items()})
        report[name] = {
            "median": {k: _median([r[k] for r in runs]) for k in runs[0]},
            "runs": runs,
        }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "catalogue-render.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps({name: data["median"] for name, data in report.items()}))
    page.goto("projecten/?thema=energie&fase=voortraject")
    assert visible_titles(page) == ["Turing: voorspellend aansturen van de snelwegverlichting"]


def _median(values: list[float | None]) -> float | None:
    """Median of the runs that reported a value (paint timing is not reported on every navigation)."""
    known = sorted(v for v in values if v is not None)
    return known[len(known) // 2] if known else None


# --- "energy projects of local governments in execution" ----------------------------------------------------

TEST_PROJECT = """---
title: "Testproject: energie bij een lokaal bestuur in uitvoering"
description: "Testgegevens van de browsertest: geen echt project."
organisation: Testgemeente
organisation_type: lokaal-bestuur
themes: [energie]
phase: uitvoering
year: 2026
published: 2026-11-02
---
Testtekst.
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def extended_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site plus one test project in execution (built from a temporary copy, never content/)."""
    project = copy_project(tmp_path_factory.mktemp("extended") / "project")
    add_organisation(project, "Testgemeente")
    (project / "content" / "projects" / "testproject-energie.md").write_text(TEST_PROJECT, encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_energy_projects_of_local_governments_in_execution_in_two_clicks(
    browser: Any, extended_server: str
) -> None:
    context = browser.new_context(base_url=extended_server)
    page = context.new_page()
    page.goto("projecten/")
    assert page.locator("#kc-count").inner_text() == "12 projecten"
    page.get_by_label("Energie").check()  # click 1
    assert count_of(page, "fase", "uitvoering") == "(1)"  # the counts show where the next click leads
    page.get_by_label("Uitvoering").check()  # click 2
    expected = ["Testproject: energie bij een lokaal bestuur in uitvoering"]
    assert visible_titles(page) == expected
    assert page.locator("#kc-count").inner_text() == "1 project"
    card = page.locator(f"{CARDS}:visible")
    assert card.get_attribute("data-soort") == "lokaal-bestuur"
    assert count_of(page, "soort", "lokaal-bestuur") == "(1)"
    shared = page.url
    context.close()

    # The person the link was sent to, and the explicit three-facet link, land on the same view.
    context = browser.new_context(base_url=extended_server)
    page = context.new_page()
    page.goto(shared)
    assert visible_titles(page) == expected
    page.goto("projecten/?thema=energie&soort=lokaal-bestuur&fase=uitvoering")
    assert visible_titles(page) == expected
    assert page.locator("#kc-count").inner_text() == "1 project"
    context.close()


def test_theme_page_leads_to_the_filtered_catalogue(page: Any) -> None:
    page.goto("thema/energie/")
    page.get_by_role("link", name="Verfijn deze 2 projecten in de catalogus").click()
    page.wait_for_url("**/projecten/?thema=energie")
    assert checkbox(page, "thema", "energie").is_checked()
    assert len(visible_titles(page)) == 2
