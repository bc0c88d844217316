"""The project catalogue page: every project as a card, with facet filters.

The page is complete without JavaScript: every card in order and the filter form `hidden`, so no control is
there that would not work. `catalogue.js` removes `hidden`, filters the cards by their `data-*` attributes
(named after the facet keys, so the script needs no mapping) and keeps the state in the URL query.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import Entry
from kenniscentrum.pages.listings import _front, card, cards, href
from kenniscentrum.render.formatting import esc

# facet key (URL query parameter and card `data-` attribute) -> (Dutch legend, vocabulary or None)
FACETS: dict[str, tuple[str, str | None]] = {
    "thema": ("Thema", "themes"),
    "organisatie": ("Soort organisatie", "organisation_types"),
    "fase": ("Fase", "phases"),
    "opdracht": ("Soort opdracht", "procurement_types"),
    "jaar": ("Jaar van selectie", None),
}


def facet_values(project: Entry) -> dict[str, list[str]]:
    """The values one project contributes to each facet."""
    return {
        "thema": list(project.themes),
        "organisatie": [project["organisation_type"]],
        "fase": [project["phase"]],
        "opdracht": [project["procurement"]] if project.get("procurement") else [],
        "jaar": [str(project["year"])],
    }


def facet_counts(projects: list[Entry]) -> dict[str, Counter[str]]:
    """How many projects carry each facet value: the counts shown before any filter is set."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in FACETS}
    for project in projects:
        for key, values in facet_values(project).items():
            counts[key].update(values)
    return counts


def facet_options(catalogue: Catalogue, key: str, counts: Counter[str]) -> list[tuple[str, str]]:
    """(code, label) of the values present in the catalogue, in vocabulary order (years newest first).

    Values no project has are left out: a box that can only ever empty the list helps nobody.
    """
    vocab = FACETS[key][1]
    if vocab:
        return [
            (code, label) for code, label in catalogue.vocabularies.get(vocab, {}).items() if counts[code]
        ]
    return [(value, value) for value in sorted(counts, reverse=True)]


def fold(text: str) -> str:
    """Lowercase without accents, so 'creeren' finds 'creëren'; catalogue.js folds the query the same way."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def count_text(count: int) -> str:
    return f"{count} {'project' if count == 1 else 'projecten'}"


def _filter_form(catalogue: Catalogue, projects: list[Entry]) -> str:
    counts = facet_counts(projects)
    fieldsets = []
    for key, (legend, _) in FACETS.items():
        options = facet_options(catalogue, key, counts[key])
        if not options:
            continue
        boxes = "".join(
            f'<li><label><input type="checkbox" name="{key}" value="{esc(code)}"> {esc(label)} '
            f'<span class="kc-count">({counts[key][code]})</span></label></li>'
            for code, label in options
        )
        fieldsets.append(f'<fieldset class="kc-facet"><legend>{legend}</legend><ul>{boxes}</ul></fieldset>')
    return (
        '<form class="kc-filters" id="kc-filters" role="search" aria-label="Projecten filteren" hidden>'
        '<h2 class="kc-visually-hidden">Filters</h2>'
        '<p class="kc-filters__search"><label for="kc-q">Zoek in projecten</label> '
        '<input type="search" id="kc-q" name="q" autocomplete="off"></p>'
        '<p class="kc-filters__sort"><label for="kc-sort">Sorteer op</label> '
        '<select id="kc-sort" name="sort"><option value="nieuw">Nieuwste eerst</option>'
        '<option value="titel">Titel (A-Z)</option></select></p>'
        + "".join(fieldsets)
        + '<p><button type="reset" class="md-button">Alle filters wissen</button></p></form>'
    )


def _card(catalogue: Catalogue, src: str, project: Entry) -> str:
    attrs = "".join(f' data-{key}="{esc(" ".join(values))}"' for key, values in facet_values(project).items())
    attrs += f' data-published="{project.published.isoformat()}"'
    attrs += f' data-text="{esc(fold(_search_text(catalogue, project)))}"'
    facts = [
        project["organisation"],
        catalogue.label("phases", project["phase"]),
        f"Geselecteerd in {project['year']}",
    ]
    return card(catalogue, src, project, facts, heading="h3", attrs=attrs)


def project_catalogue(catalogue: Catalogue, src: str) -> str:
    """The Markdown of /projecten/: intro, the (hidden) filter form, the live result count and all cards."""
    projects = catalogue.entries["project"]
    items = [_card(catalogue, src, project) for project in projects]
    browse = (
        f'<p class="kc-browse">Of blader <a href="{href(src, "thema/")}">per thema</a> of '
        f'<a href="{href(src, "organisaties/")}">per organisatie</a>.</p>'
    )
    return (
        _front(
            "Projecten",
            "Alle projecten uit het PIO-portfolio, te filteren op thema, soort organisatie, fase, "
            "soort opdracht en jaar.",
        )
        + "# Projecten\n\n"
        "Welke overheid deed al iets gelijkaardigs? Filter de projecten die PIO begeleidt en cofinanciert.\n\n"
        f"{browse}\n\n"
        f'<div class="kc-catalogue">{_filter_form(catalogue, projects)}\n'
        '<div class="kc-results"><h2 class="kc-visually-hidden">Resultaten</h2>'
        f'<p class="kc-result-count" id="kc-count" role="status" aria-live="polite">'
        f"{count_text(len(projects))}</p>\n"
        + cards(items, "Er zijn nog geen projecten gepubliceerd.")
        + "</div></div>\n"
    )


def _search_text(catalogue: Catalogue, project: Entry) -> str:
    parts = [
        project.title,
        project.description,
        project["organisation"],
        *project.get("partners", []),
        *project.get("suppliers", []),
        *(catalogue.label("themes", t) for t in project.themes),
    ]
    return " ".join(parts)
