"""Every URL and output path the plugin publishes, in one place: the public contract of DESIGN.md.

Generated pages are named by their source path (`thema/energie.md`); MkDocs turns a source path into a
directory URL (`thema/energie/`) with `page_url`. The content model (an entry's URL), pages, feeds, calendars,
e-mails, templates and the static pages in docs/ (through the `routes` macro variable) all take their paths
from here, so this module imports nothing of the package.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

# Listings: the ways in, and the only generated pages in the sidebar nav.
PROJECTS = "projecten/index.md"
CONSULTATIONS = "marktconsultaties/index.md"
TIPS = "tips/index.md"
FUNDING = "financiering/index.md"
NAV_LISTINGS = frozenset({PROJECTS, CONSULTATIONS, TIPS, FUNDING})
THEMES = "thema/index.md"
ORGANISATIONS = "organisaties/index.md"
DIGEST_ARCHIVE = "nieuwsbrief/index.md"
SUBSCRIBE = "abonneren.md"  # a static page in docs/ explaining feeds and calendars

# Outputs written next to the rendered pages, site-relative.
AGENDA = "agenda.ics"
FEED_ALL = "feeds/alles"  # without extension: `.xml` is RSS 2.0, `.atom` is Atom
FEED_CONSULTATIONS = "feeds/marktconsultaties"
FEED_OPEN_CALLS = "feeds/oproepen"  # funding and PIO calls whose deadline has not passed, with a calendar
FEED_FORMATS = (("xml", "application/rss+xml"), ("atom", "application/atom+xml"))
JSON_FEED = ("json", "application/feed+json")  # JSON Feed 1.1, next to every RSS/Atom pair
CALENDAR_EXT = "ics"  # a selection's or a project's calendar, next to its feeds
FEEDS_OPML = "feeds/alle-feeds.opml"  # every feed /abonneren/ links, for a reader to import at once
EMAIL_FILE = "email.html"  # next to each month page of the digest


def entry_src(url_prefix: str, slug: str) -> str:
    """The generated Markdown page of an entry (`projecten/turing.md`)."""
    return f"{url_prefix}/{slug}.md"


def entry_url(url_prefix: str, slug: str) -> str:
    """Site-relative URL of an entry, without a leading slash, as MkDocs uses them (`projecten/turing/`)."""
    return page_url(entry_src(url_prefix, slug))


def organisation_url(slug: str) -> str:
    return page_url(organisation_src(slug))


def theme_src(code: str) -> str:
    return f"thema/{code}.md"


def organisation_src(slug: str) -> str:
    return f"organisaties/{slug}.md"


def month_src(month: str) -> str:
    """A digest month page ("2026-11")."""
    return f"nieuwsbrief/{month}.md"


def month_email(month: str) -> str:
    return f"{page_url(month_src(month))}{EMAIL_FILE}"


def theme_feed(code: str) -> str:
    return selection_feed((("thema", code),))


def selection_feed(pairs: tuple[tuple[str, str], ...]) -> str:
    """The feeds of a catalogue selection, without extension: one facet value (`feeds/soort/lokaal-bestuur`)
    or a combination (`feeds/thema/energie/soort/lokaal-bestuur`), in the catalogue's own URL parameters."""
    return "feeds/" + "/".join(f"{param}/{code}" for param, code in pairs)


def feed_page_src(path: str) -> str:
    """The short page about one feed, next to its files: `feeds/thema/energie` -> `feeds/thema/energie.md`
    (URL `feeds/thema/energie/`). Links on the site lead here; the page links the feed's files."""
    return f"{path}.md"


def feed_page_url(path: str) -> str:
    return page_url(feed_page_src(path))


def project_feed(first_slug: str) -> str:
    """ "Volg dit project": from the project's first slug, so a renamed project keeps its subscribers."""
    return f"feeds/project/{first_slug}"


def consultation_calendar_src(url_prefix: str, slug: str) -> str:
    """A consultation's own .ics, next to its page (`marktconsultaties/<slug>/agenda.ics`)."""
    return f"{entry_url(url_prefix, slug)}{AGENDA}"


def catalogue_filter(param: str, value: str) -> str:
    """The project catalogue filtered on one facet value: a source path with the catalogue's URL query."""
    return f"{PROJECTS}?{param}={value}"


def page_url(src: str) -> str:
    """Directory URL of a source path (`projecten/index.md` -> `projecten/`, `thema/energie.md` -> `thema/energie/`)."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def src_link(from_src: str, to_src: str) -> str:
    """A link between two source files, relative, as MkDocs validates and rewrites it in strict mode."""
    return relpath(to_src, posixpath.dirname(from_src) or ".")


def url_link(from_src: str, to_url: str) -> str:
    """A relative href from a generated page to a site URL, for raw HTML that MkDocs does not rewrite."""
    return relative(page_url(from_src), to_url)


def relpath(path: str, start: str = ".") -> str:
    """`posixpath.relpath` for the site's relative paths, without its two `os.getcwd()` calls per link.

    Generated pages hold tens of thousands of links at scale; this was a fifth of page generation.
    """
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    if not path or path.startswith("/") or start.startswith("/") or ".." in to or ".." in base:
        return posixpath.relpath(path, start or ".")
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def relative(from_url: str, to_url: str) -> str:
    """Relative href between two directory URLs ('projecten/' -> 'projecten/turing/' gives 'turing/')."""
    rel = relpath(to_url or ".", from_url or ".")
    if rel == ".":
        return "./"
    return rel + "/" if to_url.endswith("/") and not rel.endswith("/") else rel


def absolute_url(url: str, src_uri: str, page: str, site_url: str) -> str:
    """An href written in an entry's Markdown, made absolute as MkDocs resolves it from the entry's source file."""
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return url
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    if not parts.path:
        return site_url + page + suffix
    if parts.path.startswith("/"):
        return site_url + parts.path.lstrip("/") + suffix
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), parts.path))
    if target.endswith(".md"):
        target = page_url(target)
    return site_url + ("" if target == "." else target) + suffix
