"""The project catalogue page: every project as a card, with facet filters.

The page is complete without JavaScript (all cards, in order, facets hidden); `catalogue.js` reveals the
filter form and filters the cards by their `data-*` attributes, keeping the state in the URL query.
"""

from __future__ import annotations

from collections import Counter

from .catalogue import Catalogue
from .formatting import esc
from .listings import _front, card, cards
from .model import Entry

# facet key in the URL query -> (card data attribute, Dutch legend, vocabulary or None)
FACETS: dict[str, tuple[str, str, str | None]] = {
    "thema": ("themes", "Thema", "themes"),
    "organisatie": ("orgtype", "Soort organisatie", "organisation_types"),
    "fase": ("phase", "Fase", "phases"),
    "opdracht": ("procurement", "Soort opdracht", "procurement_types"),
    "jaar": ("year", "Jaar van selectie", None),
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
    counts: dict[str, Counter[str]] = {key: Counter() for key in FACETS}
    for project in projects:
        for key, values in facet_values(project).items():
            counts[key].update(values)
    return counts


def project_catalogue(catalogue: Catalogue, src: str) -> str:
    projects = catalogue.entries["project"]
    counts = facet_counts(projects)
    fieldsets = []
    for key, (_, legend, vocab) in FACETS.items():
        if vocab:
            options = [
                (code, label)
                for code, label in catalogue.vocabularies.get(vocab, {}).items()
                if counts[key][code]
            ]
        else:
            options = [(year, year) for year in sorted(counts[key], reverse=True)]
        boxes = "".join(
            f'<li><label><input type="checkbox" name="{key}" value="{esc(code)}"> {esc(label)} '
            f'<span class="kc-count" data-facet-count="{key}:{esc(code)}">({counts[key][code]})</span></label></li>'
            for code, label in options
        )
        fieldsets.append(f'<fieldset class="kc-facet"><legend>{legend}</legend><ul>{boxes}</ul></fieldset>')
    form = (
        '<form class="kc-filters" id="kc-filters" role="search" aria-label="Projecten filteren" hidden>'
        '<p class="kc-filters__search"><label for="kc-q">Zoek in projecten</label> '
        '<input type="search" id="kc-q" name="q" autocomplete="off"></p>'
        '<p class="kc-filters__sort"><label for="kc-sort">Sorteer op</label> <select id="kc-sort" name="sort">'
        '<option value="nieuw">Nieuwste eerst</option><option value="titel">Titel (A-Z)</option></select></p>'
        + "".join(fieldsets)
        + '<p><button type="reset" class="md-button">Alle filters wissen</button></p></form>'
    )
    items = []
    for project in projects:
        values = facet_values(project)
        attrs = "".join(f' data-{FACETS[key][0]}="{esc(" ".join(vals))}"' for key, vals in values.items())
        attrs += (
            f' data-title="{esc(project.title.lower())}" data-published="{project.published.isoformat()}"'
        )
        attrs += f' data-text="{esc(_search_text(catalogue, project))}"'
        items.append(card(catalogue, src, project, _facts(catalogue, project), attrs=attrs))
    total = len(projects)
    return (
        _front(
            "Projecten",
            "Alle projecten uit het PIO-portfolio, te filteren op thema, soort organisatie, fase, "
            "soort opdracht en jaar.",
        )
        + "# Projecten\n\n"
        "Welke overheid deed al iets gelijkaardigs? Filter de projecten die PIO begeleidt en cofinanciert.\n\n"
        f'<div class="kc-catalogue">{form}\n'
        f'<div class="kc-results"><p class="kc-result-count" id="kc-count" aria-live="polite" role="status">'
        f"{total} {'project' if total == 1 else 'projecten'}</p>\n"
        + cards(items, "Er zijn nog geen projecten gepubliceerd.")
        + "</div></div>\n"
    )


def _facts(catalogue: Catalogue, project: Entry) -> list[str]:
    return [
        project["organisation"],
        catalogue.label("phases", project["phase"]),
        f"Geselecteerd in {project['year']}",
    ]


def _search_text(catalogue: Catalogue, project: Entry) -> str:
    parts = [
        project.title,
        project.description,
        project["organisation"],
        *project.get("partners", []),
        *(catalogue.label("themes", t) for t in project.themes),
    ]
    return " ".join(parts).lower()
