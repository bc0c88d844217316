"""Following a selection or a project: feeds in three formats and a calendar, as subscribers receive them."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import feedparser
import jsonfeed
import jsonschema
import listparser
import lxml.etree
import lxml.html
import pytest
from icalendar import Calendar

from conftest import ROOT, copy_project, run_build
from kenniscentrum.facets import FEED_SENTENCES, feed_sentence

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "jsonfeed-1.1.json").read_text(encoding="utf-8"))
TAG = "tag:vlaio.be,2024:kenniscentrum/"


def feed_stems(site: Path) -> list[Path]:
    return sorted(p.with_suffix("") for p in (site / "feeds").rglob("*.xml") if p.name != "sitemap.xml")


def project_slugs(site: Path, stem: Path) -> set[str]:
    """The projects a feed announces, by the slug in their ids."""
    parsed = feedparser.parse(stem.with_suffix(".xml").read_bytes())
    slugs = {e.id.removeprefix(f"{TAG}project/") for e in parsed.entries if e.id.startswith(f"{TAG}project/")}
    return {slug for slug in slugs if "/" not in slug}  # not a milestone (project/<slug>/milestone/…)


def catalogue_cards(site: Path) -> list[lxml.html.HtmlElement]:
    page = lxml.html.fromstring((site / "projecten" / "index.html").read_bytes())
    return page.cssselect(".kc-results .kc-card")


def card_slug(card: lxml.html.HtmlElement) -> str:
    return card.cssselect("a")[0].get("href").rstrip("/").rsplit("/", 1)[-1]


def feed_files(page: Path) -> list[str]:
    """The feed files a feed's page links (RSS, Atom, JSON Feed), by name; each must exist."""
    doc = lxml.html.fromstring(page.read_bytes())
    hrefs = [a.get("href") for a in doc.cssselect(".kc-feed-files a.kc-copyable")]
    files = [h for h in hrefs if not h.endswith(".ics")]
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), (page, href)
    return [Path(h).name for h in files]


def test_every_feed_has_rss_atom_and_a_json_feed_that_validates(site: Path) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    stems = feed_stems(site)
    assert len(stems) > 100
    for stem in stems:
        if stem.parent.name == "project":  # one project: RSS and its calendar only
            assert sorted(p.suffix for p in stem.parent.glob(f"{stem.name}.*")) == [".ics", ".xml"]
            assert not feedparser.parse(stem.with_suffix(".xml").read_bytes()).bozo
            continue
        data = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], stem
        parsed = jsonfeed.Feed.parse(data)  # a second, independent reader
        rss = feedparser.parse(stem.with_suffix(".xml").read_bytes())
        atom = feedparser.parse(stem.with_suffix(".atom").read_bytes())
        assert not rss.bozo and not atom.bozo, stem
        ids = [e.id for e in rss.entries]
        assert [i.id for i in parsed.items] == ids == [e.id for e in atom.entries], stem
        assert data["feed_url"].endswith(stem.relative_to(site).as_posix() + ".json")


def test_an_item_has_the_same_id_title_and_link_in_every_feed(site: Path) -> None:
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for stem in feed_stems(site):
        for entry in feedparser.parse(stem.with_suffix(".xml").read_bytes()).entries:
            seen[entry.id].add((entry.title, entry.link))
    assert len(seen) > 20
    assert {i: v for i, v in seen.items() if len(v) > 1} == {}


def test_a_selection_feed_holds_exactly_the_projects_the_catalogue_shows(site: Path) -> None:
    """For every value of every catalogue facet with a feed, and for theme x organisation type."""
    cards = catalogue_cards(site)
    checked = 0
    for param in ("thema", "soort", "fase", "opdracht"):
        for stem in sorted((site / "feeds" / param).glob("*.xml")):
            code = stem.stem
            shown = {card_slug(c) for c in cards if code in (c.get(f"data-{param}") or "").split()}
            assert project_slugs(site, stem.with_suffix("")) == shown, stem
            checked += bool(shown)
    for stem in sorted((site / "feeds" / "thema").glob("*/soort/*.xml")):
        theme, kind = stem.parent.parent.name, stem.stem
        shown = {
            card_slug(c)
            for c in cards
            if theme in c.get("data-thema").split() and kind == c.get("data-soort")
        }
        assert project_slugs(site, stem.with_suffix("")) == shown, stem
        checked += bool(shown)
    assert checked > 10


def test_every_selection_and_project_has_a_calendar(site: Path) -> None:
    for stem in feed_stems(site):
        if stem.relative_to(site / "feeds").parts[0] in {"alles", "marktconsultaties"}:
            continue
        calendar = Calendar.from_ical(stem.with_suffix(".ics").read_bytes())
        assert calendar["x-wr-calname"], stem


def test_following_a_project_gives_its_consultations_conclusions_and_dates(site: Path) -> None:
    stem = site / "feeds" / "project" / "turing"
    ids = [e.id for e in feedparser.parse(stem.with_suffix(".xml").read_bytes()).entries]
    assert f"{TAG}project/turing" in ids
    assert f"{TAG}consultation/turing-workshop" in ids and f"{TAG}consultation/turing-pitches" in ids
    calendar = Calendar.from_ical(stem.with_suffix(".ics").read_bytes())
    uids = {str(e["uid"]) for e in calendar.walk("VEVENT")}
    assert {
        "consultation-turing-workshop@kenniscentrum.vlaio.be",
        "consultation-turing-pitches@kenniscentrum.vlaio.be",
    } <= uids
    # A project without consultations still has its own feed and an (empty) calendar to subscribe to.
    lonely = site / "feeds" / "project" / "taalstad"
    assert [e.id for e in feedparser.parse(lonely.with_suffix(".xml").read_bytes()).entries][-1] == (
        f"{TAG}project/taalstad"
    )


def test_conclusions_reach_the_followers_of_the_project(site: Path) -> None:
    ids = [
        e.id for e in feedparser.parse((site / "feeds" / "project" / "bookaplace.xml").read_bytes()).entries
    ]
    assert f"{TAG}consultation/bookaplace-reserveringssysteem/conclusies" in ids


@pytest.mark.parametrize("instrument", ["pcp", "ppi", "csa"])
def test_funding_is_followed_by_instrument(site: Path, instrument: str) -> None:
    parsed = feedparser.parse((site / "feeds" / "instrument" / f"{instrument}.xml").read_bytes())
    assert not parsed.bozo
    assert all(e.id.startswith(f"{TAG}funding/") for e in parsed.entries)


def test_the_opml_of_all_feeds_is_valid_opml_2_and_lists_working_feeds(site: Path) -> None:
    data = (site / "feeds" / "alle-feeds.opml").read_bytes()
    root = lxml.etree.fromstring(data)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.find("head/title").text
    feeds = [o for o in root.iter("outline") if o.get("xmlUrl")]
    assert len(feeds) > 30
    for outline in feeds:
        assert outline.get("type") == "rss" and outline.get("text"), outline.attrib
        path = outline.get("xmlUrl").removeprefix("https://kenniscentrum.example.org/")
        assert (site / path).is_file(), path
    parsed = listparser.parse(data.decode())
    assert not parsed.bozo
    assert {f.url for f in parsed.feeds} == {o.get("xmlUrl") for o in feeds}
    assert "https://kenniscentrum.example.org/feeds/thema/energie.xml" in {f.url for f in parsed.feeds}


def test_the_consultations_feed_has_a_calendar_of_the_consultations_only(site: Path) -> None:
    calendar = Calendar.from_ical((site / "feeds" / "marktconsultaties.ics").read_bytes())
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert uids and all(u.startswith(("consultation-", "registration-")) for u in uids)


def test_every_project_page_offers_its_feed_and_calendar(site: Path) -> None:
    pages = sorted((site / "projecten").glob("*/index.html"))
    assert len(pages) > 5
    for page in pages:
        doc = lxml.html.fromstring(page.read_bytes())
        box = doc.cssselect("section.kc-follow")
        assert len(box) == 1, page
        assert box[0].cssselect("h2")[0].text_content() == "Volg dit project"
        feed = box[0].cssselect("a.kc-copyable")[0].get("href")
        calendar = box[0].cssselect("a.kc-webcal")[0].get("href")
        assert (page.parent / calendar).resolve().is_file(), (page, calendar)
        # The feed link leads to the feed's own page, which links the RSS file.
        about = (page.parent / feed / "index.html").resolve()
        assert feed.endswith(f"feeds/project/{page.parent.name}/"), feed
        assert f"{page.parent.name}.xml" in feed_files(about), about
        assert "derived" in box[0].get("class")  # not indexed by search as the project's own text


def test_a_consultation_says_whether_you_can_still_take_part(site: Path) -> None:
    def meta(slug: str) -> dict[str, str]:
        doc = lxml.html.fromstring((site / "marktconsultaties" / slug / "index.html").read_bytes())
        terms = [dt.text_content().strip() for dt in doc.cssselect(".kc-meta dt")]
        return dict(
            zip(terms, (dd.text_content().strip() for dd in doc.cssselect(".kc-meta dd")), strict=True)
        )

    past = meta("bookaplace-reserveringssysteem")
    assert past["Status"] == "Afgelopen"
    assert "Agenda" not in past and "Inschrijven" not in past
    coming = meta("turing-workshop")
    assert coming["Status"] in {"Inschrijving open", "Inschrijving gesloten"}
    assert coming["Agenda"] == "Zet in je agenda, agendabestand (.ics)"
    doc = lxml.html.fromstring((site / "marktconsultaties" / "turing-workshop" / "index.html").read_bytes())
    subscribe, file = doc.xpath("//dt[.='Agenda']/following-sibling::dd[1]//a")
    assert "kc-webcal" in subscribe.get("class")  # follow.js makes it webcal://; the second link stays https
    assert subscribe.get("href") == file.get("href") == "agenda.ics"
    assert "kc-webcal" not in (file.get("class") or "")


def test_the_subscribe_page_answers_what_a_company_wants(site: Path) -> None:
    doc = lxml.html.fromstring((site / "abonneren" / "index.html").read_bytes())
    headings = [h.text_content().strip("¶ ").strip() for h in doc.cssselect("article h2")]
    for need in (
        "Een nieuwe marktconsultatie in mijn sector",
        "De conclusies van een consultatie",
        "Een oproep met deadline",
    ):
        assert need in headings
    site_url = "https://kenniscentrum.example.org/"
    calendars = [a.get("href") for a in doc.cssselect("a.kc-webcal")]
    assert f"{site_url}agenda.ics" in calendars and f"{site_url}feeds/marktconsultaties.ics" in calendars
    assert doc.cssselect("a.kc-copyable")
    assert f"{site_url}feeds/alle-feeds.opml" in {a.get("href") for a in doc.iter("a")}


def test_the_consultations_page_offers_their_feed_and_calendar(site: Path) -> None:
    page = site / "marktconsultaties" / "index.html"
    box = lxml.html.fromstring(page.read_bytes()).cssselect("section.kc-follow")[0]
    assert (page.parent / box.cssselect("a.kc-webcal")[0].get("href")).resolve().is_file()
    about = (page.parent / box.cssselect("a.kc-copyable")[0].get("href") / "index.html").resolve()
    assert about == site / "feeds" / "marktconsultaties" / "index.html"
    assert feed_files(about) == ["marktconsultaties.xml", "marktconsultaties.atom", "marktconsultaties.json"]


def test_a_consultation_page_shows_contact_language_and_documents_when_given() -> None:
    from datetime import date

    from conftest import CONTENT
    from kenniscentrum.content.catalogue import load_catalogue
    from kenniscentrum.content.model import Contact, Document
    from kenniscentrum.pages.entries import entry_pages

    catalogue = load_catalogue(CONTENT, date(2026, 11, 25))
    entry = catalogue.get("consultation", "turing-workshop")
    assert entry is not None
    entry.data.update(
        contact=Contact(name="Dienst Innovatie", email="innovatie@voorbeeld.test"),
        language="Nederlands",
        documents=(Document("Behoeftenota", url="https://voorbeeld.test/nota.pdf"),),
    )
    page = entry_pages(catalogue)[entry.src_uri]
    assert (
        "Contact\n:   Dienst Innovatie, [innovatie@voorbeeld.test](<mailto:innovatie@voorbeeld.test>)" in page
    )
    assert "Taal\n:   Nederlands" in page
    assert "[Behoeftenota](<https://voorbeeld.test/nota.pdf>)" in page
    bare = entry_pages(load_catalogue(CONTENT, date(2026, 11, 25)))[entry.src_uri]
    assert "Contact\n" not in bare and "Documenten\n" not in bare  # left out when the content does not say


def test_every_feed_has_a_short_dutch_page_and_site_links_lead_there(site: Path) -> None:
    stems = feed_stems(site)
    for stem in stems:
        page = stem / "index.html"
        assert page.is_file(), stem  # exactly one page per feed
        files = feed_files(page)
        assert f"{stem.name}.xml" in files, page
    # No page without a feed: every page under feeds/ belongs to a feed next to it.
    pages = [p for p in (site / "feeds").rglob("index.html")]
    assert len(pages) == len(stems)
    # A theme page leads to its feed's page, not to raw XML.
    theme = lxml.html.fromstring((site / "thema" / "energie" / "index.html").read_bytes())
    hrefs = [a.get("href") for a in theme.cssselect(".kc-feeds a")]
    assert hrefs == ["../../feeds/thema/energie/"]
    assert not [h for h in hrefs if h.endswith((".xml", ".atom", ".json"))]


def test_a_feed_page_says_what_it_holds_shows_its_latest_items_and_how_to_subscribe(site: Path) -> None:
    doc = lxml.html.fromstring((site / "feeds" / "thema" / "energie" / "index.html").read_bytes())
    assert doc.cssselect("h1")[0].text_content().strip("¶ ") == "Feed: Energie"
    # Names that are lower case inside a feed's title start with a capital on its page and in its breadcrumbs.
    site_wide = lxml.html.fromstring((site / "feeds" / "marktconsultaties" / "index.html").read_bytes())
    assert site_wide.cssselect("h1")[0].text_content().strip("¶ ") == "Feed: Marktconsultaties"
    assert site_wide.cssselect(".kc-breadcrumbs [aria-current=page]")[0].text_content() == "Marktconsultaties"
    assert "thema ‘Energie’" in doc.cssselect(".kc-feed-what")[0].text_content()
    latest = [a.text_content() for a in doc.cssselect(".kc-feed-latest a")]
    rss = feedparser.parse((site / "feeds" / "thema" / "energie.xml").read_bytes())
    assert latest and latest == [e.title for e in rss.entries[: len(latest)]]
    assert len(doc.cssselect(".kc-feed-steps li")) == 3
    calendar = [a.get("href") for a in doc.cssselect(".kc-feed-files a.kc-webcal")]
    assert calendar == ["../energie.ics"]
    # Search leaves the feed pages out (they repeat other pages); the head still links the raw feeds.
    assert not doc.cssselect("[data-pagefind-body]")
    assert doc.cssselect("head link[rel=alternate][type='application/rss+xml']")
    assert "/feeds/" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_open_calls_have_one_feed_and_calendar_with_all_day_deadlines(site: Path) -> None:
    rss = feedparser.parse((site / "feeds" / "oproepen.xml").read_bytes())
    assert not rss.bozo
    assert rss.entries and all(e.id.startswith(f"{TAG}funding/") for e in rss.entries)
    calendar = Calendar.from_ical((site / "feeds" / "oproepen.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert events and all(str(e["uid"]).startswith("funding-") for e in events)
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert end > start, event["uid"]  # never an event of no length
    doc = lxml.html.fromstring((site / "abonneren" / "index.html").read_bytes())
    section = doc.xpath("//h2[contains(., 'Een oproep met deadline')]/following-sibling::ul[1]")[0]
    hrefs = [a.get("href") for a in section.iter("a")]
    assert "../feeds/oproepen/" in hrefs
    assert "https://kenniscentrum.example.org/feeds/oproepen.ics" in hrefs


def test_the_opml_never_shows_two_feeds_with_the_same_title(site: Path) -> None:
    parsed = listparser.parse((site / "feeds" / "alle-feeds.opml").read_text(encoding="utf-8"))
    titles = [f.title for f in parsed.feeds]
    assert len(titles) == len(set(titles))
    assert any(t.startswith("Soort opdracht: ") for t in titles)
    assert any(t.startswith("Financieringsinstrument: ") for t in titles)
    # A sector's market consultations, next to the theme's feed of everything.
    assert "Kenniscentrum Innovatieve Overheidsopdrachten: marktconsultaties over Energie" in titles


def test_the_consultations_page_can_be_filtered_and_followed_by_theme(site: Path) -> None:
    doc = lxml.html.fromstring((site / "marktconsultaties" / "index.html").read_bytes())
    form = doc.cssselect("form#kc-filters")[0]
    themes = [i.get("value") for i in form.cssselect("input[name=thema]")]
    cards = doc.cssselect(".kc-cards > .kc-card")
    # Every theme offered is carried by a consultation; every card says its themes, as the catalogue's do.
    carried = {code for card in cards for code in card.get("data-thema").split()}
    assert themes and set(themes) == carried
    box = doc.cssselect("section#kc-follow")[0]
    assert box.get("data-hide-all") is not None  # without a theme the page's own feed box stands
    data = json.loads(box.get("data-feeds"))
    # A theme ticked here offers the feed of that theme's consultations, not the theme's feed of everything,
    # described as that feed's own page describes it.
    assert data["prefix"] == "feeds/marktconsultaties/"
    energie = lxml.html.fromstring(
        (site / "feeds" / "marktconsultaties" / "thema" / "energie" / "index.html").read_bytes()
    )
    described = energie.cssselect(".kc-feed-what")[0].text_content().strip()
    assert described.startswith(data["sentences"]["thema"].replace("%(criteria)s", "thema ‘Energie’"))
    for theme in themes:
        assert (site / "feeds" / "marktconsultaties" / "thema" / f"{theme}.ics").is_file()
        assert (site / "feeds" / "marktconsultaties" / "thema" / theme / "index.html").is_file()


def test_a_sector_feed_holds_the_consultations_of_its_theme_only(site: Path) -> None:
    consultations = lxml.html.fromstring((site / "marktconsultaties" / "index.html").read_bytes())
    by_theme: dict[str, set[str]] = defaultdict(set)
    for card in consultations.cssselect(".kc-cards > .kc-card"):
        slug = card.cssselect("a")[0].get("href").rstrip("/").rsplit("/", 1)[-1]
        for code in card.get("data-thema").split():
            by_theme[code].add(slug)
    assert by_theme
    for theme, slugs in by_theme.items():
        stem = site / "feeds" / "marktconsultaties" / "thema" / theme
        for ext in ("xml", "atom", "json", "ics"):
            assert stem.with_suffix(f".{ext}").is_file(), (theme, ext)
        rss = feedparser.parse(stem.with_suffix(".xml").read_bytes())
        assert not rss.bozo and rss.entries
        ids = [e.id for e in rss.entries]
        # Consultations and their conclusions, nothing else (no projects, tips, funding or milestones).
        assert all(i.startswith(f"{TAG}consultation/") for i in ids), ids
        announced = {i.removeprefix(f"{TAG}consultation/").split("/")[0] for i in ids}
        assert announced <= slugs and announced, (theme, announced, slugs)
        calendar = Calendar.from_ical(stem.with_suffix(".ics").read_bytes())
        uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
        assert all(u.startswith(("consultation-", "registration-")) for u in uids)
        page = lxml.html.fromstring((stem / "index.html").read_bytes())
        what = page.cssselect(".kc-feed-what")[0].text_content()
        assert what.startswith("Je krijgt elke nieuwe marktconsultatie met thema ‘"), what


def test_the_subscribe_page_lists_the_sectors_with_their_consultation_feeds(site: Path) -> None:
    doc = lxml.html.fromstring((site / "abonneren" / "index.html").read_bytes())
    heading = doc.xpath("//h2[contains(., 'Een nieuwe marktconsultatie in mijn sector')]")[0]
    sectors = heading.xpath("following-sibling::ul[contains(@class, 'kc-sector-feeds')][1]//a")
    labels = [a.text_content() for a in sectors]
    assert "Energie" in labels and "Mobiliteit" in labels
    for link in sectors:
        href = link.get("href")
        assert href.startswith("../feeds/marktconsultaties/thema/") and href.endswith("/"), href
        assert (site / "abonneren" / href / "index.html").resolve().is_file()
        assert "kc-copyable" in link.get("class")


def test_the_funding_page_offers_the_open_calls_feed_and_calendar(site: Path) -> None:
    page = site / "financiering" / "index.html"
    doc = lxml.html.fromstring(page.read_bytes())
    box = doc.cssselect("section.kc-follow")[0]
    assert box.cssselect("h2")[0].text_content().strip("¶ ") == "Volg de oproepen met deadline"
    assert "deadline nog niet voorbij" in box.text_content()
    about = box.cssselect("a.kc-copyable")[0].get("href")
    assert about == "../feeds/oproepen/"
    assert feed_files(page.parent / about / "index.html") == [
        "oproepen.xml",
        "oproepen.atom",
        "oproepen.json",
    ]
    calendar = box.cssselect("a.kc-webcal")[0].get("href")
    assert calendar == "../feeds/oproepen.ics" and (page.parent / calendar).resolve().is_file()
    # Readers and browsers find the calls feed from the page's head too.
    alternates = {a.get("href").rsplit("/", 1)[-1] for a in doc.cssselect("head link[rel=alternate]")}
    assert {"oproepen.xml", "oproepen.atom"} <= alternates


def feed_and_calendar_ids(site: Path) -> dict[str, list[str]]:
    """Every feed's id and item ids, and every calendar's UIDs, by file."""
    found = {}
    for stem in feed_stems(site):
        atom = (
            feedparser.parse(stem.with_suffix(".atom").read_bytes())
            if stem.with_suffix(".atom").exists()
            else None
        )
        rss = feedparser.parse(stem.with_suffix(".xml").read_bytes())
        ids = [e.id for e in rss.entries]
        assert len(ids) == len(set(ids)), stem  # unique within a feed
        found[f"{stem.relative_to(site)}.xml"] = ([atom.feed.id] if atom else []) + ids
    for path in site.rglob("*.ics"):
        found[str(path.relative_to(site))] = [
            str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        ]
    return found


def test_ids_belong_to_the_configured_authority_and_stay_the_same_between_builds(
    site: Path, tmp_path: Path
) -> None:
    default = feed_and_calendar_ids(site)
    every = [i for ids in default.values() for i in ids]
    assert every and all(
        i.startswith("tag:vlaio.be,2024:kenniscentrum/") or i.endswith("@kenniscentrum.vlaio.be")
        for i in every
    )
    feed_ids = [ids[0] for name, ids in default.items() if name.endswith(".xml") and ids]
    assert len(feed_ids) == len(set(feed_ids))  # every feed its own id
    # A second build, with the authority set in mkdocs.yml: the same ids, under that authority.
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - kenniscentrum\n" in text
    config.write_text(
        text.replace("\n  - kenniscentrum\n", "\n  - kenniscentrum:\n      id_authority: example.org\n"),
        encoding="utf-8",
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    moved = feed_and_calendar_ids(tmp_path / "site")
    assert moved == {
        name: [
            i.replace("tag:vlaio.be,2024:", "tag:example.org,2024:").replace(
                "@kenniscentrum.vlaio.be", "@kenniscentrum.example.org"
            )
            for i in ids
        ]
        for name, ids in default.items()
    }


def test_a_project_feed_title_names_the_project_once_and_quoted(site: Path) -> None:
    rss = feedparser.parse((site / "feeds" / "project" / "turing.xml").read_bytes())
    title = rss.feed.title
    assert title.startswith("Kenniscentrum Innovatieve Overheidsopdrachten: project ‘Turing")
    assert title.endswith("’") and ": Turing:" not in title
    calendar = Calendar.from_ical((site / "feeds" / "project" / "turing.ics").read_bytes())
    assert str(calendar["x-wr-calname"]) == title
    # One project: RSS only (thousands of projects, a third of the files), and its page says why.
    page = lxml.html.fromstring((site / "feeds" / "project" / "turing" / "index.html").read_bytes())
    assert (
        page.cssselect(".kc-feed-only")[0].text_content()
        == "Deze feed is er alleen als RSS: dat leest elke feedlezer."
    )
    theme = lxml.html.fromstring((site / "feeds" / "thema" / "energie" / "index.html").read_bytes())
    assert not theme.cssselect(".kc-feed-only")


def test_a_step_known_only_by_its_year_claims_no_day(site: Path) -> None:
    """Turing's 2019 step: a feed item needs a date (1 January), but nothing a reader sees says that day."""
    rss = feedparser.parse((site / "feeds" / "project" / "turing.xml").read_bytes())
    item = next(e for e in rss.entries if e.id.endswith("/milestone/2019-01-01-1"))
    assert "01 Jan 2019" in item.published
    assert item.summary.startswith("2019: AWV stelt Turing voor als case")
    assert "januari" not in item.summary
    page = lxml.html.fromstring((site / "feeds" / "project" / "turing" / "index.html").read_bytes())
    dates = [s.text_content() for s in page.cssselect(".kc-feed-latest .kc-feed-date")]
    assert "(2019)" in dates and "(1 januari 2019)" not in dates


def test_a_feed_of_an_unknown_kind_is_refused_rather_than_described_as_another() -> None:
    with pytest.raises(KeyError, match="sector"):
        feed_sentence("sector", "thema ‘Energie’")
    # Every kind is one sentence, its placeholders filled in.
    for kind in FEED_SENTENCES:
        sentence = feed_sentence(kind, "thema ‘Energie’", "Turing")
        assert sentence.startswith("Je krijgt ") and "%(" not in sentence
