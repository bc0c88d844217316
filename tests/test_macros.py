"""Editors' macros: the plain functions (no build) and what the home page and a broken call give."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from conftest import CONTENT, TODAY, run_build
from kenniscentrum.content.catalogue import Catalogue, load_catalogue
from kenniscentrum.pages.macros import (
    count_entries,
    open_funding,
    projects_html,
    select_projects,
    upcoming_consultations,
)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CONTENT, date.fromisoformat(TODAY))


def slugs(entries: list) -> list[str]:
    return [e.slug for e in entries]


def test_projects_filtered_by_theme_phase_organisation_and_type(catalogue: Catalogue) -> None:
    assert slugs(select_projects(catalogue, thema="energie")) == [
        "turing",
        "duurzame-straatverlichting-halle",
    ]
    assert slugs(select_projects(catalogue, thema="energie", fase="afgerond")) == [
        "duurzame-straatverlichting-halle"
    ]
    assert slugs(select_projects(catalogue, organisatie="Stad Halle")) == ["duurzame-straatverlichting-halle"]
    assert slugs(select_projects(catalogue, organisatie="stad-halle")) == ["duurzame-straatverlichting-halle"]
    assert set(slugs(select_projects(catalogue, soort="lokaal-bestuur"))) == {
        "taalstad",
        "digitale-mechelenbon",
        "duurzame-straatverlichting-halle",
    }
    assert select_projects(catalogue, thema="energie", fase="uitvoering") == []


def test_max_keeps_the_newest(catalogue: Catalogue) -> None:
    newest = select_projects(catalogue, max=3)
    assert len(newest) == 3
    everything = select_projects(catalogue)
    assert newest == everything[:3]
    assert [p.published for p in everything] == sorted((p.published for p in everything), reverse=True)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"thema": "energy"},
            "thema='energy' staat niet in de woordenlijst 'themes' (bedoelde je 'energie'?)",
        ),
        ({"fase": "klaar"}, "fase='klaar' staat niet in de woordenlijst 'phases'"),
        ({"organisatie": "Stad Hale"}, "organisatie='Stad Hale' heeft geen projecten of marktconsultaties"),
        ({"max": 0}, "max=0"),
    ],
)
def test_wrong_arguments_fail_in_dutch(catalogue: Catalogue, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        select_projects(catalogue, **kwargs)


def test_next_consultations_against_the_build_date(catalogue: Catalogue) -> None:
    assert slugs(upcoming_consultations(catalogue, 3)) == ["turing-workshop", "turing-pitches"]
    assert slugs(upcoming_consultations(catalogue, 1)) == ["turing-workshop"]
    later = load_catalogue(CONTENT, date(2027, 3, 1))
    assert upcoming_consultations(later) == []


def test_open_funding_and_counts(catalogue: Catalogue) -> None:
    assert slugs(open_funding(catalogue)) == ["horizon-europe-innovatiegericht-aankopen"]
    assert count_entries(catalogue, "projecten") == 11
    assert count_entries(catalogue, "marktconsultaties") == 5
    with pytest.raises(ValueError, match="kies uit"):
        count_entries(catalogue, "nieuws")


def test_cards_link_relative_to_the_calling_page(catalogue: Catalogue) -> None:
    html = projects_html(catalogue, "index.md", thema="sport")
    doc = lxml.html.fromstring(html)
    assert [a.get("href") for a in doc.cssselect(".kc-card__title a")] == ["projecten/cold2gold/"]
    nested = lxml.html.fromstring(projects_html(catalogue, "redactie/overzicht.md", thema="sport"))
    assert [a.get("href") for a in nested.cssselect(".kc-card__title a")] == ["../../projecten/cold2gold/"]
    section = lxml.html.fromstring(projects_html(catalogue, "redactie/index.md", thema="sport"))
    assert [a.get("href") for a in section.cssselect(".kc-card__title a")] == ["../projecten/cold2gold/"]
    empty = projects_html(catalogue, "index.md", thema="wonen")
    assert "Geen projecten gevonden." in empty


def test_home_page_shows_next_consultations_and_recent_projects(site: Path) -> None:
    doc = lxml.html.fromstring((site / "index.html").read_text(encoding="utf-8"))
    heading = doc.get_element_by_id("binnenkort-marktconsultaties")
    consultations = heading.getnext()
    assert [a.get("href") for a in consultations.cssselect(".kc-card__title a")] == [
        "marktconsultaties/turing-workshop/",
        "marktconsultaties/turing-pitches/",
    ]
    projects = doc.get_element_by_id("recente-projecten").getnext()
    links = [a.get("href") for a in projects.cssselect(".kc-card__title a")]
    assert links == [
        "projecten/social-impact-bond-vdab/",
        "projecten/turing/",
        "projecten/optimo-huisvuilwagen/",
    ]
    for href in links:
        assert (site / href / "index.html").is_file()
    assert "{{" not in doc.text_content()


def test_a_mistyped_macro_stops_the_build_with_a_dutch_message(project: Path, tmp_path: Path) -> None:
    (project / "docs" / "energie.md").write_text(
        '# Energie\n\n{{ projecten(thema="energy") }}\n', encoding="utf-8"
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "bedoelde je 'energie'?" in result.stderr + result.stdout
