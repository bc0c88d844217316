"""RSS 2.0, Atom and JSON Feed 1.1 feeds of the announcements (content/events.py), and the calendars of the
selections and projects one can follow; documents written in `feedwriter.py` (feedgen) from items serialized once.

Every item's id is a tag URI made of the entry's type and slug, so correcting an entry or moving the site never
shows a subscriber the same item twice. A consultation's published conclusions are a second item with an id of
their own. Dates come from front matter only, so two builds of the same content give the same feeds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.html
import markdown
from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.conclusions import conclusions_section
from kenniscentrum.content.events import Event, Kind, announcements
from kenniscentrum.content.model import Entry, as_datetime
from kenniscentrum.facets import INSTRUMENT
from kenniscentrum.feedlist import Feed, event_key, follow_feeds, site_feeds
from kenniscentrum.feedlist import feeds as all_feeds
from kenniscentrum.outputs.feedwriter import (
    Category,
    FeedHead,
    ItemData,
    SerializedItem,
    atom_document,
    json_document,
    rss_date,
    rss_document,
    serialize,
)
from kenniscentrum.outputs.ical import Calendars
from kenniscentrum.render.formatting import esc, nl_date, nl_datetime, nl_deadline, nl_period, nl_span
from kenniscentrum.render.illustration import illustration_note
from kenniscentrum.render.sanitize import sanitize
from kenniscentrum.render.templates import N_, render, ui
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.titles import display_title
from kenniscentrum.site import PUBLISHER, Site

# Ids never contain the site URL or a date that changes: a subscriber's reader keys on them forever.
ID_PREFIX = Site().feed_id_prefix  # the default authority's; a build uses its Site's
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
    """One feed: written as `<path>.xml` (RSS 2.0), `<path>.atom` and `<path>.json` (JSON Feed 1.1), and with
    calendar events also as `<path>.ics`."""

    path: str  # site-relative, without extension: "feeds/alles"
    id: str
    title: str
    description: str
    page: str  # site-relative URL of the HTML page the feed mirrors
    items: list[FeedItem]
    calendar: list[Event] | None = None
    full: bool = True  # items with their content; else title, link and summary (a selection's, a project's)
    formats: tuple[str, ...] = ("xml", "atom", routes.JSON_FEED[0])
    name: str = ""  # what it follows, without the site's name ("Energie")


def autodiscovery() -> list[dict[str, str]]:
    """The feeds and the calendar every page's head links to (site-relative paths), for readers and browsers."""
    links = []
    for path, name in (
        (routes.FEED_ALL, _("Alles")),
        (routes.FEED_CONSULTATIONS, _("Marktconsultaties")),
        (routes.FEED_OPEN_CALLS, _("Oproepen met deadline")),
    ):
        for ext, media_type in routes.FEED_FORMATS:
            kind = {"xml": "RSS", "atom": "Atom"}[ext]
            links.append({"type": media_type, "title": f"{name} ({kind})", "path": f"{path}.{ext}"})
    links.append({"type": "text/calendar", "title": _("Agenda (iCalendar)"), "path": routes.AGENDA})
    return links


def follow_texts() -> Markup:
    """The copy buttons' texts for follow.js, as JSON safe inside a script element."""
    texts = {
        "copy": _("Kopieer feedadres"),
        "copyCalendar": _("Kopieer agenda-adres"),
        "copied": _("Gekopieerd"),
        "copyFailed": _("Kopiëren lukte niet: selecteer het adres en kopieer het zelf."),
    }
    return Markup(
        json.dumps(texts, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def entry_id(entry: Entry, suffix: str = "", prefix: str = ID_PREFIX) -> str:
    """Stable id of an entry (`tag:vlaio.be,2024:kenniscentrum/consultation/turing-workshop`): from its first
    slug, so renaming the file (with `aliases`) never turns it into a new item for subscribers."""
    return f"{prefix}{entry.type.name}/{entry.first_slug}{suffix}"


def feed_items(catalogue: Catalogue, prefix: str = ID_PREFIX) -> list[FeedItem]:
    """Every public announcement, newest first; drafts and scheduled entries are never among them."""
    return [feed_item(event, prefix) for event in announcements(catalogue)]


def feed_item(event: Event, prefix: str = ID_PREFIX) -> FeedItem:
    entry = event.entry
    if event.kind is Kind.CONCLUSIONS:
        return FeedItem(
            event,
            entry_id(entry, "/conclusies", prefix),
            display_title(event),
            illustration_note(entry)
            + _(
                "De conclusies van deze marktconsultatie zijn gepubliceerd. %(description)s",
                description=entry.description,
            ),
        )
    if event.kind is Kind.PUBLISHED:
        return FeedItem(
            event,
            entry_id(entry, "", prefix),
            display_title(event),
            illustration_note(entry) + _summary(entry),
        )
    # Any later kind of news (a project's milestone): its own id, from the kind and the day, never the title.
    number = f"-{event.number}" if event.number else ""
    # A feed item needs a day: a step known by its month or year is dated on the first day of it, and its text
    # says when as precisely as it is known ("2019: …"), never that day.
    when = (
        _("%(when)s: %(step)s", when=nl_period(event.milestone.when), step=event.milestone.text) + " "
        if event.milestone
        else ""
    )
    return FeedItem(
        event,
        entry_id(entry, f"/{event.kind}/{event.start:%Y-%m-%d}{number}", prefix),
        display_title(event),
        illustration_note(entry) + when + entry.description,
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


def feed_specs(catalogue: Catalogue, site: Site | None = None) -> list[FeedSpec]:
    """The site-wide feeds of DESIGN.md: everything, market consultations and open calls (`feedlist.site_feeds`)."""
    return _specs(site_feeds(catalogue), site)


def _specs(
    feeds: Sequence[Feed], site: Site | None, made: dict[tuple[object, ...], FeedItem] | None = None
) -> list[FeedSpec]:
    """The feeds of `feedlist` with their items; an item sits in many feeds and is made once (`made`)."""
    name = (site or Site()).name
    prefix = (site or Site()).feed_id_prefix
    made = {} if made is None else made

    def item(event: Event) -> FeedItem:
        key = event_key(event)
        if key not in made:
            made[key] = feed_item(event, prefix)
        return made[key]

    return [
        FeedSpec(
            feed.path,
            _feed_id(feed.path, prefix),
            _("%(site)s: %(title)s", site=name, title=feed.name),
            feed.sentence,
            feed.page,
            [item(e) for e in feed.news],
            feed.calendar,
            full=feed.full,
            formats=feed.formats,
            name=feed.name,
        )
        for feed in feeds
    ]


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
    documents = FeedWriter(catalogue, site_url, content, language).documents(spec, limit, fallback_updated)
    return documents["xml"], documents["atom"]


class FeedWriter:
    """Serializes each item once per format and assembles any number of feeds from those fragments."""

    def __init__(
        self, catalogue: Catalogue, site_url: str, content: Callable[[FeedItem], str], language: str = "nl"
    ) -> None:
        self.catalogue = catalogue
        self.site_url = site_url
        self.content = content
        self.language = language.lower()
        self.scheme = site_url + routes.page_url(routes.THEMES)
        self._items: dict[str, SerializedItem] = {}

    def item(self, item: FeedItem, full: bool = True) -> SerializedItem:
        """The item serialized once per format, with its content or (`full` false) without."""
        key = f"{item.id} {full}"
        if key not in self._items:
            self._items[key] = serialize(
                ItemData(
                    item.id,
                    item.title,
                    self.site_url + item.url,
                    item.description,
                    self.content(item) if full else None,
                    item.published,
                    item.updated,
                    tuple(
                        Category(code, self.catalogue.label("themes", code), self.scheme)
                        for code in item.entry.themes
                    ),
                )
            )
        return self._items[key]

    def documents(self, spec: FeedSpec, limit: int, fallback_updated: datetime) -> dict[str, bytes]:
        """The feed's documents by extension (RSS 2.0, Atom, JSON Feed), newest `limit` items first."""
        items = [self.item(i, spec.full) for i in spec.items[:limit]]
        head = FeedHead(
            spec.id,
            spec.title,
            spec.description,
            self.site_url + spec.path,
            self.site_url + spec.page,
            self.site_url,
            self.language,
            # Also RSS lastBuildDate: from content, never the build time.
            max((i.updated for i in items), default=fallback_updated),
        )
        writers = {"xml": rss_document, "atom": atom_document, routes.JSON_FEED[0]: json_document}
        return {ext: writers[ext](head, items) for ext in spec.formats}


class Cancelled(Exception):
    """Writing the outputs was stopped: a newer build writes them."""


def write_feeds(
    catalogue: Catalogue,
    site_dir: Path,
    site: Site | str,
    limit: int,
    rendered: Mapping[str, str] | None = None,
    calendars: Calendars | None = None,
    cancelled: Callable[[], bool] | None = None,
    listed: Sequence[Feed] | None = None,
) -> list[Path]:
    """Write every feed (RSS, Atom, JSON Feed) and the calendar of every selection and project; each item is
    rendered and serialized once however many feeds carry it.

    `cancelled` is asked before each feed: the preview's next save stops writing the previous one's feeds.
    `listed` is `feedlist.feeds(catalogue)` when the caller has it already (the build made the feed pages).
    """
    site = site if isinstance(site, Site) else Site(url=site)
    items = feed_items(catalogue, site.feed_id_prefix)
    renderer = ContentRenderer(catalogue, site, rendered)
    writer = FeedWriter(catalogue, site.url, renderer, site.language)
    fallback = items[0].updated if items else as_datetime(_EMPTY_FEED_DATE)
    written = []
    made: set[str] = set()
    specs = _specs(all_feeds(catalogue) if listed is None else listed, site)
    written.append(_write(site_dir / routes.FEEDS_OPML, opml(specs, site, fallback).encode(), made))
    for spec in specs:
        if cancelled is not None and cancelled():
            raise Cancelled("de volgende bouw schrijft de feeds opnieuw")
        for ext, data in writer.documents(spec, limit, fallback).items():
            written.append(_write(site_dir / f"{spec.path}.{ext}", data, made))
        if calendars is not None and spec.calendar is not None:
            data = calendars.calendar(spec.calendar, spec.title)
            written.append(_write(site_dir / f"{spec.path}.{routes.CALENDAR_EXT}", data, made))
    return written


# The feeds in the OPML of /abonneren/, under the headings a reader shows: site-wide, then one facet per group.
OPML_GROUPS = (
    ("", N_("Kenniscentrum")),
    ("marktconsultaties/thema", N_("Marktconsultaties per thema")),
    ("thema", N_("Thema")),
    ("soort", N_("Soort organisatie")),
    ("fase", N_("Fase")),
    ("opdracht", N_("Soort opdracht")),
    (INSTRUMENT.param, N_("Financieringsinstrument")),
)


FACET_PARAMS = frozenset(param for param, _heading in OPML_GROUPS if param and "/" not in param)


def opml(specs: list[FeedSpec], site: Site, updated: datetime) -> str:
    """OPML 2.0 of the site-wide feeds and one feed per value of each facet above (not organisations, their
    combinations or single projects: those are followed from their own pages)."""
    groups = []
    for param, heading in OPML_GROUPS:
        prefix = f"feeds/{param}/" if param else ""
        chosen = [
            s
            for s in specs
            if (
                (s.path.startswith(prefix) and "/" not in s.path.removeprefix(prefix))
                if param
                else s.path in (routes.FEED_ALL, routes.FEED_CONSULTATIONS, routes.FEED_OPEN_CALLS)
            )
        ]
        groups.append(
            {
                "text": ui(heading),
                "feeds": [
                    {
                        # Qualified by its facet: a procurement type "PCP" and the funding instrument
                        # "PCP en PPI" never look alike in a reader.
                        # A sector's consultations say so in their own name ("marktconsultaties over Energie").
                        "title": f"{ui(heading)}: {s.name}" if param in FACET_PARAMS else s.title,
                        "description": s.description,
                        "xml": f"{site.url}{s.path}.xml",
                        "html": site.url + s.page,
                    }
                    for s in chosen
                ],
            }
        )
    return render(
        "feeds/opml.xml",
        title=_("%(site)s: alle feeds", site=site.name),
        created=rss_date(updated),
        owner=PUBLISHER,
        groups=groups,
        language=site.language.lower(),
    )


def _write(target: Path, data: bytes, made: set[str]) -> Path:
    """Write one file; `made` holds the folders this build made (thousands of feeds share a few folders)."""
    folder = str(target.parent)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with open(target, "wb") as file:
        file.write(data)
    return target


# --- following a selection or a project ------------------------------------------------------------------


def follow_specs(catalogue: Catalogue, site: Site | None = None) -> list[FeedSpec]:
    """A feed and a calendar per selection of `facets.selections` and per project ("Volg dit project")."""
    return _specs(follow_feeds(catalogue), site)


def _feed_id(path: str, prefix: str = ID_PREFIX) -> str:
    """`feeds/thema/energie` -> `tag:…:kenniscentrum/feed/thema/energie`."""
    return f"{prefix}feed/{path.removeprefix('feeds/')}"


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
