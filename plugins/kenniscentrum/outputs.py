"""Files written next to the rendered pages after the build: feeds, calendar and open data."""

from __future__ import annotations

from pathlib import Path

from .catalogue import Catalogue


def write_outputs(catalogue: Catalogue, site_dir: Path, site_url: str, feed_items: int) -> list[Path]:
    """Write every non-HTML output; returns the paths written so callers (CLI, tests) can report them."""
    return []
