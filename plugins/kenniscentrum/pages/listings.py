"""Listing pages: the ways into the content (entries stay out of the sidebar nav).

This module chooses and orders entries and hands plain data to the templates in `templates/pages/` and
`templates/fragments/`; the markup lives there. Cards carry `data-*` attributes the catalogue script filters
on, and every listing also works without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.catalogue import Catalogue, Organisation
from kenniscentrum.content.conclusions import conclusions_anchor
from kenniscentrum.content.model import Entry
from kenniscentrum.content.status import (
    FUNDING_STATUSES,
    consultation_is_upcoming,
    funding_sort_key,
    funding_status,
    registration_open,
)
from kenniscentrum.pages.breadcrumbs import breadcrumbs
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.formatting import euro, nl_date, nl_datetime, nl_deadline
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.templates import render, render_macro

# (type, heading) in the order theme pages group their entries.
TYPE_SECTIONS = ("project", "consultation", "tip", "funding")


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact on a card: plain `text`, or a `kind` the card template writes with a link (a registration…)."""

    kind: str = "text"
    text: str = ""
    href: str = ""  # a relative link from the page
    title: str = ""  # the entry or project the link is about
    day: date | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """One entry as a card: title link, the facts a reader scans for, the description."""

    href: str
    title: str
    draft: str  # the preview's mark: 'ontwerp' or 'gepland voor …' (empty on the published site)
    heading: str
    attrs: tuple[tuple[str, str], ...]  # data-* attributes the catalogue script filters on
    facts: tuple[Fact, ...]
    themes: tuple[str, ...]
    description: str
    # The entry's own data, for a site that restyles its cards (overrides/kenniscentrum/fragments/card.html):
    type: str = ""  # project, consultation, tip or funding
    type_label: str = ""  # 'Project', 'Marktconsultatie', …
    organisation: str = ""  # the organisation's full name, where the type has one
    phase: str = ""  # a project's phase, as its label
    year: int | None = None  # a project's year of selection
    published: date | None = None
    stage: str = ""  # a project's current stage (of its milestones), as its label
    illustration: str = ""  # what is invented in an illustrative example; the card says so
    procurement: str = ""  # a project's type of procurement, as its label
    cofinancing: str = ""  # a project's PIO co-financing, formatted ('€ 180.000')
    suppliers: tuple[str, ...] = ()


def _front(title: str, description: str) -> Markup:
    return Markup(front_matter(title, description, kc_type="listing"))


def preview_label(entry: Entry, today: date) -> str:
    """How the preview marks what readers do not see yet: 'ontwerp', or 'gepland voor 5 januari 2027'."""
    if entry.draft:
        return _("ontwerp")
    if entry.published > today:
        return _("gepland voor %(date)s", date=nl_date(entry.published))
    return ""


def card(
    catalogue: Catalogue,
    src: str,
    entry: Entry,
    facts: Iterable[Fact | str | None] = (),
    heading: str = "h3",
    attrs: dict[str, str] | None = None,
) -> Card:
    """Card data of one entry as seen from the page `src`; facts that are empty are left out."""
    return Card(
        href=routes.url_link(src, entry.url),
        title=entry.title,
        draft=preview_label(entry, catalogue.today),
        heading=heading,
        attrs=tuple((attrs or {}).items()),
        facts=tuple(fact if isinstance(fact, Fact) else Fact(text=fact) for fact in facts if fact),
        themes=tuple(catalogue.label("themes", t) for t in entry.themes),
        description=entry.description,
        type=entry.type.name,
        type_label=entry.type.label.capitalize(),
        organisation=organisation.name if (organisation := catalogue.organisation_of(entry)) else "",
        phase=catalogue.label("phases", entry.data["phase"]) if "phase" in entry.data else "",
        year=entry.data.get("year"),
        published=entry.published,
        stage=catalogue.label("stages", entry.stage) if entry.stage else "",
        illustration=entry.illustration,
        procurement=catalogue.label("procurement_types", entry.data["procurement"])
        if "procurement" in entry.data
        else "",
        cofinancing=euro(entry.data["cofinancing"]) if "cofinancing" in entry.data else "",
        suppliers=tuple(entry.data.get("suppliers", ())),
    )


def cards(items: list[Card], empty: str = "") -> str:
    """The cards as one raw HTML block (or the note `empty` when there are none)."""
    return render("fragments/cards.html", cards=[card_html(c) for c in items], empty=empty)


def card_html(item: Card) -> str:
    """One card, written by the `card` macro of fragments/card.html (the file a site overrides to restyle it)."""
    return render_macro("fragments/card.html", "card", item)


# --- consultations ---------------------------------------------------------------------------------------


def place(entry: Entry) -> str:
    """'Online' or the place an editor wrote, capitalised as the first word of a fact."""
    location = entry.location.strip()
    return _("Online") if entry.online else location[:1].upper() + location[1:]


def registration_fact(entry: Entry, today: date) -> Fact | None:
    """'Schrijf je in' and the deadline while registration is open; a plain note once it closed."""
    url = entry.get("registration_url")
    deadline = entry.get("registration_deadline")
    if registration_open(entry, today):
        if url:
            return Fact("register", href=url, title=entry.title, day=deadline)
        return Fact("register_until", day=deadline) if deadline else None
    if deadline and consultation_is_upcoming(entry, today):
        return Fact("register_closed", day=deadline)
    return None


def consultation_card(catalogue: Catalogue, src: str, entry: Entry, heading: str = "h3") -> Card:
    """Upcoming: when, where, how to register. Past: when, and the conclusions once published."""
    facts: list[Fact | str | None] = [entry["organisation"], nl_datetime(entry.starts), place(entry)]
    if entry.illustration:
        pass  # an invented example invites no one and has no conclusions; the card marks it
    elif consultation_is_upcoming(entry, catalogue.today):
        facts.append(registration_fact(entry, catalogue.today))
    elif "conclusions" in entry.data:
        anchor = conclusions_anchor(entry.body)
        target = routes.url_link(src, entry.url) + (f"#{anchor}" if anchor else "")
        facts.append(Fact("conclusions", href=target, day=entry["conclusions"]))
    else:
        facts.append(_("Conclusies volgen"))
    if project := catalogue.project_of(entry):
        facts.append(Fact("project", href=routes.url_link(src, project.url), title=project.title))
    # The themes filter of /marktconsultaties/ reads them (follow.js), as the catalogue reads a project's.
    return card(catalogue, src, entry, facts, heading, {"thema": " ".join(entry.themes)})


def split_consultations(catalogue: Catalogue, entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(upcoming soonest first, past most recent first), against the build date."""
    upcoming = [e for e in entries if consultation_is_upcoming(e, catalogue.today)]
    past = [e for e in entries if not consultation_is_upcoming(e, catalogue.today)]
    return sorted(upcoming, key=lambda e: e.starts), sorted(past, key=lambda e: e.starts, reverse=True)


def consultations_page(catalogue: Catalogue) -> str:
    src = routes.CONSULTATIONS
    upcoming, past = split_consultations(catalogue, catalogue.entries["consultation"])
    return render(
        "pages/consultations.md",
        front=_front(
            _("Marktconsultaties"),
            _("Aankomende en afgelopen marktconsultaties van PIO-projecten, met hun conclusies."),
        ),
        today=catalogue.today,
        upcoming=cards(
            [consultation_card(catalogue, src, e) for e in upcoming],
            _("Er zijn op dit moment geen aankomende marktconsultaties."),
        ),
        past=cards(
            [consultation_card(catalogue, src, e) for e in past], _("Nog geen afgelopen marktconsultaties.")
        ),
        # "Volg de marktconsultaties": the page lists them all, so the current selection is the feed of all.
        follow=render(
            "fragments/follow.html",
            heading=_("Volg de marktconsultaties"),
            sentence=_(
                "Je krijgt elke nieuwe marktconsultatie en haar conclusies zodra ze gepubliceerd zijn; de agenda "
                "bevat de sessies en de uiterste inschrijvingsdata. Eén sector volgen kan hieronder: kies een thema."
            ),
            page=routes.url_link(src, routes.feed_page_url(routes.FEED_CONSULTATIONS)),
            feed=routes.url_link(src, f"{routes.FEED_CONSULTATIONS}.xml"),
            calendar=routes.url_link(src, f"{routes.FEED_CONSULTATIONS}.{routes.CALENDAR_EXT}"),
            subscribe=routes.url_link(src, routes.page_url(routes.SUBSCRIBE)),
        ),
        # Filter on theme, with "Volg deze selectie" for the ticked themes (follow.js; hidden without a theme).
        themes=render(
            "fragments/theme_filter.html",
            options=_theme_options(catalogue, catalogue.entries["consultation"]),
            feeds={
                "root": routes.url_link(src, ""),
                "params": ["thema"],
                "pairs": [],
                "all": routes.FEED_CONSULTATIONS,
                "allCalendar": True,
                "ext": {"feed": "xml", "calendar": routes.CALENDAR_EXT},
            },
            fallback={
                "page": routes.url_link(src, routes.feed_page_url(routes.FEED_CONSULTATIONS)),
                "feed": routes.url_link(src, f"{routes.FEED_CONSULTATIONS}.xml"),
                "calendar": routes.url_link(src, f"{routes.FEED_CONSULTATIONS}.{routes.CALENDAR_EXT}"),
                "opml": routes.url_link(src, routes.FEEDS_OPML),
            },
            subscribe=routes.url_link(src, routes.page_url(routes.SUBSCRIBE)),
        ),
    )


def _theme_options(catalogue: Catalogue, entries: list[Entry]) -> list[dict[str, object]]:
    """The themes the entries carry, in vocabulary order, with how many entries carry each."""
    counts: dict[str, int] = {}
    for entry in entries:
        for code in entry.themes:
            counts[code] = counts.get(code, 0) + 1
    return [
        {"code": code, "label": label, "count": counts[code]}
        for code, label in catalogue.vocabularies.get("themes", {}).items()
        if code in counts
    ]


# --- tips ------------------------------------------------------------------------------------------------


def tips_page(catalogue: Catalogue) -> str:
    """Cards grouped by kind, then a compact index by theme (a tip on two themes appears under both)."""
    src = routes.TIPS
    tips = catalogue.entries["tip"]
    kinds = catalogue.vocabularies.get("tip_kinds", {})
    groups = [
        {
            "code": code,
            "label": label,
            "cards": cards(
                [card(catalogue, src, t, [nl_date(t.published)]) for t in tips if t["kind"] == code]
            ),
        }
        for code, label in kinds.items()
        if any(t["kind"] == code for t in tips)
    ]
    themes = [
        {
            "label": label,
            "href": routes.src_link(src, routes.theme_src(code)),
            "tips": [_tip_link(catalogue, src, t) for t in tips if code in t.themes],
        }
        for code, label in catalogue.vocabularies.get("themes", {}).items()
    ]
    return render(
        "pages/tips.md",
        front=_front(
            _("Tips en verhalen"),
            _("Tips, verhalen, getuigenissen en weetjes over innovatieve overheidsopdrachten."),
        ),
        tips=bool(tips),
        groups=groups,
        themes=[t for t in themes if t["tips"]],
        untagged=[_tip_link(catalogue, src, t) for t in tips if not t.themes],
    )


def _tip_link(catalogue: Catalogue, src: str, tip: Entry) -> dict[str, str]:
    return {
        "href": routes.src_link(src, tip.src_uri),
        "title": tip.title,
        "kind": catalogue.label("tip_kinds", tip["kind"]).lower(),
    }


# --- funding ---------------------------------------------------------------------------------------------


def funding_card(catalogue: Catalogue, src: str, entry: Entry) -> Card:
    status = funding_status(entry, catalogue.today)
    facts = [
        status.label,
        entry["programme"],
        catalogue.label("instruments", entry["instrument"]),
        _("Opent %(date)s", date=nl_date(entry["opens"]))
        if "opens" in entry.data and status.code == "binnenkort"
        else "",
        _("Deadline %(date)s", date=nl_deadline(entry["deadline"], weekday=False)),
    ]
    return card(catalogue, src, entry, facts)


def funding_page(catalogue: Catalogue) -> str:
    groups = []
    for status in FUNDING_STATUSES:
        items = [e for e in catalogue.entries["funding"] if funding_status(e, catalogue.today) is status]
        items.sort(key=lambda e, s=status: funding_sort_key(e, s))  # type: ignore[misc]
        groups.append(
            {
                "status": status.code,
                "cards": cards(
                    [funding_card(catalogue, routes.FUNDING, e) for e in items],
                    _("Geen oproepen in deze groep."),
                ),
            }
        )
    return render(
        "pages/funding.md",
        front=_front(
            _("Europese financiering"),
            _(
                "Open en komende Europese financieringsoproepen voor innovatieve overheidsopdrachten, "
                "met hun deadlines."
            ),
        ),
        today=catalogue.today,
        groups=groups,
    )


# --- themes and organisations ----------------------------------------------------------------------------


def themes_index(catalogue: Catalogue) -> str:
    themes = [
        {
            "label": label,
            "href": routes.src_link(routes.THEMES, routes.theme_src(code)),
            "count": len(catalogue.by_theme.get(code, [])),
        }
        for code, label in catalogue.vocabularies.get("themes", {}).items()
    ]
    return render(
        "pages/themes.md", front=_front(_("Thema's"), _("Alle thema's van het kenniscentrum.")), themes=themes
    )


def _summary(catalogue: Catalogue, entry: Entry) -> list[str]:
    if entry.type.name == "project":
        return project_summary(catalogue, entry)
    return [catalogue.label("tip_kinds", entry["kind"]), nl_date(entry.published)]


def project_summary(catalogue: Catalogue, project: Entry) -> list[str]:
    """What a project card shows, wherever it appears: only the values the project has."""
    facts = [project["organisation"], catalogue.label("phases", project["phase"])]
    if "procurement" in project.data:
        facts.append(catalogue.label("procurement_types", project["procurement"]))
    if "cofinancing" in project.data:
        facts.append(_("PIO-cofinanciering %(amount)s", amount=euro(project["cofinancing"])))
    if "year" in project.data:
        facts.append(_("Geselecteerd in %(year)s", year=project["year"]))
    return facts


def entry_card(catalogue: Catalogue, src: str, entry: Entry) -> Card:
    """The card each type shows on theme and organisation pages."""
    if entry.type.name == "consultation":
        return consultation_card(catalogue, src, entry)
    if entry.type.name == "funding":
        return funding_card(catalogue, src, entry)
    return card(catalogue, src, entry, _summary(catalogue, entry))


def theme_page(catalogue: Catalogue, code: str) -> str:
    """Everything on one theme, grouped by type; projects link on to the catalogue filtered on the theme."""
    label = catalogue.label("themes", code)
    src = routes.theme_src(code)
    entries = catalogue.by_theme.get(code, [])
    sections = []
    for type_name in TYPE_SECTIONS:
        items = [e for e in entries if e.type.name == type_name]
        if type_name == "consultation":
            upcoming, past = split_consultations(catalogue, items)
            items = upcoming + past
        if items:
            sections.append(
                {
                    "type": type_name,
                    "count": len(items),
                    "cards": cards([entry_card(catalogue, src, e) for e in items]),
                }
            )
    feed = routes.theme_feed(code)
    return render(
        "pages/theme.md",
        front=_front(
            _("Thema %(theme)s", theme=label),
            _("Projecten, marktconsultaties, tips en financiering over %(theme)s.", theme=label.lower()),
        ),
        label=label,
        breadcrumbs=breadcrumbs(src, routes.THEMES, _("Thema's"), label),
        feeds=render(
            "fragments/theme_feeds.html",
            page=routes.url_link(src, routes.feed_page_url(feed)),
        ),
        catalogue_href=routes.src_link(src, routes.catalogue_filter("thema", code)),
        sections=sections,
    )


def organisations_index(catalogue: Catalogue) -> str:
    organisations = [
        {
            "name": org.name,
            "href": routes.src_link(routes.ORGANISATIONS, routes.organisation_src(org.slug)),
            "projects": len(org.projects),
            "consultations": len(org.consultations),
        }
        for org in sorted(catalogue.organisations.values(), key=lambda o: o.name.lower())
    ]
    return render(
        "pages/organisations.md",
        front=_front(_("Organisaties"), _("Alle organisaties met PIO-projecten of marktconsultaties.")),
        organisations=organisations,
    )


def organisation_page(catalogue: Catalogue, org: Organisation) -> str:
    """An organisation's projects and consultations; its type links to the catalogue filtered on that type."""
    src = routes.organisation_src(org.slug)
    types = [
        {
            "label": catalogue.label("organisation_types", t),
            "href": routes.src_link(src, routes.catalogue_filter("soort", t)),
        }
        for t in sorted(org.types, key=lambda t: catalogue.label("organisation_types", t))
    ]
    upcoming, past = split_consultations(catalogue, org.consultations)
    return render(
        "pages/organisation.md",
        front=_front(org.name, _("PIO-projecten en marktconsultaties van %(name)s.", name=org.name)),
        name=org.name,
        breadcrumbs=breadcrumbs(src, routes.ORGANISATIONS, _("Organisaties"), org.name),
        types=types,
        short_names=", ".join(org.short_names),
        website=org.website,
        projects=cards([entry_card(catalogue, src, p) for p in org.projects]) if org.projects else "",
        consultations=cards([consultation_card(catalogue, src, c) for c in upcoming + past])
        if org.consultations
        else "",
    )
