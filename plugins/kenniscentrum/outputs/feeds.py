"""RSS 2.0 and Atom feeds of the announcements (content/events.py), built with feedgen.

Every item's id is a tag URI made of the entry's type and slug, so correcting an entry or moving the site never
shows a subscriber the same item twice. A consultation's published conclusions are a second item with an id of
their own. Dates come from front matter only, so two builds of the same content give the same feeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.html
import markdown
from feedgen.feed import FeedGenerator
from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.conclusions import conclusions_section
from kenniscentrum.content.events import Event, Kind, announcements
from kenniscentrum.content.model import Entry, as_datetime
from kenniscentrum.facets import FACETS
from kenniscentrum.render.formatting import esc, nl_date, nl_datetime, nl_deadline, nl_span
from kenniscentrum.render.illustration import illustrated, illustration_note
from kenniscentrum.render.sanitize import sanitize
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import render
from kenniscentrum.site import PUBLISHER, Site

# Ids never contain the site URL or a date that changes: a subscriber's reader keys on them forever.
ID_PREFIX = "tag:kenniscentrum.pio,2024:"
DEFAULT_ITEMS = 50  # items per feed unless the site configures `feed_items`
_EMPTY_FEED_DATE = date(2024, 1, 1)  # `updated` of a feed with no items at all (never the build time)


@dataclass(frozen=True)
class FeedItem:
    """One announcement as a subscriber sees it: a published entry, or a consultation's conclusions."""

    event: Event
    id: str
    title: str
    description: str

    @property
    def entry(self) -> Entry:
        return self.event.entry

    @property
    def kind(self) -> str:
        return "conclusions" if self.event.kind is Kind.CONCLUSIONS else "entry"

    @property
    def published(self) -> datetime:
        return self.event.published

    @property
    def updated(self) -> datetime:
        return as_datetime(self.event.updated or self.event.start)

    @property
    def fragment(self) -> str:
        return self.event.fragment

    @property
    def url(self) -> str:
        """Site-relative URL of the page the item links to."""
        return self.event.url


@dataclass(frozen=True)
class FeedSpec:
    """One feed: written as `<path>.xml` (RSS 2.0) and `<path>.atom`."""

    path: str  # site-relative, without extension: "feeds/alles"
    id: str
    title: str
    description: str
    page: str  # site-relative URL of the HTML page the feed mirrors
    items: list[FeedItem]


def autodiscovery() -> list[dict[str, str]]:
    """The feeds and the calendar every page's head links to (site-relative paths), for readers and browsers."""
    links = []
    for path, name in ((routes.FEED_ALL, _("Alles")), (routes.FEED_CONSULTATIONS, _("Marktconsultaties"))):
        for ext, media_type in routes.FEED_FORMATS:
            kind = {"xml": "RSS", "atom": "Atom"}[ext]
            links.append({"type": media_type, "title": f"{name} ({kind})", "path": f"{path}.{ext}"})
    links.append({"type": "text/calendar", "title": _("Agenda (iCalendar)"), "path": routes.AGENDA})
    return links


def entry_id(entry: Entry, suffix: str = "") -> str:
    """Stable id of an entry (`tag:kenniscentrum.pio,2024:consultation/turing-workshop`): from its first slug,
    so renaming the file (with `aliases`) never turns it into a new item for subscribers."""
    return f"{ID_PREFIX}{entry.type.name}/{entry.first_slug}{suffix}"


def feed_items(catalogue: Catalogue) -> list[FeedItem]:
    """Every public announcement, newest first; drafts and scheduled entries are never among them."""
    return [feed_item(event) for event in announcements(catalogue)]


def feed_item(event: Event) -> FeedItem:
    entry = event.entry
    if event.kind is Kind.CONCLUSIONS:
        return FeedItem(
            event,
            entry_id(entry, "/conclusies"),
            illustrated(entry, _("Conclusies: %(title)s", title=entry.title)),
            illustration_note(entry)
            + _(
                "De conclusies van deze marktconsultatie zijn gepubliceerd. %(description)s",
                description=entry.description,
            ),
        )
    return FeedItem(
        event, entry_id(entry), illustrated(entry, entry.title), illustration_note(entry) + _summary(entry)
    )


def _summary(entry: Entry) -> str:
    if entry.type.name == "consultation":
        when = nl_datetime(entry.starts)
        if len(entry.sessions) > 1:
            count = len(entry.sessions)
            return (
                _("%(count)s sessies, de eerste op %(when)s.", count=count, when=when)
                + f" {entry.description}"
            )
        return f"{when[:1].upper()}{when[1:]}, {entry.location}. {entry.description}"
    if entry.type.name == "funding":
        return _("Deadline %(date)s.", date=nl_deadline(entry["deadline"])) + f" {entry.description}"
    return entry.description


def feed_specs(catalogue: Catalogue, items: list[FeedItem], site: Site | None = None) -> list[FeedSpec]:
    """The public feeds of DESIGN.md: everything, market consultations, and one per value of a feed facet."""
    name = (site or Site()).name
    specs = [
        FeedSpec(
            routes.FEED_ALL,
            f"{ID_PREFIX}feed/alles",
            _("%(site)s: alles", site=name),
            _("Nieuwe projecten, marktconsultaties, tips en financieringsoproepen van PIO."),
            "",
            items,
        ),
        FeedSpec(
            routes.FEED_CONSULTATIONS,
            f"{ID_PREFIX}feed/marktconsultaties",
            _("%(site)s: marktconsultaties", site=name),
            _("Nieuwe marktconsultaties van PIO-projecten, en hun conclusies zodra ze gepubliceerd zijn."),
            routes.page_url(routes.CONSULTATIONS),
            [i for i in items if i.entry.type.name == "consultation"],
        ),
    ]
    for facet in FACETS:
        if not facet.feeds or facet.vocabulary is None:
            continue
        for code, label in catalogue.vocabularies.get(facet.vocabulary, {}).items():
            specs.append(
                FeedSpec(
                    routes.theme_feed(code),
                    f"{ID_PREFIX}feed/thema/{code}",
                    f"{name}: {label}",
                    _(
                        "Nieuwe projecten, marktconsultaties, tips en financiering over %(theme)s.",
                        theme=label.lower(),
                    ),
                    routes.page_url(routes.theme_src(code)),
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
    language: str = "nl",
) -> tuple[bytes, bytes]:
    """The RSS 2.0 and Atom documents of one feed, newest `limit` items first."""
    items = spec.items[:limit]
    updated = max((i.updated for i in items), default=fallback_updated)
    documents = []
    for ext, kind in routes.FEED_FORMATS:
        fg = FeedGenerator()
        fg.id(spec.id)
        fg.title(spec.title)
        fg.subtitle(spec.description)
        fg.author({"name": PUBLISHER, "uri": site_url})
        fg.link(href=f"{site_url}{spec.path}.{ext}", rel="self", type=kind)
        # feedgen takes the last link as RSS <link>: that must be the HTML page, not the feed itself.
        fg.link(href=site_url + spec.page, rel="alternate", type="text/html")
        fg.language(language.lower())
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
        fe.category(
            term=code, label=catalogue.label("themes", code), scheme=site_url + routes.page_url(routes.THEMES)
        )


def write_feeds(
    catalogue: Catalogue,
    site_dir: Path,
    site: Site | str,
    limit: int,
    rendered: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write every feed pair; item content is rendered once per item however many feeds carry it."""
    site = site if isinstance(site, Site) else Site(url=site)
    items = feed_items(catalogue)
    renderer = ContentRenderer(catalogue, site, rendered)
    fallback = items[0].updated if items else as_datetime(_EMPTY_FEED_DATE)
    written = []
    for spec in feed_specs(catalogue, items, site):
        rss, atom = render_feed(spec, catalogue, site.url, limit, renderer, fallback, site.language)
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
        self, catalogue: Catalogue, site: Site | str, rendered: Mapping[str, str] | None = None
    ) -> None:
        self.catalogue = catalogue
        self.site = site if isinstance(site, Site) else Site(url=site)
        self.rendered = rendered or {}
        self._cache: dict[str, str] = {}
        self._markdown: markdown.Markdown | None = None

    def __call__(self, item: FeedItem) -> str:
        if item.id not in self._cache:
            body = self.rendered.get(item.entry.src_uri) if item.kind == "entry" else None
            if body is None:
                body = self._convert(item)
                page_relative = False
            else:
                page_relative = True
            self._cache[item.id] = item_html(item, self.catalogue, self.site.url, body, page_relative)
        return self._cache[item.id]

    def _convert(self, item: FeedItem) -> str:
        """The body (or its conclusions section) as HTML, with the site's Markdown extensions."""
        body = item.entry.body
        if item.kind == "conclusions":
            body = conclusions_section(body)[1] or body
        if self._markdown is None:
            # One converter for every item: setting up the extensions cost more than converting a body.
            extensions, configs = self.site.feed_extensions
            self._markdown = markdown.Markdown(extensions=extensions, extension_configs=configs)
        return self._markdown.reset().convert(body)


def item_html(
    item: FeedItem, catalogue: Catalogue, site_url: str, body: str, page_relative: bool = False
) -> str:
    """Facts a subscriber needs first, then the body (or the conclusions section), sanitized, links absolute."""
    entry = item.entry
    facts = _facts(entry, catalogue) if item.kind == "entry" else []
    linked = absolute_links(body, entry.src_uri, entry.url, site_url, page_relative)
    return sanitize(render("feeds/item.html", facts=facts, body=Markup(linked)), site_url)


def _facts(entry: Entry, catalogue: Catalogue) -> list[tuple[str, Any]]:
    if entry.type.name == "consultation":
        rows: list[tuple[str, Any]] = [
            *(
                [(_("Wanneer"), nl_datetime(entry.starts)), (_("Waar"), entry.location)]
                if len(entry.sessions) == 1
                else [(_("Sessie"), f"{nl_span(s.starts, s.ends)} — {s.location}") for s in entry.sessions]
            ),
            (_("Organisatie"), entry["organisation"]),
        ]
        if "registration_deadline" in entry.data:
            rows.append((_("Inschrijven tot"), nl_date(entry["registration_deadline"])))
        if url := entry.get("registration_url"):
            rows.append((_("Inschrijven"), {"url": url, "text": url}))
        return rows
    if entry.type.name == "funding":
        return [(_("Programma"), entry["programme"]), (_("Deadline"), nl_deadline(entry["deadline"]))]
    if entry.type.name == "project":
        return [
            (_("Organisatie"), entry["organisation"]),
            (_("Fase"), catalogue.label("phases", entry["phase"])),
        ]
    return []


def absolute_links(html: str, src_uri: str, page: str, site_url: str, page_relative: bool = False) -> str:
    """Body HTML with every relative link made absolute and MkDocs' permalink anchors (a reader shows them as
    stray symbols) left out. Links resolve as MkDocs resolves them from the entry's source file, or, for HTML
    MkDocs already rendered (`page_relative`), from the page's own URL. Parsed with lxml, never pattern-matched."""
    if not html.strip():
        return html
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for anchor in root.xpath('.//a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]'):
        anchor.drop_tree()
    if page_relative:
        root.rewrite_links(lambda url: urljoin(site_url + page, url), resolve_base_href=False)
    else:
        root.rewrite_links(
            lambda url: routes.absolute_url(url, src_uri, page, site_url), resolve_base_href=False
        )
    return esc(root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
