"""The newsletter e-mail: one self-contained HTML file per digest month, next to its page.

An editor pastes it into the mailing tool, so `templates/email/digest.html` carries its own inline styles and
absolute links only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.events import Event, announcements
from kenniscentrum.render.digest import by_month, detail, grouped, month_label, title
from kenniscentrum.render.templates import render
from kenniscentrum.site import Site


def email_html(month: str, events: list[Event], site: Site, today: date | None = None) -> str:
    return render(
        "email/digest.html",
        lang=_language_tag(site.language),
        label=month_label(month),
        site_name=site.name,
        groups=[
            {
                "heading": group["heading"],
                "items": [
                    {
                        "url": site.url + event.url,
                        "title": title(event),
                        "detail": detail(event, today),
                        "description": event.entry.description,
                    }
                    for event in group["items"]
                ],
            }
            for group in grouped(events)
        ],
        page=site.url + routes.page_url(routes.month_src(month)),
        subscribe=site.url + routes.page_url(routes.SUBSCRIBE),
        home=site.url,
    )


def _language_tag(language: str) -> str:
    """BCP 47 from a locale name: "nl_BE" -> "nl-BE"."""
    return language.replace("_", "-")


def write_emails(catalogue: Catalogue, site_dir: Path, site: Site) -> list[Path]:
    """One email.html next to each month page."""
    written = []
    for month, events in by_month(announcements(catalogue)).items():
        target = site_dir / routes.month_email(month)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(email_html(month, events, site, catalogue.today), encoding="utf-8")
        written.append(target)
    return written
