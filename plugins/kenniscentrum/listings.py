"""Listing pages: the ways into the content (entries stay out of the sidebar nav).

Cards are raw HTML built from escaped catalogue values, so the catalogue script can filter them by their
`data-*` attributes; every listing also works without JavaScript.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from .catalogue import Catalogue, Organisation
from .formatting import esc, nl_date, nl_datetime, nl_deadline, relative
from .model import Entry
from .status import consultation_is_upcoming, funding_status

# Source paths of the listings; their URLs are the public contract in DESIGN.md.
PROJECTS = "projecten/index.md"
CONSULTATIONS = "marktconsultaties/index.md"
TIPS = "tips/index.md"
FUNDING = "financiering/index.md"
THEMES = "thema/index.md"
ORGANISATIONS = "organisaties/index.md"


def page_url(src: str) -> str:
    """Directory URL of a source path (`projecten/index.md` -> `projecten/`, `thema/energie.md` -> `thema/energie/`)."""
    stem = src.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def href(from_src: str, entry_url: str) -> str:
    return esc(relative(page_url(from_src), entry_url))


def listing_pages(catalogue: Catalogue) -> dict[str, str]:
    from .catalogue_page import project_catalogue

    pages = {
        PROJECTS: project_catalogue(catalogue, PROJECTS),
        CONSULTATIONS: consultations_page(catalogue),
        TIPS: tips_page(catalogue),
        FUNDING: funding_page(catalogue),
        THEMES: themes_index(catalogue),
        ORGANISATIONS: organisations_index(catalogue),
    }
    for code in catalogue.vocabularies.get("themes", {}):
        pages[f"thema/{code}.md"] = theme_page(catalogue, code)
    for org in catalogue.organisations.values():
        pages[f"organisaties/{org.slug}.md"] = organisation_page(catalogue, org)
    return pages


def _front(title: str, description: str) -> str:
    from .pages import front_matter

    return front_matter(title, description, kc_type="listing")


def card(
    catalogue: Catalogue,
    src: str,
    entry: Entry,
    details: Iterable[str] = (),
    heading: str = "h3",
    attrs: str = "",
) -> str:
    """One entry as a card: title link, the facts a reader scans for, the description."""
    facts = "".join(f"<li>{esc(d)}</li>" for d in details if d)
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
        return f"<p>{esc(empty)}</p>\n"
    return '<ul class="kc-cards">\n' + "\n".join(items) + "\n</ul>\n"


def consultation_card(catalogue: Catalogue, src: str, entry: Entry, heading: str = "h3") -> str:
    details = [nl_datetime(entry["starts"]), entry["location"]]
    if consultation_is_upcoming(entry, catalogue.today):
        if "registration_deadline" in entry.data:
            details.append(f"Inschrijven tot {nl_date(entry['registration_deadline'])}")
    elif "conclusions" in entry.data:
        details.append(f"Conclusies gepubliceerd op {nl_date(entry['conclusions'])}")
    else:
        details.append("Conclusies volgen")
    return card(catalogue, src, entry, [entry["organisation"], *details], heading)


def consultations_page(catalogue: Catalogue) -> str:
    entries = catalogue.entries["consultation"]
    upcoming = sorted(
        (e for e in entries if consultation_is_upcoming(e, catalogue.today)), key=lambda e: e["starts"]
    )
    past = sorted(
        (e for e in entries if not consultation_is_upcoming(e, catalogue.today)),
        key=lambda e: e["starts"],
        reverse=True,
    )
    return (
        _front(
            "Marktconsultaties",
            "Aankomende en afgelopen marktconsultaties van PIO-projecten, met hun conclusies.",
        )
        + "# Marktconsultaties\n\n"
        "Op een marktconsultatie leggen overheden hun behoefte voor aan bedrijven, kennis- en onderzoekscentra, "
        "nog vóór ze een opdracht uitschrijven. Na afloop publiceren we de conclusies.\n\n"
        "## Binnenkort\n\n"
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


def tips_page(catalogue: Catalogue) -> str:
    out = [
        _front(
            "Tips en verhalen",
            "Tips, verhalen, getuigenissen en weetjes over innovatieve overheidsopdrachten.",
        ),
        "# Tips en verhalen\n\n",
    ]
    tips = catalogue.entries["tip"]
    kinds = catalogue.vocabularies.get("tip_kinds", {})
    present = [(code, label) for code, label in kinds.items() if any(t["kind"] == code for t in tips)]
    if present:
        out.append(
            "Ga naar: " + " · ".join(f"[{esc(_plural(label))}](#{code})" for code, label in present) + "\n\n"
        )
    for code, label in present:
        out.append(f"## {esc(_plural(label))} {{#{code}}}\n\n")
        items = [t for t in tips if t["kind"] == code]
        out.append(cards([card(catalogue, TIPS, t, [nl_date(t.published)]) for t in items], ""))
        out.append("\n")
    if not tips:
        out.append("Er zijn nog geen tips gepubliceerd.\n")
    return "".join(out)


def _plural(label: str) -> str:
    return {"Tip": "Tips", "Verhaal": "Verhalen", "Getuigenis": "Getuigenissen", "Weetje": "Weetjes"}.get(
        label, label
    )


def funding_page(catalogue: Catalogue) -> str:
    entries = catalogue.entries["funding"]
    out = [
        _front(
            "Europese financiering",
            "Open en komende Europese financieringsoproepen voor innovatieve "
            "overheidsopdrachten, met hun deadlines.",
        ),
        "# Financiering\n\nEuropese en Vlaamse oproepen die innovatieve overheidsopdrachten financieren.\n\n",
    ]
    groups = {"open": "Open oproepen", "binnenkort": "Binnenkort open", "gesloten": "Gesloten oproepen"}
    for code, heading in groups.items():
        items = [e for e in entries if funding_status(e, catalogue.today).code == code]
        items.sort(key=lambda e: str(e["deadline"]), reverse=code == "gesloten")
        out.append(f"## {heading}\n\n")
        out.append(
            cards(
                [
                    card(
                        catalogue,
                        FUNDING,
                        e,
                        [
                            e["programme"],
                            catalogue.label("instruments", e["instrument"]),
                            f"Opent {nl_date(e['opens'])}" if code == "binnenkort" else "",
                            f"Deadline {nl_deadline(e['deadline'])}",
                        ],
                    )
                    for e in items
                ],
                "Geen oproepen in deze groep.",
            )
        )
        out.append("\n")
    return "".join(out)


def themes_index(catalogue: Catalogue) -> str:
    rows = []
    for code, label in catalogue.vocabularies.get("themes", {}).items():
        count = len(catalogue.by_theme.get(code, []))
        rows.append(f"- [{esc(label)}]({code}.md) ({count})")
    return _front("Thema's", "Alle thema's van het kenniscentrum.") + "# Thema's\n\n" + "\n".join(rows) + "\n"


def theme_page(catalogue: Catalogue, code: str) -> str:
    label = catalogue.label("themes", code)
    src = f"thema/{code}.md"
    entries = catalogue.by_theme.get(code, [])
    out = [
        _front(f"Thema {label}", f"Projecten, marktconsultaties, tips en financiering over {label.lower()}."),
        f"# {esc(label)}\n\n",
    ]
    sections = (
        ("project", "Projecten"),
        ("consultation", "Marktconsultaties"),
        ("tip", "Tips en verhalen"),
        ("funding", "Financiering"),
    )
    for type_name, heading in sections:
        items = [e for e in entries if e.type.name == type_name]
        if items:
            out.append(
                f"## {heading}\n\n"
                + cards([card(catalogue, src, e, _summary(catalogue, e)) for e in items], "")
            )
            out.append("\n")
    if not entries:
        out.append("Er is nog geen inhoud over dit thema.\n")
    return "".join(out)


def _summary(catalogue: Catalogue, entry: Entry) -> list[str]:
    if entry.type.name == "project":
        return [entry["organisation"], catalogue.label("phases", entry["phase"]), str(entry["year"])]
    if entry.type.name == "consultation":
        return [entry["organisation"], nl_datetime(entry["starts"])]
    if entry.type.name == "funding":
        return [entry["programme"], f"Deadline {nl_deadline(entry['deadline'])}"]
    return [catalogue.label("tip_kinds", entry["kind"]), nl_date(entry.published)]


def organisations_index(catalogue: Catalogue) -> str:
    rows = [
        f"- [{esc(org.name)}]({org.slug}.md) ({len(org.projects)} "
        f"{'project' if len(org.projects) == 1 else 'projecten'})"
        for org in sorted(catalogue.organisations.values(), key=lambda o: o.name.lower())
    ]
    return (
        _front("Organisaties", "Alle organisaties met PIO-projecten of marktconsultaties.")
        + "# Organisaties\n\n"
        + "\n".join(rows)
        + "\n"
    )


def organisation_page(catalogue: Catalogue, org: Organisation) -> str:
    src = f"organisaties/{org.slug}.md"
    types = ", ".join(sorted(catalogue.label("organisation_types", t) for t in org.types))
    out = [_front(org.name, f"PIO-projecten en marktconsultaties van {org.name}."), f"# {esc(org.name)}\n\n"]
    if types:
        out.append(f"Soort organisatie: {esc(types)}\n\n")
    if org.projects:
        out.append(
            "## Projecten\n\n"
            + cards([card(catalogue, src, p, _summary(catalogue, p)) for p in org.projects], "")
        )
    if org.consultations:
        out.append(
            "\n## Marktconsultaties\n\n"
            + cards([consultation_card(catalogue, src, c) for c in org.consultations], "")
        )
    return "".join(out)


def src_dir(src: str) -> str:
    return posixpath.dirname(src)
