"""Entry pages and listings as built: every derived cross-link in both directions, status against the date.

Expected links are computed from the content files (plain YAML here), and every href is resolved against
the built site, so a link that points to a missing page fails as surely as a link that is absent.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import CONTENT, TODAY, copy_project, run_build
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.pages.entries import entry_pages
from kenniscentrum.pages.listings import organisation_page

CONTENT = CONTENT
PREFIX = {
    "projects": "projecten",
    "consultations": "marktconsultaties",
    "tips": "tips",
    "funding": "financiering",
}


def read(folder: str, content: Path = CONTENT) -> dict[str, dict]:
    entries = {}
    for path in sorted((content / folder).glob("*.md")):
        entries[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return entries


def org_slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


def page(site: Path, url: str) -> lxml.html.HtmlElement:
    doc = lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))
    doc.make_links_absolute("http://site.test/" + url)
    return doc


def targets(site: Path, scope: lxml.html.HtmlElement) -> set[str]:
    """Site-relative page URLs ('projecten/turing/') of the links in `scope`; each must exist."""
    found = set()
    for a in scope.iter("a"):
        if "headerlink" in (a.get("class") or ""):
            continue  # the permalink of a heading
        url = a.get("href", "")
        if not url.startswith("http://site.test/"):
            continue
        path = url.removeprefix("http://site.test/").split("#")[0].split("?")[0]
        if path and not path.endswith("/"):
            continue
        assert (site / path / "index.html").is_file(), f"dode link {url}"
        found.add(path)
    return found


def article(doc: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return doc.cssselect("article")[0]


def section(doc: lxml.html.HtmlElement, heading_id: str) -> lxml.html.HtmlElement:
    """The element after an h2 (a list of links or cards); fails when the section is missing."""
    heading = doc.cssselect(f"article h2#{heading_id}")
    assert heading, f"sectie #{heading_id} ontbreekt"
    nxt = heading[0].getnext()
    while nxt is not None and nxt.tag == "p":
        nxt = nxt.getnext()
    return nxt


def meta(doc: lxml.html.HtmlElement) -> dict[str, lxml.html.HtmlElement]:
    return {dt.text_content(): dt.getnext() for dt in doc.cssselect(".kc-meta dt")}


# --- project <-> consultation, tip, organisation, theme -------------------------------------------------------


def test_project_and_consultation_link_each_other(site: Path) -> None:
    consultations = read("consultations")
    assert any(c.get("project") for c in consultations.values())
    for slug, item in consultations.items():
        if not item.get("project"):
            continue
        project_url = f"projecten/{item['project']}/"
        consultation_url = f"marktconsultaties/{slug}/"
        assert project_url in targets(site, meta(page(site, consultation_url))["Project"])
        assert consultation_url in targets(site, section(page(site, project_url), "marktconsultaties"))
    for slug in read("projects"):
        if not any(c.get("project") == slug for c in consultations.values()):
            assert not page(site, f"projecten/{slug}/").cssselect("article h2#marktconsultaties")


def test_project_shows_published_conclusions_with_date_and_link(site: Path) -> None:
    doc = page(site, "projecten/duurzame-straatverlichting-halle/")
    item = section(doc, "marktconsultaties").cssselect("li")[0]
    text = item.text_content()
    assert "18 maart 2021" in text and "Halle" in text
    assert "gepubliceerd op 6 mei 2021" in text
    assert "De inbreng van de deelnemers hielp" in text  # first paragraph of the conclusions
    link = next(a for a in item.iter("a") if a.text_content() == "Conclusies")
    path, anchor = link.get("href").removeprefix("http://site.test/").split("#")
    assert path == "marktconsultaties/straatverlichting-halle/" and anchor == "conclusies"
    target = page(site, path)
    assert target.cssselect("h2#conclusies")[0].text_content().startswith("Conclusies")


def test_upcoming_consultation_on_project_page_says_so(site: Path) -> None:
    item = section(page(site, "projecten/turing/"), "marktconsultaties")
    texts = [li.text_content() for li in item.cssselect("li")]
    assert any("10 december 2026" in t and "(komt eraan)" in t for t in texts)


def test_project_and_tip_link_each_other(site: Path) -> None:
    tips = read("tips")
    assert any(t.get("projects") for t in tips.values())
    referenced: dict[str, set[str]] = {}
    for slug, tip in tips.items():
        tip_links = targets(
            site, meta(page(site, f"tips/{slug}/")).get("Projecten", lxml.html.fragment_fromstring("<dd/>"))
        )
        assert tip_links == {f"projecten/{p}/" for p in tip.get("projects", [])}
        for project in tip.get("projects", []):
            referenced.setdefault(project, set()).add(f"tips/{slug}/")
    for project in read("projects"):
        doc = page(site, f"projecten/{project}/")
        if project in referenced:
            assert targets(site, section(doc, "tips-en-verhalen")) == referenced[project]
        else:
            assert not doc.cssselect("article h2#tips-en-verhalen")


def test_project_and_organisation_link_each_other(site: Path) -> None:
    projects = read("projects")
    by_org: dict[str, set[str]] = {}
    for slug, item in projects.items():
        org = f"organisaties/{org_slug(item['organisation'])}/"
        assert targets(site, meta(page(site, f"projecten/{slug}/"))["Organisatie"]) == {org}
        by_org.setdefault(org, set()).add(f"projecten/{slug}/")
    for org, expected in by_org.items():
        assert targets(site, section(page(site, org), "projecten")) == expected


def test_consultation_and_organisation_link_each_other(site: Path) -> None:
    by_org: dict[str, set[str]] = {}
    for slug, item in read("consultations").items():
        org = f"organisaties/{org_slug(item['organisation'])}/"
        assert targets(site, meta(page(site, f"marktconsultaties/{slug}/"))["Organisatie"]) == {org}
        by_org.setdefault(org, set()).add(f"marktconsultaties/{slug}/")
    for org, expected in by_org.items():
        cards = section(page(site, org), "marktconsultaties")
        titles = {
            a.get("href").removeprefix("http://site.test/") for a in cards.cssselect(".kc-card__title a")
        }
        assert titles == expected


def test_entries_and_theme_pages_link_each_other(site: Path) -> None:
    vocab = yaml.safe_load((CONTENT / "vocabularies.yml").read_text(encoding="utf-8"))
    on_theme: dict[str, set[str]] = {code: set() for code in vocab["themes"]}
    for folder, prefix in PREFIX.items():
        for slug, item in read(folder).items():
            url = f"{prefix}/{slug}/"
            themes = item.get("themes") or []
            if themes:
                linked = targets(site, meta(page(site, url))["Thema's"])
                assert linked == {f"thema/{t}/" for t in themes}, url
            for theme in themes:
                on_theme[theme].add(url)
    for code, expected in on_theme.items():
        doc = page(site, f"thema/{code}/")
        titles = {a.get("href").removeprefix("http://site.test/") for a in doc.cssselect(".kc-card__title a")}
        assert titles == expected, code
        if not expected:
            assert "nog geen inhoud" in article(doc).text_content()


def test_theme_page_links_to_the_catalogue_filtered_on_its_theme(site: Path) -> None:
    doc = page(site, "thema/energie/")
    links = [a.get("href") for a in section_intro(doc, "projecten").iter("a")]
    assert "http://site.test/projecten/?thema=energie" in links


def section_intro(doc: lxml.html.HtmlElement, heading_id: str) -> lxml.html.HtmlElement:
    return doc.cssselect(f"article h2#{heading_id}")[0].getnext()


def test_project_facets_link_to_the_filtered_catalogue(site: Path) -> None:
    fields = meta(page(site, "projecten/duurzame-straatverlichting-halle/"))
    assert [a.get("href") for a in fields["Soort organisatie"].iter("a")] == [
        "http://site.test/projecten/?soort=lokaal-bestuur"
    ]
    assert [a.get("href") for a in fields["Fase"].iter("a")] == ["http://site.test/projecten/?fase=afgerond"]


def test_related_projects_share_a_theme_or_the_organisation(site: Path) -> None:
    projects = read("projects")
    for slug, item in projects.items():
        doc = page(site, f"projecten/{slug}/")
        if not doc.cssselect("article h2#verwante-projecten"):
            others = [o for s, o in projects.items() if s != slug]
            assert not any(set(o["themes"]) & set(item["themes"]) for o in others)
            continue
        related = targets(site, section(doc, "verwante-projecten"))
        assert related and f"projecten/{slug}/" not in related
        for url in related:
            other = projects[url.split("/")[1]]
            assert set(other["themes"]) & set(item["themes"]) or other["organisation"] == item["organisation"]


def test_every_organisation_and_theme_page_is_reachable(site: Path) -> None:
    orgs = {
        f"organisaties/{org_slug(i['organisation'])}/"
        for f in ("projects", "consultations")
        for i in read(f).values()
    }
    assert targets(site, article(page(site, "organisaties/"))) == orgs
    vocab = yaml.safe_load((CONTENT / "vocabularies.yml").read_text(encoding="utf-8"))
    assert targets(site, article(page(site, "thema/"))) == {f"thema/{t}/" for t in vocab["themes"]}
    catalogue_links = targets(site, article(page(site, "projecten/")))
    assert {"thema/", "organisaties/"} <= catalogue_links


# --- consultations listing ----------------------------------------------------------------------------------


def card_titles(scope: lxml.html.HtmlElement | None) -> list[str]:
    if scope is not None and scope.tag == "div":  # the wrapper that keeps cards out of the search index
        scope = scope.find("ul")
    if scope is None or scope.tag != "ul":
        return []
    return [a.text_content() for a in scope.cssselect(".kc-card__title a")]


def test_consultations_upcoming_first_then_past_against_the_build_date(site: Path) -> None:
    consultations = read("consultations")
    today = TODAY
    upcoming = sorted(
        (c for c in consultations.values() if str(c["starts"])[:10] >= today), key=lambda c: str(c["starts"])
    )
    past = sorted(
        (c for c in consultations.values() if str(c["starts"])[:10] < today),
        key=lambda c: str(c["starts"]),
        reverse=True,
    )
    doc = page(site, "marktconsultaties/")
    # (The other h2s head the "Volg de marktconsultaties" and "Volg deze selectie" boxes.)
    headings = [h.get("id") for h in doc.cssselect("article h2[id]") if h.get("id") != "kc-follow-title"]
    assert headings == ["binnenkort", "afgelopen"]
    assert card_titles(section(doc, "binnenkort")) == [c["title"] for c in upcoming]
    assert card_titles(section(doc, "afgelopen")) == [c["title"] for c in past]
    first = section(doc, "binnenkort").cssselect(".kc-card")[0].text_content()
    assert "donderdag 10 december 2026 om 14:00" in first and "Online" in first
    for card in section(doc, "afgelopen").cssselect(".kc-card"):
        conclusions = [a for a in card.iter("a") if a.text_content() == "Conclusies"]
        assert conclusions and conclusions[0].get("href").endswith("/#conclusies")
        assert "gepubliceerd op" in card.text_content()


def test_each_consultation_card_links_its_project(site: Path) -> None:
    consultations = {c["title"]: c for c in read("consultations").values()}
    for card in page(site, "marktconsultaties/").cssselect(".kc-card"):
        title = card.cssselect(".kc-card__title a")[0].text_content()
        project = consultations[title].get("project")
        links = {t for t in targets(site, card.cssselect(".kc-card__facts")[0]) if t.startswith("projecten/")}
        assert links == ({f"projecten/{project}/"} if project else set())


SYNTHETIC_CONSULTATION = """---
title: "Testsessie met inschrijving"
description: "Testgegevens van de listingtest: geen echte marktconsultatie."
organisation: Stad Halle
themes: [energie]
project: duurzame-straatverlichting-halle
starts: 2027-01-20 14:00
location: online
registration_url: https://example.org/inschrijven
registration_deadline: 2027-01-10
published: 2026-11-20
---
Testtekst.
"""


@pytest.fixture(scope="module")
def later_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample sources plus one test consultation, built on two dates (in a temporary copy)."""
    project = copy_project(tmp_path_factory.mktemp("later") / "project")
    (project / "content" / "consultations" / "testsessie.md").write_text(
        SYNTHETIC_CONSULTATION, encoding="utf-8"
    )
    sites = {}
    for today in (TODAY, "2027-01-15", "2027-02-01"):
        sites[today] = project / f"site-{today}"
        result = run_build(project, sites[today], today)
        assert result.returncode == 0, result.stderr
    return sites


def test_registration_link_and_deadline_while_open(later_site: dict[str, Path]) -> None:
    doc = page(later_site[TODAY], "marktconsultaties/")
    card = next(
        c for c in section(doc, "binnenkort").cssselect(".kc-card") if "Testsessie" in c.text_content()
    )
    links = [a for a in card.iter("a") if a.text_content().startswith("Schrijf je in")]
    assert links and links[0].get("href") == "https://example.org/inschrijven"
    assert "(tot 10 januari 2027)" in card.text_content()


def test_consultation_page_offers_registration_only_while_open(later_site: dict[str, Path]) -> None:
    fields = meta(page(later_site[TODAY], "marktconsultaties/testsessie/"))
    assert [a.get("href") for a in fields["Inschrijven"].iter("a")] == ["https://example.org/inschrijven"]
    assert fields["Inschrijven tot"].text_content() == "10 januari 2027"
    assert targets(later_site[TODAY], fields["Project"]) == {"projecten/duurzame-straatverlichting-halle/"}
    later = meta(page(later_site["2027-01-15"], "marktconsultaties/testsessie/"))
    assert "Inschrijven" not in later and later["Status"].text_content() == "Inschrijving gesloten"


def test_status_flips_with_the_build_date(later_site: dict[str, Path]) -> None:
    # 15 January 2027: the session is still ahead, registration closed, the December workshop is past.
    doc = page(later_site["2027-01-15"], "marktconsultaties/")
    upcoming = card_titles(section(doc, "binnenkort"))
    assert upcoming[0] == "Testsessie met inschrijving"
    card = section(doc, "binnenkort").cssselect(".kc-card")[0]
    assert "Inschrijvingen afgesloten op 10 januari 2027" in card.text_content()
    assert not [a for a in card.iter("a") if "Schrijf je in" in a.text_content()]
    past = section(doc, "afgelopen")
    workshop = next(c for c in past.cssselect(".kc-card") if "open workshop" in c.text_content())
    assert "Conclusies volgen" in workshop.text_content()
    project = page(later_site["2027-01-15"], "projecten/turing/")
    assert "(conclusies volgen)" in section(project, "marktconsultaties").text_content()
    meta_status = meta(page(later_site["2027-01-15"], "marktconsultaties/turing-workshop/"))["Status"]
    assert meta_status.text_content() == "Afgelopen"
    # 1 February 2027: the test session is past too.
    doc = page(later_site["2027-02-01"], "marktconsultaties/")
    assert card_titles(section(doc, "binnenkort")) == [
        "Marktconsultatie Turing: pitches na de oproep tot interesse"
    ]


# --- funding -----------------------------------------------------------------------------------------------


def test_funding_open_by_deadline_then_soon_then_closed(site: Path) -> None:
    doc = page(site, "financiering/")
    # The groups' headings; the follow box ("Volg de oproepen met deadline") has its own above them.
    assert [h.get("id") for h in doc.cssselect("article h2") if not h.xpath("ancestor::section")] == [
        "open-oproepen",
        "binnenkort-open",
        "gesloten-oproepen",
    ]
    assert card_titles(section(doc, "open-oproepen")) == [
        "Horizon Europe: financiering voor innovatiegerichte aankoopprojecten"
    ]
    assert card_titles(section(doc, "binnenkort-open")) == [
        "Horizon Europe: netwerken van innovatieve aankopers"
    ]
    closed = section(doc, "gesloten-oproepen").cssselect(".kc-card")
    assert "Opent 12 januari 2027" in section(doc, "binnenkort-open").text_content()
    deadlines = [re.search(r"Deadline (.*?\d{4})", c.text_content()).group(1) for c in closed]
    assert deadlines == ["22 april 2020", "22 april 2020", "13 december 2019", "14 juni 2019"]
    assert "Deadline 14 juni 2019 om 23:59" in closed[-1].text_content()


def test_funding_status_flips_with_the_build_date(later_site: dict[str, Path]) -> None:
    doc = page(later_site["2027-02-01"], "financiering/")
    assert card_titles(section(doc, "open-oproepen")) == [
        "Horizon Europe: financiering voor innovatiegerichte aankoopprojecten",  # deadline 17 March
        "Horizon Europe: netwerken van innovatieve aankopers",  # opened 12 January, deadline 21 April
    ]
    assert "Geen oproepen in deze groep." in section_intro(doc, "binnenkort-open").text_content()


# --- tips --------------------------------------------------------------------------------------------------


def test_tips_grouped_by_kind_and_by_theme(site: Path) -> None:
    tips = read("tips")
    vocab = yaml.safe_load((CONTENT / "vocabularies.yml").read_text(encoding="utf-8"))
    doc = page(site, "tips/")
    kinds = [k for k in vocab["tip_kinds"] if any(t["kind"] == k for t in tips.values())]
    assert [h.get("id") for h in doc.cssselect("article h2")] == [*kinds, "per-thema"]
    for kind in kinds:
        assert sorted(card_titles(section(doc, kind))) == sorted(
            t["title"] for t in tips.values() if t["kind"] == kind
        )
    for heading in doc.cssselect("article h3"):
        if heading.getparent().tag == "li":
            continue  # a card title
        theme = targets(site, heading)
        assert len(theme) == 1
        code = next(iter(theme)).split("/")[1]
        listed = {a.text_content() for a in heading.getnext().iter("a")}
        assert listed == {t["title"] for t in tips.values() if code in (t.get("themes") or [])}


def test_an_organisation_is_shown_with_its_abbreviations_and_recognised_by_its_other_spellings(
    tmp_path: Path,
) -> None:
    """The fixture's organisations.yml gives AWV a short name (AWV) and a spelling variant with '&': an entry
    naming the variant is the same organisation, and no page repeats the name in another spelling."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    pitches = content / "consultations" / "turing-pitches.md"
    text = pitches.read_text(encoding="utf-8")
    assert "organisation: Agentschap Wegen en Verkeer\n" in text
    pitches.write_text(
        text.replace(
            "organisation: Agentschap Wegen en Verkeer\n", "organisation: Agentschap Wegen & Verkeer\n"
        ),
        encoding="utf-8",
    )
    catalogue = load_catalogue(content, date.fromisoformat(TODAY))
    entry = catalogue.get("consultation", "turing-pitches")
    assert entry is not None and entry["organisation"] == "Agentschap Wegen en Verkeer"
    page = entry_pages(catalogue)[entry.src_uri]
    assert "[Agentschap Wegen en Verkeer \\(AWV\\)](../organisaties/agentschap-wegen-en-verkeer.md)" in page
    assert "Wegen &amp; Verkeer" not in page
    org = catalogue.organisations["agentschap-wegen-en-verkeer"]
    assert entry in org.consultations and len(catalogue.organisations) == len(
        load_catalogue(CONTENT, date.fromisoformat(TODAY)).organisations
    )  # no second page for the variant
    listed = organisation_page(catalogue, org)
    assert "Ook bekend als: AWV\n" in listed and "&amp;" not in listed
