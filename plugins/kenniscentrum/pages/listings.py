"""Listing pages: the ways into the content (entries stay out of the sidebar nav).

Cards are raw HTML built from escaped catalogue values, so the catalogue script can filter them by their
`data-*` attributes; every listing also works without JavaScript. Links that MkDocs should validate (to
anchors, to pages with a query) are written as Markdown links between source files instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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
from kenniscentrum.outputs.feeds import theme_feed_links
from kenniscentrum.pages.markdown import front_matter, link
from kenniscentrum.render.formatting import esc, md_text, nl_date, nl_datetime, nl_deadline, relative

# Source paths of the listings; their URLs are the public contract in DESIGN.md.
PROJECTS = "projecten/index.md"
CONSULTATIONS = "marktconsultaties/index.md"
TIPS = "tips/index.md"
FUNDING = "financiering/index.md"
# The listings are the ways in: the only generated pages that belong in the sidebar nav.
NAV_LISTINGS = frozenset({PROJECTS, CONSULTATIONS, TIPS, FUNDING})
THEMES = "thema/index.md"
ORGANISATIONS = "organisaties/index.md"

TYPE_SECTIONS = (
    ("project", "Projecten"),
    ("consultation", "Marktconsultaties"),
    ("tip", "Tips en verhalen"),
    ("funding", "Financiering"),
)
_KIND_PLURALS = {"tip": "Tips", "verhaal": "Verhalen", "getuigenis": "Getuigenissen", "weetje": "Weetjes"}


def page_url(src: str) -> str:
    """Directory URL of a source path (`projecten/index.md` -> `projecten/`, `thema/energie.md` -> `thema/energie/`)."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def href(from_src: str, entry_url: str) -> str:
    return esc(relative(page_url(from_src), entry_url))


def _front(title: str, description: str) -> str:
    return front_matter(title, description, kc_type="listing")


def card(
    catalogue: Catalogue,
    src: str,
    entry: Entry,
    details: Iterable[str] = (),
    heading: str = "h3",
    attrs: str = "",
    html_details: Iterable[str] = (),
) -> str:
    """One entry as a card: title link, the facts a reader scans for, the description.

    `details` are plain text (escaped here); `html_details` are fragments the caller built from escaped values.
    """
    facts = "".join(f"<li>{esc(d)}</li>" for d in details if d)
    facts += "".join(f"<li>{d}</li>" for d in html_details if d)
    themes = ", ".join(esc(catalogue.label("themes", t)) for t in entry.themes)
    if themes:
        facts += f'<li><span class="kc-visually-hidden">Thema\'s: </span>{themes}</li>'
    draft = ' <span class="kc-badge">ontwerp</span>' if entry.draft else ""
    return (
        f'<li class="kc-card"{attrs}>'
        f'<{heading} class="kc-card__title"><a href="{href(src, entry.url)}">{esc(entry.title)}</a>{draft}</{heading}>'
        f'<ul class="kc-card__facts">{facts}</ul>'
        f'<p class="kc-card__text">{esc(entry.description)}</p></li>'
    )


def cards(items: list[str], empty: str) -> str:
    if not items:
        return f"<p>{esc(empty)}</p>\n" if empty else ""
    # Search finds an entry's own page, not every listing that shows its card. Material skips an element
    # marked data-search-exclude until the next closing tag of the same name: the mark sits on a div, which
    # cards never contain. Material removes the attribute from the published page.
    return '<div data-search-exclude="kaarten"><ul class="kc-cards">\n' + "\n".join(items) + "\n</ul></div>\n"


# --- consultations ---------------------------------------------------------------------------------------


def place(entry: Entry) -> str:
    """'Online' or the place an editor wrote, capitalised as the first word of a fact."""
    location = entry["location"].strip()
    return "Online" if entry.online else location[:1].upper() + location[1:]


def registration_html(entry: Entry, today: date) -> str:
    """'Schrijf je in' link and deadline while registration is open; a plain note once it closed."""
    url = entry.get("registration_url")
    deadline = entry.get("registration_deadline")
    if registration_open(entry, today):
        until = f" (tot {esc(nl_date(deadline))})" if deadline else ""
        if url:
            return f'<a href="{esc(url)}">Schrijf je in<span class="kc-visually-hidden"> voor {esc(entry.title)}</span></a>{until}'
        return f"Inschrijven tot {esc(nl_date(deadline))}" if deadline else ""
    if deadline and consultation_is_upcoming(entry, today):
        return f"Inschrijvingen afgesloten op {esc(nl_date(deadline))}"
    return ""


def consultation_card(catalogue: Catalogue, src: str, entry: Entry, heading: str = "h3") -> str:
    """Upcoming: when, where, how to register. Past: when, and the conclusions once published."""
    details = [entry["organisation"], nl_datetime(entry["starts"]), place(entry)]
    html: list[str] = []
    if consultation_is_upcoming(entry, catalogue.today):
        html.append(registration_html(entry, catalogue.today))
    elif "conclusions" in entry.data:
        anchor = conclusions_anchor(entry.body)
        target = href(src, entry.url) + (f"#{anchor}" if anchor else "")
        html.append(f'<a href="{target}">Conclusies</a> gepubliceerd op {esc(nl_date(entry["conclusions"]))}')
    else:
        details.append("Conclusies volgen")
    if project := catalogue.project_of(entry):
        html.append(f'Project: <a href="{href(src, project.url)}">{esc(project.title)}</a>')
    return card(catalogue, src, entry, details, heading, html_details=html)


def split_consultations(catalogue: Catalogue, entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(upcoming soonest first, past most recent first), against the build date."""
    upcoming = [e for e in entries if consultation_is_upcoming(e, catalogue.today)]
    past = [e for e in entries if not consultation_is_upcoming(e, catalogue.today)]
    return sorted(upcoming, key=lambda e: e["starts"]), sorted(past, key=lambda e: e["starts"], reverse=True)


def consultations_page(catalogue: Catalogue) -> str:
    upcoming, past = split_consultations(catalogue, catalogue.entries["consultation"])
    return (
        _front(
            "Marktconsultaties",
            "Aankomende en afgelopen marktconsultaties van PIO-projecten, met hun conclusies.",
        )
        + "# Marktconsultaties\n\n"
        "Op een marktconsultatie leggen overheden hun behoefte voor aan bedrijven, kennis- en onderzoekscentra, "
        "nog vóór ze een opdracht uitschrijven. Na afloop publiceren we de conclusies.\n\n"
        f"## Binnenkort\n\nStand van zaken op {esc(nl_date(catalogue.today))}.\n\n"
        + cards(
            [consultation_card(catalogue, CONSULTATIONS, e) for e in upcoming],
            "Er zijn op dit moment geen aankomende marktconsultaties.",
        )
        + "\n## Afgelopen\n\n"
        + cards(
            [consultation_card(catalogue, CONSULTATIONS, e) for e in past],
            "Nog geen afgelopen marktconsultaties.",
        )
    )


# --- tips ------------------------------------------------------------------------------------------------


def plural(kind: str, label: str) -> str:
    return _KIND_PLURALS.get(kind, label)


def tips_page(catalogue: Catalogue) -> str:
    """Cards grouped by kind, then a compact index by theme (a tip on two themes appears under both)."""
    out = [
        _front(
            "Tips en verhalen",
            "Tips, verhalen, getuigenissen en weetjes over innovatieve overheidsopdrachten.",
        ),
        "# Tips en verhalen\n\n",
    ]
    tips = catalogue.entries["tip"]
    if not tips:
        return "".join(out) + "Er zijn nog geen tips gepubliceerd.\n"
    kinds = catalogue.vocabularies.get("tip_kinds", {})
    present = [(code, label) for code, label in kinds.items() if any(t["kind"] == code for t in tips)]
    jumps = [f"[{md_text(plural(code, label))}](#{code})" for code, label in present] + [
        "[Per thema](#per-thema)"
    ]
    out.append("Ga naar: " + " · ".join(jumps) + "\n\n")
    for code, label in present:
        items = [t for t in tips if t["kind"] == code]
        out.append(f"## {md_text(plural(code, label))} {{#{code}}}\n\n")
        out.append(cards([card(catalogue, TIPS, t, [nl_date(t.published)]) for t in items], ""))
        out.append("\n")
    out.append("## Per thema {#per-thema}\n\n")
    for code, label in catalogue.vocabularies.get("themes", {}).items():
        items = [t for t in tips if code in t.themes]
        if items:
            out.append(f"### {link(TIPS, f'thema/{code}.md', label)}\n\n")
            out.extend(
                f"- {link(TIPS, t.src_uri, t.title)} ({md_text(kinds.get(t['kind'], t['kind']).lower())})\n"
                for t in items
            )
            out.append("\n")
    if untagged := [t for t in tips if not t.themes]:
        out.append("### Algemeen\n\n")
        out.extend(f"- {link(TIPS, t.src_uri, t.title)}\n" for t in untagged)
    return "".join(out)


# --- funding ---------------------------------------------------------------------------------------------


def funding_card(catalogue: Catalogue, src: str, entry: Entry) -> str:
    status = funding_status(entry, catalogue.today)
    details = [
        status.label,
        entry["programme"],
        catalogue.label("instruments", entry["instrument"]),
        f"Opent {nl_date(entry['opens'])}" if "opens" in entry.data and status.code == "binnenkort" else "",
        f"Deadline {nl_deadline(entry['deadline'], weekday=False)}",
    ]
    return card(catalogue, src, entry, details)


def funding_page(catalogue: Catalogue) -> str:
    out = [
        _front(
            "Europese financiering",
            "Open en komende Europese financieringsoproepen voor innovatieve "
            "overheidsopdrachten, met hun deadlines.",
        ),
        "# Financiering\n\nEuropese en Vlaamse oproepen die innovatieve overheidsopdrachten financieren. "
        f"Stand van zaken op {esc(nl_date(catalogue.today))}.\n\n",
    ]
    headings = {"open": "Open oproepen", "binnenkort": "Binnenkort open", "gesloten": "Gesloten oproepen"}
    for status in FUNDING_STATUSES:
        items = [e for e in catalogue.entries["funding"] if funding_status(e, catalogue.today) is status]
        items.sort(key=lambda e, s=status: funding_sort_key(e, s))
        out.append(f"## {headings[status.code]}\n\n")
        out.append(
            cards([funding_card(catalogue, FUNDING, e) for e in items], "Geen oproepen in deze groep.")
        )
        out.append("\n")
    return "".join(out)


# --- themes and organisations ----------------------------------------------------------------------------


def themes_index(catalogue: Catalogue) -> str:
    rows = []
    for code, label in catalogue.vocabularies.get("themes", {}).items():
        count = len(catalogue.by_theme.get(code, []))
        rows.append(f"- [{md_text(label)}]({code}.md) ({count} {'item' if count == 1 else 'items'})")
    return (
        _front("Thema's", "Alle thema's van het kenniscentrum.")
        + "# Thema's\n\nProjecten, marktconsultaties, tips en financiering, per thema.\n\n"
        + "\n".join(rows)
        + "\n"
    )


def _summary(catalogue: Catalogue, entry: Entry) -> list[str]:
    if entry.type.name == "project":
        return [entry["organisation"], catalogue.label("phases", entry["phase"]), str(entry["year"])]
    if entry.type.name == "funding":
        return [entry["programme"], f"Deadline {nl_deadline(entry['deadline'], weekday=False)}"]
    return [catalogue.label("tip_kinds", entry["kind"]), nl_date(entry.published)]


def entry_card(catalogue: Catalogue, src: str, entry: Entry) -> str:
    """The card each type shows on theme and organisation pages."""
    if entry.type.name == "consultation":
        return consultation_card(catalogue, src, entry)
    if entry.type.name == "funding":
        return funding_card(catalogue, src, entry)
    return card(catalogue, src, entry, _summary(catalogue, entry))


def theme_page(catalogue: Catalogue, code: str) -> str:
    """Everything on one theme, grouped by type; projects link on to the catalogue filtered on the theme."""
    label = catalogue.label("themes", code)
    src = f"thema/{code}.md"
    entries = catalogue.by_theme.get(code, [])
    out = [
        _front(f"Thema {label}", f"Projecten, marktconsultaties, tips en financiering over {label.lower()}."),
        f"# {md_text(label)}\n\n",
        theme_feed_links(code, f"thema/{code}/"),
    ]
    if not entries:
        return "".join(out) + "Er is nog geen inhoud over dit thema.\n"
    for type_name, heading in TYPE_SECTIONS:
        items = [e for e in entries if e.type.name == type_name]
        if type_name == "consultation":
            upcoming, past = split_consultations(catalogue, items)
            items = upcoming + past
        if not items:
            continue
        out.append(f"## {heading}\n\n")
        if type_name == "project":
            out.append(
                link(src, f"{PROJECTS}?thema={code}", f"Verfijn deze {len(items)} projecten in de catalogus")
                + " (op fase, soort organisatie, jaar…).\n\n"
            )
        out.append(cards([entry_card(catalogue, src, e) for e in items], ""))
        out.append("\n")
    return "".join(out)


def organisations_index(catalogue: Catalogue) -> str:
    rows = []
    for org in sorted(catalogue.organisations.values(), key=lambda o: o.name.lower()):
        counts = [f"{len(org.projects)} {'project' if len(org.projects) == 1 else 'projecten'}"]
        if org.consultations:
            n = len(org.consultations)
            counts.append(f"{n} {'marktconsultatie' if n == 1 else 'marktconsultaties'}")
        rows.append(f"- [{md_text(org.name)}]({org.slug}.md) ({', '.join(counts)})")
    return (
        _front("Organisaties", "Alle organisaties met PIO-projecten of marktconsultaties.")
        + "# Organisaties\n\n"
        + "\n".join(rows)
        + "\n"
    )


def organisation_page(catalogue: Catalogue, org: Organisation) -> str:
    """An organisation's projects and consultations; its type links to the catalogue filtered on that type."""
    src = f"organisaties/{org.slug}.md"
    out = [
        _front(org.name, f"PIO-projecten en marktconsultaties van {org.name}."),
        f"# {md_text(org.name)}\n\n",
    ]
    if org.types:
        types = [
            link(src, f"{PROJECTS}?organisatie={t}", catalogue.label("organisation_types", t))
            for t in sorted(org.types, key=lambda t: catalogue.label("organisation_types", t))
        ]
        out.append(f"Soort organisatie: {', '.join(types)}\n\n")
    if org.projects:
        out.append(
            "## Projecten\n\n" + cards([entry_card(catalogue, src, p) for p in org.projects], "") + "\n"
        )
    if org.consultations:
        upcoming, past = split_consultations(catalogue, org.consultations)
        out.append(
            "## Marktconsultaties\n\n"
            + cards([consultation_card(catalogue, src, c) for c in upcoming + past], "")
            + "\n"
        )
    return "".join(out)
