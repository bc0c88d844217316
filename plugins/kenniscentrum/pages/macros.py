"""Macros for editors: lists drawn from the catalogue, callable from any page in docs/.

hooks/macros.py declares the macros for mkdocs-macros; the functions behind them are plain and take the
catalogue and the calling page's source path, so they are tested without MkDocs. A wrong argument
(an unknown theme, a typo in an organisation) raises a Dutch error: with `on_error_fail` the build stops
and names the page, instead of quietly publishing an empty list.

Reference for editors (Dutch, with examples): guide/macros.md.
"""

from __future__ import annotations

from typing import Any

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue, slugify
from kenniscentrum.content.model import Entry
from kenniscentrum.content.problems import did_you_mean
from kenniscentrum.content.status import OPEN, consultation_is_upcoming, funding_sort_key, funding_status
from kenniscentrum.facets import BY_PARAM
from kenniscentrum.pages.catalogue_page import project_facts
from kenniscentrum.pages.listings import card, cards, consultation_card, funding_card
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import render

# Dutch and English names editors may use in `aantal(...)`.
_TYPE_NAMES = {
    "project": "project",
    "projecten": "project",
    "marktconsultatie": "consultation",
    "marktconsultaties": "consultation",
    "consultation": "consultation",
    "tip": "tip",
    "tips": "tip",
    "financiering": "funding",
    "funding": "funding",
}


def _check_code(catalogue: Catalogue, name: str, value: str | None, vocab: str) -> None:
    codes = catalogue.vocabularies.get(vocab, {})
    if value is not None and value not in codes:
        hint = did_you_mean(value, list(codes))
        raise ValueError(
            f"{name}='{value}' staat niet in de woordenlijst '{vocab}'" + (f" ({hint})" if hint else "")
        )


def select_projects(catalogue: Catalogue, max: int | None = None, **filters: str | None) -> list[Entry]:
    """Projects filtered on facets (facets.py: thema, soort, fase, opdracht, jaar, organisatie), newest first.

    A coded facet takes a code of its vocabulary; `organisatie` takes a name or its slug.
    """
    wanted: dict[str, str] = {}
    for param, value in filters.items():
        if value is None:
            continue
        if param not in BY_PARAM:
            raise ValueError(f"onbekend filter '{param}': kies uit {', '.join(BY_PARAM)}")
        facet = BY_PARAM[param]
        if facet.vocabulary:
            _check_code(catalogue, param, value, facet.vocabulary)
        if param == "organisatie":
            # A short name from content/organisations.yml (AWV) names the same organisation as its full name.
            known = catalogue.organisation_list.find(str(value)) if catalogue.organisation_list else None
            value = known.name if known else value
        wanted[param] = slugify(str(value)) if param == "organisatie" else str(value)
    org = wanted.get("organisatie")
    if org is not None and org not in catalogue.organisations:
        hint = did_you_mean(org, list(catalogue.organisations))
        raise ValueError(
            f"organisatie='{filters['organisatie']}' heeft geen projecten of marktconsultaties"
            + (f" ({hint})" if hint else "")
        )
    if max is not None and max < 1:
        raise ValueError(f"max={max}: geef een getal vanaf 1, of laat max weg voor alle projecten")
    projects = [
        p
        for p in catalogue.entries["project"]
        if all(value in BY_PARAM[param].values(p) for param, value in wanted.items())
    ]
    return projects[:max] if max else projects


def projects_html(catalogue: Catalogue, src: str, **filters: Any) -> str:
    items = [
        card(catalogue, src, p, project_facts(catalogue, p)) for p in select_projects(catalogue, **filters)
    ]
    return cards(items, _("Geen projecten gevonden."))


def upcoming_consultations(catalogue: Catalogue, count: int = 3) -> list[Entry]:
    """The next sessions as of the build date, soonest first."""
    upcoming = [c for c in catalogue.entries["consultation"] if consultation_is_upcoming(c, catalogue.today)]
    return sorted(upcoming, key=lambda c: c.starts)[:count]


def consultations_html(catalogue: Catalogue, src: str, aantal: int = 3) -> str:
    items = [consultation_card(catalogue, src, c) for c in upcoming_consultations(catalogue, aantal)]
    return cards(items, _("Er zijn op dit moment geen aankomende marktconsultaties."))


def open_funding(catalogue: Catalogue, count: int = 3) -> list[Entry]:
    """Open funding notices as of the build date, nearest deadline first."""
    notices = [f for f in catalogue.entries["funding"] if funding_status(f, catalogue.today) is OPEN]
    return sorted(notices, key=lambda f: funding_sort_key(f, OPEN))[:count]


def funding_html(catalogue: Catalogue, src: str, aantal: int = 3) -> str:
    items = [funding_card(catalogue, src, f) for f in open_funding(catalogue, aantal)]
    return cards(items, _("Er zijn op dit moment geen open oproepen."))


def sector_feeds_html(catalogue: Catalogue, src: str) -> str:
    """Per theme, a link to the page of the feed of its market consultations (`routes.consultation_theme_feed`)."""
    return render(
        "fragments/sector_feeds.html",
        sectors=[
            {
                "label": label,
                "href": routes.url_link(src, routes.feed_page_url(routes.consultation_theme_feed(code))),
            }
            for code, label in catalogue.vocabularies.get("themes", {}).items()
        ],
    )


def count_entries(catalogue: Catalogue, soort: str) -> int:
    type_name = _TYPE_NAMES.get(soort)
    if type_name is None:
        raise ValueError(f"aantal('{soort}'): kies uit projecten, marktconsultaties, tips of financiering")
    return len(catalogue.entries[type_name])
