"""The project catalogue page as built: cards, facet counts, the no-JavaScript view and the page's weight.

Expected values are computed from the content files themselves (read here with plain YAML), not from the
package under test, so a bug in the catalogue code cannot hide behind the same bug in the expectation.
"""

from __future__ import annotations

import gzip
import json
import posixpath
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import CONTENT, ROOT, run_build

ARTIFACTS = ROOT / "tests" / "artifacts"
PROJECTS_PAGE = "projecten/index.html"
FACET_FIELDS = {  # facet key in the URL query -> front matter field
    "thema": "themes",
    "soort": "organisation_type",
    "fase": "phase",
    "opdracht": "procurement",
    "jaar": "year",
}


def read_projects(content: Path = CONTENT) -> dict[str, dict]:
    """Front matter of every project file, by slug."""
    projects = {}
    for path in sorted((content / "projects").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        projects[path.stem] = yaml.safe_load(front)
    return projects


def facet_values(meta: dict, key: str) -> list[str]:
    value = meta.get(FACET_FIELDS[key])
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def parse(site: Path, page: str = PROJECTS_PAGE) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / page).read_text(encoding="utf-8"))


def cards(doc: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return doc.cssselect(".kc-results .kc-card")


def card_slug(card: lxml.html.HtmlElement) -> str:
    return card.cssselect(".kc-card__title a")[0].get("href").strip("/")


def test_every_project_is_a_card_with_title_organisation_themes_phase_year_and_description(
    site: Path,
) -> None:
    projects = read_projects()
    doc = parse(site)
    found = {card_slug(c): c for c in cards(doc)}
    assert set(found) == set(projects)
    labels = yaml.safe_load((CONTENT / "vocabularies.yml").read_text(encoding="utf-8"))
    for slug, meta in projects.items():
        text = found[slug].text_content()
        assert meta["title"] in text
        assert meta["organisation"] in text
        assert meta["description"] in text
        assert labels["phases"][meta["phase"]] in text
        assert str(meta["year"]) in text
        for theme in meta["themes"]:
            assert labels["themes"][theme] in text
        assert (site / "projecten" / slug / "index.html").is_file()


def test_cards_are_newest_first(site: Path) -> None:
    projects = read_projects()
    order = [card_slug(c) for c in cards(parse(site))]
    dates = [projects[slug]["published"] for slug in order]
    assert dates == sorted(dates, reverse=True)


def test_facet_counts_equal_counts_from_the_content_files(site: Path) -> None:
    projects = read_projects()
    doc = parse(site)
    for key in FACET_FIELDS:
        expected = Counter(v for meta in projects.values() for v in facet_values(meta, key))
        shown = {}
        for box in doc.cssselect(f'#kc-filters input[type=checkbox][name="{key}"]'):
            label = box.getparent()
            shown[box.get("value")] = int(label.cssselect(".kc-count")[0].text_content().strip("()"))
        assert shown == dict(expected), key


def test_card_data_attributes_carry_the_facet_values(site: Path) -> None:
    projects = read_projects()
    for card in cards(parse(site)):
        meta = projects[card_slug(card)]
        for key in FACET_FIELDS:
            assert sorted(card.get(f"data-{key}").split()) == sorted(facet_values(meta, key)), key
        assert card.get("data-published") == meta["published"].isoformat()


def test_a_facet_no_project_uses_is_left_out(site: Path) -> None:
    # No sample project names its procurement type: an empty "Soort opdracht" box would be a broken control.
    assert not any("procurement" in meta for meta in read_projects().values())
    legends = [leg.text_content() for leg in parse(site).cssselect("#kc-filters legend")]
    assert legends == ["Thema", "Soort organisatie", "Fase", "Jaar van selectie"]


def test_without_javascript_the_full_list_shows_and_the_form_is_hidden(site: Path) -> None:
    doc = parse(site)
    form = doc.get_element_by_id("kc-filters")
    assert form.get("hidden") is not None
    assert not [c for c in cards(doc) if c.get("hidden") is not None]
    count = doc.get_element_by_id("kc-count")
    assert count.get("aria-live") == "polite"
    assert count.text_content() == f"{len(read_projects())} projecten"


def test_the_form_has_labelled_native_controls(site: Path) -> None:
    doc = parse(site)
    form = doc.get_element_by_id("kc-filters")
    for control in form.cssselect("input, select"):
        if control.get("type") == "checkbox":
            assert control.getparent().tag == "label"
        else:
            assert doc.cssselect(f'label[for="{control.get("id")}"]')
    assert [o.get("value") for o in form.cssselect("#kc-sort option")] == ["nieuw", "titel"]
    assert form.cssselect("fieldset > legend")


def test_the_catalogue_script_is_served_by_the_site_and_small(site: Path) -> None:
    doc = parse(site)
    scripts = [s.get("src") for s in doc.cssselect("script[src]")]
    ours = [s for s in scripts if s.endswith("catalogue.js")]
    assert len(ours) == 1
    assert doc.cssselect(f'script[src="{ours[0]}"]')[0].get("defer") is not None
    path = site / posixpath.normpath(posixpath.join("projecten", ours[0]))
    # The card filter of two pages (follow.js only reads the selection it announces): 8 KB before gzip.
    assert path.stat().st_size < 8 * 1024
    # Every script the page loads is a file of the site itself: no framework comes from elsewhere.
    assert all(not s.startswith(("http:", "https:", "//")) for s in scripts)


def test_catalogue_page_weight_is_reported(site: Path) -> None:
    """HTML + JS + CSS of /projecten/, gzipped: written to tests/artifacts for the report."""
    doc = parse(site)
    assets = [s.get("src") for s in doc.cssselect("script[src]")]
    assets += [link.get("href") for link in doc.cssselect('link[rel="stylesheet"]')]
    sizes = {"projecten/index.html": _gzipped(site / PROJECTS_PAGE)}
    for url in assets:
        rel = posixpath.normpath(posixpath.join("projecten", url.split("?")[0]))
        sizes[rel] = _gzipped(site / rel)
    ours = {k: v for k, v in sizes.items() if "kenniscentrum.css" in k or "catalogue.js" in k}
    report = {
        "gzip_bytes": sizes,
        "total_gzip_bytes": sum(sizes.values()),
        "page_html_plus_own_js_css_gzip_bytes": sizes["projecten/index.html"] + sum(ours.values()),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "catalogue-weight.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))
    assert ours and all(size > 0 for size in sizes.values())


def _gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


SYNTHETIC_PROJECT = """---
title: "Testproject energie lokaal bestuur"
description: "Testgegevens van de catalogustest: geen echt project."
organisation: Testgemeente
organisation_type: lokaal-bestuur
themes: [energie]
phase: uitvoering
procurement: pcp
year: 2026
cofinancing: 180000
published: 2026-11-02
---
Testtekst.
"""


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample sources plus one test project (in a temporary copy, never in content/)."""
    from conftest import add_organisation, copy_project

    project = copy_project(tmp_path_factory.mktemp("synthetic") / "project")
    add_organisation(project, "Testgemeente")
    (project / "content" / "projects" / "testproject-energie-lokaal.md").write_text(
        SYNTHETIC_PROJECT, encoding="utf-8"
    )
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_procurement_facet_appears_once_a_project_names_it(synthetic_site: Path) -> None:
    doc = parse(synthetic_site)
    boxes = doc.cssselect('#kc-filters input[name="opdracht"]')
    assert [b.get("value") for b in boxes] == ["pcp"]
    assert boxes[0].getparent().text_content().strip().endswith("(1)")
    assert "Pre-commerciële aankoop (PCP)" in boxes[0].getparent().text_content()


def test_counts_of_the_extended_catalogue(synthetic_site: Path) -> None:
    projects = read_projects(synthetic_site.parent / "content")
    doc = parse(synthetic_site)
    assert doc.get_element_by_id("kc-count").text_content() == f"{len(projects)} projecten"
    for key, value, expected in (("thema", "energie", 3), ("fase", "uitvoering", 2), ("jaar", "2026", 1)):
        label = doc.cssselect(f'#kc-filters input[name="{key}"][value="{value}"]')[0].getparent()
        assert label.text_content().strip().endswith(f"({expected})")


def test_project_page_shows_cofinancing_in_euro(synthetic_site: Path) -> None:
    doc = parse(synthetic_site, "projecten/testproject-energie-lokaal/index.html")
    meta = {dt.text_content(): dt.getnext().text_content() for dt in doc.cssselect(".kc-meta dt")}
    assert meta["PIO-cofinanciering"] == "€\xa0180.000" or meta["PIO-cofinanciering"] == "€ 180.000"
    assert meta["Soort opdracht"] == "Pre-commerciële aankoop (PCP)"
