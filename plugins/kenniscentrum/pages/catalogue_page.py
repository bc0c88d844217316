"""The project catalogue page: every project as a card, with facet filters.

The page is complete without JavaScript: every card in order and the filter form `hidden`, so no control is
there that would not work. `catalogue.js` (the card filter, also of /marktconsultaties/) removes `hidden`,
filters the cards by their `data-*` attributes (named after the facets' URL parameters, so the script needs no
mapping; the form's `data-filter-facets` lists them) and keeps the state in the URL query.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from typing import Any

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import Entry
from kenniscentrum.facets import (
    CATALOGUE_FACETS,
    FEED_COMBINATIONS,
    Facet,
    facet_values,
    feed_sentence,
    selection_kind,
)
from kenniscentrum.pages.listings import Card, card, card_html, project_summary
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import plural_forms, render


def facet_counts(projects: list[Entry]) -> dict[str, Counter[str]]:
    """How many projects carry each facet value: the counts shown before any filter is set."""
    counts: dict[str, Counter[str]] = {f.param: Counter() for f in CATALOGUE_FACETS}
    for project in projects:
        for param, values in facet_values(project).items():
            counts[param].update(values)
    return counts


def facet_options(catalogue: Catalogue, facet: Facet, counts: Counter[str]) -> list[tuple[str, str]]:
    """(code, label) of the values present in the catalogue, in vocabulary order (years newest first).

    Values no project has are left out: a box that can only ever empty the list helps nobody.
    """
    if facet.vocabulary:
        return [
            (code, label)
            for code, label in catalogue.vocabularies.get(facet.vocabulary, {}).items()
            if counts[code]
        ]
    return [(value, value) for value in sorted(counts, reverse=True)]


@functools.lru_cache(maxsize=16384)  # a preview rebuild folds the same card texts again
def fold(text: str) -> str:
    """Lowercase without accents, so 'creeren' finds 'creëren'; catalogue.js folds the query the same way."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def project_facts(catalogue: Catalogue, project: Entry) -> list[str]:
    """What a project card shows, in the catalogue and in the editors' `projecten()` macro alike."""
    return project_summary(catalogue, project)


def _card(catalogue: Catalogue, src: str, project: Entry) -> Card:
    attrs = {param: " ".join(values) for param, values in facet_values(project).items()}
    attrs["published"] = project.published.isoformat()
    attrs["text"] = fold(_search_text(catalogue, project))
    return card(catalogue, src, project, project_facts(catalogue, project), attrs=attrs)


def _facets(catalogue: Catalogue, projects: list[Entry]) -> list[dict[str, Any]]:
    counts = facet_counts(projects)
    facets = []
    for facet in CATALOGUE_FACETS:
        options = facet_options(catalogue, facet, counts[facet.param])
        if options:
            facets.append(
                {
                    "param": facet.param,
                    "label": facet.label,
                    "options": [
                        {"code": code, "label": label, "count": counts[facet.param][code]}
                        for code, label in options
                    ],
                }
            )
    return facets


def follow_data(src: str) -> dict[str, Any]:
    """What follow.js needs to offer "Volg deze selectie": the facets and pairs of facets that have a feed
    per value (`facets.selections`, written by outputs/feeds.py), and where the feeds are, relative to the page."""
    return {
        "root": routes.url_link(src, ""),
        "params": [f.param for f in CATALOGUE_FACETS if f.feeds],
        "pairs": [list(pair) for pair in FEED_COMBINATIONS],
        "all": routes.FEED_ALL,
        "ext": {"feed": "xml", "atom": "atom", "json": routes.JSON_FEED[0], "calendar": routes.CALENDAR_EXT},
        # What each kind of feed holds, as its own page says it (criteria filled in by follow.js).
        "sentences": {
            "all": feed_sentence("alles"),
            **{
                param: feed_sentence(selection_kind([param]), "%(criteria)s")
                for param in (f.param for f in CATALOGUE_FACETS if f.feeds)
            },
            "pair": feed_sentence("projecten", "%(criteria)s"),
        },
    }


def project_catalogue(catalogue: Catalogue, src: str = routes.PROJECTS) -> str:
    """The Markdown of /projecten/: intro, the (hidden) filter form, the live result count and all cards."""
    projects = catalogue.entries["project"]
    return render(
        "pages/projects.md",
        front=Markup(
            front_matter(
                _("Projecten"),
                _(
                    "Alle projecten uit het PIO-portfolio, te filteren op thema, soort organisatie, fase, "
                    "huidige stap, soort opdracht en jaar."
                ),
                kc_type="listing",
                # The catalogue uses the page's width: no (empty) table of contents beside it; the site's
                # navigation stays.
                hide=["toc"],
            )
        ),
        themes=routes.url_link(src, routes.page_url(routes.THEMES)),
        organisations=routes.url_link(src, routes.page_url(routes.ORGANISATIONS)),
        catalogue=render(
            "fragments/catalogue.html",
            facets=_facets(catalogue, projects),
            count=len(projects),
            # For catalogue.js, which counts the projects left after filtering.
            count_forms=plural_forms("%(num)d project", "%(num)d projecten"),
            show_forms=plural_forms("Toon %(num)d resultaat", "Toon %(num)d resultaten"),
            cards=[card_html(_card(catalogue, src, project)) for project in projects],
            feeds=follow_data(src),
            # Until the script fills in the current filter: everything (the links are never empty).
            fallback={
                "page": routes.url_link(src, routes.feed_page_url(routes.FEED_ALL)),
                "feed": routes.url_link(src, f"{routes.FEED_ALL}.xml"),
                "calendar": routes.url_link(src, routes.AGENDA),
                "opml": routes.url_link(src, routes.FEEDS_OPML),
            },
            subscribe=routes.url_link(src, routes.page_url(routes.SUBSCRIBE)),
            empty=_("Er zijn nog geen projecten gepubliceerd."),
            # Without JavaScript neither the site search nor the filters work: where to look instead.
            elsewhere=[
                (_("thema's"), routes.url_link(src, routes.page_url(routes.THEMES))),
                (_("tips"), routes.url_link(src, routes.page_url(routes.TIPS))),
                (_("marktconsultaties"), routes.url_link(src, routes.page_url(routes.CONSULTATIONS))),
                (_("financiering"), routes.url_link(src, routes.page_url(routes.FUNDING))),
            ],
        ),
    )


def _search_text(catalogue: Catalogue, project: Entry) -> str:
    parts = [
        project.title,
        project.description,
        project["organisation"],
        # Its short names from content/organisations.yml: `?q=AWV` finds AWV's projects.
        *(organisation.short_names if (organisation := catalogue.organisation_of(project)) else ()),
        *project.get("partners", []),
        *project.get("suppliers", []),
        *(catalogue.label("themes", t) for t in project.themes),
    ]
    return " ".join(parts)
