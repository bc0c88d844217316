"""The content schema, declared once as data.

The validator, the `new` scaffolding, the JSON Schema for editors' autocompletion, the field reference in the
editor guide and the form editor's configuration are all derived from the tables below, so a field is added in one place only. Vocabularies
(themes, phases, …) are not here: they live in `content/vocabularies.yml`, which editors extend without code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml


class Kind(StrEnum):
    """How a front matter value is read; each kind has one parser in `validate.py`."""

    TEXT = "text"  # one line of plain text, no HTML
    SLUG = "slug"  # reference to another entry by its file name
    URL = "url"  # absolute http(s) URL
    INT = "int"
    MONEY = "money"  # euro amount, integer or decimal
    PERCENT = "percent"
    BOOL = "bool"
    DATE = "date"  # 2024-03-12
    DATETIME = "datetime"  # 2024-03-12 14:00, Europe/Brussels unless an offset is given
    DATE_OR_DATETIME = "date_or_datetime"
    VOCAB = "vocab"  # one code of a vocabulary
    LINKS = "links"  # list of {title, url}
    SESSIONS = "sessions"  # list of {starts, ends, location}: a consultation's sessions
    MILESTONES = "milestones"  # list of {date, stage, text, link}: a project's lifecycle
    CONTACT = "contact"  # {name, email, url}: whom a reader asks about a project
    DOCUMENTS = "documents"  # list of {title, url} or {title, file}: reports, tender documents


# --- rules ------------------------------------------------------------------------------------------------
# Every rule a value is checked by lives here, as data: `validate.py` applies them and `editor/jsonschema.py`
# writes them into the JSON Schemas, so `check` and the editor's autocompletion cannot disagree.

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"  # file names, references, vocabulary codes
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
# A milestone's date: a day, a month or (when a source names no more than that) a year.
PERIOD_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
EMAIL_PATTERN = r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
# Attachments in content/media/, written as in a body: `../media/<file>` (relative to content/<type>/).
MEDIA_FILE_PATTERN = r"^\.\./media/[a-z0-9]+(?:[-_.][a-z0-9]+)*\.[a-z0-9]{2,5}$"
MILESTONE_TEXT_MAX = 160  # characters: a milestone is one short line on the timeline
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$"
INT_PATTERN = r"^[+-]?\d{1,15}$"
URL_PATTERN = r"^https?://[^\s\"<>\\^`{|}]+$"  # absolute http(s), no character RFC 3986 wants encoded
MONEY_PATTERN = r"^\d{1,12}(?:[.,]\d{1,2})?$"  # after "€", spaces and "_" are removed
# Slugs and codes that would take the URL of a listing (`projecten/index.md`, `thema/index.md`, …).
RESERVED_SLUGS = frozenset({"index"})
# Every date and year lies in this window: 0001-01-01 or 9999-12-31 is a typo, not a plan.
YEAR_RANGE = (2000, 2100)
# Amounts below a thousand billion euro, in cents at most: exact as a JSON number and in every spreadsheet.
MONEY_MAX = 999_999_999_999


@dataclass(frozen=True)
class Refused:
    """Text a plain-text field refuses: what would become markup, a script or an invisible character."""

    pattern: str  # Python and ECMA-262 (JSON Schema) alike: no inline flags, no lookbehind
    message: str
    expected: str


TEXT_REFUSED = (
    Refused(
        r"<[a-zA-Z!/?]",  # a tag, comment or end tag; a lone '<' or '>' ("a < b") is text
        "bevat HTML",
        "schrijf gewone tekst; opmaak en links horen in de tekst onder de front matter",
    ),
    Refused(
        r"\{[^{}\n]*\}",
        "bevat accolades {…}, die de site als opmaakinstructie zou lezen",
        "laat de accolades weg of schrijf haakjes (…)",
    ),
    Refused(
        r"\[[^\]\n]*\]\s*[(\[]",
        "bevat een Markdown-link",
        "schrijf gewone tekst; links horen in 'links' of in de tekst onder de front matter",
    ),
    Refused(
        r"^[\s\u00ad\u200b-\u200f\u2060-\u2064\ufeff]+$",
        "bevat alleen onzichtbare tekens",
        "schrijf de tekst opnieuw; hij is leeg voor lezers",
    ),
    Refused(
        r"[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]\s*:|[vV][bB][sS][cC][rR][iI][pP][tT]\s*:",
        "bevat 'javascript:'",
        "schrijf gewone tekst zonder scripts",
    ),
)
# Control characters (Word's U+000B, NUL, ESC, …) and the bidirectional overrides that reorder what a
# reviewer sees; tab, line feed and carriage return are ordinary whitespace.
CONTROL_PATTERN = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
CONTROL = re.compile(CONTROL_PATTERN)
# The tags YAML itself gives a plain value; any other (`!!binary`, `!!python/…`, `!eigen`) changes what a value
# means without the editor seeing it, so the validator refuses it.
PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)


@dataclass(frozen=True)
class Order:
    """Two fields in time order: `later` may not lie before `earlier` (compared by day when `by_day`)."""

    earlier: str
    later: str
    report_on: str  # the field the problem is reported on
    message: str
    expected: str
    by_day: bool = False


ORDER_RULES = (
    Order("starts", "ends", "ends", "het einde ligt vóór het begin", "een tijdstip na 'starts'"),
    Order(
        "published",
        "updated",
        "updated",
        "de wijzigingsdatum ligt vóór de publicatiedatum",
        "een datum op of na 'published'",
        by_day=True,
    ),
    Order(
        "opens", "deadline", "deadline", "de deadline ligt vóór de opening", "een deadline na 'opens'", True
    ),
    Order(
        "registration_deadline",
        "starts",
        "registration_deadline",
        "de inschrijvingsdeadline ligt na de start van de sessie",
        "een datum op of vóór 'starts'",
        by_day=True,
    ),
    Order(
        "starts",
        "conclusions",
        "conclusions",
        "de conclusies zijn gedateerd vóór de sessie",
        "de datum waarop de conclusies gepubliceerd werden, op of na 'starts'",
        by_day=True,
    ),
)
CONCLUSIONS_HEADING = "## Conclusies"  # the heading the `conclusions` date goes with (content/conclusions.py)


@dataclass(frozen=True)
class Field:
    """One front matter field of a content type."""

    name: str
    kind: Kind
    required: bool = False
    many: bool = False  # a YAML list of `kind`
    vocab: str | None = None  # vocabulary name for Kind.VOCAB
    ref: str | None = None  # content type a Kind.SLUG points to
    help: str = ""  # Dutch, for editors: shown by `new`, the guide and the JSON Schema
    example: str = ""  # Dutch placeholder written by `new`
    minimum: int | None = None  # INT: smallest value (default 0); YEAR_RANGE for years
    maximum: int | None = None
    max_length: int | None = None  # TEXT: most characters

    @property
    def bounds(self) -> tuple[float, float | None, bool]:
        """(minimum, maximum, minimum excluded) of a number field, from the field or its kind."""
        if self.kind is Kind.PERCENT:
            return (0, 100, True)
        if self.kind is Kind.MONEY:
            return (0, MONEY_MAX, False)
        return (self.minimum if self.minimum is not None else 0, self.maximum, False)


# --- structured values ----------------------------------------------------------------------------------
# A value made of named parts (a link, a session, a milestone, a contact, a document). Everything the editor
# tools derive from it is declared here, per kind: the parts with their form hint and JSON Schema, what `new`
# writes and what the guide says. Adding a structured kind is one entry below (and its reader in `validate.py`).

PLACEHOLDER = "VUL IN"  # what `new` writes where the editor must fill in a value; `check` refuses it
HTTPS_URL_PATTERN = r"^https://[^\s\"<>\\^`{|}]+$"  # a part that links out: https only
_HTTPS_URL = {"type": "string", "format": "uri", "pattern": HTTPS_URL_PATTERN}


@dataclass(frozen=True)
class Part:
    """One part of a structured value: read like a field of its kind, unless it has a rule of its own."""

    name: str
    kind: Kind  # TEXT, URL, DATETIME or VOCAB: the form's input and, without `schema`, the JSON Schema
    required: bool = False
    help: str = ""  # Dutch: the form's hint
    vocab: str | None = None
    max_length: int | None = None
    schema: Mapping[str, Any] | None = (
        None  # JSON Schema of a part read by its own rule (a period, an e-mail)
    )
    description: str = ""  # Dutch: shown by editors' tooling next to the part (JSON Schema)

    @property
    def field(self) -> Field:
        """The part as a field of its kind."""
        return Field(
            self.name, self.kind, self.required, vocab=self.vocab, help=self.help, max_length=self.max_length
        )


@dataclass(frozen=True)
class Structure:
    """The parts of a structured value, and what the editor tools write for it.

    A field of a structured kind with `many` is a list of such values, without it one value.
    """

    parts: tuple[Part, ...]
    example: str  # the line `new` writes, commented out: placeholders, then an example
    guide: str  # Dutch: what the editor types, in the guide's field reference
    alternatives: tuple[str, ...] = ()  # parts of which a value has at least one (exactly one: `exclusive`)
    exclusive: bool = False
    repeats: bool = False  # the same value may occur twice in the list


STRUCTURES: dict[Kind, Structure] = {
    Kind.LINKS: Structure(
        (
            Part("title", Kind.TEXT, True, help="Tekst van de link.", description="Tekst van de link."),
            Part("url", Kind.URL, True, help="Volledig adres, begint met https://."),
        ),
        example=f'[{{title: "{PLACEHOLDER}", url: "{PLACEHOLDER}"}}]  # bv. [{{title: Projectpagina, url: "https://…"}}]',
        guide="links, elk met `title` en `url`",
        repeats=True,
    ),
    Kind.SESSIONS: Structure(
        (
            Part(
                "starts",
                Kind.DATETIME,
                True,
                help="Begin van de sessie, Belgische tijd.",
                description="Begin (JJJJ-MM-DD UU:MM).",
            ),
            Part(
                "ends",
                Kind.DATETIME,
                help="Einde van de sessie, Belgische tijd.",
                description="Einde (JJJJ-MM-DD UU:MM).",
            ),
            Part(
                "location",
                Kind.TEXT,
                True,
                help="Adres of plaats, of 'online'.",
                schema={"type": "string", "minLength": 1},
                description="Adres of plaats, of 'online'.",
            ),
        ),
        example=f"[{{starts: {PLACEHOLDER}, location: {PLACEHOLDER}}}]"
        "  # bv. [{starts: 2027-01-15 14:00, location: online}]",
        guide="sessies, elk met `starts`, `location` en eventueel `ends`",
    ),
    Kind.MILESTONES: Structure(
        (
            Part(
                "date",
                Kind.TEXT,
                True,
                help="Dag, maand of jaar: JJJJ-MM-DD, JJJJ-MM of JJJJ (bv. 2024-03).",
                schema={"type": ["string", "integer"], "pattern": PERIOD_PATTERN},
                description="Dag, maand of jaar (JJJJ-MM-DD, JJJJ-MM of JJJJ).",
            ),
            Part("stage", Kind.VOCAB, True, help="Welke stap van het traject.", vocab="stages"),
            Part(
                "text",
                Kind.TEXT,
                True,
                help="Eén korte zin over wat er gebeurde.",
                max_length=MILESTONE_TEXT_MAX,
            ),
            Part(
                "link",
                Kind.URL,
                help="Bv. de aankondiging op e-Procurement of TED (https://…).",
                schema=_HTTPS_URL,
            ),
        ),
        example=f'[{{date: {PLACEHOLDER}, stage: {PLACEHOLDER}, text: "{PLACEHOLDER}"}}]'
        '  # bv. [{date: 2024-03, stage: marktconsultatie, text: "Workshop met de markt."}]',
        guide="mijlpalen, elk met `date` (`JJJJ-MM-DD`, `JJJJ-MM` of `JJJJ`), `stage`, `text` en eventueel `link`",
        repeats=True,
    ),
    Kind.CONTACT: Structure(
        (
            Part("name", Kind.TEXT, help="Naam van de contactpersoon of dienst."),
            Part(
                "email",
                Kind.TEXT,
                help="E-mailadres (naam@organisatie.be).",
                schema={"type": "string", "pattern": EMAIL_PATTERN},
            ),
            Part("url", Kind.URL, help="Of een contactpagina (https://…).", schema=_HTTPS_URL),
        ),
        example=f'{{name: "{PLACEHOLDER}", email: {PLACEHOLDER}}}  # bv. {{name: An Peeters, email: an@stad.be}}',
        guide="`name` (niet verplicht) met `email` of `url`",
        alternatives=("email", "url"),
    ),
    Kind.DOCUMENTS: Structure(
        (
            Part("title", Kind.TEXT, True, help="Titel van het document."),
            Part(
                "url",
                Kind.URL,
                help="Webadres (https://…); of laat leeg en kies een bestand.",
                schema=_HTTPS_URL,
            ),
            Part(
                "file",
                Kind.TEXT,
                help="Of een bestand in content/media/, geschreven als ../media/naam.pdf.",
                schema={"type": "string", "pattern": MEDIA_FILE_PATTERN},
            ),
        ),
        example=f'[{{title: "{PLACEHOLDER}", url: "{PLACEHOLDER}"}}]'
        "  # bv. [{title: Eindverslag, file: ../media/eindverslag.pdf}]",
        guide="documenten, elk met `title` en `url` of `file`",
        alternatives=("url", "file"),
        exclusive=True,
    ),
}


@dataclass(frozen=True)
class ContentType:
    """A content type: its folder under content/, its public URL prefix and its fields."""

    name: str
    folder: str
    url_prefix: str
    label: str  # Dutch singular, e.g. "project"
    label_plural: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    def __reduce__(self) -> str | tuple[Any, ...]:
        """A content type of the site travels (pickled, from a forked process) as its name: the one instance."""
        if CONTENT_TYPES.get(self.name) is self:
            return (_content_type, (self.name,))
        return super().__reduce__()

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        """Fields by name (the first of a name wins, as a search from the front would)."""
        by_name: dict[str, Field] = {}
        for f in self.fields:
            by_name.setdefault(f.name, f)
        return by_name


_TITLE = Field("title", Kind.TEXT, True, help="Titel zoals lezers hem zien.", example="Titel")
_DESCRIPTION = Field(
    "description",
    Kind.TEXT,
    True,
    help="Eén of twee zinnen: verschijnt op kaarten, in feeds en als beschrijving voor zoekmachines.",
    example="Korte samenvatting in één of twee zinnen.",
)
_PUBLISHED = Field(
    "published",
    Kind.DATE,
    True,
    help="Publicatiedatum op de site (JJJJ-MM-DD). Een datum in de toekomst "
    "houdt het item offline tot die dag.",
)
_UPDATED = Field("updated", Kind.DATE, help="Datum van de laatste inhoudelijke wijziging (JJJJ-MM-DD).")
_DRAFT = Field(
    "draft",
    Kind.BOOL,
    help="Ontwerp (true, of aan in het formulier): zichtbaar in de preview, nooit gepubliceerd.",
)
_ORGANISATION = Field(
    "organisation",
    Kind.TEXT,
    True,
    help="De aanbestedende overheid: naam of afkorting uit content/organisations.yml (bv. Stad Halle, AWV).",
    example="Naam van de organisatie",
)
_ALIASES = Field(
    "aliases",
    Kind.SLUG,
    many=True,
    help="Vroegere bestandsnamen (zonder .md) van dit item, oudste eerst: hun adressen verwijzen door.",
)


_ILLUSTRATION = Field(
    "illustration",
    Kind.TEXT,
    help="Alleen voor een verzonnen voorbeeld: wat er verzonnen is (bv. 'datum en plaats zijn verzonnen'). "
    "De site toont dan 'Illustratief voorbeeld' op de pagina, de kaart, in de feeds en in de agenda.",
)


def _themes(required: bool) -> Field:
    return Field(
        "themes",
        Kind.VOCAB,
        required,
        many=True,
        vocab="themes",
        help="Eén of meer thema's uit de woordenlijst (content/vocabularies.yml).",
    )


PROJECT = ContentType(
    "project",
    "projects",
    "projecten",
    "project",
    "projecten",
    (
        _TITLE,
        _DESCRIPTION,
        _ORGANISATION,
        Field(
            "organisation_type",
            Kind.VOCAB,
            vocab="organisation_types",
            help="Soort organisatie, uit de woordenlijst; weglaten = die van de organisatie in de lijst.",
        ),
        Field("partners", Kind.TEXT, many=True, help="Andere betrokken overheden of organisaties."),
        _themes(True),
        Field("phase", Kind.VOCAB, True, vocab="phases", help="Fase van het project, uit de woordenlijst."),
        Field(
            "procurement", Kind.VOCAB, vocab="procurement_types", help="Soort innovatieve overheidsopdracht."
        ),
        Field("call", Kind.TEXT, help="PIO-oproep waarin het project geselecteerd werd, bv. 2019-1."),
        Field(
            "year",
            Kind.INT,
            help="Jaar waarin het project geselecteerd werd; weglaten als je het niet zeker weet.",
            example="2026",
            minimum=YEAR_RANGE[0],
            maximum=YEAR_RANGE[1],
        ),
        Field(
            "cofinancing",
            Kind.MONEY,
            help="Toegekende PIO-cofinanciering in euro, zonder punten (bv. 180000).",
        ),
        Field("suppliers", Kind.TEXT, many=True, help="Leveranciers die de opdracht uitvoeren."),
        Field(
            "milestones",
            Kind.MILESTONES,
            many=True,
            help="Tijdlijn: stappen van het project, elk met 'date' (JJJJ-MM-DD, JJJJ-MM of JJJJ), 'stage' "
            "(een code uit de woordenlijst 'stages'), 'text' (één korte zin) en eventueel 'link' (https://…, "
            "bv. de aankondiging op e-Procurement of TED). Een datum in de toekomst is een geplande stap.",
        ),
        Field("results", Kind.TEXT, many=True, help="Resultaten van het project: één zin per resultaat."),
        Field("lessons", Kind.TEXT, many=True, help="Lessen voor andere aankopers: één zin per les."),
        Field(
            "contact",
            Kind.CONTACT,
            help="Contact voor vragen over het project: 'name' (niet verplicht) met 'email' of 'url' (https://…).",
        ),
        Field(
            "documents",
            Kind.DOCUMENTS,
            many=True,
            help="Documenten (verslagen, bestek, …): lijst van {title, url} of {title, file}, met 'file' een "
            "bestand in content/media/ geschreven als '../media/naam.pdf'.",
        ),
        Field("links", Kind.LINKS, many=True, help="Nuttige links: lijst van {title, url}."),
        _ILLUSTRATION,
        _PUBLISHED,
        _UPDATED,
        _DRAFT,
        _ALIASES,
    ),
)

CONSULTATION = ContentType(
    "consultation",
    "consultations",
    "marktconsultaties",
    "marktconsultatie",
    "marktconsultaties",
    (
        _TITLE,
        _DESCRIPTION,
        _ORGANISATION,
        _themes(True),
        Field(
            "project", Kind.SLUG, ref="project", help="Bestandsnaam (zonder .md) van het bijhorende project."
        ),
        Field(
            "starts",
            Kind.DATETIME,
            help="Begin van de sessie, Belgische tijd (JJJJ-MM-DD UU:MM). Meer sessies: gebruik 'sessions'.",
            example="2027-01-15 14:00",
        ),
        Field("ends", Kind.DATETIME, help="Einde van de sessie, Belgische tijd (JJJJ-MM-DD UU:MM)."),
        Field("location", Kind.TEXT, help="Adres of plaats, of 'online'.", example="online"),
        Field(
            "sessions",
            Kind.SESSIONS,
            many=True,
            help="Meer dan één sessie: een lijst, elk met 'starts', eventueel 'ends', en 'location' "
            "(in plaats van starts/ends/location).",
        ),
        Field("registration_url", Kind.URL, help="Link naar het inschrijvingsformulier (https://…)."),
        Field("registration_deadline", Kind.DATE, help="Uiterste inschrijvingsdatum (JJJJ-MM-DD)."),
        Field(
            "contact",
            Kind.CONTACT,
            help="Contact voor deelnemers: 'name' (niet verplicht) met 'email' of 'url' (https://…).",
        ),
        Field(
            "documents",
            Kind.DOCUMENTS,
            many=True,
            help="Documenten voor deelnemers: lijst van {title, url} of {title, file}, met 'file' een bestand in "
            "content/media/ geschreven als '../media/naam.pdf'.",
        ),
        Field("language", Kind.TEXT, help="Taal van de sessie, bv. Nederlands of Engels."),
        Field("registrations", Kind.INT, help="Aantal inschrijvingen, achteraf in te vullen."),
        Field(
            "conclusions",
            Kind.DATE,
            help="Datum waarop de conclusies gepubliceerd werden. De conclusies zelf staan onder de front "
            f"matter, onder een kop die met 'Conclusie' begint, bv. '{CONCLUSIONS_HEADING}': de datum en die kop "
            "horen samen.",
        ),
        _ILLUSTRATION,
        _PUBLISHED,
        _UPDATED,
        _DRAFT,
        _ALIASES,
    ),
)

TIP = ContentType(
    "tip",
    "tips",
    "tips",
    "tip",
    "tips",
    (
        _TITLE,
        _DESCRIPTION,
        Field("kind", Kind.VOCAB, True, vocab="tip_kinds", help="tip, verhaal, getuigenis of weetje."),
        _themes(False),
        Field(
            "projects",
            Kind.SLUG,
            many=True,
            ref="project",
            help="Bestandsnamen van projecten waarover het gaat.",
        ),
        Field("author", Kind.TEXT, help="Auteur of bron."),
        _ILLUSTRATION,
        _PUBLISHED,
        _UPDATED,
        _DRAFT,
        _ALIASES,
    ),
)

FUNDING = ContentType(
    "funding",
    "funding",
    "financiering",
    "financieringsoproep",
    "financieringsoproepen",
    (
        _TITLE,
        _DESCRIPTION,
        Field("programme", Kind.TEXT, True, help="Programma, bv. Horizon Europe.", example="Horizon Europe"),
        Field("instrument", Kind.VOCAB, True, vocab="instruments", help="Instrument uit de woordenlijst."),
        _themes(False),
        Field("funding_rate", Kind.PERCENT, help="Financieringspercentage (bv. 90)."),
        Field("opens", Kind.DATE, help="Datum waarop de oproep opent (JJJJ-MM-DD)."),
        Field(
            "deadline",
            Kind.DATE_OR_DATETIME,
            True,
            help="Uiterste indiendatum (JJJJ-MM-DD of JJJJ-MM-DD UU:MM, Belgische tijd).",
            example="2027-04-15 17:00",
        ),
        Field(
            "url",
            Kind.URL,
            help="Officiële pagina van de oproep (https://…), als die bestaat.",
            example="https://",
        ),
        _ILLUSTRATION,
        _PUBLISHED,
        _UPDATED,
        _DRAFT,
        _ALIASES,
    ),
)

CONTENT_TYPES: dict[str, ContentType] = {t.name: t for t in (PROJECT, CONSULTATION, TIP, FUNDING)}


def _content_type(name: str) -> ContentType:
    return CONTENT_TYPES[name]


Vocabularies = dict[str, dict[str, str]]  # vocabulary name -> code -> Dutch label

VOCABULARY_NAMES = (
    "themes",
    "organisation_types",
    "phases",
    "stages",
    "procurement_types",
    "tip_kinds",
    "instruments",
)


def load_vocabularies(path: Path) -> Vocabularies:
    """The editors' vocabulary file, read leniently for the editor tools (`new`, `schema`).

    The build and `check` read it through `content/vocabularies.py`, which reports every problem in it.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8", errors="replace")) or {}
    except (yaml.YAMLError, RecursionError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    return {
        name: {str(k): str(v) for k, v in lists.items()} if isinstance(lists := data.get(name), dict) else {}
        for name in VOCABULARY_NAMES
    }
