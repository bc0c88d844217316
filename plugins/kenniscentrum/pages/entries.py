"""Generate the Markdown of every entry page from the catalogue.

Pages are plain strings keyed by their source path (`projecten/turing.md`): the MkDocs plugin wraps them in
`File.generated`, and `kenniscentrum pages --out DIR` writes them to disk for any other engine. Editor text is
escaped here (`md_text`); the body is Markdown that the plugin sanitizes after rendering.
"""

from __future__ import annotations

from collections.abc import Iterable

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.conclusions import conclusions_anchor, conclusions_excerpt
from kenniscentrum.content.model import Entry
from kenniscentrum.content.status import consultation_is_upcoming, funding_status, registration_open
from kenniscentrum.outputs.ical import consultation_calendar_src
from kenniscentrum.pages.listings import (
    PROJECTS,
    place,
)
from kenniscentrum.pages.markdown import front_matter, link
from kenniscentrum.render.formatting import (
    euro,
    md_text,
    nl_date,
    nl_datetime,
    nl_deadline,
    number,
    percent,
)

GeneratedPages = dict[str, str]  # source path -> Markdown
# Around the body in an entry page: the rendered body between them is reused as feed content (see feeds.py).
BODY_START, BODY_END = "<!-- kc:body -->", "<!-- /kc:body -->"


def rendered_body(html: str) -> str | None:
    """The body's HTML inside a rendered entry page, or None when an editor's markup swallowed a marker."""
    start, end = html.find(BODY_START), html.rfind(BODY_END)
    return html[start + len(BODY_START) : end] if 0 <= start < end else None


def entry_pages(catalogue: Catalogue) -> GeneratedPages:
    """One page per entry: its metadata block, its body and what other entries say about it."""
    renderers = {
        "project": _project_meta,
        "consultation": _consultation_meta,
        "tip": _tip_meta,
        "funding": _funding_meta,
    }
    return {
        entry.src_uri: entry_page(entry, renderers[type_name](catalogue, entry), _derived(catalogue, entry))
        for type_name, entries in catalogue.entries.items()
        for entry in entries
    }


def entry_page(entry: Entry, meta: list[tuple[str, str]], derived: str) -> str:
    extra: dict[str, object] = {"kc_type": entry.type.name}
    if entry.draft:
        extra["kc_draft"] = True
    draft = (
        '!!! warning "Ontwerp"\n    Dit is een ontwerp: het verschijnt niet op de gepubliceerde site.\n\n'
        if entry.draft
        else ""
    )
    rows = "\n".join(f"{label}\n:   {value}\n" for label, value in meta if value)
    return (
        front_matter(entry.title, entry.description, **extra)
        + f"# {md_text(entry.title)}\n\n{draft}"
        + f'<div class="kc-meta" markdown>\n\n{rows}\n</div>\n\n'
        + f"{BODY_START}\n\n{entry.body.strip()}\n\n{BODY_END}\n\n"
        + derived
    )


def _themes(catalogue: Catalogue, entry: Entry) -> str:
    return ", ".join(
        link(entry.src_uri, f"thema/{code}.md", catalogue.label("themes", code)) for code in entry.themes
    )


def _organisation(catalogue: Catalogue, entry: Entry) -> str:
    org = catalogue.organisation_of(entry)
    return (
        link(entry.src_uri, f"organisaties/{org.slug}.md", org.name)
        if org
        else md_text(entry["organisation"])
    )


def _project_link(catalogue: Catalogue, entry: Entry, project: Entry | None) -> str:
    return link(entry.src_uri, project.src_uri, project.title) if project else ""


def _join(values: Iterable[str]) -> str:
    return ", ".join(md_text(v) for v in values)


def _project_meta(catalogue: Catalogue, entry: Entry) -> list[tuple[str, str]]:
    links = entry.get("links", [])
    return [
        ("Organisatie", _organisation(catalogue, entry)),
        (
            "Soort organisatie",
            _facet_link(catalogue, entry, "organisatie", "organisation_types", "organisation_type"),
        ),
        ("Partners", _join(entry.get("partners", []))),
        ("Thema's", _themes(catalogue, entry)),
        ("Fase", _facet_link(catalogue, entry, "fase", "phases", "phase")),
        (
            "Soort opdracht",
            md_text(catalogue.label("procurement_types", entry.get("procurement", "")))
            if entry.get("procurement")
            else "",
        ),
        ("PIO-oproep", md_text(entry.get("call", ""))),
        ("Geselecteerd in", str(entry["year"])),
        ("PIO-cofinanciering", euro(entry["cofinancing"]) if "cofinancing" in entry.data else ""),
        ("Leveranciers", _join(entry.get("suppliers", []))),
        ("Links", ", ".join(f"[{md_text(lk.title)}](<{lk.url}>)" for lk in links)),
        ("Gepubliceerd", _published(entry)),
    ]


def _published(entry: Entry) -> str:
    text = nl_date(entry.published)
    return text + (f" (bijgewerkt {nl_date(entry.updated)})" if entry.updated else "")


def _consultation_meta(catalogue: Catalogue, entry: Entry) -> list[tuple[str, str]]:
    starts = entry["starts"]
    ends = entry.get("ends")
    when = nl_datetime(starts) + (
        f" tot {ends.astimezone(starts.tzinfo):%H:%M}"
        if ends and ends.date() == starts.date()
        else f" tot {nl_datetime(ends)}"
        if ends
        else ""
    )
    status = "Komt eraan" if consultation_is_upcoming(entry, catalogue.today) else "Afgelopen"
    url = entry.get("registration_url")
    return [
        ("Status", status),
        ("Wanneer", when),
        # The .ics is a generated file next to the page (see ical.consultation_calendars): strict mode checks it.
        (
            "Agenda",
            link(entry.src_uri, consultation_calendar_src(entry), "Zet in je agenda")
            if catalogue.is_public(entry)
            else "",
        ),
        ("Waar", md_text(entry["location"])),
        ("Organisatie", _organisation(catalogue, entry)),
        ("Project", _project_link(catalogue, entry, catalogue.project_of(entry))),
        ("Thema's", _themes(catalogue, entry)),
        (
            "Inschrijven tot",
            nl_date(entry["registration_deadline"]) if "registration_deadline" in entry.data else "",
        ),
        (
            "Inschrijven",
            f"[Schrijf je in](<{url}>)" if url and registration_open(entry, catalogue.today) else "",
        ),
        ("Inschrijvingen", number(entry["registrations"]) if "registrations" in entry.data else ""),
        ("Conclusies gepubliceerd", nl_date(entry["conclusions"]) if "conclusions" in entry.data else ""),
        ("Gepubliceerd", _published(entry)),
    ]


def _tip_meta(catalogue: Catalogue, entry: Entry) -> list[tuple[str, str]]:
    projects = catalogue.projects_of_tip(entry)
    return [
        ("Soort", md_text(catalogue.label("tip_kinds", entry["kind"]))),
        ("Thema's", _themes(catalogue, entry)),
        ("Projecten", ", ".join(_project_link(catalogue, entry, p) for p in projects)),
        ("Auteur", md_text(entry.get("author", ""))),
        ("Gepubliceerd", _published(entry)),
    ]


def _funding_meta(catalogue: Catalogue, entry: Entry) -> list[tuple[str, str]]:
    return [
        ("Status", funding_status(entry, catalogue.today).label),
        ("Programma", md_text(entry["programme"])),
        ("Instrument", md_text(catalogue.label("instruments", entry["instrument"]))),
        ("Financiering", percent(entry["funding_rate"]) if "funding_rate" in entry.data else ""),
        ("Opent", nl_date(entry["opens"]) if "opens" in entry.data else ""),
        ("Deadline", nl_deadline(entry["deadline"])),
        ("Thema's", _themes(catalogue, entry)),
        ("Officiële oproep", f"[{md_text(entry['url'])}](<{entry['url']}>)"),
        ("Gepubliceerd", _published(entry)),
    ]


def _derived(catalogue: Catalogue, entry: Entry) -> str:
    """Sections computed from the other entries: an editor never types a cross-reference twice."""
    sections: list[tuple[str, list[str]]] = []
    if entry.type.name == "project":
        consultations = catalogue.consultations_of.get(entry.slug, [])
        sections.append(
            ("Marktconsultaties", [_consultation_item(catalogue, entry, c) for c in consultations])
        )
        tips = catalogue.tips_of.get(entry.slug, [])
        sections.append(
            (
                "Tips en verhalen",
                [
                    f"{link(entry.src_uri, t.src_uri, t.title)} ({md_text(catalogue.label('tip_kinds', t['kind']).lower())})"
                    for t in tips
                ],
            )
        )
        related = catalogue.related_projects(entry)
        sections.append(
            (
                "Verwante projecten",
                [_related_item(catalogue, entry, p) for p in related],
            )
        )
    out = []
    for heading, items in sections:
        if items:
            out.append(f"## {heading}\n\n" + "\n".join(f"- {item}" for item in items) + "\n")
    # kc-derived: what other entries say is not this page's own text, so search leaves it out.
    body = "\n".join(out)
    return f'<div class="kc-derived" markdown>\n\n{body}\n</div>\n' if out else ""


def _facet_link(catalogue: Catalogue, entry: Entry, facet: str, vocab: str, field: str) -> str:
    """A facet value on a project page opens the catalogue filtered on it (the catalogue's URL query)."""
    code = entry[field]
    return link(entry.src_uri, f"{PROJECTS}?{facet}={code}", catalogue.label(vocab, code))


def _related_item(catalogue: Catalogue, project: Entry, other: Entry) -> str:
    """A related project and why: the same organisation, or the themes both share."""
    shared = [catalogue.label("themes", t) for t in other.themes if t in project.themes]
    same = catalogue.organisation_of(other) is catalogue.organisation_of(project)
    why = "zelfde organisatie" if same else ""
    why = ", ".join(filter(None, [why, *shared]))
    return f"{link(project.src_uri, other.src_uri, other.title)} — {md_text(other['organisation'])} ({md_text(why)})"


def _consultation_item(catalogue: Catalogue, project: Entry, consultation: Entry) -> str:
    """Date and place; while upcoming a note, once published the conclusions' date, first paragraph and link."""
    text = (
        f"{link(project.src_uri, consultation.src_uri, consultation.title)} — "
        f"{nl_date(consultation['starts'])}, {md_text(place(consultation))}"
    )
    if consultation_is_upcoming(consultation, catalogue.today):
        return text + " (komt eraan)"
    if "conclusions" not in consultation.data:
        return text + " (conclusies volgen)"
    anchor = conclusions_anchor(consultation.body)
    target = consultation.src_uri + (f"#{anchor}" if anchor else "")
    text += f"  \n    {link(project.src_uri, target, 'Conclusies')} gepubliceerd op {nl_date(consultation['conclusions'])}"
    if excerpt := conclusions_excerpt(consultation.body):
        text += f": {md_text(excerpt)}"
    return text
