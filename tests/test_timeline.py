"""A project's story: milestones as an editor writes them, the timeline a reader sees, its current stage, the facts
readers look for, and an invented example that says so everywhere it goes."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import feedparser
import lxml.html
import pytest
from icalendar import Calendar

from conftest import CONTENT, TODAY
from kenniscentrum.content.catalogue import Catalogue, load_catalogue
from kenniscentrum.content.events import Kind, Step, entry_events, project_timeline
from kenniscentrum.content.model import Period
from kenniscentrum.content.problems import ContentError


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CONTENT, date.fromisoformat(TODAY))


def page(site: Path, rel: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / rel / "index.html").read_text(encoding="utf-8"))


def problems_of(tmp_path: Path, front: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "projects" / "tijdlijn.md").write_text(
        "---\ntitle: Tijdlijn\ndescription: Een project met mijlpalen.\norganisation: Stad Halle\n"
        f"themes: [energie]\nphase: uitvoering\n{front}published: 2025-01-10\n---\nTekst.\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as error:
        load_catalogue(content, date.fromisoformat(TODAY))
    return [str(p) for p in error.value.problems]


def test_every_milestone_problem_is_named_with_its_line_and_field(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "milestones:\n"
        "  - date: 2023-03\n    stage: gunnen\n    text: Gegund.\n"  # lines 8-10
        "  - date: 2023-13\n    stage: gunning\n    txt: Gegund.\n"  # lines 11-13
        "  - date: 2024\n    stage: resultaten\n    text: Resultaten.\n    link: http://example.com/x\n",
    )
    assert found == [
        "content/projects/tijdlijn.md:9: milestones[1].stage: 'gunnen' staat niet in de woordenlijst 'stages'"
        " — bedoelde je 'gunning'? (nieuwe waarden voeg je toe in content/vocabularies.yml)",
        "content/projects/tijdlijn.md:11: milestones[2].date: de maand in 2023-13 bestaat niet"
        " — een maand van 01 tot 12",
        "content/projects/tijdlijn.md:11: milestones[2].text: ontbreekt — één korte zin over wat er gebeurde",
        "content/projects/tijdlijn.md:13: milestones[2].txt: onbekend veld voor een mijlpaal — bedoelde je 'text'?",
        "content/projects/tijdlijn.md:17: milestones[3].link: 'http://example.com/x' is geen beveiligd webadres"
        " — een adres dat begint met https://",
    ]


def test_contact_and_documents_are_checked(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "contact:\n  name: Jan\n"
        "documents:\n  - title: Verslag\n    file: ../media/verslag.pdf\n  - title: Bestek\n",
    )
    assert any("contact: een contact heeft een 'email' of een 'url'" in p for p in found)
    assert any("documents[2]: een document heeft een 'title' en één van 'url' of 'file'" in p for p in found)


def test_every_document_problem_is_named_by_its_item(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "documents:\n  - title: Verslag\n    url: javascript:alert(1)\n"  # lines 7-9
        "  - title: Bestek\n    file: verslag.pdf\n"  # lines 10-11
        "  - title: <b>Plan</b>\n    url: https://example.com/plan\n",  # lines 12-13
    )
    assert found == [
        "content/projects/tijdlijn.md:9: documents[1].url: 'javascript:alert(1)' is geen geldig webadres"
        " — een volledig adres dat begint met https://",
        "content/projects/tijdlijn.md:11: documents[2].file: 'verslag.pdf' is geen bestand in content/media/"
        " — schrijf '../media/naam.pdf' (kleine letters, cijfers en koppeltekens)",
        "content/projects/tijdlijn.md:12: documents[3].title: bevat HTML: '<b>'"
        " — schrijf gewone tekst; opmaak en links horen in de tekst onder de front matter",
    ]


def test_a_document_file_must_be_in_media(tmp_path: Path) -> None:
    found = problems_of(
        tmp_path,
        "documents:\n  - title: Plan\n    url: https://example.com/plan\n"
        "  - title: Verslag\n    file: ../media/verslag.pdf\n",
    )
    assert found == [
        "content/projects/tijdlijn.md:11: documents[2].file: het bestand content/media/verslag.pdf bestaat niet"
        " — zet het bestand in content/media/"
    ]


def test_a_period_is_reached_only_once_it_is_over() -> None:
    assert Period(2026, 11).iso == "2026-11" and Period(2026).iso == "2026"
    assert not Period(2026, 11).reached(date(2026, 11, 25))  # a step of this month may still be a plan
    assert Period(2026, 10).reached(date(2026, 11, 25))
    assert Period(2026, 11, 25).reached(date(2026, 11, 25))
    assert not Period(2026).reached(date(2026, 12, 30))


def test_milestones_are_events_in_time_order(catalogue: Catalogue) -> None:
    turing = catalogue.get("project", "turing")
    events = [e for e in entry_events(turing, catalogue.today) if e.kind is Kind.MILESTONE]
    assert [(e.milestone.when.iso, e.milestone.stage) for e in events] == [
        ("2019", "behoefte"),
        ("2026-10-05", "marktconsultatie"),
        ("2027-03", "aanbesteding"),
    ]
    assert events[2].start == date(2027, 3, 1) and events[2].end == date(2027, 3, 31)
    assert all(e.url == "projecten/turing/#tijdlijn" for e in events)


def test_the_timeline_merges_milestones_selection_and_consultations(catalogue: Catalogue) -> None:
    steps = project_timeline(catalogue, catalogue.get("project", "turing"))
    assert [(s.when.iso, s.kind) for s in steps] == [
        ("2019", Step.SELECTED),
        ("2019", Step.MILESTONE),
        ("2026-10-05", Step.MILESTONE),
        ("2026-12-10", Step.SESSION),
        ("2027-03", Step.MILESTONE),
    ]  # the illustrative pitches (2027-02-04) are not part of the project's real story
    assert [s.reached for s in steps] == [True, True, True, False, False]
    halle = project_timeline(catalogue, catalogue.get("project", "duurzame-straatverlichting-halle"))
    # The fixture's year of selection (2022) lies after its consultation (2021): shown as the content says.
    assert [s.kind for s in halle] == [Step.SESSION, Step.CONCLUSIONS, Step.SELECTED]


def test_the_project_page_tells_its_timeline(site: Path) -> None:
    doc = page(site, "projecten/turing")
    heading = doc.xpath('//h2[@id="tijdlijn"]')[0]
    timeline = heading.getnext()
    assert timeline.tag == "ol"
    times = [(t.get("datetime"), t.text_content()) for t in timeline.iter("time")]
    assert times == [
        ("2019", "2019"),
        ("2019", "2019"),
        ("2026-10-05", "5 oktober 2026"),
        ("2026-12-10T14:00+01:00", "donderdag 10 december 2026 om 14:00"),
        ("2027-03", "maart 2027"),
    ]  # month and day names lowercase, as in running text
    steps = [li.text_content() for li in timeline.iter("li")]
    assert "Aanbesteding gepubliceerd (gepland): Het bestek wordt gepubliceerd op e-Procurement." in steps[-1]
    assert "Illustratief voorbeeld" not in timeline.text_content()
    assert timeline.xpath(".//a[@href='https://www.example.com/oproep-turing']")


def test_the_project_page_shows_its_facts_and_leaves_out_the_rest(site: Path) -> None:
    doc = page(site, "projecten/turing")
    facts = {dt.text_content(): dt.getnext().text_content() for dt in doc.cssselect(".kc-meta dt")}
    assert facts["Fase"] == "Voortraject" and "Huidige stap" not in facts  # one label: the phase
    assert facts["Contact"] == "Projectteam Turing, turing@example.com"
    assert facts["Documenten"] == "Verslag van de infosessie"
    assert doc.xpath('//a[@href="mailto:turing@example.com"]')
    assert not {"Leveranciers", "PIO-cofinanciering", "Soort opdracht", "Links"} & set(facts)
    assert all(value.strip() and value.strip() != "—" for value in facts.values())
    headings = [h.text_content().strip("¶") for h in doc.cssselect("article h2")]
    start = headings.index("Resultaten")
    assert headings[start : start + 3] == ["Resultaten", "Lessen voor andere aankopers", "Tijdlijn"]
    cold = page(site, "projecten/cold2gold")
    assert not cold.xpath('//h2[@id="resultaten"]') and not cold.xpath(
        '//h2[@id="lessen-voor-andere-aankopers"]'
    )


def test_entry_pages_have_breadcrumbs(site: Path) -> None:
    doc = page(site, "marktconsultaties/turing-workshop")
    nav = doc.xpath('//nav[@aria-label="Kruimelpad"]')[0]
    assert [a.text_content() for a in nav.iter("a")] == ["Home", "Marktconsultaties"]
    assert [a.get("href") for a in nav.iter("a")] == ["../../", "../"]
    assert nav.xpath(".//*[@aria-current='page']")[0].text_content().startswith("Marktconsultatie Turing")


def test_the_current_stage_is_told_only_in_the_timeline(site: Path) -> None:
    """Phase is the one label on cards and the one filter; the timeline marks the latest step reached."""
    doc = page(site, "projecten")
    card = doc.xpath('//li[contains(@class,"kc-card")][.//a[@href="turing/"]]')[0]
    assert "Voortraject" in card.text_content() and "Huidige stap" not in card.text_content()
    assert not doc.xpath('//legend[text()="Huidige stap"]') and card.get("data-stap") is None
    timeline = page(site, "projecten/turing").xpath('//h2[@id="tijdlijn"]')[0].getnext()
    current = [li.text_content() for li in timeline.iter("li") if "(huidige stap)" in li.text_content()]
    assert len(current) == 1 and current[0].startswith("5 oktober 2026 Marktconsultatie (huidige stap):")


def test_open_data_carries_milestones_and_current_stage(site: Path) -> None:
    data = {p["slug"]: p for p in json.loads((site / "data/projecten.json").read_text(encoding="utf-8"))}
    turing = data["turing"]
    assert [m["date"] for m in turing["milestones"]] == ["2019", "2026-10-05", "2027-03"]
    assert turing["current_stage"] == "marktconsultatie"
    assert turing["contact"] == {"name": "Projectteam Turing", "email": "turing@example.com", "url": None}
    assert turing["lessons"][0] == "Betrek de eindgebruikers van bij de behoefteanalyse."
    assert data["cold2gold"]["current_stage"] is None
    csv = (site / "data/projecten.csv").read_text(encoding="utf-8-sig")
    assert "2027-03 aanbesteding: Het bestek wordt gepubliceerd op e-Procurement." in csv


def test_an_illustration_says_so_on_its_page_card_feed_and_calendar(site: Path) -> None:
    doc = page(site, "marktconsultaties/turing-pitches")
    banner = doc.cssselect(".admonition")[0].text_content()
    assert not doc.xpath('//script[@type="application/ld+json"]')  # no Event for search engines to list
    assert "Illustratief voorbeeld" in banner and "Datum en plaats zijn verzonnen" in banner
    cards = page(site, "marktconsultaties").xpath('//li[.//a[@href="turing-pitches/"]]')
    assert "Illustratief voorbeeld: datum en plaats zijn verzonnen" in cards[0].text_content()
    feed = feedparser.parse((site / "feeds/marktconsultaties.xml").read_bytes())
    item = next(e for e in feed.entries if "pitches" in e.link)
    assert item.title.endswith("(illustratief voorbeeld)")
    assert item.summary.startswith("Illustratief voorbeeld: datum en plaats zijn verzonnen.")
    calendar = Calendar.from_ical((site / "agenda.ics").read_bytes())
    event = next(e for e in calendar.walk("VEVENT") if "pitches" in str(e["uid"]))
    assert str(event["summary"]).endswith("(illustratief voorbeeld)")
    assert str(event["description"]).startswith("Illustratief voorbeeld: datum en plaats zijn verzonnen.")


def test_the_current_stage_is_the_latest_step_in_timeline_order(tmp_path: Path) -> None:
    """A year-only milestone sorts as the start of its year: 2023 (tender) < 15 March 2023 (award) < October 2023."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "projects" / "tijdlijn.md").write_text(
        "---\ntitle: Tijdlijn\ndescription: Een project met mijlpalen.\norganisation: Stad Halle\n"
        "themes: [energie]\nphase: uitvoering\nmilestones:\n"
        "  - {date: 2023-10, stage: resultaten, text: De resultaten.}\n"
        "  - {date: 2023, stage: aanbesteding, text: De aanbesteding.}\n"
        "  - {date: 2023-03-15, stage: gunning, text: De gunning.}\n"
        "published: 2022-01-10\n---\nTekst.\n",
        encoding="utf-8",
    )
    project = load_catalogue(content, date.fromisoformat(TODAY)).get("project", "tijdlijn")
    assert project.stage == "resultaten"
    early = load_catalogue(content, date(2023, 6, 1)).get("project", "tijdlijn")
    assert early.stage == "gunning"  # the year 2023 is not over, its tender not yet claimed; the award is


def test_an_illustrative_consultation_invites_no_one(site: Path) -> None:
    """Marked in the project's list of consultations, never 'komt eraan', no calendar link nor registration."""
    project = page(site, "projecten/turing")
    heading = project.xpath('//h2[@id="marktconsultaties"]')[0]
    items = [li.text_content() for li in heading.getnext().iter("li")]
    assert (
        "Open workshop" in items[0] or "10 december 2026" in items[0]
    )  # oldest first: Dec 2026, then Feb 2027
    assert "4 februari 2027" in items[1]
    assert "Illustratief voorbeeld: datum en plaats zijn verzonnen" in items[1]
    assert "komt eraan" not in items[1]
    consultation = page(site, "marktconsultaties/turing-pitches")
    meta = consultation.cssselect(".kc-meta")[0].text_content()
    assert "Zet in je agenda" not in meta and "Komt eraan" not in meta and "Schrijf je in" not in meta
    assert "Verzonnen voorbeeld" in meta
    listing = page(site, "marktconsultaties").xpath('//li[.//a[@href="turing-pitches/"]]')[0].text_content()
    assert "Schrijf je in" not in listing and "Inschrijven tot" not in listing


def test_the_digest_gives_the_conclusions_date_of_their_page(site: Path) -> None:
    """Conclusions of 2018 put online in January 2024 are in that month's digest, with their own date."""
    digest = page(site, "nieuwsbrief/2024-01").text_content()
    consultation = page(site, "marktconsultaties/bookaplace-reserveringssysteem").text_content()
    assert "Conclusies gepubliceerd op 4 december 2018" in digest
    assert "4 december 2018" in consultation and "30 januari 2024" not in digest.split("Conclusies:")[1][:200]


@pytest.mark.parametrize(
    ("rel", "listing", "href", "current"),
    [
        ("thema/energie", "Thema's", "../", "Energie"),
        ("organisaties/stad-halle", "Organisaties", "../", "Stad Halle"),
        ("nieuwsbrief/2024-01", "Nieuwsbrief", "../", "Januari 2024"),
    ],
)
def test_theme_organisation_and_digest_pages_have_breadcrumbs(
    site: Path, rel: str, listing: str, href: str, current: str
) -> None:
    nav = page(site, rel).xpath('//nav[@aria-label="Kruimelpad"]')[0]
    assert [a.text_content() for a in nav.iter("a")] == ["Home", listing]
    assert [a.get("href") for a in nav.iter("a")] == ["../../", href]
    assert nav.xpath(".//*[@aria-current='page']")[0].text_content() == current
