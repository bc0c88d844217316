"""The facets projects are filtered on, declared once.

The catalogue page (its filter form, the cards' `data-*` attributes and its URL query), the editors'
`projecten(...)` macro, the per-theme feeds and the links from entry and organisation pages all read this list,
so a parameter means the same thing everywhere: `soort` is the type of organisation, `organisatie` its name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kenniscentrum.content.catalogue import slugify
from kenniscentrum.content.model import Entry
from kenniscentrum.render.templates import N_


@dataclass(frozen=True)
class Facet:
    param: str  # URL query parameter, card `data-` attribute and macro argument
    label: str  # Dutch legend in the filter form (a gettext msgid)
    field: str  # the project field it reads
    vocabulary: str | None  # the vocabulary of its codes, or None for free values (years, names)
    values: Callable[[Entry], list[str]]  # the codes one project carries
    in_catalogue: bool = True  # a fieldset in the catalogue's filter form
    feeds: bool = False  # one feed per value (feeds/thema/<code>)


FACETS: tuple[Facet, ...] = (
    Facet("thema", N_("Thema"), "themes", "themes", lambda p: list(p.themes), feeds=True),
    Facet(
        "soort",
        N_("Soort organisatie"),
        "organisation_type",
        "organisation_types",
        lambda p: [p["organisation_type"]],
    ),
    Facet("fase", N_("Fase"), "phase", "phases", lambda p: [p["phase"]]),
    # One label for where a project stands: its phase. The current stage of its milestones is shown only in its
    # timeline (and in the open data), so a reader never sees two overlapping labels or filters.
    Facet(
        "opdracht",
        N_("Soort opdracht"),
        "procurement",
        "procurement_types",
        lambda p: [p["procurement"]] if p.get("procurement") else [],
    ),
    Facet(
        "jaar", N_("Jaar van selectie"), "year", None, lambda p: [str(p["year"])] if "year" in p.data else []
    ),
    # Organisations have their own pages; in the macro the name (or its slug) selects one.
    Facet(
        "organisatie",
        N_("Organisatie"),
        "organisation",
        None,
        lambda p: [slugify(p["organisation"])],
        in_catalogue=False,
    ),
)
BY_PARAM = {facet.param: facet for facet in FACETS}
CATALOGUE_FACETS = tuple(facet for facet in FACETS if facet.in_catalogue)


def facet(param: str) -> Facet:
    return BY_PARAM[param]


def facet_values(project: Entry) -> dict[str, list[str]]:
    """The values one project contributes to each catalogue facet (its cards' data attributes)."""
    return {f.param: f.values(project) for f in CATALOGUE_FACETS}
