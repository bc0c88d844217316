"""Incremental preview: which generated pages `mkdocs serve --dirty` may leave as they are after an edit.

MkDocs 1.6 has no incremental build, but its dirty mode skips every page whose file says it is unmodified. Our
pages are generated Markdown, so "unmodified" is exact here: a page whose Markdown is the same as in the previous
successful build, with the same templates and configuration, renders to the same HTML. An edit then re-renders the
entry, the listings, theme, organisation and digest pages that show it and its related entries: exactly the pages
whose Markdown it changed. Static pages in `docs/` may call macros over the whole catalogue, so they always render.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildState:
    """What the previous successful build rendered from."""

    pages: Mapping[str, str]  # generated source path -> Markdown
    stamp: tuple[float, tuple[str, ...]]  # newest template/config change, and the static pages present


def stamp(watched: Iterable[Path], static_pages: Iterable[str]) -> tuple[float, tuple[str, ...]]:
    """A change of any template or of the configuration, or a static page added or removed, re-renders all."""
    newest = 0.0
    for path in watched:
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            newest = max([newest, *(p.stat().st_mtime for p in path.rglob("*") if p.is_file())])
    return newest, tuple(sorted(static_pages))


def unchanged_pages(
    previous: BuildState | None, pages: Mapping[str, str], current: tuple[float, tuple[str, ...]]
) -> set[str]:
    """Generated pages that render exactly as in the previous build."""
    if previous is None or previous.stamp != current:
        return set()
    return {uri for uri, markdown in pages.items() if previous.pages.get(uri) == markdown}


def removed_pages(previous: BuildState | None, pages: Mapping[str, str]) -> set[str]:
    """Generated pages of the previous build that are gone (an entry deleted, renamed or made a draft)."""
    return set(previous.pages) - set(pages) if previous else set()
