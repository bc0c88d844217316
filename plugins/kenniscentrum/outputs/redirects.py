"""Redirect pages for renamed entries: each earlier slug (`aliases`) keeps its URL, which sends readers on.

A static host cannot answer with a 301, so each old URL gets a small page, as mkdocs-redirects writes them: a
meta refresh (browsers), a canonical link (search engines move the old address's standing to the new one) and a
visible link (readers whose browser does not follow the refresh). The markup is a Jinja2 template.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.problems import Problem
from kenniscentrum.render.templates import render


def content_error_html(problems: list[Problem]) -> str:
    """The Dutch error page `mkdocs serve` shows instead of hanging when the content does not validate."""
    return render("content_error.html", problems=problems, count=len(problems))


def redirect_pages(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    """Output path (`projecten/oude-naam/index.html`) -> HTML, for every alias of every visible entry."""
    pages = {}
    for (_, alias), entry in sorted(catalogue.aliases.items()):
        old_url = f"{entry.type.url_prefix}/{alias}/"
        pages[f"{old_url}index.html"] = render(
            "redirect.html",
            title=entry.title,
            target=routes.relative(old_url, entry.url),
            canonical=f"{site_url}{entry.url}",
        )
    return pages


def write_redirects(
    catalogue: Catalogue, site_dir: Path, site_url: str, calendars: Mapping[str, bytes] | None = None
) -> list[Path]:
    """Write the redirect pages; an old URL never overwrites a page the build produced.

    A calendar cannot be redirected by a static page, so a renamed consultation's .ics (`calendars`: source path
    -> bytes) is also written at its old address: a subscription keeps receiving the same events (same UIDs).
    """
    pages: dict[str, str | bytes] = dict(redirect_pages(catalogue, site_url))
    for (_, alias), entry in sorted(catalogue.aliases.items(), key=lambda item: item[0]):
        if (
            calendars
            and (data := calendars.get(routes.consultation_calendar_src(entry.type.url_prefix, entry.slug)))
            is not None
        ):
            pages[f"{entry.type.url_prefix}/{alias}/agenda.ics"] = data
    written = []
    for rel, html in pages.items():
        target = site_dir / rel
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(html, bytes):
            target.write_bytes(html)
        else:
            target.write_text(html, encoding="utf-8")
        written.append(target)
    return written
