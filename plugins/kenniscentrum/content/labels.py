"""Dutch labels of the front matter fields, as a form shows them above each input (the CMS at /admin/).

Kept next to the schema as data: one label per field name, shared by every content type that has the field.
A field without a label still appears in the form (under its own name), and a test names it so it gets one.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    "title": "Titel",
    "description": "Korte beschrijving",
    "organisation": "Organisatie",
    "organisation_type": "Soort organisatie",
    "partners": "Partners",
    "themes": "Thema's",
    "phase": "Fase",
    "procurement": "Soort opdracht",
    "call": "PIO-oproep",
    "year": "Jaar van selectie",
    "cofinancing": "PIO-cofinanciering (euro)",
    "suppliers": "Leveranciers",
    "links": "Links",
    "milestones": "Tijdlijn (mijlpalen)",
    "date": "Datum, maand of jaar",
    "stage": "Stap",
    "text": "Wat er gebeurde",
    "link": "Link (niet verplicht)",
    "results": "Resultaten",
    "lessons": "Lessen voor andere aankopers",
    "contact": "Contact",
    "name": "Naam",
    "email": "E-mailadres",
    "documents": "Documenten",
    "file": "Bestand in content/media/",
    "illustration": "Illustratief voorbeeld: wat is verzonnen?",
    "published": "Publicatiedatum",
    "updated": "Laatst gewijzigd",
    "draft": "Ontwerp (niet publiceren)",
    "aliases": "Vroegere bestandsnamen",
    "project": "Project",
    "projects": "Projecten",
    "starts": "Begin",
    "ends": "Einde",
    "location": "Plaats",
    "sessions": "Sessies",
    "registration_url": "Inschrijvingslink",
    "registration_deadline": "Uiterste inschrijvingsdatum",
    "language": "Taal",
    "registrations": "Aantal inschrijvingen",
    "conclusions": "Conclusies gepubliceerd op",
    "kind": "Soort",
    "author": "Auteur of bron",
    "programme": "Programma",
    "instrument": "Instrument",
    "funding_rate": "Financieringspercentage",
    "opens": "Opent op",
    "deadline": "Uiterste indiendatum",
    "url": "Webadres",
}


def field_label(name: str) -> str:
    """The Dutch label of a field, or its name when nobody gave it one yet."""
    return FIELD_LABELS.get(name, name)
