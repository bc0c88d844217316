"""Files written next to the rendered pages after the build: feeds, calendar, newsletter emails and open data."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.feedlist import Feed
from kenniscentrum.outputs.email import write_emails
from kenniscentrum.outputs.export import write_exports
from kenniscentrum.outputs.feed_sitemap import write_feed_sitemap
from kenniscentrum.outputs.feeds import Cancelled, write_feeds
from kenniscentrum.outputs.ical import Calendars, build_calendars
from kenniscentrum.outputs.redirects import write_redirects
from kenniscentrum.site import Site, base_url

__all__ = ["Cancelled", "base_url", "write_outputs"]


def write_outputs(
    catalogue: Catalogue,
    site_dir: Path,
    site: Site | str,
    feed_items: int,
    calendars: Calendars | None = None,
    rendered: Mapping[str, str] | None = None,
    cancelled: Callable[[], bool] | None = None,
    listed: Sequence[Feed] | None = None,
) -> list[Path]:
    """Write every non-HTML output; returns the paths written so callers (CLI, tests) can report them.

    The MkDocs adapter passes what it already built: the calendars of the consultation pages and the rendered
    entry bodies (source path -> HTML), so neither is made twice. `cancelled` is asked between feeds and
    between the other outputs: when it says so, `Cancelled` is raised and the rest is left to a newer build.
    `listed` is the list of feeds when the caller has it already (the build made the feed pages from it).
    """
    site = site.with_url(site.url) if isinstance(site, Site) else Site().with_url(site)
    calendars = calendars or build_calendars(catalogue, site)
    written = write_feeds(catalogue, site_dir, site, feed_items, rendered, calendars, cancelled, listed)
    written.append(write_feed_sitemap(site_dir, site.url, written))
    calendar = site_dir / routes.AGENDA
    calendar.write_bytes(calendars.agenda)
    written.append(calendar)
    rest: list[Callable[[], list[Path]]] = [
        lambda: write_emails(catalogue, site_dir, site),
        lambda: write_exports(catalogue, site_dir, site.url),
        lambda: write_redirects(catalogue, site_dir, site.url, calendars.consultations),
    ]
    for step in rest:
        if cancelled is not None and cancelled():
            raise Cancelled("een nieuwere bouw schrijft de uitvoer opnieuw")
        written += step()
    return written
