"""Every feed the site publishes, declared once: what it holds, for the feed files and for its page.

The feeds (outputs/feeds.py) and the short Dutch page of each feed (pages/feed_pages.py) both read `feeds`, so
a page exists exactly for the feeds that exist and tells what the feed carries in the feed's own words.
What belongs to a project is `content/events.project_events`; a selection is one of `facets.selections`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.events import (
    ANNOUNCEMENTS,
    CALENDAR,
    Event,
    Kind,
    announcements,
    calendar_events,
    entry_events,
    is_news,
    project_events,
)
from kenniscentrum.content.model import Entry, as_datetime
from kenniscentrum.content.status import CLOSED, funding_status
from kenniscentrum.facets import (
    INSTRUMENT,
    Selection,
    feed_sentence,
    project_sentence,
    selection_sentence,
    selections,
)
from kenniscentrum.render.templates import gettext as _

ALL_FORMATS = ("xml", "atom", routes.JSON_FEED[0])


@dataclass(frozen=True)
class Feed:
    """One feed: its files (`<path>.xml`, `.atom`, `.json`, and `.ics` with a calendar) and what it holds."""

    path: str  # site-relative, without extension: "feeds/alles"
    name: str  # what it follows, without the site's name: "Energie + Lokaal bestuur"
    sentence: str  # what a subscriber gets, in one Dutch sentence
    page: str  # site-relative URL of the HTML page the feed mirrors
    news: list[Event]  # newest first
    calendar: list[Event] | None = None
    full: bool = False  # items with their content; else title, link and summary
    formats: tuple[str, ...] = ALL_FORMATS
    group: str = "selection"  # "site", "selection" or "project"

    @property
    def about(self) -> str:
        """The source path of the feed's own page (`feeds/thema/energie.md` -> /feeds/thema/energie/)."""
        return routes.feed_page_src(self.path)


def feeds(catalogue: Catalogue) -> list[Feed]:
    """The site-wide feeds, then one per selection of `facets.selections`, then one per project."""
    return site_feeds(catalogue) + follow_feeds(catalogue)


def consultation_theme_feeds(catalogue: Catalogue, news: list[Event]) -> list[Feed]:
    """Per theme in the vocabulary: its market consultations and their conclusions, nothing else ("een nieuwe
    marktconsultatie in mijn sector"). `news` is `announcements(catalogue)`."""
    consultations = catalogue.public("consultation")
    found = [e for e in news if e.entry.type.name == "consultation"]
    result = []
    for code, label in catalogue.vocabularies.get("themes", {}).items():
        result.append(
            Feed(
                routes.consultation_theme_feed(code),
                _("marktconsultaties over %(theme)s", theme=label),
                feed_sentence(
                    "marktconsultaties-thema", _("%(facet)s ‘%(value)s’", facet=_("thema"), value=label)
                ),
                routes.page_url(routes.CONSULTATIONS) + f"?thema={code}",
                [e for e in found if code in e.entry.themes],
                [e for c in consultations if code in c.themes for e in calendar_events(c, catalogue.today)],
                full=True,
                group="site",
            )
        )
    return result


def site_feeds(catalogue: Catalogue) -> list[Feed]:
    """Everything, the market consultations, and the funding calls one can still answer."""
    news = announcements(catalogue)
    open_calls = [f for f in catalogue.public("funding") if funding_status(f, catalogue.today) is not CLOSED]
    open_keys = {f.key for f in open_calls}
    return [
        Feed(
            routes.FEED_ALL,
            _("alles"),
            feed_sentence("alles"),
            "",
            news,
            full=True,
            group="site",
        ),
        Feed(
            routes.FEED_CONSULTATIONS,
            _("marktconsultaties"),
            feed_sentence("marktconsultaties"),
            routes.page_url(routes.CONSULTATIONS),
            [e for e in news if e.entry.type.name == "consultation"],
            # Only the consultations' dates (agenda.ics also holds funding deadlines).
            [e for c in catalogue.public("consultation") for e in calendar_events(c, catalogue.today)],
            full=True,
            group="site",
        ),
        Feed(
            routes.FEED_OPEN_CALLS,
            _("oproepen met deadline"),
            feed_sentence("oproepen"),
            routes.page_url(routes.FUNDING),
            [e for e in news if e.entry.key in open_keys],
            [e for f in open_calls for e in calendar_events(f, catalogue.today)],
            group="site",
        ),
        *consultation_theme_feeds(catalogue, news),
    ]


class _Gather:
    """The events of projects and entries, each computed (and keyed) once: a project sits in many selections."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._project: dict[tuple[str, str], _Events] = {}
        self._entry: dict[tuple[str, str], _Events] = {}

    def of_project(self, project: Entry) -> _Events:
        if project.key not in self._project:
            self._project[project.key] = self._split(project_events(project, self.catalogue))
        return self._project[project.key]

    def of_entry(self, entry: Entry) -> _Events:
        if entry.key not in self._entry:
            self._entry[entry.key] = self._split(entry_events(entry, self.catalogue.today))
        return self._entry[entry.key]

    def _split(self, events: list[Event]) -> _Events:
        # A planned step (a milestone ahead) is news on its day, not before.
        news = [
            e for e in events if is_news(e) and (e.kind in ANNOUNCEMENTS or e.start <= self.catalogue.today)
        ]
        dated = [e for e in events if e.kind in CALENDAR]
        return _Events(
            news, dated, [event_key(e) for e in news], [(*e.entry.key, e.kind, e.number) for e in dated]
        )

    def gather(self, projects: list[Entry], others: list[Entry]) -> tuple[list[Event], list[Event]]:
        """The news (newest first, each once) and calendar events of some projects and other entries."""
        news: dict[tuple[object, ...], Event] = {}
        dated: dict[tuple[object, ...], Event] = {}
        for found in [*(self.of_project(p) for p in projects), *(self.of_entry(e) for e in others)]:
            for key, event in zip(found.news_keys, found.news, strict=True):
                news.setdefault(key, event)
            dated.update(zip(found.dated_keys, found.dated, strict=True))
        return sorted(news.values(), key=newest_first, reverse=True), list(dated.values())


@dataclass(frozen=True)
class _Events:
    """One entry's news and calendar events, with the keys that tell them apart across selections."""

    news: list[Event]
    dated: list[Event]
    news_keys: list[tuple[object, ...]]
    dated_keys: list[tuple[object, ...]]


def event_key(event: Event) -> tuple[object, ...]:
    """One news event, whichever feeds carry it."""
    return (*event.entry.key, event.kind, event.number, event.start.isoformat())


def newest_first(event: Event) -> tuple[datetime, str, str, bool]:
    """The order of `announcements` (reversed): on one day an entry's conclusions before the entry."""
    entry = event.entry
    return (as_datetime(event.start), entry.type.name, entry.slug, event.kind is Kind.CONCLUSIONS)


def follow_feeds(catalogue: Catalogue) -> list[Feed]:
    """A feed and a calendar per selection of `facets.selections` and per project ("Volg dit project")."""
    gather = _Gather(catalogue)
    result = []
    for selection in selections(catalogue):
        news, events = gather.gather(selection.projects, selection.others)
        result.append(
            Feed(
                selection.path,
                " + ".join(selection.labels),
                selection_sentence(selection),
                _selection_page(catalogue, selection),
                news,
                events,
                # A theme's feed carries whole items, as it always did; the many smaller selections carry title,
                # link and summary, so following thousands of them costs no rendering of bodies.
                full=[p for p, _code in selection.params] == ["thema"],
            )
        )
    for project in catalogue.public("project"):
        found = gather.of_project(project)
        news, events = found.news, found.dated
        result.append(
            Feed(
                routes.project_feed(project.first_slug),
                # Quoted: a title with its own colon never reads "<site>: Turing: …" in a reader.
                _("project ‘%(title)s’", title=project.title),
                project_sentence(project),
                project.url,
                sorted(news, key=newest_first, reverse=True),
                events,
                # One project: RSS, which every reader takes, and its calendar (thousands of projects, few files).
                formats=("xml",),
                group="project",
            )
        )
    return result


def _selection_page(catalogue: Catalogue, selection: Selection) -> str:
    """The HTML page a selection's feed mirrors: a theme's or organisation's page, else the filtered listing."""
    (param, code), *rest = selection.params
    if not rest and param == "thema":
        return routes.page_url(routes.theme_src(code))
    if not rest and param == "organisatie" and code in catalogue.organisations:
        return catalogue.organisations[code].url
    if param == INSTRUMENT.param:
        return routes.page_url(routes.FUNDING)
    return routes.page_url(routes.PROJECTS) + "?" + "&".join(f"{p}={c}" for p, c in selection.params)
