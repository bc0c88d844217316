"""RSS 2.0, Atom and JSON Feed 1.1 documents assembled from items serialized once.

A project's announcement sits in the site-wide feed, its theme feeds, its organisation's, phase's and
procurement type's feeds, their combinations and its own "Volg dit project" feed: thousands of small feeds at
scale. Each item is therefore escaped and serialized once per format (`SerializedItem`) and every feed is its
header, the fragments of its items and a footer, all from templates in templates/feeds/ that receive values
already escaped for XML (so nothing is escaped twice or by HTML's rules). The layout is feedgen's (which wrote these feeds before), so
subscribers' readers see the same documents; the tests parse them with feedparser, the Atom RELAX NG schema and
the JSON Feed 1.1 schema.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from markupsafe import Markup

from kenniscentrum.render.templates import render
from kenniscentrum.site import PUBLISHER

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "kenniscentrum"
# Characters XML 1.0 cannot carry at all (validation refuses them in content; this keeps a document whole).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTR = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def text(value: str) -> str:
    """Escaped XML character data."""
    return escape(_NOT_XML.sub("", value))


def attr(value: str) -> str:
    """Escaped XML attribute value (for double quotes)."""
    return escape(_NOT_XML.sub("", value), _ATTR)


def rss_date(moment: datetime) -> str:
    """RFC 822 with a numeric zone: 'Sun, 01 Nov 2026 00:00:00 +0100'."""
    return format_datetime(moment)


@dataclass(frozen=True)
class Category:
    term: str
    label: str
    scheme: str


@dataclass(frozen=True)
class ItemData:
    """What every format says of one item; the values are plain text, `content` is sanitized HTML."""

    id: str
    title: str
    url: str  # absolute
    summary: str
    content: str | None  # None: title, link and summary only (the small feeds of selections and projects)
    published: datetime
    updated: datetime
    categories: tuple[Category, ...] = ()


@dataclass(frozen=True)
class SerializedItem:
    id: str
    updated: datetime
    rss: str
    atom: str
    json: str


def serialize(item: ItemData) -> SerializedItem:
    """The item once per format (templates feeds/*_item.xml, JSON by the json module)."""
    values = {
        "id": text(item.id),
        "title": text(item.title),
        "url": text(item.url),
        "summary": text(item.summary),
        "content": "" if item.content is None else text(item.content),
        "published": item.published.isoformat(),
        "updated": item.updated.isoformat(),
    }
    full = item.content is not None
    categories = [
        {"term": attr(c.term), "scheme": attr(c.scheme), "label": attr(c.label)} for c in item.categories
    ]
    rss = _fill(
        _skeleton("feeds/rss_item.xml", full),
        {
            **values,
            "published": rss_date(item.published),
            "categories": "".join(_fill(_skeleton("feeds/rss_category.xml"), c) for c in categories),
        },
    )
    atom = _fill(
        _skeleton("feeds/atom_item.xml", full),
        {**values, "categories": "".join(_fill(_skeleton("feeds/atom_category.xml"), c) for c in categories)},
    )
    record: dict[str, object] = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        **({"content_html": item.content} if full else {"content_text": item.summary}),
        "summary": item.summary,
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
    }
    if item.categories:
        record["tags"] = [c.label for c in item.categories]
    return SerializedItem(item.id, item.updated, rss, atom, json.dumps(record, ensure_ascii=False))


@dataclass(frozen=True)
class FeedHead:
    """A feed's own data: URLs are absolute, `path` is the feed's URL without its extension."""

    id: str
    title: str
    description: str
    path: str  # absolute, without extension
    page: str  # absolute URL of the HTML page the feed mirrors
    site_url: str
    language: str
    updated: datetime


# Every value a feed template places; a template is rendered once with a marker for each (see _skeleton).
_VALUES = (
    *(
        "id",
        "title",
        "url",
        "summary",
        "content",
        "published",
        "updated",
        "categories",
        "term",
        "scheme",
        "label",
    ),
    *("description", "path", "page", "site_url", "language", "publisher", "generator", "items"),
)


@functools.cache
def _skeleton(template: str, content: bool = True) -> tuple[str, ...]:
    """A template rendered once with a marker per value, split into its literal parts and the names between
    them: thousands of items and small feeds are then a join each, not a template render. `content` false
    renders an item without its content element."""
    marked: dict[str, Markup | None] = {name: Markup(f"\x00{name}\x00") for name in _VALUES}
    if not content:
        marked["content"] = None
    return tuple(render(template, **marked).split("\x00"))


def _fill(parts: tuple[str, ...], values: dict[str, str]) -> str:
    """The skeleton's literal parts with the (escaped) values between them."""
    return "".join(values[part] if i % 2 else part for i, part in enumerate(parts))


def _head(head: FeedHead, items: str, updated: str) -> dict[str, str]:
    return {
        "id": text(head.id),
        "title": text(head.title),
        "description": text(head.description),
        "path": attr(head.path),
        "page": attr(head.page),
        "site_url": text(head.site_url),
        "language": attr(head.language),
        "publisher": text(PUBLISHER),
        "generator": text(GENERATOR),
        "items": items,
        "updated": updated,
    }


def rss_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    values = _head(head, "".join(i.rss for i in items), rss_date(head.updated))
    return _fill(_skeleton("feeds/rss.xml"), values).encode()


def atom_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    values = _head(head, "".join(i.atom for i in items), head.updated.isoformat())
    return _fill(_skeleton("feeds/atom.xml"), values).encode()


def json_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/); the items' JSON is spliced in as serialized."""
    feed = {
        "version": JSON_FEED_VERSION,
        "title": head.title,
        "home_page_url": head.page,
        "feed_url": f"{head.path}.json",
        "description": head.description,
        "language": head.language,
        "authors": [{"name": PUBLISHER, "url": head.site_url}],
        "items": None,
    }
    start = json.dumps(feed, ensure_ascii=False).removesuffix("null}")
    return (start + "[" + ",".join(item.json for item in items) + "]}\n").encode()
