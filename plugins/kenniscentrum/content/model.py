"""The validated content model: plain dataclasses every consumer (pages, feeds, exports, search) reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from kenniscentrum import routes
from kenniscentrum.content.schema import ContentType

BRUSSELS = ZoneInfo("Europe/Brussels")
ONLINE_WORDS = frozenset({"online", "virtueel", "digitaal"})


@dataclass
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Document:
    """A document of a project: a web address (`url`) or a file in content/media/ (`file`, '../media/x.pdf')."""

    title: str
    url: str = ""
    file: str = ""
    line: int = field(
        default=0, compare=False
    )  # where it is written, for a problem found later (a missing file)


@dataclass(frozen=True)
class Contact:
    """Whom a reader asks about a project: a name (optional) with an e-mail address or a web address."""

    name: str = ""
    email: str = ""
    url: str = ""


@dataclass(frozen=True, order=True)
class Period:
    """A day, a month or a year: as precise as the source of a milestone is, never more."""

    year: int
    month: int = 0  # 0: the whole year
    day: int = 0  # 0: the whole month (or year)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        """'2023', '2023-03' or '2023-03-12': what a <time datetime> and the open data carry."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    @property
    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """The last day of the period: a step dated 'maart 2027' has surely happened once March is over."""
        if self.day:
            return self.first
        if self.month:
            following = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        return date(self.year, 12, 31)

    def reached(self, today: date) -> bool:
        """Whether the step lies behind us on `today`; a step of the current month or year is still planned."""
        return self.last <= today

    @classmethod
    def of(cls, value: date) -> Period:
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True)
class Milestone:
    """One step in a project's lifecycle, written by an editor: when, which stage, what happened."""

    when: Period
    stage: str  # a code of the `stages` vocabulary
    text: str
    link: str = ""


@dataclass(frozen=True)
class Session:
    """One session of a market consultation: a consultation has one (`starts`, `ends`, `location`) or several."""

    starts: datetime
    ends: datetime | None
    location: str

    @property
    def online(self) -> bool:
        return self.location.strip().lower() in ONLINE_WORDS


@dataclass
class Entry:
    """One validated content entry. Type-specific fields sit in `data`, typed by the schema's parsers."""

    type: ContentType
    slug: str
    path: str
    title: str
    description: str
    published: date
    body: str
    body_line: int = 1
    updated: date | None = None
    draft: bool = False
    themes: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    # A project's current stage (a `stages` code, or ""), against the build date: set when the catalogue is
    # built (content/catalogue.py), so facets, cards and the open data read one value.
    stage: str = ""

    @property
    def url(self) -> str:
        """Site-relative URL without a leading slash, as MkDocs uses them (`projecten/turing/`)."""
        return routes.entry_url(self.type.url_prefix, self.slug)

    @property
    def src_uri(self) -> str:
        """The generated Markdown file MkDocs renders for this entry."""
        return routes.entry_src(self.type.url_prefix, self.slug)

    @property
    def key(self) -> tuple[str, str]:
        return (self.type.name, self.slug)

    @property
    def online(self) -> bool:
        """A consultation held online: the location an editor writes for it ('online', 'digitaal', …)."""
        sessions = self.sessions
        return bool(sessions) and all(session.online for session in sessions)

    @property
    def aliases(self) -> tuple[str, ...]:
        """Earlier slugs of this entry, oldest first: their URLs redirect here."""
        return tuple(self.data.get("aliases", ()))

    @property
    def first_slug(self) -> str:
        """The slug the entry was first published under: feed ids and calendar UIDs never change on a rename."""
        return self.aliases[0] if self.aliases else self.slug

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Every session of a consultation in time order, from `sessions:` or the single-session fields."""
        if listed := self.data.get("sessions"):
            return tuple(sorted(listed, key=lambda s: s.starts))
        if "starts" in self.data:
            return (Session(self.data["starts"], self.data.get("ends"), str(self.data.get("location", ""))),)
        return ()

    @property
    def starts(self) -> datetime:
        """Start of a consultation's first session (listings sort by it)."""
        return self.sessions[0].starts

    @property
    def location(self) -> str:
        """Where a consultation takes place; several places are joined for cards and calendars."""
        return " / ".join(dict.fromkeys(session.location for session in self.sessions))

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """A project's milestones in time order, whatever order the editor wrote them in."""
        return tuple(sorted(self.data.get("milestones", ()), key=lambda m: (m.when.first, len(m.when.iso))))

    @property
    def illustration(self) -> str:
        """What is invented in an illustrative example ('datum en plaats zijn verzonnen'), or ''."""
        return str(self.data.get("illustration", ""))

    @property
    def last_changed(self) -> date:
        return self.updated or self.published

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def __getitem__(self, name: str) -> Any:
        return self.data[name]

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entry) and other.key == self.key


def as_datetime(value: date | datetime, end_of_day: bool = False) -> datetime:
    """A timezone-aware Brussels datetime for dates and datetimes alike (feeds and calendars need one)."""
    if isinstance(value, datetime):
        return value
    if end_of_day:
        return datetime(value.year, value.month, value.day, 23, 59, tzinfo=BRUSSELS)
    return datetime(value.year, value.month, value.day, tzinfo=BRUSSELS)
