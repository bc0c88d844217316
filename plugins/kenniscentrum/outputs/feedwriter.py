"""RSS 2.0, Atom and JSON Feed 1.1 documents written with feedgen, each item serialized once.

A project's announcement sits in the site-wide feed, its theme feeds, its organisation's, phase's and
procurement type's feeds, their combinations and its own "Volg dit project" feed: thousands of small feeds at
scale. Each item is therefore built once as a feedgen `FeedEntry` and serialized once per format from feedgen's
own element builders (`SerializedItem`); every feed is the header feedgen writes for it (a `FeedGenerator`
without entries) with those serialized items placed before its closing tag. JSON Feed, which feedgen does not
write, comes from the json module. The tests parse every document with feedparser, the Atom RELAX NG schema and
the JSON Feed 1.1 schema.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

from kenniscentrum.site import PUBLISHER

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "kenniscentrum"
# Characters XML 1.0 cannot carry at all (lxml refuses them; validation refuses them in content).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# An RSS item serialized on its own declares the content namespace its <rss> root already declares.
_ITEM_NS = f' xmlns:content="{_CONTENT_NS}"'.encode()


def xml_text(value: str) -> str:
    """Text XML 1.0 can carry (lxml refuses control characters)."""
    return _NOT_XML.sub("", value)


def rss_date(moment: datetime) -> str:
    """RFC 822 with a numeric zone, as feedgen writes it: 'Sun, 01 Nov 2026 00:00:00 +0100'."""
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
    rss: bytes
    atom: bytes
    json: str


def feed_entry(item: ItemData) -> FeedEntry:
    """The item as a feedgen entry: RSS description and Atom summary, content (if any) as escaped HTML."""
    entry = FeedEntry()
    entry.id(xml_text(item.id))
    entry.guid(xml_text(item.id), permalink=False)
    entry.title(xml_text(item.title))
    entry.link(href=xml_text(item.url), rel="alternate", type="text/html")
    entry.description(xml_text(item.summary), isSummary=True)
    if item.content is not None:
        entry.content(xml_text(item.content), type="html")
    entry.published(item.published)
    entry.updated(item.updated)
    for category in item.categories:
        entry.category(
            term=xml_text(category.term), label=xml_text(category.label), scheme=xml_text(category.scheme)
        )
    return entry


def _element(element: etree._Element, depth: int) -> bytes:
    """One element serialized as it stands, pretty-printed, at `depth` in its document."""
    etree.indent(element, level=depth)
    data: bytes = etree.tostring(element, encoding="UTF-8")
    return b"  " * depth + data + b"\n"


def serialize(item: ItemData) -> SerializedItem:
    """The item once per format: feedgen's RSS item and Atom entry, JSON by the json module."""
    entry = feed_entry(item)
    # Within a parent that names feedgen's content namespace `content:`, as the <rss> root does.
    rss_item = entry.rss_entry()
    etree.Element("rss", nsmap={"content": _CONTENT_NS}).append(rss_item)
    rss = _element(rss_item, 2).replace(_ITEM_NS, b"", 1)
    atom = _element(entry.atom_entry(), 1)
    record: dict[str, object] = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        **({"content_html": item.content} if item.content is not None else {"content_text": item.summary}),
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


def feed_generator(head: FeedHead, ext: str, media_type: str) -> FeedGenerator:
    """The feed's header as feedgen writes it, without entries (they are placed in serialized)."""
    fg = FeedGenerator()
    fg.id(xml_text(head.id))
    fg.title(xml_text(head.title))
    fg.subtitle(xml_text(head.description))
    fg.author({"name": PUBLISHER, "uri": xml_text(head.site_url)})
    fg.link(href=xml_text(f"{head.path}.{ext}"), rel="self", type=media_type)
    # feedgen takes the last link as RSS <link>: that must be the HTML page, not the feed itself.
    fg.link(href=xml_text(head.page), rel="alternate", type="text/html")
    fg.language(xml_text(head.language))
    fg.updated(head.updated)  # also RSS lastBuildDate
    fg.generator(GENERATOR)
    return fg


def _place(header: bytes, closing: bytes, items: list[bytes]) -> bytes:
    """The serialized items placed before the header's closing tag (its last occurrence)."""
    at = header.rindex(closing)
    return header[:at] + b"".join(items) + header[at:]


def rss_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    header = feed_generator(head, "xml", "application/rss+xml").rss_str(pretty=True)
    return _place(header, b"  </channel>", [i.rss for i in items])


def atom_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    header = feed_generator(head, "atom", "application/atom+xml").atom_str(pretty=True)
    return _place(header, b"</feed>", [i.atom for i in items])


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
