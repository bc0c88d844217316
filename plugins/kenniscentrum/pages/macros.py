"""Macros for editors: lists drawn from the catalogue, callable from any page in docs/.

`define_macros` receives the mkdocs-macros environment; the functions behind the macros are plain and take
the catalogue and the calling page's source path, so they are tested without MkDocs. A wrong argument
(an unknown theme, a typo in an organisation) raises a Dutch error: with `on_error_fail` the build stops
and names the page, instead of quietly publishing an empty list.

Reference for editors (Dutch, with examples): guide/macros.md.
"""

from __future__ import annotations

from typing import Any

from kenniscentrum.content.catalogue import Catalogue, slugify
from kenniscentrum.content.model import Entry
from kenniscentrum.content.problems import did_you_mean
from kenniscentrum.content.status import OPEN, consultation_is_upcoming, funding_sort_key, funding_status
from kenniscentrum.pages.listings import card, cards, consultation_card, funding_card

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


def select_projects(
    catalogue: Catalogue,
    thema: str | None = None,
    fase: str | None = None,
    organisatie: str | None = None,
    soort: str | None = None,
    max: int | None = None,
) -> list[Entry]:
    """Projects filtered by theme code, phase code, organisation (name or slug) and organisation type, newest first."""
    _check_code(catalogue, "thema", thema, "themes")
    _check_code(catalogue, "fase", fase, "phases")
    _check_code(catalogue, "soort", soort, "organisation_types")
    # A short name from content/organisations.yml (AWV) names the same organisation as its full name.
    known = (
        catalogue.organisation_list.find(organisatie) if organisatie and catalogue.organisation_list else None
    )
    org = slugify(known.name if known else organisatie) if organisatie is not None else None
    if org is not None and org not in catalogue.organisations:
        hint = did_you_mean(org, list(catalogue.organisations))
        raise ValueError(
            f"organisatie='{organisatie}' heeft geen projecten of marktconsultaties"
            + (f" ({hint})" if hint else "")
        )
    if max is not None and max < 1:
        raise ValueError(f"max={max}: geef een getal vanaf 1, of laat max weg voor alle projecten")
    projects = [
        p
        for p in catalogue.entries["project"]
        if (thema is None or thema in p.themes)
        and (fase is None or p["phase"] == fase)
        and (org is None or slugify(p["organisation"]) == org)
        and (soort is None or p["organisation_type"] == soort)
    ]
    return projects[:max] if max else projects


def projects_html(catalogue: Catalogue, src: str, **filters: Any) -> str:
    projects = select_projects(catalogue, **filters)
    items = [
        card(
            catalogue,
            src,
            p,
            [p["organisation"], catalogue.label("phases", p["phase"]), f"Geselecteerd in {p['year']}"],
        )
        for p in projects
    ]
    return cards(items, "Geen projecten gevonden.")


def upcoming_consultations(catalogue: Catalogue, count: int = 3) -> list[Entry]:
    """The next sessions as of the build date, soonest first."""
    upcoming = [c for c in catalogue.entries["consultation"] if consultation_is_upcoming(c, catalogue.today)]
    return sorted(upcoming, key=lambda c: c.starts)[:count]


def consultations_html(catalogue: Catalogue, src: str, aantal: int = 3) -> str:
    items = [consultation_card(catalogue, src, c) for c in upcoming_consultations(catalogue, aantal)]
    return cards(items, "Er zijn op dit moment geen aankomende marktconsultaties.")


def open_funding(catalogue: Catalogue, count: int = 3) -> list[Entry]:
    """Open funding notices as of the build date, nearest deadline first."""
    notices = [f for f in catalogue.entries["funding"] if funding_status(f, catalogue.today) is OPEN]
    return sorted(notices, key=lambda f: funding_sort_key(f, OPEN))[:count]


def funding_html(catalogue: Catalogue, src: str, aantal: int = 3) -> str:
    items = [funding_card(catalogue, src, f) for f in open_funding(catalogue, aantal)]
    return cards(items, "Er zijn op dit moment geen open oproepen.")


def count_entries(catalogue: Catalogue, soort: str) -> int:
    type_name = _TYPE_NAMES.get(soort)
    if type_name is None:
        raise ValueError(f"aantal('{soort}'): kies uit projecten, marktconsultaties, tips of financiering")
    return len(catalogue.entries[type_name])


def define_macros(env: Any) -> None:
    def catalogue() -> Catalogue:
        plugin = env.conf.plugins["kenniscentrum"]
        if plugin.catalogue is None:
            raise RuntimeError("de kenniscentrum-plugin moet vóór macros in mkdocs.yml staan")
        return plugin.catalogue

    @env.macro
    def projecten(
        thema: str | None = None,
        fase: str | None = None,
        organisatie: str | None = None,
        soort: str | None = None,
        max: int | None = None,
    ) -> str:
        """Kaarten van projecten, nieuwste eerst, gefilterd op thema, fase, organisatie en/of soort organisatie."""
        return projects_html(
            catalogue(),
            env.page.file.src_uri,
            thema=thema,
            fase=fase,
            organisatie=organisatie,
            soort=soort,
            max=max,
        )

    @env.macro
    def marktconsultaties(aantal: int = 3) -> str:
        """De eerstvolgende marktconsultaties (op de bouwdatum), met inschrijflink."""
        return consultations_html(catalogue(), env.page.file.src_uri, aantal)

    @env.macro
    def financiering(aantal: int = 3) -> str:
        """De open financieringsoproepen met de dichtste deadline eerst."""
        return funding_html(catalogue(), env.page.file.src_uri, aantal)

    @env.macro
    def aantal(soort: str) -> int:
        """Aantal gepubliceerde items van een soort: projecten, marktconsultaties, tips of financiering."""
        return count_entries(catalogue(), soort)
