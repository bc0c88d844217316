"""The Jinja2 environment for every piece of markup the plugin produces, and the gettext catalog behind it.

Markup lives in `kenniscentrum/templates/`; a site overrides any file by putting one with the same path under
its `overrides/kenniscentrum/` (a ChoiceLoader tries the site first, as Material does for its partials).

Two kinds of template, told apart by their name:
- `*.html`: HTML, autoescaped as usual.
- `*.md`: generated Markdown pages. Every value is HTML-escaped *and* has its Markdown syntax neutralised
  (`md_text`), so an organisation named `[x](javascript:…)` or `a {onmouseover=…}` stays text. Link targets
  are written with the `dest` filter, which only takes paths and URLs the code computed.

UI strings go through gettext (`_`, `ngettext`) from the catalog in `kenniscentrum/locale/`, in the
language of the MkDocs theme (`theme.language`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from kenniscentrum.render import formatting

PACKAGE = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "kenniscentrum"
OVERRIDES_SUBDIR = "kenniscentrum"  # overrides/kenniscentrum/<template path>
# Characters a computed link target may keep; everything else (spaces, brackets, `<`, `>`) is %-encoded.
_DEST_SAFE = "/:?#=&%.-_~+@!$,;*"
_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@functools.cache
def translations(language: str, overrides: Path | None = None) -> NullTranslations:
    """The compiled catalog of a language ("nl", "nl_BE"); the msgids themselves when there is none.

    A site rewords a UI string without touching the plugin: a `.po` file at
    `overrides/kenniscentrum/locale/<language>/LC_MESSAGES/kenniscentrum.po` holding only the messages it changes
    comes first, the package's catalog fills in the rest.
    """
    locale = language.replace("-", "_")
    package = Translations.load(str(LOCALE_DIR), [locale], DOMAIN)
    site_po = (
        overrides / OVERRIDES_SUBDIR / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        if overrides
        else None
    )
    if site_po is None or not site_po.is_file():
        return package
    with site_po.open("rb") as stream:
        catalog = read_po(stream, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    site = Translations(compiled, domain=DOMAIN)
    site.add_fallback(package)
    return site


class _State:
    language = "nl"
    overrides: Path | None = None
    stamp: tuple[object, ...] = ()


def configure(language: str = "nl", overrides: Path | None = None) -> None:
    """Set the language and the site's override folder for the build or command that runs now.

    Templates are read once (no stat per include). `mkdocs serve` calls this on every rebuild: the compiled
    templates, the catalog and the rendered cards are kept until a template or catalog file changes.
    """
    _State.language = language or "nl"
    _State.overrides = overrides
    formatting.set_locale(_State.language)
    stamp = (_State.language, overrides, _files_stamp(overrides))
    # Pages rendered by the previous build stay available to this one; older ones are dropped.
    _Rendered.previous, _Rendered.current = _Rendered.current, {}
    if stamp != _State.stamp:
        _State.stamp = stamp
        environment.cache_clear()
        render_macro.cache_clear()
        translations.cache_clear()
        _Rendered.previous = {}


def _files_stamp(overrides: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Every template and catalog file the environment may read, with its modification time and size."""
    folders = [PACKAGE / "templates", LOCALE_DIR]
    if overrides is not None:
        folders.append(overrides / OVERRIDES_SUBDIR)
    found = []
    for folder in folders:
        for dirpath, _dirs, names in os.walk(folder):
            for name in names:
                with contextlib.suppress(OSError):
                    stat = os.stat(os.path.join(dirpath, name))
                    found.append((os.path.join(dirpath, name), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def ui_state() -> tuple[object, ...]:
    """Language, override folder and the state of every template and catalog file: what cached output
    (a serialized calendar event) depends on besides its data."""
    return _State.stamp


def N_(message: str) -> str:
    """Marks a msgid declared as data (facet legends, digest headings) for extraction; translated where shown."""
    return message


def gettext(message: str, **values: Any) -> str:
    text = translations(_State.language, _State.overrides).gettext(message)
    return text % values if values else text


def ui(message: str) -> Markup:
    """A UI string without values, trusted as it is: a fact label in a Markdown page stays as written."""
    return Markup(translations(_State.language, _State.overrides).gettext(message))


def plural_forms(singular: str, plural: str) -> dict[str, str]:
    """The unformatted forms of a message per CLDR plural category, for a script that counts
    (`Intl.PluralRules`): "one" and "other", as the source language (Dutch) has them."""
    catalog = translations(_State.language, _State.overrides)
    return {"one": catalog.ngettext(singular, plural, 1), "other": catalog.ngettext(singular, plural, 2)}


def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
    text = translations(_State.language, _State.overrides).ngettext(singular, plural, n)
    return text % {"num": n, **values}


def render(template: str, **data: Any) -> str:
    """Render one template of the package (or the site's override of it) with plain data.

    HTML comes back as `Markup`, so a Markdown template that places it (a list of cards) keeps it as is.
    """
    text = environment(_State.language, _State.overrides).get_template(template).render(**data)
    return Markup(text) if template.endswith(".html") else text


class _Rendered:
    """Pages of `render_cached`, by template and data, of this build and the one before it."""

    current: ClassVar[dict[str, str]] = {}
    previous: ClassVar[dict[str, str]] = {}


def render_cached(template: str, **data: Any) -> str:
    """`render` for a page whose data is plain values (text, numbers, dates, lists, dicts, dataclasses of those),
    whose `repr` then says everything the template sees: under `mkdocs serve` a page whose data did not change
    since the previous build is not rendered again."""
    key = template + repr(sorted(data.items()))
    text = _Rendered.current.get(key)
    if text is None:
        text = _Rendered.previous.get(key)
        if text is None:
            text = render(template, **data)
        _Rendered.current[key] = text
    return text


@functools.lru_cache(maxsize=65536)
def render_macro(template: str, macro: str, data: Any) -> Markup:
    """One macro of an HTML template for one (hashable) value, rendered once per build: the same card shows
    on a listing, its theme pages and its organisation's page."""
    module = environment(_State.language, _State.overrides).get_template(template).module
    return Markup(getattr(module, macro)(data))


@functools.cache
def environment(language: str, overrides: Path | None) -> Environment:
    loaders = [FileSystemLoader(str(overrides / OVERRIDES_SUBDIR))] if overrides else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("kenniscentrum", "templates")]),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(language, overrides), newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(FILTERS)
    return env


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every value is text: HTML-escaped, and in Markdown templates with its Markdown syntax neutralised."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    if context.name and context.name.endswith(".md"):
        return _md_text(value)
    return _esc(value)


# The same labels, names and dates recur on thousands of cards: escape each distinct value once.
def _md_text(value: object) -> Markup:
    try:
        return _md_text_cached(value)
    except TypeError:  # unhashable
        return Markup(formatting.md_text(value))


def _esc(value: object) -> Markup:
    try:
        return _esc_cached(value)
    except TypeError:
        return Markup(formatting.esc(value))


@functools.lru_cache(maxsize=65536)
def _md_text_cached(value: object) -> Markup:
    return Markup(formatting.md_text(value))


@functools.lru_cache(maxsize=65536)
def _esc_cached(value: object) -> Markup:
    return Markup(formatting.esc(value))


@functools.lru_cache(maxsize=65536)
def dest(target: str) -> Markup:
    """A link target the code computed (a relative path, an anchor, a validated URL), safe in Markdown and HTML.

    Only relative links and the schemes the sanitizer keeps get through: the listings are not sanitized.
    """
    scheme = urlsplit(str(target)).scheme.lower()
    if scheme and scheme not in _SCHEMES:
        return Markup("#")
    return Markup(quote(str(target), safe=_DEST_SAFE).replace("&", "&amp;"))


FILTERS: dict[str, Callable[..., Any]] = {
    "dest": dest,
    # For values inside {% trans %} in a Markdown template, which gettext escapes as HTML only.
    "md": lambda value: Markup(formatting.md_text(value)),
    "date": lambda value: formatting.nl_date(value),
    "datetime": lambda value: formatting.nl_datetime(value),
    "deadline": lambda value, weekday=True: formatting.nl_deadline(value, weekday),
    "euro": lambda value: formatting.euro(value),
    "number": lambda value: formatting.number(value),
    "percent": lambda value: formatting.percent(value),
    "capital": lambda value: str(value)[:1].upper() + str(value)[1:],
}
