"""Generate the Markdown of every entry page from the catalogue.

Pages are plain strings keyed by their source path (`projecten/turing.md`): the MkDocs plugin wraps them in
`File.generated`, and `kenniscentrum pages --out DIR` writes them to disk for any other engine. This module
gathers the facts of an entry as plain data; `templates/pages/entry.md` writes them, escaping every value.
The body is the editor's Markdown, which the plugin sanitizes after rendering.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from markupsafe import Markup

from kenniscentrum import routes
from kenniscentrum.content.bodylinks import rewrite_body
from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.conclusions import conclusions_anchor, conclusions_excerpt
from kenniscentrum.content.events import Step, TimelineStep, project_timeline
from kenniscentrum.content.model import BRUSSELS, Entry
from kenniscentrum.content.status import consultation_is_upcoming, funding_status, registration_open
from kenniscentrum.facets import project_sentence
from kenniscentrum.pages.breadcrumbs import breadcrumbs
from kenniscentrum.pages.listings import place, preview_label
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.render.formatting import (
    euro,
    nl_date,
    nl_datetime,
    nl_deadline,
    nl_period,
    nl_time,
    number,
    percent,
)
from kenniscentrum.render.templates import N_, render, render_cached, ui
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.render.titles import display_title

GeneratedPages = dict[str, str]  # source path -> Markdown
# Around the body in an entry page: the rendered body between them is reused as feed content (see feeds.py).
BODY_START, BODY_END = "<!-- kc:body -->", "<!-- /kc:body -->"


@dataclass(frozen=True, slots=True)
class Part:
    """Part of a fact: text, a link to another source file (`href`, checked by MkDocs) or an external `url`."""

    text: str
    href: str = ""
    url: str = ""
    css: str = (
        ""  # a class for follow.js (kc-webcal: the link becomes webcal://, so a calendar app subscribes)
    )


Row = tuple[str, list[Part]]


def rendered_body(html: str) -> str | None:
    """The body's HTML inside a rendered entry page, or None when an editor's markup swallowed a marker."""
    start, end = html.find(BODY_START), html.rfind(BODY_END)
    return html[start + len(BODY_START) : end] if 0 <= start < end else None


def entry_pages(catalogue: Catalogue, reuse: PageCache | None = None) -> GeneratedPages:
    """One page per entry: its metadata block, its body and what other entries say about it.

    With a cache (the preview), a page whose inputs are those of an earlier build is taken from it.
    """
    if reuse is None:
        return _entry_pages(catalogue, _in_order(catalogue))
    return reuse.pages(catalogue)


class PageCache:
    """Entry, theme and organisation pages by what they are made of, kept across the builds of one preview process.

    An entry's page is a function of the catalogue-wide context (build date, vocabularies, which entries are
    visible, the organisations) and of the entries it shows (`page_inputs`): itself, its project, a project's
    consultations, tips and related projects. Their fields are compared (entries themselves compare by key), so a page is generated again exactly
    when one of those changed; an edit regenerates the entry and the pages that show it, not all of them.
    """

    def __init__(self) -> None:
        self._context: tuple[Any, ...] | None = None
        self._pages: dict[str, tuple[tuple[Any, ...], str]] = {}
        self._others: dict[str, tuple[Hashable, str]] = {}
        self.generated: list[str] = []  # the pages this build generated (the others came from the cache)

    def pages(self, catalogue: Catalogue) -> GeneratedPages:
        """The entry pages; call first in each build (it notices a change of the catalogue-wide context)."""
        context = _context(catalogue)
        if context != self._context:
            self._context, self._pages, self._others = context, {}, {}
        inputs = {
            entry.src_uri: (entry, tuple(map(_value, page_inputs(catalogue, entry))))
            for entry in _in_order(catalogue)
        }
        stale = [entry for uri, (entry, used) in inputs.items() if self._pages.get(uri, ((),))[0] != used]
        fresh = _entry_pages(catalogue, stale)
        self.generated = list(fresh)
        self._pages = {
            uri: (used, fresh[uri] if uri in fresh else self._pages[uri][1])
            for uri, (_, used) in inputs.items()
        }
        return {uri: markdown for uri, (_, markdown) in self._pages.items()}

    def page(self, catalogue: Catalogue, uri: str, entries: Iterable[Entry], make: Callable[[], str]) -> str:
        """A page showing these entries' cards: made again only when one of them (or its project) changed."""
        shown = list(entries)
        shown += [p for e in shown if (p := catalogue.project_of(e)) is not None]
        return self.keyed(uri, tuple(map(_value, shown)), make)

    def keyed(self, uri: str, used: Hashable, make: Callable[[], str]) -> str:
        """A page made from exactly `used`: made again only when that changed."""
        kept = self._others.get(uri)
        if kept is None or kept[0] != used:
            kept = self._others[uri] = (used, make())
            self.generated.append(uri)
        return kept[1]


def _in_order(catalogue: Catalogue) -> list[Entry]:
    return [entry for entries in catalogue.entries.values() for entry in entries]


def page_inputs(catalogue: Catalogue, entry: Entry) -> tuple[Entry, ...]:
    """Every entry whose fields an entry's page shows (keep in step with the functions below)."""
    inputs = [entry]
    if (project := catalogue.project_of(entry)) is not None:
        inputs.append(project)
    inputs.extend(catalogue.projects_of_tip(entry))
    if entry.type.name == "project":
        inputs.extend(catalogue.consultations_of.get(entry.slug, []))
        inputs.extend(catalogue.tips_of.get(entry.slug, []))
        inputs.extend(catalogue.related_projects(entry))
    return tuple(inputs)


def _value(entry: Entry) -> tuple[Any, ...]:
    """Everything of an entry a page may show (its source lines only serve validation messages)."""
    return (
        entry.key,
        entry.path,
        entry.title,
        entry.description,
        entry.published,
        entry.body,
        entry.body_line,
        entry.updated,
        entry.draft,
        entry.themes,
        entry.data,
        entry.stage,
    )


def _context(catalogue: Catalogue) -> tuple[Any, ...]:
    """What every entry page may read of the catalogue as a whole."""
    organisations = {
        slug: (o.name, o.short_names, o.website, frozenset(o.types))
        for slug, o in catalogue.organisations.items()
    }
    return (
        catalogue.today,
        catalogue.vocabularies,
        frozenset(catalogue.by_key),
        organisations,
        catalogue.organisation_list,
    )


def _entry_pages(catalogue: Catalogue, entries: list[Entry]) -> GeneratedPages:
    facts = {
        "project": _project_meta,
        "consultation": _consultation_meta,
        "tip": _tip_meta,
        "funding": _funding_meta,
    }
    visible = set(catalogue.by_key)
    return {
        entry.src_uri: entry_page(
            entry,
            facts[entry.type.name](catalogue, entry),
            _derived(catalogue, entry),
            rewrite_body(entry, visible),
            preview_label(entry, catalogue.today),
            _story(catalogue, entry),
            follow_project(entry) if entry.type.name == "project" and catalogue.is_public(entry) else "",
        )
        for entry in entries
    }


def _story(catalogue: Catalogue, entry: Entry) -> dict[str, Any]:
    """What a project page tells beside its body: results, lessons and the timeline (empty parts left out)."""
    if entry.type.name != "project":
        return {}
    timeline = project_timeline(catalogue, entry)
    steps = [_step(catalogue, entry, step) for step in timeline]
    # The current stage (content/status.current_stage) is the latest milestone reached, in this same order.
    reached = [i for i, step in enumerate(timeline) if step.milestone and step.reached]
    if reached and entry.stage:
        steps[reached[-1]]["current"] = True
    return {
        "results": list(entry.get("results", [])),
        "lessons": list(entry.get("lessons", [])),
        "timeline": render("fragments/timeline.html", steps=steps) if steps else "",
    }


def _step(catalogue: Catalogue, project: Entry, step: TimelineStep) -> dict[str, Any]:
    """One step of the timeline as template data: when (as precise as written), what, and a link."""
    data: dict[str, Any] = {
        "datetime": step.when.iso,
        "when": nl_period(step.when),
        "kind": step.kind.value,
        "planned": not step.reached,
        "current": False,
        "illustration": step.illustration,
        "stage": "",
        "text": "",
        "url": "",
        "href": "",
        "title": "",
        "place": "",
    }
    if step.milestone:
        data.update(
            stage=catalogue.label("stages", step.milestone.stage),
            text=step.milestone.text,
            url=step.milestone.link,
        )
    elif step.kind is Step.SELECTED:
        data.update(stage=_("Selectie"), text=_("Geselecteerd voor begeleiding en cofinanciering door PIO."))
    elif step.consultation:
        consultation = step.consultation
        data.update(
            stage=_("Sessie"),
            # One title function for every dated event: no "Conclusies: Marktconsultatie: Marktconsultatie: …".
            title=display_title(step.event) if step.event else consultation.title,
            href=routes.url_link(project.src_uri, consultation.url) + step.fragment,
        )
        if step.kind is Step.SESSION and step.starts:
            data.update(
                datetime=step.starts.astimezone(BRUSSELS).isoformat(timespec="minutes"),
                when=nl_datetime(step.starts),
                place=step.location,
            )
        else:
            data.update(stage=_("Gepubliceerd"))
    return data


def entry_page(
    entry: Entry,
    rows: list[Row],
    sections: list[dict[str, Any]],
    body: str | None = None,
    label: str = "",
    story: dict[str, Any] | None = None,
    follow: str = "",
) -> str:
    """One entry page; `body` is the body with its repository paths rewritten (bodylinks.rewrite_body) and
    `label` marks a scheduled entry in the preview ('gepland voor …')."""
    extra: dict[str, object] = {"kc_type": entry.type.name}
    if entry.draft:
        extra["kc_draft"] = True
    return render_cached(
        "pages/entry.md",
        front=Markup(front_matter(entry.title, entry.description, **extra)),
        title=entry.title,
        draft=entry.draft,
        scheduled=label if not entry.draft else "",
        rows=[(label, parts) for label, parts in rows if any(part.text for part in parts)],
        body_start=Markup(BODY_START),
        body=Markup((entry.body if body is None else body).strip()),
        body_end=Markup(BODY_END),
        sections=[section for section in sections if section["items"]],
        illustration=entry.illustration.rstrip("."),
        breadcrumbs=_breadcrumbs(entry),
        story={"results": [], "lessons": [], "timeline": "", **(story or {})},
        follow=Markup(follow),
    )


# The listing each type's breadcrumb leads back to, as its heading reads.
_LISTINGS = {
    "project": N_("Projecten"),
    "consultation": N_("Marktconsultaties"),
    "tip": N_("Tips en verhalen"),
    "funding": N_("Financiering"),
}


def _breadcrumbs(entry: Entry) -> Markup:
    """Home › the listing of the entry's type › the entry, as a raw HTML block (links relative to the page)."""
    listing = routes.entry_src(entry.type.url_prefix, "index")
    return breadcrumbs(entry.src_uri, listing, _(_LISTINGS[entry.type.name]), entry.title)


def follow_project(project: Entry) -> str:
    """ "Volg dit project": the project's feed and calendar, written with the other feeds (outputs/feeds.py)."""
    path = routes.project_feed(project.first_slug)
    return render(
        "fragments/follow.html",
        heading=_("Volg dit project"),
        sentence=project_sentence(project),
        page=routes.url_link(project.src_uri, routes.feed_page_url(path)),
        feed=routes.url_link(project.src_uri, f"{path}.xml"),
        calendar=routes.url_link(project.src_uri, f"{path}.{routes.CALENDAR_EXT}"),
        subscribe=routes.url_link(project.src_uri, routes.page_url(routes.SUBSCRIBE)),
    )


def _text(value: object) -> list[Part]:
    return [Part(str(value))] if value not in (None, "") else []


def _link(entry: Entry, target_src: str, text: str) -> Part:
    return Part(text, href=routes.src_link(entry.src_uri, target_src))


def _themes(catalogue: Catalogue, entry: Entry) -> list[Part]:
    return [_link(entry, routes.theme_src(code), catalogue.label("themes", code)) for code in entry.themes]


def _organisation(catalogue: Catalogue, entry: Entry) -> list[Part]:
    org = catalogue.organisation_of(entry)
    if org:
        # Short names (AWV) written out on the page: readers recognise them and search finds them.
        name = f"{org.name} ({', '.join(org.short_names)})" if org.short_names else org.name
        return [_link(entry, routes.organisation_src(org.slug), name)]
    return _text(entry["organisation"])


def _facet_link(catalogue: Catalogue, entry: Entry, param: str, vocabulary: str, field: str) -> list[Part]:
    """A facet value on a project page opens the catalogue filtered on it (the catalogue's URL query)."""
    code = entry[field]
    return [_link(entry, routes.catalogue_filter(param, code), catalogue.label(vocabulary, code))]


def _published(entry: Entry) -> list[Part]:
    if entry.updated:
        return _text(
            _(
                "%(date)s (bijgewerkt %(updated)s)",
                date=nl_date(entry.published),
                updated=nl_date(entry.updated),
            )
        )
    return _text(nl_date(entry.published))


def _contact(entry: Entry) -> list[Part]:
    contact = entry.get("contact")
    if not contact:
        return []
    parts = [Part(contact.name)] if contact.name else []
    if contact.email:
        parts.append(Part(contact.email, url=f"mailto:{contact.email}"))
    if contact.url:
        parts.append(
            Part(_("contactpagina") if contact.name or contact.email else contact.url, url=contact.url)
        )
    return parts


def _documents(entry: Entry) -> list[Part]:
    """Documents on the web, and attachments in content/media/ (published at media/<file>)."""
    return [
        Part(d.title, url=d.url) if d.url else _link(entry, "media/" + d.file.rsplit("/", 1)[-1], d.title)
        for d in entry.get("documents", [])
    ]


def _project_meta(catalogue: Catalogue, entry: Entry) -> list[Row]:
    procurement = entry.get("procurement")
    return [
        (ui("Organisatie"), _organisation(catalogue, entry)),
        (
            ui("Soort organisatie"),
            _facet_link(catalogue, entry, "soort", "organisation_types", "organisation_type"),
        ),
        (ui("Partners"), [Part(p) for p in entry.get("partners", [])]),
        (ui("Thema's"), _themes(catalogue, entry)),
        (ui("Fase"), _facet_link(catalogue, entry, "fase", "phases", "phase")),
        (
            ui("Soort opdracht"),
            _text(catalogue.label("procurement_types", procurement) if procurement else ""),
        ),
        (ui("PIO-oproep"), _text(entry.get("call", ""))),
        (ui("Geselecteerd in"), _text(entry.get("year", ""))),
        (
            ui("PIO-cofinanciering"),
            _text(euro(entry["cofinancing"]) if "cofinancing" in entry.data else ""),
        ),
        (ui("Leveranciers"), [Part(s) for s in entry.get("suppliers", [])]),
        (ui("Contact"), _contact(entry)),
        (ui("Documenten"), _documents(entry)),
        (ui("Links"), [Part(link.title, url=link.url) for link in entry.get("links", [])]),
        (ui("Gepubliceerd"), _published(entry)),
    ]


def _when(entry: Entry) -> str:
    return _span(entry.starts, entry.sessions[0].ends)


def _sessions(entry: Entry) -> list[Part]:
    """Several sessions: each with its time and place."""
    return [Part(f"{_span(s.starts, s.ends)} — {s.location}") for s in entry.sessions]


def _span(starts: datetime, ends: datetime | None) -> str:
    if not ends:
        return nl_datetime(starts)
    if ends.date() == starts.date():
        return _("%(start)s tot %(end)s", start=nl_datetime(starts), end=nl_time(ends))
    return _("%(start)s tot %(end)s", start=nl_datetime(starts), end=nl_datetime(ends))


def _consultation_meta(catalogue: Catalogue, entry: Entry) -> list[Row]:
    url = entry.get("registration_url")
    # An illustration invites no one: no open registration, no calendar link.
    real = not entry.illustration
    upcoming = consultation_is_upcoming(entry, catalogue.today)
    calendar = routes.consultation_calendar_src(entry.type.url_prefix, entry.slug)
    return [
        (ui("Status"), _text(consultation_status(entry, catalogue.today))),
        (ui("Wanneer"), _text(_when(entry)) if len(entry.sessions) == 1 else []),
        (ui("Sessies"), _sessions(entry) if len(entry.sessions) > 1 else []),
        # The .ics is a generated file next to the page: strict mode checks the link.
        (
            ui("Agenda"),
            [
                # webcal:// subscribes (follow.js turns the link into one; the sanitizer keeps only https), the
                # https file is there for whoever imports it.
                dataclasses.replace(_link(entry, calendar, _("Zet in je agenda")), css="kc-webcal"),
                _link(entry, calendar, _("agendabestand (.ics)")),
            ]
            # A past session is in nobody's agenda to come, an illustration invites no one: no invitation.
            if catalogue.is_public(entry) and upcoming and real
            else [],
        ),
        (ui("Waar"), _text(entry.location) if len(entry.sessions) == 1 else []),
        (ui("Organisatie"), _organisation(catalogue, entry)),
        (ui("Project"), _project_link(entry, catalogue.project_of(entry))),
        (ui("Thema's"), _themes(catalogue, entry)),
        (
            ui("Inschrijven tot"),
            _text(
                nl_date(entry["registration_deadline"])
                if real and "registration_deadline" in entry.data
                else ""
            ),
        ),
        (
            ui("Inschrijven"),
            [Part(_("Schrijf je in"), url=url)]
            if real and url and registration_open(entry, catalogue.today)
            else [],
        ),
        (ui("Contact"), _contact(entry)),
        (ui("Taal"), _text(entry.get("language", ""))),
        (ui("Documenten"), _documents(entry)),
        (
            ui("Inschrijvingen"),
            _text(number(entry["registrations"]) if "registrations" in entry.data else ""),
        ),
        (
            ui("Conclusies gepubliceerd"),
            _text(nl_date(entry["conclusions"]) if "conclusions" in entry.data else ""),
        ),
        (ui("Gepubliceerd"), _published(entry)),
    ]


def consultation_status(entry: Entry, today: date) -> str:
    """Whether one can still take part: registration open or closed for a coming session, or over; an
    illustration says it is an invented example."""
    if entry.illustration:
        return _("Verzonnen voorbeeld")
    if not consultation_is_upcoming(entry, today):
        return _("Afgelopen")
    return _("Inschrijving open") if registration_open(entry, today) else _("Inschrijving gesloten")


def _project_link(entry: Entry, project: Entry | None) -> list[Part]:
    return [_link(entry, project.src_uri, project.title)] if project else []


def _tip_meta(catalogue: Catalogue, entry: Entry) -> list[Row]:
    projects = catalogue.projects_of_tip(entry)
    return [
        (ui("Soort"), _text(catalogue.label("tip_kinds", entry["kind"]))),
        (ui("Thema's"), _themes(catalogue, entry)),
        (ui("Projecten"), [_link(entry, p.src_uri, p.title) for p in projects]),
        (ui("Auteur"), _text(entry.get("author", ""))),
        (ui("Gepubliceerd"), _published(entry)),
    ]


def _funding_meta(catalogue: Catalogue, entry: Entry) -> list[Row]:
    return [
        (ui("Status"), _text(funding_status(entry, catalogue.today).label)),
        (ui("Programma"), _text(entry["programme"])),
        (ui("Instrument"), _text(catalogue.label("instruments", entry["instrument"]))),
        (
            ui("Financiering"),
            _text(percent(entry["funding_rate"]) if "funding_rate" in entry.data else ""),
        ),
        (ui("Opent"), _text(nl_date(entry["opens"]) if "opens" in entry.data else "")),
        (ui("Deadline"), _text(nl_deadline(entry["deadline"]))),
        (ui("Thema's"), _themes(catalogue, entry)),
        (ui("Officiële oproep"), [Part(entry["url"], url=entry["url"])] if "url" in entry.data else []),
        (ui("Gepubliceerd"), _published(entry)),
    ]


def _derived(catalogue: Catalogue, entry: Entry) -> list[dict[str, Any]]:
    """Sections computed from the other entries: an editor never types a cross-reference twice."""
    if entry.type.name != "project":
        return []
    consultations = catalogue.consultations_of.get(entry.slug, [])
    tips = catalogue.tips_of.get(entry.slug, [])
    related = catalogue.related_projects(entry)
    return [
        {
            "heading": ui("Marktconsultaties"),
            "items": [
                _consultation_item(catalogue, entry, c) for c in sorted(consultations, key=lambda c: c.starts)
            ],
        },
        {
            "heading": ui("Tips en verhalen"),
            "items": [
                {
                    "kind": "tip",
                    "title": t.title,
                    "href": routes.src_link(entry.src_uri, t.src_uri),
                    "tip_kind": catalogue.label("tip_kinds", t["kind"]).lower(),
                }
                for t in tips
            ],
        },
        {
            "heading": ui("Verwante projecten"),
            "items": [_related_item(catalogue, entry, p) for p in related],
        },
    ]


def _related_item(catalogue: Catalogue, project: Entry, other: Entry) -> dict[str, Any]:
    """A related project and why: the same organisation, or the themes both share."""
    shared = [catalogue.label("themes", t) for t in other.themes if t in project.themes]
    same = catalogue.organisation_of(other) is catalogue.organisation_of(project)
    why = ", ".join([_("zelfde organisatie")] * same + shared)
    return {
        "kind": "related",
        "title": other.title,
        "href": routes.src_link(project.src_uri, other.src_uri),
        "organisation": other["organisation"],
        "why": why,
    }


def _consultation_item(catalogue: Catalogue, project: Entry, consultation: Entry) -> dict[str, Any]:
    """Date and place; while upcoming a note, once published the conclusions' date, first paragraph and link."""
    item: dict[str, Any] = {
        "kind": "consultation",
        "title": consultation.title,
        "href": routes.src_link(project.src_uri, consultation.src_uri),
        "date": consultation.starts,
        "place": place(consultation),
        "illustration": consultation.illustration.rstrip("."),
    }
    if consultation.illustration:
        item["state"] = "illustration"
    elif consultation_is_upcoming(consultation, catalogue.today):
        item["state"] = "upcoming"
    elif "conclusions" not in consultation.data:
        item["state"] = "pending"
    else:
        anchor = conclusions_anchor(consultation.body)
        target = consultation.src_uri + (f"#{anchor}" if anchor else "")
        item.update(
            state="published",
            conclusions_href=routes.src_link(project.src_uri, target),
            conclusions_date=consultation["conclusions"],
            excerpt=conclusions_excerpt(consultation.body),
        )
    return item
