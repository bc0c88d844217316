"""Files written next to the rendered pages after the build: feeds, calendar, newsletter emails and open data."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.outputs.export import write_exports
from kenniscentrum.outputs.feed_sitemap import write_feed_sitemap
from kenniscentrum.outputs.feeds import write_feeds
from kenniscentrum.outputs.ical import AGENDA_PATH, Calendars, build_calendars
from kenniscentrum.pages.digest import write_emails


def base_url(site_url: str) -> str:
    """Absolute links need a base ending in "/"; without a site_url they fall back to root-relative."""
    return site_url.rstrip("/") + "/"


def write_outputs(
    catalogue: Catalogue,
    site_dir: Path,
    site_url: str,
    feed_items: int,
    calendars: Calendars | None = None,
    rendered: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write every non-HTML output; returns the paths written so callers (CLI, tests) can report them.

    The MkDocs adapter passes what it already built: the calendars of the consultation pages and the rendered
    entry bodies (source path -> HTML), so neither is made twice.
    """
    site_url = base_url(site_url)
    calendars = calendars or build_calendars(catalogue, site_url)
    written = write_feeds(catalogue, site_dir, site_url, feed_items, rendered)
    written.append(write_feed_sitemap(site_dir, site_url, written))
    calendar = site_dir / AGENDA_PATH
    calendar.write_bytes(calendars.agenda)
    written.append(calendar)
    written += write_emails(catalogue, site_dir, site_url)
    written += write_exports(catalogue, site_dir, site_url)
    return written
