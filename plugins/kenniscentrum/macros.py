"""Macros for editors: lists drawn from the catalogue, callable from any page in docs/.

`define_macros` receives the mkdocs-macros environment; the functions behind the macros are plain and take
the catalogue and the calling page's source path, so they are tested without MkDocs.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue, slugify
from .listings import card, cards, consultation_card
from .model import Entry
from .status import consultation_is_upcoming


def select_projects(
    catalogue: Catalogue,
    thema: str | None = None,
    fase: str | None = None,
    organisatie: str | None = None,
    max: int | None = None,
) -> list[Entry]:
    """Projects filtered by theme code, phase code and organisation (name or slug), newest first."""
    for name, value, vocab in (("thema", thema, "themes"), ("fase", fase, "phases")):
        if value is not None and value not in catalogue.vocabularies.get(vocab, {}):
            raise ValueError(f"{name}='{value}' staat niet in de woordenlijst '{vocab}'")
    projects = [
        p
        for p in catalogue.entries["project"]
        if (thema is None or thema in p.themes)
        and (fase is None or p["phase"] == fase)
        and (organisatie is None or slugify(p["organisation"]) == slugify(organisatie))
    ]
    return projects[:max] if max else projects


def projects_html(catalogue: Catalogue, src: str, **filters: Any) -> str:
    projects = select_projects(catalogue, **filters)
    items = [
        card(catalogue, src, p, [p["organisation"], catalogue.label("phases", p["phase"])]) for p in projects
    ]
    return cards(items, "Geen projecten gevonden.")


def upcoming_consultations(catalogue: Catalogue, count: int = 3) -> list[Entry]:
    upcoming = [c for c in catalogue.entries["consultation"] if consultation_is_upcoming(c, catalogue.today)]
    return sorted(upcoming, key=lambda c: c["starts"])[:count]


def consultations_html(catalogue: Catalogue, src: str, aantal: int = 3) -> str:
    items = [consultation_card(catalogue, src, c) for c in upcoming_consultations(catalogue, aantal)]
    return cards(items, "Er zijn op dit moment geen aankomende marktconsultaties.")


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
        max: int | None = None,
    ) -> str:
        """Kaarten van projecten, gefilterd op thema, fase en/of organisatie."""
        return projects_html(
            catalogue(), env.page.file.src_uri, thema=thema, fase=fase, organisatie=organisatie, max=max
        )

    @env.macro
    def marktconsultaties(aantal: int = 3) -> str:
        """De eerstvolgende marktconsultaties."""
        return consultations_html(catalogue(), env.page.file.src_uri, aantal)

    @env.macro
    def aantal(soort: str) -> int:
        """Aantal gepubliceerde items van een soort: project, consultation, tip of funding."""
        return len(catalogue().entries[soort])
