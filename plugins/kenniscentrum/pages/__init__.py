"""Generate pages: the Markdown of every page the content produces, keyed by source path.

Pages are plain strings: the MkDocs plugin wraps them in `File.generated`, and `kenniscentrum pages --out DIR`
writes them to disk for any other engine.
"""

from __future__ import annotations

from functools import partial

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
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
    catalogue: Catalogue, reuse: PageCache | None = None, parallel: bool = False
) -> GeneratedPages:
    """Every page the content produces: one per entry, the listings, themes, organisations, digests and feeds.

    `reuse` (the preview) keeps entry pages whose inputs did not change since an earlier build. `parallel` (a
    full build) makes the entry pages in a forked process while this one makes the rest: half the wall time.
    """
    entries = Forked(partial(entry_pages, catalogue, reuse), fork=parallel)
    others = {
        **listing_pages(catalogue, reuse),
        **digest_pages(catalogue, reuse),
        **feed_pages(catalogue),
    }
    return {**entries.result(), **others}


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
