"""Generate pages: the Markdown of every page the content produces, keyed by source path.

Pages are plain strings: the MkDocs plugin wraps them in `File.generated`, and `kenniscentrum pages --out DIR`
writes them to disk for any other engine.
"""

from __future__ import annotations

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.pages.catalogue_page import project_catalogue
from kenniscentrum.pages.digest import digest_pages
from kenniscentrum.pages.entries import EntryPageCache, GeneratedPages, entry_pages
from kenniscentrum.pages.listings import (
    consultations_page,
    funding_page,
    organisation_page,
    organisations_index,
    theme_page,
    themes_index,
    tips_page,
)


def generate_pages(catalogue: Catalogue, reuse: EntryPageCache | None = None) -> GeneratedPages:
    """Every page the content produces: one per entry plus the listings, themes, organisations and digests.

    `reuse` (the preview) keeps entry pages whose inputs did not change since an earlier build.
    """
    return {**entry_pages(catalogue, reuse), **listing_pages(catalogue), **digest_pages(catalogue)}


def listing_pages(catalogue: Catalogue) -> dict[str, str]:
    pages = {
        routes.PROJECTS: project_catalogue(catalogue),
        routes.CONSULTATIONS: consultations_page(catalogue),
        routes.TIPS: tips_page(catalogue),
        routes.FUNDING: funding_page(catalogue),
        routes.THEMES: themes_index(catalogue),
        routes.ORGANISATIONS: organisations_index(catalogue),
    }
    for code in catalogue.vocabularies.get("themes", {}):
        pages[routes.theme_src(code)] = theme_page(catalogue, code)
    for org in catalogue.organisations.values():
        pages[routes.organisation_src(org.slug)] = organisation_page(catalogue, org)
    return pages
