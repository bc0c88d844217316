"""The short Dutch page of every feed: what it holds, its latest items, its addresses and how to subscribe.

Links on the site lead here rather than to raw XML; the page links the feed's files (with copy buttons and a
`webcal://` link, added by follow.js). One template, one page per feed of `feedlist.feeds`: no page for a feed
that does not exist. The pages are listings (`kc_type`), so search leaves them out.
"""

from __future__ import annotations

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.feedlist import Feed, feeds
from kenniscentrum.pages.breadcrumbs import breadcrumbs
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.formatting import nl_date
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import render
from kenniscentrum.render.titles import display_title

LATEST = 5  # items shown on a feed's page
_FORMAT_NAMES = {"xml": "RSS", "atom": "Atom", routes.JSON_FEED[0]: "JSON Feed"}


def feed_pages(catalogue: Catalogue) -> dict[str, str]:
    """Source path -> Markdown of the page of every feed the site publishes."""
    return {feed.about: feed_page(feed) for feed in feeds(catalogue)}


def feed_page(feed: Feed) -> str:
    src = feed.about
    title = _("Feed: %(name)s", name=feed.name)
    body = render(
        "fragments/feed_page.html",
        sentence=feed.sentence,
        mirrors=routes.url_link(src, feed.page),
        latest=[
            {
                "title": display_title(event),
                "href": routes.url_link(src, event.entry.url) + event.fragment,
                "date": nl_date(event.start),
            }
            for event in feed.news[:LATEST]
        ],
        files=[
            {"name": _FORMAT_NAMES[ext], "href": routes.url_link(src, f"{feed.path}.{ext}")}
            for ext in feed.formats
        ],
        calendar=(
            routes.url_link(src, f"{feed.path}.{routes.CALENDAR_EXT}") if feed.calendar is not None else ""
        ),
        subscribe=routes.url_link(src, routes.page_url(routes.SUBSCRIBE)),
    )
    return render(
        "pages/feed.md",
        front=Markup(front_matter(title, feed.sentence, kc_type="listing", kc_feed=True)),
        title=title,
        breadcrumbs=breadcrumbs(src, routes.SUBSCRIBE, _("Abonneren"), feed.name),
        body=Markup(body),
    )
