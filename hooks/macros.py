"""Editors' shortcodes for pages in docs/ (mkdocs-macros-plugin module).

The macros read the catalogue the kenniscentrum plugin already loaded: they never load content themselves.
"""

from __future__ import annotations

from typing import Any

from kenniscentrum.pages.macros import define_macros


def define_env(env: Any) -> None:
    define_macros(env)
