"""End-to-end builds: the sample site as readers get it, and broken content as editors will write it."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, run_build, run_cli

PAGES = {  # every public kind of page -> the heading a reader sees
    "index.html": "Kenniscentrum innovatieve overheidsopdrachten",
    "projecten/index.html": "Projecten",
    "projecten/cold2gold/index.html": "#Cold2Gold: innovatieve koelkledij voor topsport",
    "marktconsultaties/index.html": "Marktconsultaties",
    "marktconsultaties/turing-workshop/index.html": (
        "Marktconsultatie Turing: open workshop over voorspellend aangestuurde snelwegverlichting"
    ),
    "tips/index.html": "Tips en verhalen",
    "tips/tips-voor-je-pio-aanvraag/index.html": "Tips & tricks voor je PIO-aanvraag",
    "financiering/index.html": "Financiering",
    "financiering/horizon-2020-pcp/index.html": "Horizon 2020: 90 % subsidie voor pre-commerciële aankopen",
    "traject/index.html": "Het PIO-traject",
    "over/index.html": "Over PIO",
    "contact/index.html": "Contact",
    "toegankelijkheid/index.html": "Toegankelijkheidsverklaring",
    "thema/energie/index.html": "Energie",
    "organisaties/sport-vlaanderen/index.html": "Sport Vlaanderen",
}


def html(site: Path, rel: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / rel).read_text(encoding="utf-8"))


def heading(doc: lxml.html.HtmlElement) -> str:
    """The page's h1 as a reader sees it, without the permalink anchor."""
    return doc.cssselect("h1")[0].text_content().removesuffix("¶").strip()


def meta_block(doc: lxml.html.HtmlElement) -> dict[str, str]:
    block = doc.cssselect(".kc-meta dl")[0]
    return {
        dt.text_content().strip(): dd.text_content().strip()
        for dt, dd in zip(block.cssselect("dt"), block.cssselect("dd"), strict=True)
    }


@pytest.mark.parametrize("rel", PAGES)
def test_every_public_url_is_built(site: Path, rel: str) -> None:
    doc = html(site, rel)
    assert doc.tag == "html" and doc.get("lang") == "nl"
    assert heading(doc) == PAGES[rel]


def test_project_page_shows_its_metadata(site: Path) -> None:
    doc = html(site, "projecten/cold2gold/index.html")
    assert "Cold2Gold" in heading(doc)
    meta = meta_block(doc)
    assert meta["Organisatie"] == "Sport Vlaanderen"
    assert meta["Soort organisatie"] == "Vlaamse overheid"
    assert "Sport" in meta["Thema's"]
    assert meta["Geselecteerd in"] == "2019"
    org_link = doc.cssselect(".kc-meta dd a")[0]
    assert org_link.get("href") == "../../organisaties/sport-vlaanderen/"


def test_consultation_and_funding_dates_are_dutch(site: Path) -> None:
    meta = meta_block(html(site, "marktconsultaties/turing-workshop/index.html"))
    assert meta["Wanneer"].startswith("donderdag 10 december 2026 om 14:00")
    assert meta["Status"] == "Inschrijving open"  # no registration deadline: open until the session
    funding = meta_block(html(site, "financiering/pio-oproep-2019-juni/index.html"))
    assert funding["Deadline"] == "vrijdag 14 juni 2019 om 23:59"
    assert funding["Status"] == "Gesloten"


def test_entries_stay_out_of_the_sidebar_nav(site: Path) -> None:
    nav_links = {a.get("href") for a in html(site, "index.html").cssselect("nav.md-nav--primary a")}
    assert "projecten/" in nav_links
    assert not any(href and href.startswith("projecten/") and href != "projecten/" for href in nav_links)


def test_no_third_party_requests_in_markup(site: Path) -> None:
    for page in site.rglob("*.html"):
        doc = lxml.html.fromstring(page.read_bytes())
        for el in doc.cssselect("script[src], link[href], img[src], iframe[src]"):
            url = el.get("src") or el.get("href")
            if el.tag == "link" and el.get("rel") in ("canonical", "alternate"):
                continue
            assert not url.startswith(("http:", "https:", "//")), f"{page}: {url}"


def test_editor_text_is_escaped_and_body_html_sanitized(project: Path, tmp_path: Path) -> None:
    (project / "content/tips/speciaal.md").write_text(
        "---\n"
        'title: Tom & "Jerry" *sterretjes* _liggend_ [haken]\n'
        "description: 'Aanhalingstekens \" en & en > blijven tekst'\n"
        "kind: weetje\n"
        "published: 2025-01-10\n"
        "---\n"
        "Tekst met <u>onderstreept</u>, <video src=x></video> en <details><summary>Meer</summary>Details</details>.\n",
        encoding="utf-8",
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    source = (tmp_path / "site/tips/speciaal/index.html").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(source)
    assert heading(doc) == 'Tom & "Jerry" *sterretjes* _liggend_ [haken]'
    assert (
        doc.cssselect('meta[name="description"]')[0].get("content")
        == 'Aanhalingstekens " en & en > blijven tekst'
    )
    article = doc.cssselect("article")[0]
    assert not article.cssselect("video, script, h1 a[href^='https']")
    assert article.cssselect("u") and article.cssselect("details summary")


def test_broken_content_fails_the_build_and_writes_no_site(project: Path, tmp_path: Path) -> None:
    bad = project / "content/projects/cold2gold.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("phase:", "fase:", 1), encoding="utf-8")
    (project / "content/tips/nieuw.md").write_text("# geen front matter\n", encoding="utf-8")
    site_dir = tmp_path / "site"
    result = run_build(project, site_dir)
    assert result.returncode != 0
    assert "content/projects/cold2gold.md:" in result.stderr
    assert "fase: onbekend veld voor een project — bedoelde je 'phase'?" in result.stderr
    assert "phase: verplicht veld ontbreekt" in result.stderr
    assert "content/tips/nieuw.md:1: geen front matter gevonden" in result.stderr
    assert not site_dir.exists()


def test_broken_link_in_a_body_fails_the_strict_build(project: Path, tmp_path: Path) -> None:
    tip = project / "content/tips/de-pio-principes.md"
    tip.write_text(tip.read_text(encoding="utf-8") + "\nZie [dit project](../projecten/bestaat-niet.md).\n")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "bestaat-niet.md" in result.stderr
    assert not (tmp_path / "site").exists()  # the half-written site was removed


def test_unknown_macro_fails_the_build(project: Path, tmp_path: Path) -> None:
    (project / "docs/contact.md").write_text("# Contact\n\n{{ onbekende_macro() }}\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0


def test_generated_page_may_not_shadow_a_docs_page(project: Path, tmp_path: Path) -> None:
    (project / "docs/projecten").mkdir()
    (project / "docs/projecten/cold2gold.md").write_text("# Dubbel\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/projecten/cold2gold.md krijgt hetzelfde adres (projecten/cold2gold/) als content/projects/cold2gold.md"
        in result.stderr
    )


def test_docs_pages_at_a_listing_or_an_output_address_are_refused_naming_both(
    project: Path, tmp_path: Path
) -> None:
    (project / "docs/projecten").mkdir()
    (project / "docs/projecten/index.md").write_text("# Mijn lijst\n", encoding="utf-8")
    (project / "docs/thema.md").write_text("# Thema's\n", encoding="utf-8")
    listing = run_build(project, tmp_path / "site")
    assert listing.returncode != 0 and not (tmp_path / "site").exists()
    assert (
        "docs/projecten/index.md krijgt hetzelfde adres (projecten/) als de gegenereerde pagina projecten/index.md"
        in listing.stderr
    )
    assert "docs/thema.md krijgt hetzelfde adres (thema/)" in listing.stderr

    shutil.rmtree(project / "docs/projecten")
    (project / "docs/thema.md").unlink()
    (project / "docs/data").mkdir()
    (project / "docs/data/projecten.json").write_text("[]", encoding="utf-8")
    output = run_build(project, tmp_path / "site")
    assert output.returncode != 0 and not (tmp_path / "site").exists()
    assert (
        "docs/data/projecten.json krijgt hetzelfde adres als een gegenereerd bestand (data/projecten.json)"
        in output.stderr
    )


def test_docs_front_matter_cannot_pick_templates_or_skip_the_sanitizer(project: Path, tmp_path: Path) -> None:
    """Material prints some front matter keys unescaped or picks files by them: a docs/ page may not set them."""
    (project / "docs/kwaad.md").write_text(
        "---\ntitle: Kwaad\nkc_type: listing\ntemplate: redirect.html\nicon: ../../x\n---\n\n# Kwaad\n",
        encoding="utf-8",
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0 and not (tmp_path / "site").exists()
    assert (
        "docs/kwaad.md: de front matter mag alleen title, description, hide, search, render_macros bevatten, "
        "niet icon, kc_type, template: verwijder die velden"
    ) in result.stderr


def test_check_reports_without_building(project: Path) -> None:
    ok = run_cli("check", "--content", str(project / "content"))
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout.startswith("Alles in orde:")
    tip = project / "content/tips/de-pio-principes.md"
    tip.write_text(tip.read_text(encoding="utf-8").replace("kind:", "soort:", 1), encoding="utf-8")
    bad = run_cli("check", "--content", str(project / "content"))
    assert bad.returncode == 1
    assert "content/tips/de-pio-principes.md" in bad.stdout
    assert "soort: onbekend veld voor een tip" in bad.stdout
    assert "kind: verplicht veld ontbreekt" in bad.stdout


def test_repository_has_the_documented_layout() -> None:
    for part in (
        "mkdocs.yml",
        "pyproject.toml",
        "docs",
        "content/projects",
        "content/consultations",
        "content/tips",
        "content/funding",
        "plugins/kenniscentrum",
        "hooks",
        "tests",
        "overrides",
    ):
        assert (ROOT / part).exists(), part


def test_feed_content_reuses_the_rendered_body_with_absolute_links(project: Path, tmp_path: Path) -> None:
    import feedparser

    tip = project / "content/tips/de-pio-principes.md"
    tip.write_text(
        tip.read_text(encoding="utf-8")
        + "\n## Meer lezen\n\nZie [Turing](../projects/turing.md#in-het-voortraject).\n",
        encoding="utf-8",
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    feed = feedparser.parse(str(tmp_path / "site/feeds/alles.atom"))
    item = next(e for e in feed.entries if e.id.endswith("tip/de-pio-principes"))
    content = item.content[0].value
    assert 'href="https://kenniscentrum.example.org/projecten/turing/#in-het-voortraject"' in content
    assert "¶" not in content and "kc:body" not in content


def test_pages_command_writes_everything_an_engine_without_plugins_needs(tmp_path: Path) -> None:
    result = run_cli(
        "pages",
        "--out",
        str(tmp_path / "docs"),
        "--outputs",
        str(tmp_path / "site"),
        "--site-url",
        "https://x.be/",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cold2Gold" in (tmp_path / "docs/projecten/cold2gold.md").read_text(encoding="utf-8")
    assert (tmp_path / "docs/projecten/index.md").is_file()
    assert (
        (tmp_path / "docs/marktconsultaties/turing-workshop/agenda.ics")
        .read_bytes()
        .startswith(b"BEGIN:VCALENDAR")
    )
    assert b"https://x.be/projecten/" in (tmp_path / "site/feeds/alles.atom").read_bytes()
    assert (tmp_path / "site/agenda.ics").is_file() and (tmp_path / "site/data/projecten.csv").is_file()
