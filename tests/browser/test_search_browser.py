"""Search as a reader uses it: typed key by key into Material's search box, on a desktop and on a phone."""

from __future__ import annotations

import pytest
from site_pages import VIEWPORTS, new_page, open_page, search

pytestmark = pytest.mark.browser

COLD2GOLD = "projecten/cold2gold/"


@pytest.fixture(params=list(VIEWPORTS))
def page_at(request, browser, server):
    with new_page(browser, server, request.param) as (page, _):
        open_page(page, "")
        yield page


def hrefs(results) -> list[str]:
    """The page each result group leads to, best first."""
    return [item.locator("a.md-search-result__link").first.get_attribute("href") for item in results.all()]


@pytest.mark.parametrize(
    "query",
    [
        "koelkledij",  # a word of the title and the text
        "Sport Vlaanderen",  # the organisation, from the metadata list
        "topsport",  # the theme "Sport" and the title
        "afgerond",  # the phase, from the metadata list only
    ],
)
def test_metadata_and_text_find_the_project(page_at, query):
    results = search(page_at, query)
    assert any(COLD2GOLD in href for href in hrefs(results)), f"{query!r} vindt Cold2Gold niet"


def test_programme_finds_the_funding_call(page_at):
    results = search(page_at, "Horizon Europe")
    assert any("financiering/horizon-europe" in href for href in hrefs(results))


def test_a_result_shows_the_entry_type(page_at):
    results = search(page_at, "koelkledij")
    first = results.first
    assert COLD2GOLD in first.locator("a").first.get_attribute("href")
    assert first.locator("article").first.locator(".md-tag").all_inner_texts() == ["Project"]


def test_entry_types_are_labelled_in_dutch(page_at):
    results = search(page_at, "Turing")
    labels = {text for item in results.all() for text in item.locator(".md-tag").all_inner_texts()}
    assert {"Project", "Marktconsultatie", "Tip"} <= labels


def test_a_word_in_a_title_weighs_more_than_in_body_text(page_at):
    # "huisvuilwagen" is in the title of one project and in the text of other entries and listings.
    found = hrefs(search(page_at, "huisvuilwagen"))
    assert len(found) > 1, "de woorden in de tekst van andere pagina's worden ook gevonden"
    assert "projecten/optimo-huisvuilwagen/" in found[0]


def test_punctuation_does_not_hide_a_word(page_at):
    # The title starts with "#Cold2Gold:"; readers type the name without the punctuation.
    assert COLD2GOLD in hrefs(search(page_at, "cold2gold"))[0]


def test_a_result_opens_the_page(page_at):
    search(page_at, "koelkledij")
    page_at.locator(f'.md-search-result__link[href*="{COLD2GOLD}"]').first.click()
    page_at.wait_for_url(f"**/{COLD2GOLD}**")
    assert "Cold2Gold" in page_at.locator("h1").inner_text()
