"""What editors' new possibilities produce in a real build (fixture content): several sessions, organisations
named by acronym, images in content/media/, links to entries, renames, and the marked preview."""

from __future__ import annotations

from pathlib import Path

import feedparser
import icalendar
import lxml.html
import pytest

from conftest import copy_project, run_build

SESSIONS = """---
title: Infosessies slimme verkeerslichten
description: Drie sessies over slimme verkeerslichten.
organisation: AWV
themes: [mobiliteit]
sessions:
  - starts: 2027-01-12 14:00
    ends: 2027-01-12 16:00
    location: Gent
  - starts: 2027-01-19 10:00
    location: online
  - starts: 2027-02-02 14:00
    ends: 2027-02-02 17:00
    location: Brussel
published: 2026-11-20
---
Kom naar een van de sessies. Meer over het project: [Turing](../projects/turing.md).

![Schema van de drie sessies](../media/schema.png)

- Meer lezen:
    - [Turing](../projects/turing.md)
"""

SCHEDULED_TIP = """---
title: Een tip voor later
description: Verschijnt pas in januari.
kind: tip
published: 2027-01-05
---
Tekst.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("intake") / "project")
    content = project / "content"
    (content / "media").mkdir()
    (content / "media/schema.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (content / "consultations/infosessies-verkeerslichten.md").write_text(SESSIONS, encoding="utf-8")
    (content / "tips/tip-voor-later.md").write_text(SCHEDULED_TIP, encoding="utf-8")
    draft = (content / "tips/de-pio-principes.md").read_text(encoding="utf-8")
    (content / "tips/de-pio-principes.md").write_text(
        draft.replace("---\n", "---\ndraft: true\n", 1), "utf-8"
    )
    # A rename: the project file gets a new name and keeps the old one in `aliases`.
    turing = (content / "projects/turing.md").read_text(encoding="utf-8")
    (content / "projects/turing.md").unlink()
    (content / "projects/turing-snelwegverlichting.md").write_text(
        turing.replace("\n---\n", "\naliases: [turing]\n---\n", 1), encoding="utf-8"
    )
    SESSIONS_FIXED = SESSIONS.replace("../projects/turing.md", "../projects/turing-snelwegverlichting.md")
    (content / "consultations/infosessies-verkeerslichten.md").write_text(SESSIONS_FIXED, encoding="utf-8")
    # A renamed consultation: its calendar keeps its old address too (a subscription cannot be redirected).
    workshop = content / "consultations/turing-workshop.md"
    renamed = workshop.read_text(encoding="utf-8").replace(
        "\n---\n", "\naliases: [turing-workshop]\n---\n", 1
    )
    workshop.unlink()
    (content / "consultations/turing-workshop-2019.md").write_text(renamed, encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    preview = project / "preview"
    result = run_build(project, preview, env={"KENNISCENTRUM_DRAFTS": "always"})
    assert result.returncode == 0, result.stderr
    return project


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path / "index.html").read_text(encoding="utf-8"))


def test_every_session_is_on_the_page_in_the_calendar_and_in_the_feed(built: Path) -> None:
    site = built / "site"
    doc = page(site, "marktconsultaties/infosessies-verkeerslichten")
    text = doc.text_content()
    for when in (
        "12 januari 2027 om 14:00 tot 16:00",
        "19 januari 2027 om 10:00",
        "2 februari 2027 om 14:00",
    ):
        assert when in text
    for place in ("Gent", "online", "Brussel"):
        assert place in text
    calendar = icalendar.Calendar.from_ical(
        (site / "marktconsultaties/infosessies-verkeerslichten/agenda.ics").read_bytes()
    )
    events = [e for e in calendar.walk("VEVENT") if "sessie" in str(e["summary"])]
    assert len(events) == 3
    assert len({str(e["uid"]) for e in events}) == 3
    assert sorted(str(e["location"]) for e in events) == ["Brussel", "Gent", "online"]
    feed = feedparser.parse(str(site / "feeds/marktconsultaties.atom"))
    item = next(e for e in feed.entries if e.id.endswith("consultation/infosessies-verkeerslichten"))
    for place in ("Gent", "online", "Brussel"):
        assert place in item.content[0].value


def test_an_acronym_names_the_one_organisation_and_is_shown_for_search(built: Path) -> None:
    site = built / "site"
    doc = page(site, "marktconsultaties/infosessies-verkeerslichten")
    meta = doc.cssselect(".kc-meta")[0].text_content()
    # Its abbreviation next to the name; another spelling of the full name is recognised, never shown.
    assert "Agentschap Wegen en Verkeer (AWV)" in meta and "&" not in meta
    assert not (site / "organisaties/awv").exists()
    org = page(site, "organisaties/agentschap-wegen-en-verkeer").text_content()
    assert "Infosessies slimme verkeerslichten" in org and "Ook bekend als: AWV" in org


def test_images_from_content_media_and_links_to_entries_work_on_the_site(built: Path) -> None:
    site = built / "site"
    doc = page(site, "marktconsultaties/infosessies-verkeerslichten")
    image = doc.cssselect("img[alt='Schema van de drie sessies']")[0]
    assert image.get("src") == "../../media/schema.png"
    assert (site / "media/schema.png").is_file()
    links = [a.get("href") for a in doc.cssselect("a") if a.text_content() == "Turing"]
    assert links == ["../../projecten/turing-snelwegverlichting/"] * 2  # in a paragraph and a nested list


def test_the_old_address_redirects_and_ids_keep_the_first_slug(built: Path) -> None:
    site = built / "site"
    redirect = page(site, "projecten/turing")
    assert (
        redirect.cssselect('meta[http-equiv="refresh"]')[0].get("content")
        == "0; url=../turing-snelwegverlichting/"
    )
    assert redirect.cssselect("a")[0].get("href") == "../turing-snelwegverlichting/"
    assert (
        redirect.cssselect('link[rel="canonical"]')[0]
        .get("href")
        .endswith("/projecten/turing-snelwegverlichting/")
    )
    feed = feedparser.parse(str(site / "feeds/alles.atom"))
    ids = {e.id for e in feed.entries}
    assert not any(i.endswith("/turing-snelwegverlichting") for i in ids)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/projecten/turing/" not in sitemap


def test_the_preview_marks_drafts_and_scheduled_entries_the_site_leaves_them_out(built: Path) -> None:
    site, preview = built / "site", built / "preview"
    assert not (site / "tips/tip-voor-later").exists() and not (site / "tips/de-pio-principes").exists()
    scheduled = page(preview, "tips/tip-voor-later").text_content()
    assert "gepland voor 5 januari 2027" in scheduled
    assert "Ontwerp" in page(preview, "tips/de-pio-principes").text_content()
    badges = [b.text_content() for b in page(preview, "tips").cssselect(".kc-badge")]
    assert "ontwerp" in badges and "gepland voor 5 januari 2027" in badges


def test_a_macro_finds_an_organisation_by_its_short_name() -> None:
    from datetime import date

    from conftest import CONTENT
    from kenniscentrum.content.catalogue import load_catalogue
    from kenniscentrum.pages.macros import select_projects

    catalogue = load_catalogue(CONTENT, date(2026, 11, 25))
    by_acronym = select_projects(catalogue, organisatie="AWV")
    assert by_acronym and by_acronym == select_projects(catalogue, organisatie="Agentschap Wegen en Verkeer")


def test_an_image_next_to_the_file_stops_the_build_in_dutch_with_file_and_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    tips = project / "content/tips"
    (tips / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    tip = tips / "de-pio-principes.md"
    tip.write_text(tip.read_text(encoding="utf-8") + "\n![Een foto van de infosessie](foto.jpg)\n", "utf-8")
    line = tip.read_text(encoding="utf-8").splitlines().index("![Een foto van de infosessie](foto.jpg)") + 1
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"content/tips/de-pio-principes.md:{line}: tekst: de afbeelding 'foto.jpg' staat niet in content/media/"
        in result.stderr
    )
    assert "verplaats het bestand naar content/media/foto.jpg en schrijf (../media/foto.jpg)" in result.stderr
    assert "not found" not in result.stderr.lower()
    assert not (tmp_path / "site").exists()


def test_several_sessions_are_sub_events_in_the_json_ld(built: Path) -> None:
    import json

    doc = page(built / "site", "marktconsultaties/infosessies-verkeerslichten")
    data = json.loads(doc.cssselect('script[type="application/ld+json"]')[0].text)
    assert [e["startDate"][:16] for e in data["subEvent"]] == [
        "2027-01-12T14:00",
        "2027-01-19T10:00",
        "2027-02-02T14:00",
    ]


def test_the_list_of_published_urls_is_exactly_the_pages_of_a_build(project: Path, site: Path) -> None:
    import re

    from conftest import run_cli

    assert run_cli("urls", cwd=project).returncode == 0
    listed = {
        line
        for line in (project / "published-urls.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("/")
    }
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    built = {re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert listed == built


def test_a_symlink_in_content_media_is_refused_and_never_published(tmp_path: Path) -> None:
    from conftest import run_cli

    project = copy_project(tmp_path / "project")
    secret = tmp_path / "geheim.txt"
    secret.write_text("niet publiceren", encoding="utf-8")
    media = project / "content/media"
    media.mkdir()
    (media / "geheim.txt").symlink_to(secret)
    tip = project / "content/tips/de-pio-principes.md"
    original = tip.read_text(encoding="utf-8")
    tip.write_text(original + "\n[Bijlage](../media/geheim.txt)\n", encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "het bestand '../media/geheim.txt' is een symbolische link" in result.stdout
    tip.write_text(original, encoding="utf-8")
    assert run_build(project, tmp_path / "site").returncode == 0
    assert not (tmp_path / "site/media/geheim.txt").exists()


def test_a_renamed_consultations_calendar_stays_at_its_old_address_with_the_same_uids(built: Path) -> None:
    site = built / "site"
    old = site / "marktconsultaties/turing-workshop/agenda.ics"
    new = site / "marktconsultaties/turing-workshop-2019/agenda.ics"
    assert old.read_bytes() == new.read_bytes()
    uids = {str(e["uid"]) for e in icalendar.Calendar.from_ical(new.read_bytes()).walk("VEVENT")}
    assert "consultation-turing-workshop@kenniscentrum.vlaio.be" in uids
