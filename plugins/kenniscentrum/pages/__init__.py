"""Generate pages: the Markdown of every page the content produces, keyed by source path.

Pages are plain strings: the MkDocs plugin wraps them in `File.generated`, and `kenniscentrum pages --out DIR`
writes them to disk for any other engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.feedlist import Feed
from kenniscentrum.forked import Forked
from kenniscentrum.pages.catalogue_page import project_catalogue
from kenniscentrum.pages.digest import digest_pages
from kenniscentrum.pages.entries import GeneratedPages, PageCache, entry_pages
from kenniscentrum.pages.feed_pages import feed_pages
from kenniscentrum.pages.listings import (
    consultations_page,
    funding_page,
    organisation_page,
    organisations_index,
    theme_page,
    themes_index,
    tips_page,
)


def generate_pages(
    catalogue: Catalogue, reuse: PageCache | None = None, listed: Sequence[Feed] | None = None
) -> GeneratedPages:
    """Every page the content produces: one per entry, the listings, themes, organisations, digests and feeds.

    `reuse` (the preview) keeps entry pages whose inputs did not change since an earlier build. `listed` is
    `feedlist.feeds(catalogue)` when the caller has it (it hands the same list to the feed files).
    """
    return {**_content_pages(catalogue, reuse), **feed_pages(catalogue, listed, reuse)}


def pages_beside(catalogue: Catalogue, listed: Sequence[Feed] | None = None) -> Callable[[], GeneratedPages]:
    """`generate_pages` for a full build: the entry, listing and digest pages are made in a forked process
    while the caller goes on (makes the feed pages here, then its own work: MkDocs cleans the site folder and
    lists the docs meanwhile); the returned function waits for them. Where nothing forks, they are made then."""
    content = Forked(partial(_content_pages, catalogue))
    feeds = feed_pages(catalogue, listed)
    return lambda: {**content.result(), **feeds}


def _content_pages(catalogue: Catalogue, reuse: PageCache | None = None) -> GeneratedPages:
    return {
        **entry_pages(catalogue, reuse),
        **listing_pages(catalogue, reuse),
        **digest_pages(catalogue, reuse),
    }


def listing_pages(catalogue: Catalogue, reuse: PageCache | None = None) -> dict[str, str]:
    pages = {
        routes.PROJECTS: project_catalogue(catalogue),
        routes.CONSULTATIONS: consultations_page(catalogue),
        routes.TIPS: tips_page(catalogue),
        routes.FUNDING: funding_page(catalogue),
        routes.THEMES: themes_index(catalogue),
        routes.ORGANISATIONS: organisations_index(catalogue),
    }
    for code in catalogue.vocabularies.get("themes", {}):
        src = routes.theme_src(code)
        if reuse is None:
            pages[src] = theme_page(catalogue, code)
        else:
            shown = catalogue.by_theme.get(code, [])
            pages[src] = reuse.page(catalogue, src, shown, partial(theme_page, catalogue, code))
    for org in catalogue.organisations.values():
        src = routes.organisation_src(org.slug)
        if reuse is None:
            pages[src] = organisation_page(catalogue, org)
        else:
            shown = [*org.projects, *org.consultations]
            pages[src] = reuse.page(catalogue, src, shown, partial(organisation_page, catalogue, org))
    return pages
