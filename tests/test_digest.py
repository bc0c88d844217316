"""The newsletter digest: month pages and archive on the site, and the email an editor pastes into the mail tool."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from test_feeds import SITE_URL, built_path, parse

MONTH = re.compile(r"^\d{4}-\d{2}$")


def months(site: Path) -> list[str]:
    return sorted((p.name for p in (site / "nieuwsbrief").iterdir() if MONTH.match(p.name)), reverse=True)


def article(site: Path, rel: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / rel)).getroot().cssselect("article")[0]


def test_one_month_page_per_month_with_feed_items(site: Path) -> None:
    feed = parse(site, "feeds/alles.atom")
    expected = {e.published[:7] for e in feed.entries}
    assert set(months(site)) == expected


def test_month_page_lists_what_was_published_grouped_by_type(site: Path) -> None:
    doc = article(site, "nieuwsbrief/2026-11/index.html")
    assert doc.cssselect("h1")[0].text_content().startswith("Nieuwsbrief november 2026")
    headings = [h.text_content().rstrip("¶").strip() for h in doc.cssselect("h2")]
    assert headings == ["Nieuwe marktconsultaties"]
    text = doc.text_content()
    assert "Marktconsultatie Turing: pitches na de oproep tot interesse" in text
    assert "Marktconsultatie Turing: open workshop" not in text  # published in October


def test_digest_items_match_the_feed_items_of_that_month(site: Path) -> None:
    feed = parse(site, "feeds/alles.atom")
    for month in months(site):
        doc = article(site, f"nieuwsbrief/{month}/index.html")
        links = {
            urlsplit(a.get("href")).path.rstrip("/").rsplit("/", 1)[-1]
            for a in doc.cssselect("li a")
            if a.get("href", "").startswith("../../") and not a.xpath("ancestor::nav")  # not the breadcrumbs
        }
        expected = {
            e.link.split("#")[0].rstrip("/").rsplit("/", 1)[-1]
            for e in feed.entries
            if e.published[:7] == month
        }
        assert links == expected, month


def test_archive_links_every_month_newest_first(site: Path) -> None:
    doc = article(site, "nieuwsbrief/index.html")
    hrefs = [a.get("href") for a in doc.cssselect("li a")]
    assert hrefs == [f"{m}/" for m in months(site)]


def test_digest_pages_stay_out_of_the_nav(site: Path) -> None:
    nav = lxml.html.parse(str(site / "index.html")).getroot().cssselect("nav.md-nav--primary")[0]
    assert "nieuwsbrief" not in lxml.html.tostring(nav, encoding="unicode")


@pytest.fixture(scope="module")
def email(site: Path) -> lxml.html.HtmlElement:
    """The email on its own, as a mail tool gets it: no site around it, no CSS, no script."""
    return lxml.html.document_fromstring((site / "nieuwsbrief/2025-03/email.html").read_bytes())


def test_email_is_self_contained(email: lxml.html.HtmlElement) -> None:
    assert email.xpath("//script") == []
    assert email.xpath("//link") == []  # no stylesheet (or any other linked resource)
    assert email.xpath("//style") == []
    assert email.xpath("//@*[starts-with(name(), 'on')]") == []
    assert email.get("lang") == "nl"  # theme.language in mkdocs.yml


def test_email_links_are_absolute_and_resolve(site: Path, email: lxml.html.HtmlElement) -> None:
    hrefs = email.xpath("//a/@href")
    assert hrefs
    for href in hrefs:
        assert href.startswith(SITE_URL), href
        assert built_path(site, href.split("#")[0]).is_file(), href


def test_email_styles_are_inline(email: lxml.html.HtmlElement) -> None:
    for element in email.xpath(
        "//body | //body//table | //body//td | //body//a | //body//h1 | //body//h2 | //body//p"
    ):
        assert element.get("style"), lxml.html.tostring(element)[:80]
    assert "Nieuwe marktconsultaties" in email.text_content()
    assert "Marktconsultatie: verschillende afvalfracties in één transport" in email.text_content()


def test_month_page_links_its_email(site: Path) -> None:
    doc = article(site, "nieuwsbrief/2025-03/index.html")
    href = next(a.get("href") for a in doc.iter("a") if a.text_content() == "e-mailversie")
    assert (site / "nieuwsbrief/2025-03" / href).is_file()


@pytest.mark.browser
def test_email_renders_on_its_own_in_a_browser(site: Path, browser: object) -> None:
    """Pasted into a mail tool there is no site CSS and nothing may be fetched: it must still look finished."""
    context = browser.new_context(viewport={"width": 640, "height": 900}, java_script_enabled=False)
    requests: list[str] = []
    context.route("**/*", lambda route: (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.set_content((site / "nieuwsbrief/2025-03/email.html").read_text(encoding="utf-8"))
    heading = page.locator("h1")
    assert heading.inner_text() == "Nieuwsbrief maart 2025"
    assert "Arial" in heading.evaluate("e => getComputedStyle(e).fontFamily")
    assert heading.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"
    box = page.locator("table table").first.bounding_box()
    assert box is not None and box["width"] <= 600
    assert requests == []  # no stylesheet, image or script to fetch
    context.close()
