"""Dutch (Belgian) dates, numbers and escaping, through Babel rather than hand-written month tables."""

from __future__ import annotations

import functools
import html
import re
from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from kenniscentrum.content.model import BRUSSELS, Period

LOCALE = "nl"  # Babel locale of dates and amounts; set from the MkDocs theme language by set_locale


def set_locale(language: str) -> None:
    """Format in the site's language (MkDocs `theme.language`, e.g. "nl"); cached formats are dropped."""
    global LOCALE
    language = language.replace("-", "_")
    if language != LOCALE:
        LOCALE = language
        nl_date.cache_clear()
        nl_datetime.cache_clear()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
_BLOCK_START = re.compile(r"^(\d+(?=[.)](?:\s|$))|)([-=:~?]|(?<=\d)[.)])")


@functools.cache
def nl_date(value: date | datetime) -> str:
    """'14 juni 2019'."""
    if isinstance(value, datetime):
        value = value.astimezone(BRUSSELS).date()
    return format_date(value, "d MMMM y", locale=LOCALE)


@functools.cache
def nl_datetime(value: datetime) -> str:
    """'vrijdag 14 juni 2019 om 14:00' in Brussels time, whatever offset the editor wrote."""
    return format_datetime(value, "EEEE d MMMM y 'om' HH:mm", tzinfo=BRUSSELS, locale=LOCALE)


def nl_period(value: Period) -> str:
    """A day, a month or a year as precise as it was written: '12 maart 2023', 'maart 2023', '2023'."""
    if value.precision == "day":
        return nl_date(value.first)
    if value.precision == "month":
        return format_date(value.first, "MMMM y", locale=LOCALE)
    return str(value.year)


def nl_time(value: datetime) -> str:
    return format_datetime(value, "HH:mm", tzinfo=BRUSSELS, locale=LOCALE)


def nl_deadline(value: date | datetime, weekday: bool = True) -> str:
    """A deadline as written: a date, or a date with its hour ('17 maart 2027 om 17:00' on a card)."""
    if not isinstance(value, datetime):
        return nl_date(value)
    return nl_datetime(value) if weekday else f"{nl_date(value)} om {nl_time(value)}"


def nl_span(starts: datetime, ends: datetime | None) -> str:
    """A session's time: 'dinsdag 12 maart 2024 om 14:00 tot 16:00' (the end's date only when it differs)."""
    if ends is None:
        return nl_datetime(starts)
    same_day = starts.astimezone(BRUSSELS).date() == ends.astimezone(BRUSSELS).date()
    return f"{nl_datetime(starts)} tot {nl_time(ends) if same_day else nl_datetime(ends)}"


@functools.lru_cache(maxsize=4096)  # Babel is slow, and a project's amount shows on several pages
def euro(amount: float) -> str:
    """'€ 180.000'."""
    return format_currency(amount, "EUR", format="¤ #,##0", currency_digits=False, locale=LOCALE)


def number(value: float) -> str:
    return format_decimal(value, locale=LOCALE)


def percent(value: float) -> str:
    return f"{number(value)} %"


def esc(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def md_text(text: object) -> str:
    """Editor text placed inline in generated Markdown: HTML-escaped and with Markdown syntax neutralised.

    A value may start a line (a description under a digest item): a leading list, rule, heading-underline,
    definition or details marker ("- ", "1986. ", "---", ": ", "???") is written as a character reference.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", esc(text))
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", escaped, count=1)
