"""The facets projects are filtered on, declared once.

The catalogue page (its filter form, the cards' `data-*` attributes and its URL query), the editors'
`projecten(...)` macro, the feeds of every selection (`selections`) and the links from entry and organisation pages all read this list,
so a parameter means the same thing everywhere: `soort` is the type of organisation, `organisatie` its name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue, slugify
from kenniscentrum.content.model import Entry
from kenniscentrum.render.templates import N_
from kenniscentrum.render.templates import gettext as _


@dataclass(frozen=True)
class Facet:
    param: str  # URL query parameter, card `data-` attribute and macro argument
    label: str  # Dutch legend in the filter form (a gettext msgid)
    field: str  # the project field it reads
    vocabulary: str | None  # the vocabulary of its codes, or None for free values (years, names)
    values: Callable[[Entry], list[str]]  # the codes one project carries
    in_catalogue: bool = True  # a fieldset in the catalogue's filter form
    feeds: bool = False  # a feed and a calendar per value (feeds/<param>/<code>)


FACETS: tuple[Facet, ...] = (
    Facet("thema", N_("Thema"), "themes", "themes", lambda p: list(p.themes), feeds=True),
    Facet(
        "soort",
        N_("Soort organisatie"),
        "organisation_type",
        "organisation_types",
        lambda p: [p["organisation_type"]],
        feeds=True,
    ),
    Facet("fase", N_("Fase"), "phase", "phases", lambda p: [p["phase"]], feeds=True),
    # One label for where a project stands: its phase. The current stage of its milestones is shown only in its
    # timeline (and in the open data), so a reader never sees two overlapping labels or filters.
    Facet(
        "opdracht",
        N_("Soort opdracht"),
        "procurement",
        "procurement_types",
        lambda p: [p["procurement"]] if p.get("procurement") else [],
        feeds=True,
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
        feeds=True,
    ),
)
# Funding notices are followed by their instrument; no project carries one.
INSTRUMENT = Facet(
    "instrument",
    N_("Instrument"),
    "instrument",
    "instruments",
    lambda f: [f["instrument"]],
    in_catalogue=False,
    feeds=True,
)
# Pairs of facets with a feed per combination of values: a sector for one kind of buyer.
FEED_COMBINATIONS: tuple[tuple[str, str], ...] = (("thema", "soort"),)
BY_PARAM = {facet.param: facet for facet in FACETS}
CATALOGUE_FACETS = tuple(facet for facet in FACETS if facet.in_catalogue)


def facet(param: str) -> Facet:
    return BY_PARAM[param]


def facet_values(project: Entry) -> dict[str, list[str]]:
    """The values one project contributes to each catalogue facet (its cards' data attributes)."""
    return {f.param: f.values(project) for f in CATALOGUE_FACETS}


@dataclass(frozen=True)
class Selection:
    """A followable selection: one facet value or a combination, with the entries a follower hears about.

    `projects` are exactly the projects the catalogue shows for `params` (its URL query); `others` are entries
    of other types that belong to the selection themselves (a theme's tips, an organisation's consultations, an
    instrument's funding notices).
    """

    params: tuple[tuple[str, str], ...]  # (URL parameter, code) pairs, as in /projecten/?thema=energie
    labels: tuple[str, ...]  # the values' labels, in the order of `params`
    projects: list[Entry] = field(default_factory=list)
    others: list[Entry] = field(default_factory=list)

    @property
    def path(self) -> str:
        return routes.selection_feed(self.params)

    @property
    def key(self) -> str:
        """The catalogue query that equals this selection (`soort=lokaal-bestuur&thema=energie`), sorted."""
        return "&".join(f"{param}={code}" for param, code in sorted(self.params))


def facet_labels(catalogue: Catalogue, facet: Facet) -> dict[str, str]:
    """Every value of a feed facet with its label: the vocabulary, or the organisations by slug."""
    if facet.vocabulary:
        return dict(catalogue.vocabularies.get(facet.vocabulary, {}))
    if facet.param == "organisatie":
        return {slug: org.name for slug, org in catalogue.organisations.items()}
    return {}


def selections(catalogue: Catalogue) -> list[Selection]:
    """Every selection with its own feeds and calendar: each value of a feed facet (all vocabulary values, so a
    subscription made before the first project exists keeps working) and each combination of FEED_COMBINATIONS.

    Projects are the public ones the catalogue lists: a preview's drafts never leave the site in a feed.
    """
    projects = catalogue.public("project")
    by_value: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for project in projects:
        for facet in FACETS:
            if facet.feeds:
                for code in facet.values(project):
                    by_value[(facet.param, code)].append(project)
    others: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in catalogue.public():
        if entry.type.name != "project":
            for code in entry.themes:
                others[("thema", code)].append(entry)
        if entry.type.name == "consultation":
            others[("organisatie", slugify(entry["organisation"]))].append(entry)
        if entry.type.name == "funding":
            others[(INSTRUMENT.param, entry["instrument"])].append(entry)
    result = []
    labels = {f.param: facet_labels(catalogue, f) for f in (*FACETS, INSTRUMENT) if f.feeds}
    for param, values in labels.items():
        for code, label in values.items():
            result.append(
                Selection(
                    ((param, code),), (label,), by_value.get((param, code), []), others.get((param, code), [])
                )
            )
    for first, second in FEED_COMBINATIONS:
        for code, label in labels[first].items():
            chosen = {p.key for p in by_value.get((first, code), [])}
            for other_code, other_label in labels[second].items():
                result.append(
                    Selection(
                        ((first, code), (second, other_code)),
                        (label, other_label),
                        [p for p in by_value.get((second, other_code), []) if p.key in chosen],
                    )
                )
    return result


def selection_sentence(selection: Selection) -> str:
    """What a follower of the selection gets, in one Dutch sentence (`feed_sentence`)."""
    criteria = [
        _("%(facet)s ‘%(value)s’", facet=_(_facet_of(param).label).lower(), value=label)
        for (param, _code), label in zip(selection.params, selection.labels, strict=True)
    ]
    joined = criteria[0]
    for more in criteria[1:]:
        joined = _("%(first)s en %(second)s", first=joined, second=more)
    return feed_sentence(selection_kind([p for p, _code in selection.params]), joined, selection.labels[0])


def selection_kind(params: list[str]) -> str:
    """The kind of `feed_sentence` of a selection on these facets."""
    if params == ["thema"]:
        return "thema"
    if params[:1] == [INSTRUMENT.param]:
        return "instrument"
    if params == ["organisatie"]:
        return "organisatie"
    return "projecten"


# What each kind of feed holds, in one Dutch sentence (a gettext msgid); follow.js gets the sentences with
# "%(criteria)s" left in. `criteria` names a selection ("thema ‘Energie’"), `name` a project or an organisation.
FEED_SENTENCES: dict[str, str] = {
    "alles": N_(
        "Je krijgt alles wat het kenniscentrum publiceert: elk nieuw project, elke marktconsultatie en haar "
        "conclusies, elke tip en elke financieringsoproep."
    ),
    "marktconsultaties": N_(
        "Je krijgt elke nieuwe marktconsultatie en haar conclusies zodra ze gepubliceerd zijn; de agenda "
        "bevat de sessies en de uiterste inschrijvingsdata."
    ),
    "marktconsultaties-thema": N_(
        "Je krijgt elke nieuwe marktconsultatie met %(criteria)s en haar conclusies zodra ze gepubliceerd "
        "zijn; de agenda bevat de sessies en de uiterste inschrijvingsdata."
    ),
    "oproepen": N_(
        "Je krijgt elke financieringsoproep en PIO-oproep waarvan de deadline nog niet voorbij is; de agenda "
        "bevat de deadlines."
    ),
    "instrument": N_("Je krijgt elke nieuwe financieringsoproep met %(criteria)s."),
    "thema": N_(
        "Je krijgt alles met %(criteria)s: elk nieuw project en elke nieuwe stap in zijn tijdlijn, elke "
        "marktconsultatie en haar conclusies, elke tip en elke financieringsoproep."
    ),
    "organisatie": N_(
        "Je krijgt alles over de projecten van %(name)s: elk nieuw project, elke nieuwe stap in zijn "
        "tijdlijn, elke marktconsultatie en haar conclusies."
    ),
    "project": N_(
        "Je krijgt alles over het project ‘%(name)s’: zijn marktconsultaties, hun conclusies en elke nieuwe "
        "stap in zijn tijdlijn."
    ),
    "projecten": N_(
        "Je krijgt alles over de projecten met %(criteria)s: elk nieuw project, elke nieuwe stap in zijn "
        "tijdlijn, zijn marktconsultaties en hun conclusies."
    ),
}


def feed_sentence(kind: str, criteria: str = "", name: str = "") -> str:
    """What a feed holds, in one Dutch sentence: the one description of each feed, on its page, in the feed
    itself, in the "Volg deze selectie" boxes and in the OPML. An unknown `kind` is a KeyError: a feed
    described by another kind's sentence would promise what it does not hold."""
    return _(FEED_SENTENCES[kind], criteria=criteria, name=name)


def _facet_of(param: str) -> Facet:
    return INSTRUMENT if param == INSTRUMENT.param else BY_PARAM[param]


def project_sentence(project: Entry) -> str:
    """What a follower of one project gets (`feed_sentence`)."""
    return feed_sentence("project", name=project.title)
