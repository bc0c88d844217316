"""The short Dutch page of every feed: what it holds, its latest items, its addresses and how to subscribe.

Links on the site lead here rather than to raw XML; the page links the feed's files (with copy buttons and a
`webcal://` link, added by follow.js). One template, one page per feed of `feedlist.feeds`: no page for a feed
that does not exist. The pages are listings (`kc_type`), so search leaves them out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import partial
from typing import Any

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.feedlist import Feed, feeds
from kenniscentrum.pages.breadcrumbs import breadcrumbs
from kenniscentrum.pages.entries import PageCache
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.formatting import nl_date, nl_period
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import render
from kenniscentrum.render.titles import display_title

LATEST = 5  # items shown on a feed's page
_FORMAT_NAMES = {"xml": "RSS", "atom": "Atom", routes.JSON_FEED[0]: "JSON Feed"}


def feed_pages(
    catalogue: Catalogue, listed: Sequence[Feed] | None = None, reuse: PageCache | None = None
) -> dict[str, str]:
    """Source path -> Markdown of the page of every feed the site publishes (`listed`, when the caller has
    `feeds(catalogue)` already). The preview (`reuse`) renders again only the pages whose values changed."""
    pages = {}
    for feed in feeds(catalogue) if listed is None else listed:
        values = _values(feed)
        if reuse is None:
            pages[feed.about] = _page(values)
        else:
            pages[feed.about] = reuse.keyed(feed.about, json.dumps(values), partial(_page, values))
    return pages


def _values(feed: Feed) -> dict[str, Any]:
    """Everything the page shows, as plain values: the preview compares them to know whether it changed."""
    src = feed.about
    # "Feed: Marktconsultaties", whatever case the name has inside a feed's title ("…: marktconsultaties").
    name = feed.name[:1].upper() + feed.name[1:]
    return {
        "src": src,
        "name": name,
        "sentence": feed.sentence,
        "mirrors": routes.url_link(src, feed.page),
        "latest": [
            {
                "title": display_title(event),
                "href": routes.url_link(src, event.entry.url) + event.fragment,
                # A step known by its month or year is shown so ("2019"), not as the first day of it.
                "date": nl_period(event.milestone.when) if event.milestone else nl_date(event.start),
            }
            for event in feed.news[:LATEST]
        ],
        "files": [
            {"name": _FORMAT_NAMES[ext], "href": routes.url_link(src, f"{feed.path}.{ext}")}
            for ext in feed.formats
        ],
        "calendar": (
            routes.url_link(src, f"{feed.path}.{routes.CALENDAR_EXT}") if feed.calendar is not None else ""
        ),
        "subscribe": routes.url_link(src, routes.page_url(routes.SUBSCRIBE)),
    }


def _page(values: dict[str, Any]) -> str:
    title = _("Feed: %(name)s", name=values["name"])
    body = render(
        "fragments/feed_page.html",
        sentence=values["sentence"],
        mirrors=values["mirrors"],
        latest=values["latest"],
        files=values["files"],
        calendar=values["calendar"],
        subscribe=values["subscribe"],
    )
    return render(
        "pages/feed.md",
        front=Markup(front_matter(title, values["sentence"], kc_type="listing", kc_feed=True)),
        title=title,
        breadcrumbs=breadcrumbs(values["src"], routes.SUBSCRIBE, _("Abonneren"), values["name"]),
        body=Markup(body),
    )
