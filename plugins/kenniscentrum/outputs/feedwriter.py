"""RSS 2.0, Atom and JSON Feed 1.1 documents assembled from items serialized once.

A project's announcement sits in the site-wide feed, its theme feeds, its organisation's, phase's and
procurement type's feeds, their combinations and its own "Volg dit project" feed: thousands of small feeds at
scale. Each item is therefore escaped and serialized once per format (`SerializedItem`) and every feed is its
header, the fragments of its items and a footer. The layout is feedgen's (which wrote these feeds before), so
subscribers' readers see the same documents; the tests parse them with feedparser, the Atom RELAX NG schema and
the JSON Feed 1.1 schema.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from kenniscentrum.site import PUBLISHER

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
RSS_DOCS = "http://www.rssboard.org/rss-specification"
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
    content: str
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
    """The item once per format."""
    rss_categories = "".join(
        f'      <category domain="{attr(c.scheme)}">{text(c.label)}</category>\n' for c in item.categories
    )
    atom_categories = "".join(
        f'    <category term="{attr(c.term)}" scheme="{attr(c.scheme)}" label="{attr(c.label)}"/>\n'
        for c in item.categories
    )
    rss = (
        "    <item>\n"
        f"      <title>{text(item.title)}</title>\n"
        f"      <link>{text(item.url)}</link>\n"
        f"      <description>{text(item.summary)}</description>\n"
        f"      <content:encoded>{text(item.content)}</content:encoded>\n"
        f'      <guid isPermaLink="false">{text(item.id)}</guid>\n'
        f"{rss_categories}"
        f"      <pubDate>{rss_date(item.published)}</pubDate>\n"
        "    </item>\n"
    )
    atom = (
        "  <entry>\n"
        f"    <id>{text(item.id)}</id>\n"
        f"    <title>{text(item.title)}</title>\n"
        f"    <updated>{item.updated.isoformat()}</updated>\n"
        f'    <content type="html">{text(item.content)}</content>\n'
        f'    <link href="{attr(item.url)}"/>\n'
        f"    <summary>{text(item.summary)}</summary>\n"
        f"{atom_categories}"
        f"    <published>{item.published.isoformat()}</published>\n"
        "  </entry>\n"
    )
    record: dict[str, object] = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.content,
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


def rss_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' version="2.0">\n'
        "  <channel>\n"
        f"    <title>{text(head.title)}</title>\n"
        f"    <link>{text(head.page)}</link>\n"
        f"    <description>{text(head.description)}</description>\n"
        f'    <atom:link href="{attr(head.path)}.xml" rel="self" type="application/rss+xml"/>\n'
        f"    <docs>{RSS_DOCS}</docs>\n"
        f"    <generator>{GENERATOR}</generator>\n"
        f"    <language>{text(head.language)}</language>\n"
        f"    <lastBuildDate>{rss_date(head.updated)}</lastBuildDate>\n"
        + "".join(item.rss for item in items)
        + "  </channel>\n</rss>\n"
    ).encode()


def atom_document(head: FeedHead, items: list[SerializedItem]) -> bytes:
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{attr(head.language)}">\n'
        f"  <id>{text(head.id)}</id>\n"
        f"  <title>{text(head.title)}</title>\n"
        f"  <updated>{head.updated.isoformat()}</updated>\n"
        "  <author>\n"
        f"    <name>{text(PUBLISHER)}</name>\n"
        f"    <uri>{text(head.site_url)}</uri>\n"
        "  </author>\n"
        f'  <link href="{attr(head.path)}.atom" rel="self" type="application/atom+xml"/>\n'
        f'  <link href="{attr(head.page)}" rel="alternate" type="text/html"/>\n'
        f"  <generator>{GENERATOR}</generator>\n"
        f"  <subtitle>{text(head.description)}</subtitle>\n"
        + "".join(item.atom for item in items)
        + "</feed>\n"
    ).encode()


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
