"""RSS 2.0 and Atom feeds, built from the catalogue with feedgen.

Every item's id is a tag URI made of the entry's type and slug, so correcting an entry or moving the site never
shows a subscriber the same item twice. A consultation's published conclusions are a second item with an id of
their own. Dates come from front matter only, so two builds of the same content give the same feeds.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import markdown
from feedgen.feed import FeedGenerator

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.conclusions import conclusions_anchor, conclusions_section
from kenniscentrum.content.model import Entry, as_datetime
from kenniscentrum.render.formatting import esc, nl_date, nl_datetime, nl_deadline, nl_span, relative
from kenniscentrum.render.sanitize import sanitize

SITE_NAME = "Kenniscentrum Innovatieve Overheidsopdrachten"
PUBLISHER = "Programma Innovatieve Overheidsopdrachten (PIO)"
LANGUAGE = "nl-be"
# Ids never contain the site URL or a date that changes: a subscriber's reader keys on them forever.
ID_PREFIX = "tag:kenniscentrum.pio,2024:"
# The site's markdown_extensions, minus the permalink anchors a feed reader would show as stray symbols.
MARKDOWN_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
DEFAULT_ITEMS = 50  # items per feed unless the site configures `feed_items`
_EMPTY_FEED_DATE = date(2024, 1, 1)  # `updated` of a feed with no items at all (never the build time)


@dataclass(frozen=True)
class FeedItem:
    """One thing a subscriber is told about: a published entry, or a consultation's conclusions."""

    entry: Entry
    kind: str  # "entry" or "conclusions"
    id: str
    title: str
    description: str
    published: datetime
    updated: datetime
    fragment: str = ""  # anchor on the entry page, e.g. "#conclusies"

    @property
    def url(self) -> str:
        """Site-relative URL of the page the item links to."""
        return self.entry.url + self.fragment


@dataclass(frozen=True)
class FeedSpec:
    """One feed: written as `<path>.xml` (RSS 2.0) and `<path>.atom`."""

    path: str  # site-relative, without extension: "feeds/alles"
    id: str
    title: str
    description: str
    page: str  # site-relative URL of the HTML page the feed mirrors
    items: list[FeedItem]


def entry_id(entry: Entry, suffix: str = "") -> str:
    """Stable id of an entry (`tag:kenniscentrum.pio,2024:consultation/turing-workshop`): from its first slug,
    so renaming the file (with `aliases`) never turns it into a new item for subscribers."""
    return f"{ID_PREFIX}{entry.type.name}/{entry.first_slug}{suffix}"


def feed_items(catalogue: Catalogue) -> list[FeedItem]:
    """Every public item, newest first; drafts and scheduled entries are never among them."""
    items: list[FeedItem] = []
    for entry in catalogue.public():
        published = as_datetime(entry.published)
        updated = as_datetime(entry.last_changed)
        items.append(
            FeedItem(entry, "entry", entry_id(entry), entry.title, _summary(entry), published, updated)
        )
        conclusions = entry.get("conclusions") if entry.type.name == "consultation" else None
        if conclusions and conclusions <= catalogue.today:
            items.append(_conclusions_item(entry, conclusions))
    return sorted(items, key=lambda i: (i.published, i.id), reverse=True)


def _conclusions_item(entry: Entry, conclusions: date) -> FeedItem:
    # Conclusions written before the page went online reach subscribers when the page does.
    published = as_datetime(max(conclusions, entry.published))
    updated = max(published, as_datetime(entry.last_changed))
    anchor = conclusions_anchor(entry.body)
    return FeedItem(
        entry,
        "conclusions",
        entry_id(entry, "/conclusies"),
        f"Conclusies: {entry.title}",
        f"De conclusies van deze marktconsultatie zijn gepubliceerd. {entry.description}",
        published,
        updated,
        f"#{anchor}" if anchor else "",
    )


def _summary(entry: Entry) -> str:
    if entry.type.name == "consultation":
        if len(entry.sessions) > 1:
            first = nl_datetime(entry.starts)
            return f"{len(entry.sessions)} sessies, de eerste op {first}. {entry.description}"
        return f"{_capital(nl_datetime(entry.starts))}, {entry.location}. {entry.description}"
    if entry.type.name == "funding":
        return f"Deadline {nl_deadline(entry['deadline'])}. {entry.description}"
    return entry.description


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def feed_specs(catalogue: Catalogue, items: list[FeedItem]) -> list[FeedSpec]:
    """The public feeds of DESIGN.md: everything, market consultations, and one per theme."""
    specs = [
        FeedSpec(
            "feeds/alles",
            f"{ID_PREFIX}feed/alles",
            f"{SITE_NAME}: alles",
            "Nieuwe projecten, marktconsultaties, tips en financieringsoproepen van PIO.",
            "",
            items,
        ),
        FeedSpec(
            "feeds/marktconsultaties",
            f"{ID_PREFIX}feed/marktconsultaties",
            f"{SITE_NAME}: marktconsultaties",
            "Nieuwe marktconsultaties van PIO-projecten, en hun conclusies zodra ze gepubliceerd zijn.",
            "marktconsultaties/",
            [i for i in items if i.entry.type.name == "consultation"],
        ),
    ]
    for code, label in catalogue.vocabularies.get("themes", {}).items():
        specs.append(
            FeedSpec(
                f"feeds/thema/{code}",
                f"{ID_PREFIX}feed/thema/{code}",
                f"{SITE_NAME}: {label}",
                f"Nieuwe projecten, marktconsultaties, tips en financiering over {label.lower()}.",
                f"thema/{code}/",
                [i for i in items if code in i.entry.themes],
            )
        )
    return specs


def render_feed(
    spec: FeedSpec,
    catalogue: Catalogue,
    site_url: str,
    limit: int,
    content: Callable[[FeedItem], str],
    fallback_updated: datetime,
) -> tuple[bytes, bytes]:
    """The RSS 2.0 and Atom documents of one feed, newest `limit` items first."""
    items = spec.items[:limit]
    updated = max((i.updated for i in items), default=fallback_updated)
    documents = []
    for ext, kind in (("xml", "application/rss+xml"), ("atom", "application/atom+xml")):
        fg = FeedGenerator()
        fg.id(spec.id)
        fg.title(spec.title)
        fg.subtitle(spec.description)
        fg.author({"name": PUBLISHER, "uri": site_url})
        fg.link(href=f"{site_url}{spec.path}.{ext}", rel="self", type=kind)
        # feedgen takes the last link as RSS <link>: that must be the HTML page, not the feed itself.
        fg.link(href=site_url + spec.page, rel="alternate", type="text/html")
        fg.language(LANGUAGE)
        fg.updated(updated)  # also RSS lastBuildDate: from content, never the build time
        fg.generator("kenniscentrum")
        for item in items:
            _add_entry(fg, item, catalogue, site_url, content)
        documents.append(fg.rss_str(pretty=True) if ext == "xml" else fg.atom_str(pretty=True))
    return documents[0], documents[1]


def _add_entry(
    fg: FeedGenerator, item: FeedItem, catalogue: Catalogue, site_url: str, content: Callable[[FeedItem], str]
) -> None:
    fe = fg.add_entry(order="append")  # feedgen prepends by default; ours are already newest first
    fe.id(item.id)
    fe.guid(item.id, permalink=False)
    fe.title(item.title)
    fe.link(href=site_url + item.url, rel="alternate", type="text/html")
    fe.description(item.description, isSummary=True)  # RSS description and Atom summary
    fe.content(content(item), type="html")
    fe.published(item.published)
    fe.updated(item.updated)
    for code in item.entry.themes:
        fe.category(term=code, label=catalogue.label("themes", code), scheme=f"{site_url}thema/")


def write_feeds(
    catalogue: Catalogue, site_dir: Path, site_url: str, limit: int, rendered: Mapping[str, str] | None = None
) -> list[Path]:
    """Write every feed pair; item content is rendered once per item however many feeds carry it."""
    items = feed_items(catalogue)
    renderer = ContentRenderer(catalogue, site_url, rendered)
    fallback = items[0].updated if items else as_datetime(_EMPTY_FEED_DATE)
    written = []
    for spec in feed_specs(catalogue, items):
        rss, atom = render_feed(spec, catalogue, site_url, limit, renderer, fallback)
        for ext, data in (("xml", rss), ("atom", atom)):
            target = site_dir / f"{spec.path}.{ext}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
    return written


# --- item content: the entry body as safe HTML with absolute links ---------------------------------------


class ContentRenderer:
    """Renders item content on first use and remembers it: the same item sits in several feeds.

    `rendered` holds entry bodies MkDocs already turned into HTML (source path -> HTML, links relative to
    the page); an entry found there is not converted a second time.
    """

    def __init__(
        self, catalogue: Catalogue, site_url: str, rendered: Mapping[str, str] | None = None
    ) -> None:
        self.catalogue = catalogue
        self.site_url = site_url
        self.rendered = rendered or {}
        self._cache: dict[str, str] = {}

    def __call__(self, item: FeedItem) -> str:
        if item.id not in self._cache:
            body = self.rendered.get(item.entry.src_uri) if item.kind == "entry" else None
            self._cache[item.id] = item_html(item, self.catalogue, self.site_url, body)
        return self._cache[item.id]


_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')


def item_html(item: FeedItem, catalogue: Catalogue, site_url: str, rendered: str | None = None) -> str:
    """Facts a subscriber needs first, then the body (or the conclusions section), sanitized."""
    entry = item.entry
    facts = _facts(entry, catalogue) if item.kind == "entry" else ""
    if rendered is not None:
        body = _PERMALINK.sub("", rendered)
        return absolute_links(sanitize(facts + body), entry.src_uri, entry.url, site_url, page_relative=True)
    body = entry.body
    if item.kind == "conclusions":
        body = conclusions_section(body)[1] or body
    converted = _markdown().reset().convert(body)
    return absolute_links(sanitize(facts + converted), entry.src_uri, entry.url, site_url)


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter for every item: setting up the extensions cost more than converting a body."""
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


def _facts(entry: Entry, catalogue: Catalogue) -> str:
    rows: list[tuple[str, str]] = []
    if entry.type.name == "consultation":
        rows = [("Wanneer", esc(f"{nl_span(s.starts, s.ends)} — {s.location}")) for s in entry.sessions]
        rows.append(("Organisatie", esc(entry["organisation"])))
        if "registration_deadline" in entry.data:
            rows.append(("Inschrijven tot", esc(nl_date(entry["registration_deadline"]))))
        if url := entry.get("registration_url"):
            rows.append(("Inschrijven", f'<a href="{esc(url)}">{esc(url)}</a>'))
    elif entry.type.name == "funding":
        rows = [("Programma", esc(entry["programme"])), ("Deadline", esc(nl_deadline(entry["deadline"])))]
    elif entry.type.name == "project":
        rows = [
            ("Organisatie", esc(entry["organisation"])),
            ("Fase", esc(catalogue.label("phases", entry["phase"]))),
        ]
    if not rows:
        return ""
    return "<ul>" + "".join(f"<li><strong>{k}:</strong> {v}</li>" for k, v in rows) + "</ul>\n"


_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_links(
    markup: str, src_uri: str, page_url: str, site_url: str, page_relative: bool = False
) -> str:
    """Rewrite relative href/src absolute: as MkDocs resolves them from the entry's source file, or, for HTML
    MkDocs already rendered (`page_relative`), from the page's own URL."""

    def rewrite(match: re.Match[str]) -> str:
        url = html.unescape(match.group(2))
        if page_relative:
            url = urljoin(site_url + page_url, url)
        else:
            url = absolute_url(url, src_uri, page_url, site_url)
        return match.group(1) + esc(url) + match.group(3)

    return _URL_ATTRIBUTE.sub(rewrite, markup)


def absolute_url(url: str, src_uri: str, page_url: str, site_url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return url
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    if not parts.path:
        return site_url + page_url + suffix
    if parts.path.startswith("/"):
        return site_url + parts.path.lstrip("/") + suffix
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), parts.path))
    if target.endswith(".md"):
        stem = target.removesuffix(".md")
        target = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
    return site_url + ("" if target == "." else target) + suffix


def theme_feed_links(code: str, page_url: str) -> str:
    """'Volg dit thema' with the theme's RSS and Atom links, relative to the theme page (raw HTML)."""
    base = relative(page_url, f"feeds/thema/{code}")
    return (
        f'<p class="kc-feeds">Volg dit thema: <a href="{esc(base)}.xml" type="application/rss+xml">RSS</a>'
        f' · <a href="{esc(base)}.atom" type="application/atom+xml">Atom</a>'
        ' · <a href="' + esc(relative(page_url, "abonneren/")) + '">wat is dit?</a></p>\n\n'
    )
