"""The feeds of the built sample site, read the way subscribers' feed readers and validators read them."""

from __future__ import annotations

import shutil
import subprocess
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest
import yaml

from conftest import CONTENT

SITE_URL = "https://kenniscentrum.example.org/"
SCHEMA = Path(__file__).parent / "schemas" / "atom.rnc"
ATOM = "{http://www.w3.org/2005/Atom}"
THEMES = list(yaml.safe_load((CONTENT / "vocabularies.yml").read_text(encoding="utf-8"))["themes"])
FEEDS = ["feeds/alles", "feeds/marktconsultaties", *(f"feeds/thema/{code}" for code in THEMES)]
CONSULTATIONS = sorted(p.stem for p in (CONTENT / "consultations").glob("*.md"))


def parse(site: Path, rel: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / rel).read_bytes())
    assert feed.bozo == 0, f"{rel}: {feed.get('bozo_exception')}"
    return feed


def built_path(site: Path, url: str) -> Path:
    """The file a site URL is served from, so a test can check a link resolves."""
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_parses_without_errors_in_both_formats(site: Path, name: str) -> None:
    rss, atom = parse(site, f"{name}.xml"), parse(site, f"{name}.atom")
    assert rss.version == "rss20"
    assert atom.version == "atom10"
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries]


def test_atom_feeds_validate_against_the_rfc_4287_schema(site: Path) -> None:
    jing = shutil.which("jing")
    if jing is None:
        pytest.fail("jing niet gevonden: run 'make system-deps'")
    files = [str(site / f"{name}.atom") for name in FEEDS]
    result = subprocess.run([jing, "-c", str(SCHEMA), *files], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_atom_feed_has_id_updated_author_self_link_and_unique_entry_ids(site: Path) -> None:
    for name in FEEDS:
        root = lxml.etree.parse(str(site / f"{name}.atom")).getroot()
        assert root.findtext(f"{ATOM}id").startswith("tag:kenniscentrum.pio,2024:feed/")
        assert root.findtext(f"{ATOM}updated")
        assert root.find(f"{ATOM}author/{ATOM}name").text
        selfs = [ln.get("href") for ln in root.findall(f"{ATOM}link") if ln.get("rel") == "self"]
        assert selfs == [f"{SITE_URL}{name}.atom"]
        ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
        assert len(ids) == len(set(ids))
        for entry in root.findall(f"{ATOM}entry"):
            assert entry.find(f"{ATOM}content").get("type") == "html"


def test_rss_channel_meets_the_feed_validator_rules(site: Path) -> None:
    for name in FEEDS:
        channel = lxml.etree.parse(str(site / f"{name}.xml")).getroot().find("channel")
        assert channel.findtext("language") == "nl"  # theme.language in mkdocs.yml
        page = {"feeds/alles": "", "feeds/marktconsultaties": "marktconsultaties/"}.get(
            name, f"thema/{name.rsplit('/', 1)[-1]}/"
        )
        assert channel.findtext("link") == f"{SITE_URL}{page}"  # the HTML page, not the feed itself
        assert built_path(site, channel.findtext("link")).is_file()
        selfs = [ln.get("href") for ln in channel.findall(f"{ATOM}link") if ln.get("rel") == "self"]
        assert selfs == [f"{SITE_URL}{name}.xml"]
        parsedate_to_datetime(channel.findtext("lastBuildDate"))


def test_rss_items_have_every_element_with_rfc_822_dates(site: Path) -> None:
    channel = lxml.etree.parse(str(site / "feeds/alles.xml")).getroot().find("channel")
    items = channel.findall("item")
    assert items
    for item in items:
        for element in ("title", "link", "description", "guid", "pubDate"):
            assert item.findtext(element), (element, item.findtext("title"))
        assert item.find("guid").get("isPermaLink") == "false"
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published.tzinfo is not None


def test_items_are_newest_first_and_the_feed_date_is_the_newest_content_date(site: Path) -> None:
    feed = parse(site, "feeds/alles.atom")
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)
    newest = max(e.updated_parsed for e in feed.entries)
    assert feed.feed.updated_parsed == newest
    rss = parse(site, "feeds/alles.xml")
    assert rss.feed.updated_parsed == newest  # lastBuildDate: from content, not the build time


def test_dates_are_brussels_time_from_front_matter(site: Path) -> None:
    feed = parse(site, "feeds/marktconsultaties.atom")
    workshop = next(e for e in feed.entries if e.id.endswith("consultation/turing-workshop"))
    assert workshop.published == "2026-10-20T00:00:00+02:00"  # published: 2026-10-20, summer time


def test_every_item_link_resolves_to_a_built_page(site: Path) -> None:
    for name in FEEDS:
        for entry in parse(site, f"{name}.atom").entries:
            target = built_path(site, entry.link)
            assert target.is_file(), entry.link
            fragment = urlsplit(entry.link).fragment
            if fragment:
                assert lxml.html.parse(str(target)).getroot().get_element_by_id(fragment) is not None


def test_item_content_links_are_absolute(site: Path) -> None:
    for entry in parse(site, "feeds/alles.atom").entries:
        doc = lxml.html.fromstring(f"<div>{entry.content[0].value}</div>")
        for href in doc.xpath("//@href | //@src"):
            assert urlsplit(href).scheme in {"https", "http", "mailto", "tel"}, (entry.title, href)


def test_no_script_reaches_any_feed(site: Path) -> None:
    for name in FEEDS:
        for ext in ("xml", "atom"):
            for entry in parse(site, f"{name}.{ext}").entries:
                body = entry.content[0].value.lower() if "content" in entry else ""
                for needle in ("<script", "javascript:", "onclick", "onerror"):
                    assert needle not in body and needle not in entry.summary.lower(), (name, entry.title)


def test_consultations_feed_has_an_announcement_and_a_conclusions_item(site: Path) -> None:
    feed = parse(site, "feeds/marktconsultaties.atom")
    ids = {e.id for e in feed.entries}
    for slug in CONSULTATIONS:
        assert f"tag:kenniscentrum.pio,2024:consultation/{slug}" in ids
    conclusions = [e for e in feed.entries if e.id.endswith("/conclusies")]
    with_conclusions = [
        slug
        for slug in CONSULTATIONS
        if "\nconclusions:" in (CONTENT / "consultations" / f"{slug}.md").read_text(encoding="utf-8")
    ]
    assert sorted(e.id.split("/")[-2] for e in conclusions) == sorted(with_conclusions)
    for entry in conclusions:
        assert entry.title.startswith("Conclusies: ")
        assert urlsplit(entry.link).fragment == "conclusies"
    assert {e.id.split(":", 2)[2].split("/")[0] for e in feed.entries} == {"consultation"}


def test_theme_feed_holds_exactly_the_entries_of_that_theme(site: Path) -> None:
    feed = parse(site, "feeds/thema/energie.atom")
    assert feed.entries
    for entry in feed.entries:
        assert "energie" in {t.term for t in entry.get("tags", [])}
    everything = parse(site, "feeds/alles.atom")
    # Besides the site's announcements, a theme's followers hear of its projects' milestones once reached.
    assert {e.id for e in everything.entries if "energie" in {t.term for t in e.get("tags", [])}} == {
        e.id for e in feed.entries if "/milestone/" not in e.id
    }


def test_every_page_announces_the_feeds(site: Path) -> None:
    for rel in (
        "index.html",
        "projecten/turing/index.html",
        "abonneren/index.html",
        "nieuwsbrief/index.html",
    ):
        doc = lxml.html.parse(str(site / rel)).getroot()
        # Page-relative links (see overrides/main.html), resolved as a browser or feed reader does.
        page_url = SITE_URL + rel.removesuffix("index.html")
        alternates = {
            (ln.get("type"), urljoin(page_url, ln.get("href")))
            for ln in doc.head.findall("link")
            if ln.get("rel") == "alternate"
        }
        for name in ("alles", "marktconsultaties"):
            assert ("application/rss+xml", f"{SITE_URL}feeds/{name}.xml") in alternates
            assert ("application/atom+xml", f"{SITE_URL}feeds/{name}.atom") in alternates


def test_subscribe_page_gives_working_feed_and_calendar_addresses(site: Path) -> None:
    doc = lxml.html.parse(str(site / "abonneren/index.html")).getroot()
    hrefs = {a.get("href") for a in doc.iter("a")}
    for name in ("feeds/marktconsultaties.ics", "agenda.ics", "feeds/alle-feeds.opml"):
        assert f"{SITE_URL}{name}" in hrefs
        assert built_path(site, f"{SITE_URL}{name}").is_file()
    # A feed is linked through its own page, which links the files.
    for page in ("../feeds/alles/", "../feeds/marktconsultaties/", "../feeds/oproepen/"):
        assert page in hrefs
        assert (site / "abonneren" / page / "index.html").resolve().is_file()


def test_theme_pages_link_their_own_feeds(site: Path) -> None:
    page = site / "thema/energie/index.html"
    doc = lxml.html.parse(str(page)).getroot()
    hrefs = [a.get("href") for a in doc.iter("a") if a.get("href", "").startswith("../../feeds/")]
    assert hrefs == ["../../feeds/thema/energie/"]  # the feed's page, which links its files
    assert (page.parent / hrefs[0] / "index.html").resolve().is_file()
    # Readers and browsers still discover the raw feeds in the head.
    alternate = [link.get("href") for link in doc.iter("link") if link.get("rel") == "alternate"]
    assert any(href.endswith("feeds/alles.xml") for href in alternate)
