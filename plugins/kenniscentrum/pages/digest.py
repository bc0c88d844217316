"""The monthly newsletter digest: a page per month, an archive, and an email-ready HTML file per month.

The digest lists the same items as the feeds (so a consultation's conclusions count in the month they were
published), grouped by type. The email file carries its own inline styles and absolute links only: an editor
pastes it into the mailing tool, where the site's CSS and relative links do not exist.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from datetime import date
from pathlib import Path

from babel.dates import format_date

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.outputs.feeds import SITE_NAME, FeedItem, feed_items
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.formatting import LOCALE, esc, md_text, nl_date, nl_datetime, nl_deadline, relpath

ARCHIVE = "nieuwsbrief/index.md"
EMAIL_FILE = "email.html"
# (type, item kind, heading): the order a reader of the newsletter scans in.
GROUPS = (
    ("consultation", "entry", "Nieuwe marktconsultaties"),
    ("consultation", "conclusions", "Conclusies van marktconsultaties"),
    ("project", "entry", "Nieuwe projecten"),
    ("tip", "entry", "Tips en verhalen"),
    ("funding", "entry", "Financiering"),
)


def by_month(items: list[FeedItem]) -> dict[str, list[FeedItem]]:
    """Items per month ("2026-11"), newest month first; items keep their newest-first order."""
    months: dict[str, list[FeedItem]] = defaultdict(list)
    for item in items:
        months[f"{item.published:%Y-%m}"].append(item)
    return dict(sorted(months.items(), reverse=True))


def month_label(month: str) -> str:
    """'november 2026'."""
    year, number = (int(part) for part in month.split("-"))
    return format_date(date(year, number, 1), "MMMM y", locale=LOCALE)


def month_src(month: str) -> str:
    return f"nieuwsbrief/{month}.md"


def grouped(items: list[FeedItem]) -> list[tuple[str, list[FeedItem]]]:
    """The month's items under their headings, empty groups left out."""
    groups = []
    for type_name, kind, heading in GROUPS:
        members = [i for i in items if i.entry.type.name == type_name and i.kind == kind]
        if members:
            groups.append((heading, members))
    return groups


def detail(item: FeedItem) -> str:
    """The one fact a reader of the digest scans for, in plain text."""
    entry = item.entry
    if item.kind == "conclusions":
        return f"Conclusies gepubliceerd op {nl_date(item.published)}"
    if entry.type.name == "consultation":
        return f"{nl_datetime(entry.starts)}, {entry.location}"
    if entry.type.name == "funding":
        return f"Deadline {nl_deadline(entry['deadline'])}"
    return f"Gepubliceerd op {nl_date(item.published)}"


# --- pages ---------------------------------------------------------------------------------------------------


def digest_pages(catalogue: Catalogue) -> dict[str, str]:
    """The archive and one page per month with published items; generated Markdown like every listing."""
    months = by_month(feed_items(catalogue))
    pages = {ARCHIVE: archive_page(months)}
    keys = list(months)
    for index, month in enumerate(keys):
        newer = keys[index - 1] if index > 0 else None
        older = keys[index + 1] if index + 1 < len(keys) else None
        pages[month_src(month)] = month_page(month, months[month], newer, older)
    return pages


def _front(title: str, description: str) -> str:
    # Out of search: every item already has its own page, a digest would only repeat it in the results.
    return front_matter(title, description, kc_type="digest", search={"exclude": True})


def _rel(from_src: str, to_src: str) -> str:
    return relpath(to_src, posixpath.dirname(from_src) or ".")


def archive_page(months: dict[str, list[FeedItem]]) -> str:
    out = [
        _front("Nieuwsbrief", "Maandoverzichten van alles wat het kenniscentrum publiceerde."),
        "# Nieuwsbrief\n\nElke maand een overzicht van de nieuwe marktconsultaties, projecten, tips en "
        "financieringsoproepen. Wil je niets missen? [Abonneer je](../abonneren.md) op een feed of de agenda.\n\n",
    ]
    year = None
    for month, items in months.items():
        if month[:4] != year:
            year = month[:4]
            out.append(f"\n## {year}\n\n")
        count = f"{len(items)} {'item' if len(items) == 1 else 'items'}"
        out.append(f"- [{md_text(month_label(month))}]({_rel(ARCHIVE, month_src(month))}) ({count})\n")
    if not months:
        out.append("Er zijn nog geen maandoverzichten.\n")
    return "".join(out)


def month_page(month: str, items: list[FeedItem], newer: str | None, older: str | None) -> str:
    src = month_src(month)
    label = month_label(month)
    out = [
        _front(f"Nieuwsbrief {label}", f"Wat het kenniscentrum publiceerde in {label}."),
        f"# Nieuwsbrief {md_text(label)}\n\n",
        f"Wat we in {md_text(label)} publiceerden. Ook beschikbaar als "
        f'<a href="{EMAIL_FILE}">e-mailversie</a>.\n\n',
    ]
    for heading, members in grouped(items):
        out.append(f"## {heading}\n\n")
        for item in members:
            target = _rel(src, item.entry.src_uri) + item.fragment
            out.append(
                f"- [{md_text(item.title)}]({target})  \n"
                f"  {md_text(detail(item))}  \n  {md_text(item.entry.description)}\n"
            )
        out.append("\n")
    nav = [f"[Archief]({_rel(src, ARCHIVE)})"]
    if older:
        nav.insert(0, f"[← {md_text(month_label(older))}]({_rel(src, month_src(older))})")
    if newer:
        nav.append(f"[{md_text(month_label(newer))} →]({_rel(src, month_src(newer))})")
    out.append(" · ".join(nav) + "\n")
    return "".join(out)


# --- email ---------------------------------------------------------------------------------------------------

_FONT = "font-family:Arial,Helvetica,sans-serif;"
_INK = "#1a1a1a"
_PRIMARY = "#1d3f66"
_LINK = "#1d4f8c"
_MUTED = "#3d4650"


def email_html(month: str, items: list[FeedItem], site_url: str) -> str:
    """A self-contained HTML email: table layout, inline styles, absolute links, no script or stylesheet."""
    label = month_label(month)
    sections = []
    for heading, members in grouped(items):
        rows = "".join(_email_item(item, site_url) for item in members)
        sections.append(
            f'<h2 style="{_FONT}margin:24px 0 12px;font-size:20px;line-height:1.3;color:{_PRIMARY};">'
            f"{esc(heading)}</h2>"
            f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
            f'style="border-collapse:collapse;">{rows}</table>'
        )
    page = f"{site_url}nieuwsbrief/{month}/"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl-BE">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Nieuwsbrief {esc(label)}: {esc(SITE_NAME)}</title>\n</head>\n"
        f'<body style="margin:0;padding:0;background-color:#f2f4f7;color:{_INK};">\n'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        'style="background-color:#f2f4f7;">\n<tr><td align="center" style="padding:24px 12px;">\n'
        '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" '
        'style="width:100%;max-width:600px;background-color:#ffffff;border-collapse:collapse;">\n'
        f'<tr><td style="{_FONT}padding:24px;background-color:{_PRIMARY};color:#ffffff;">'
        f'<p style="{_FONT}margin:0 0 8px;font-size:14px;color:#ffffff;">{esc(SITE_NAME)}</p>'
        f'<h1 style="{_FONT}margin:0;font-size:26px;line-height:1.2;color:#ffffff;">'
        f"Nieuwsbrief {esc(label)}</h1></td></tr>\n"
        f'<tr><td style="{_FONT}padding:8px 24px 24px;font-size:16px;line-height:1.5;color:{_INK};">'
        + ("".join(sections) or f'<p style="{_FONT}margin:16px 0;">Deze maand verscheen er niets nieuws.</p>')
        + "</td></tr>\n"
        f'<tr><td style="{_FONT}padding:16px 24px;font-size:13px;line-height:1.5;color:{_MUTED};'
        'background-color:#e8ecf1;">'
        f'<a href="{esc(page)}" style="color:{_LINK};">Lees dit overzicht op de website</a> · '
        f'<a href="{esc(site_url)}abonneren/" style="color:{_LINK};">Feeds en agenda</a> · '
        f'<a href="{esc(site_url)}" style="color:{_LINK};">{esc(SITE_NAME)}</a></td></tr>\n'
        "</table>\n</td></tr>\n</table>\n</body>\n</html>\n"
    )


def _email_item(item: FeedItem, site_url: str) -> str:
    return (
        f'<tr><td style="{_FONT}padding:0 0 16px;">'
        f'<a href="{esc(site_url + item.url)}" style="{_FONT}font-size:17px;font-weight:bold;'
        f'color:{_LINK};text-decoration:underline;">{esc(item.title)}</a>'
        f'<p style="{_FONT}margin:4px 0 0;font-size:14px;color:{_MUTED};">{esc(detail(item))}</p>'
        f'<p style="{_FONT}margin:4px 0 0;font-size:15px;line-height:1.5;color:{_INK};">'
        f"{esc(item.entry.description)}</p></td></tr>"
    )


def write_emails(catalogue: Catalogue, site_dir: Path, site_url: str) -> list[Path]:
    """One email.html next to each month page."""
    written = []
    for month, items in by_month(feed_items(catalogue)).items():
        target = site_dir / "nieuwsbrief" / month / EMAIL_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(email_html(month, items, site_url), encoding="utf-8")
        written.append(target)
    return written
