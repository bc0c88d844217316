"""Titles in feeds, calendars, digest and e-mails: one prefix, never the editor's own label repeated."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from kenniscentrum.content.events import Event, Kind, entry_events
from kenniscentrum.content.model import BRUSSELS, Entry, Milestone, Period
from kenniscentrum.content.schema import CONSULTATION, FUNDING
from kenniscentrum.render.titles import display_title


def consultation(title: str) -> Entry:
    return Entry(
        type=CONSULTATION,
        slug="x",
        path="content/consultations/x.md",
        title=title,
        description="Beschrijving.",
        published=date(2026, 1, 1),
        body="## Conclusies\n\nTekst.",
        data={
            "organisation": "Stad Test",
            "starts": datetime(2026, 2, 1, 14, 0, tzinfo=BRUSSELS),
            "location": "online",
            "conclusions": date(2026, 3, 1),
            "registration_deadline": date(2026, 1, 20),
        },
    )


def funding(title: str, programme: str = "PIO") -> Entry:
    return Entry(
        type=FUNDING,
        slug="f",
        path="content/funding/f.md",
        title=title,
        description="Beschrijving.",
        published=date(2026, 1, 1),
        body="",
        data={"programme": programme, "deadline": date(2026, 6, 1)},
    )


def titles(entry: Entry) -> dict[Kind, str]:
    return {event.kind: display_title(event) for event in entry_events(entry, date(2026, 12, 1))}


@pytest.mark.parametrize(
    "title",
    ["Marktconsultatie: X", "Marktconsultatie: Marktconsultatie: X", "marktconsultatie:Marktconsultatie: X"],
)
def test_a_consultation_label_appears_once_after_the_conclusions_prefix(title: str) -> None:
    shown = titles(consultation(title))
    assert shown[Kind.CONCLUSIONS] == "Conclusies: X"  # conclusions are a consultation's: the kind once
    assert shown[Kind.REGISTRATION_DEADLINE] == "Inschrijven tot: Marktconsultatie: X"
    assert shown[Kind.PUBLISHED] == "Marktconsultatie: X"


def test_conclusions_already_in_the_title_are_not_prefixed_again() -> None:
    assert titles(consultation("Conclusies: marktconsultatie X"))[Kind.CONCLUSIONS] == (
        "Conclusies: marktconsultatie X"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("PIO-oproep: deadline 13 december", "Deadline: PIO-oproep: deadline 13 december"),
        ("PIO-oproep 2019: indienen vóór 14 juni", "Deadline: PIO-oproep 2019: indienen vóór 14 juni"),
        ("PIO-oproep: PIO-oproep: deadline", "Deadline: PIO-oproep: deadline"),
        ("Oproep voor slimme verlichting", "Deadline: PIO-oproep: Oproep voor slimme verlichting"),
    ],
)
def test_a_pio_call_is_named_once_in_the_one_deadline_pattern(title: str, expected: str) -> None:
    assert titles(funding(title))[Kind.DEADLINE] == expected


def test_other_programmes_get_a_deadline_prefix_once() -> None:
    assert titles(funding("Horizon Europe: slimme steden", "Horizon Europe"))[Kind.DEADLINE] == (
        "Deadline: Horizon Europe: slimme steden"
    )
    assert (
        titles(funding("Deadline: slimme steden", "Horizon Europe"))[Kind.DEADLINE]
        == "Deadline: slimme steden"
    )


def test_a_milestone_item_names_its_step_not_only_the_project() -> None:
    project = consultation("Turing: slimme verlichting")
    step = Milestone(Period(2023, 3), "gunning", "Opdracht gegund aan twee leveranciers")
    event = Event(project, Kind.MILESTONE, date(2023, 3, 1), milestone=step)
    assert display_title(event) == "Turing: slimme verlichting — Opdracht gegund aan twee leveranciers"


def test_the_outputs_use_the_same_titles(site: Path) -> None:
    """No feed, calendar, digest page or e-mail of the sample site doubles a prefix."""
    doubled = (
        "Conclusies: Conclusies",
        "Conclusies: Marktconsultatie",
        "PIO-oproep: PIO-oproep",
        "Marktconsultatie: Marktconsultatie",
    )
    for path in site.rglob("*"):
        if path.suffix in {".xml", ".atom", ".json", ".ics", ".html"} and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not [d for d in doubled if d in text], path
    agenda = (site / "agenda.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Deadline: PIO-oproep: deadline 13 december" in agenda


def test_the_digest_marks_a_closed_call_as_closed(site: Path) -> None:
    """The December 2019 PIO call closed long before the build date: its month page and e-mail say so."""
    month = next(p for p in (site / "nieuwsbrief").iterdir() if "pio-oproep-2019-december" in _text(p))
    for name in ("index.html", "email.html"):
        text = _text(month / name) if (month / name).exists() else ""
        assert "Gesloten: de deadline was" in text, month / name


def _text(path: Path) -> str:
    if path.is_dir():
        return "".join(_text(p) for p in path.glob("*.html"))
    return path.read_text(encoding="utf-8")
