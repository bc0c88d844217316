"""Editors' shortcodes for pages in docs/ (mkdocs-macros-plugin module).

The macros read the catalogue the kenniscentrum plugin already loaded: they never load content themselves. The
functions behind them (kenniscentrum.pages.macros) are plain and tested without MkDocs; this file only declares
them, with the Dutch names and arguments editors write (guide/macros.md).
"""

from __future__ import annotations

from typing import Any

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.pages.macros import (
    consultations_html,
    count_entries,
    funding_html,
    projects_html,
    sector_feeds_html,
)


def define_env(env: Any) -> None:
    def catalogue() -> Catalogue:
        plugin = env.conf.plugins["kenniscentrum"]
        if plugin.catalogue is None:
            raise RuntimeError("de kenniscentrum-plugin moet vóór macros in mkdocs.yml staan")
        return plugin.catalogue

    # Every URL and output path (routes.py), for static pages such as docs/abonneren.md.
    env.variables["routes"] = routes

    @env.macro
    def projecten(
        thema: str | None = None,
        fase: str | None = None,
        organisatie: str | None = None,
        soort: str | None = None,
        opdracht: str | None = None,
        jaar: str | int | None = None,
        max: int | None = None,
    ) -> str:
        """Kaarten van projecten, nieuwste eerst, gefilterd op thema, fase, organisatie, soort organisatie,
        soort opdracht en/of jaar van selectie."""
        return projects_html(
            catalogue(),
            env.page.file.src_uri,
            thema=thema,
            fase=fase,
            organisatie=organisatie,
            soort=soort,
            opdracht=opdracht,
            jaar=None if jaar is None else str(jaar),
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
    def marktconsultaties_per_thema() -> str:
        """Per thema een link naar de feed van zijn marktconsultaties (met kopieerknop)."""
        return sector_feeds_html(catalogue(), env.page.file.src_uri)

    @env.macro
    def aantal(soort: str) -> int:
        """Aantal gepubliceerde items van een soort: projecten, marktconsultaties, tips of financiering."""
        return count_entries(catalogue(), soort)
