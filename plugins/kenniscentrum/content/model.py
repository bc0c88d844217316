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
        return str(self.data.get("location", "")).strip().lower() in ONLINE_WORDS

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
