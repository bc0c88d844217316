"""The monthly newsletter digest as pages: one per month and an archive (the e-mail is outputs/email.py)."""

from __future__ import annotations

from datetime import date
from functools import partial

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.events import Event, announcements
from kenniscentrum.pages.breadcrumbs import breadcrumbs
from kenniscentrum.pages.entries import PageCache
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.digest import by_month, detail, grouped, month_label, title
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import render


def digest_pages(catalogue: Catalogue, reuse: PageCache | None = None) -> dict[str, str]:
    """The archive and one page per month with published items; generated Markdown like every listing.

    With `reuse` (the preview) a month whose entries and neighbours are unchanged keeps its page.
    """
    months = by_month(announcements(catalogue))
    pages = {routes.DIGEST_ARCHIVE: archive_page(months)}
    keys = list(months)
    for index, month in enumerate(keys):
        newer = keys[index - 1] if index > 0 else None
        older = keys[index + 1] if index + 1 < len(keys) else None
        make = partial(month_page, month, months[month], newer, older, catalogue.today)
        if reuse is None:
            pages[routes.month_src(month)] = make()
        else:
            key = f"{routes.month_src(month)} {newer} {older}"  # the links to the months beside it
            pages[routes.month_src(month)] = reuse.page(
                catalogue, key, [e.entry for e in months[month]], make
            )
    return pages


def _front(title: str, description: str) -> Markup:
    # Out of search: every item already has its own page, a digest would only repeat it in the results.
    return Markup(front_matter(title, description, kc_type="digest", search={"exclude": True}))


def archive_page(months: dict[str, list[Event]]) -> str:
    src = routes.DIGEST_ARCHIVE
    years: dict[str, list[dict[str, object]]] = {}
    for month, events in months.items():
        years.setdefault(month[:4], []).append(
            {
                "label": month_label(month),
                "href": routes.src_link(src, routes.month_src(month)),
                "count": len(events),
            }
        )
    return render(
        "pages/digest_archive.md",
        front=_front(_("Nieuwsbrief"), _("Maandoverzichten van alles wat het kenniscentrum publiceerde.")),
        subscribe=routes.src_link(src, routes.SUBSCRIBE),
        years=years,
    )


def month_page(
    month: str, events: list[Event], newer: str | None, older: str | None, today: date | None = None
) -> str:
    src = routes.month_src(month)
    label = month_label(month)

    def item(event: Event) -> dict[str, str]:
        return {
            "title": title(event),
            "href": routes.src_link(src, event.entry.src_uri) + event.fragment,
            "detail": detail(event, today),
            "description": event.entry.description,
        }

    def neighbour(other: str | None) -> dict[str, str] | None:
        return (
            {"label": month_label(other), "href": routes.src_link(src, routes.month_src(other))}
            if other
            else None
        )

    return render(
        "pages/digest_month.md",
        front=_front(
            _("Nieuwsbrief %(month)s", month=label),
            _("Wat het kenniscentrum publiceerde in %(month)s.", month=label),
        ),
        breadcrumbs=breadcrumbs(src, routes.DIGEST_ARCHIVE, _("Nieuwsbrief"), label[:1].upper() + label[1:]),
        label=label,
        email=routes.EMAIL_FILE,
        groups=[{"heading": g["heading"], "items": [item(e) for e in g["items"]]} for g in grouped(events)],
        archive=routes.src_link(src, routes.DIGEST_ARCHIVE),
        older=neighbour(older),
        newer=neighbour(newer),
    )
