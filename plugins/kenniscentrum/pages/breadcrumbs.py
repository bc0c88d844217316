"""Breadcrumbs: where a page sits (Home › its listing › the page), on entry, theme, organisation and digest pages."""

from __future__ import annotations

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.render.templates import render


def breadcrumbs(src: str, listing_src: str, listing_text: str, title: str) -> Markup:
    """Home › a listing › this page (`src`), as a raw HTML block with links relative to the page."""
    return Markup(
        render(
            "fragments/breadcrumbs.html",
            home=routes.url_link(src, "").rstrip("/") + "/",
            listing={"text": listing_text, "href": routes.url_link(src, routes.page_url(listing_src))},
            title=title,
        )
    )
