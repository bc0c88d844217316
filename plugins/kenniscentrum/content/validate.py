"""Turn raw entries into typed entries, collecting every problem instead of stopping at the first.

Each value is read by the kind the schema declares, from the YAML node's *source text*: so an unquoted `no`
in a text field stays the text "no", and `yes` in a boolean field is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse

import yaml

from kenniscentrum.content.load import RawEntry, node_line
from kenniscentrum.content.model import BRUSSELS, Entry, Link, Session
from kenniscentrum.content.problems import Problem, did_you_mean
from kenniscentrum.content.schema import Field, Kind, Vocabularies

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!]")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$")
_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d{1,2})?$")
_PLACEHOLDER = re.compile(r"\bVUL IN\b")
# What an allowlist sanitizer would strip from a body; we report it so the editor knows it will not show.
_UNSAFE_BODY = re.compile(
    r"<\s*(script|iframe|object|embed|style|form)\b|\son[a-z]+\s*=|javascript\s*:", re.I
)

BOOL_WORDS = {"true": True, "false": False}


class _Invalid(Exception):
    """A value could not be read; carries the Dutch message and what was expected."""

    def __init__(self, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected


def validate_entry(raw: RawEntry, vocabularies: Vocabularies) -> tuple[Entry | None, list[Problem]]:
    """Validate one raw entry; returns the entry only when it has no problems."""
    problems = list(raw.problems)
    if problems and not raw.nodes:
        return None, problems
    ctype = raw.type

    def report(line: int, name: str, message: str, expected: str = "") -> None:
        problems.append(Problem(raw.path, line, name, message, expected))

    if not _SLUG.match(raw.slug):
        report(
            1,
            "",
            f"de bestandsnaam '{raw.slug}.md' is geen geldige slug",
            "gebruik kleine letters, cijfers en koppeltekens, bv. 'slimme-straatverlichting.md'",
        )

    values: dict[str, Any] = {}
    names = [f.name for f in ctype.fields]
    for name, node in raw.nodes.items():
        spec = ctype.field(name)
        line = raw.key_lines[name]
        if spec is None:
            hint = did_you_mean(name, names)
            report(
                line,
                name,
                f"onbekend veld voor een {ctype.label}",
                hint or "toegelaten velden: " + ", ".join(names),
            )
            continue
        try:
            values[name] = _read_field(spec, node, vocabularies)
        except _Invalid as exc:
            report(_error_line(exc, node, line), name, exc.message, exc.expected)
    for spec in ctype.fields:
        if spec.required and spec.name not in raw.nodes:
            report(1, spec.name, "verplicht veld ontbreekt", spec.help)

    _check_relations(values, raw, report)
    _check_sessions(values, raw, report)
    _check_body(raw, report)
    if problems:
        return None, problems
    common = {k: values.pop(k) for k in ("title", "description", "published") if k in values}
    entry = Entry(
        type=ctype,
        slug=raw.slug,
        path=raw.path,
        body=raw.body,
        body_line=raw.body_line,
        updated=values.pop("updated", None),
        draft=values.pop("draft", False),
        themes=tuple(values.pop("themes", ())),
        data=values,
        lines=dict(raw.key_lines),
        **common,
    )
    return entry, problems


def _error_line(exc: _Invalid, node: yaml.Node, key_line: int) -> int:
    line = getattr(exc, "line", None)
    return line if line is not None else max(key_line, node_line(node))


def _read_field(spec: Field, node: yaml.Node, vocabularies: Vocabularies) -> Any:
    if spec.many:
        if isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith(":null"):
            raise _Invalid("leeg", "vul minstens één waarde in, of laat het veld weg")
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if (
            spec.kind is not Kind.LINKS
            and not isinstance(node, yaml.SequenceNode)
            and not isinstance(node, yaml.ScalarNode)
        ):
            raise _Invalid("verwacht een lijst", "schrijf elke waarde op een eigen regel met '- '")
        result = []
        for item in items:
            try:
                result.append(_read_one(spec, item, vocabularies))
            except _Invalid as exc:
                exc.line = getattr(exc, "line", None) or node_line(item)  # type: ignore[attr-defined]
                raise
        if spec.required and not result:
            raise _Invalid("leeg", "vul minstens één waarde in")
        if spec.kind is Kind.VOCAB and len(set(result)) != len(result):
            raise _Invalid("bevat een waarde twee keer", "noem elke waarde één keer")
        return result
    if isinstance(node, yaml.SequenceNode):
        raise _Invalid("verwacht één waarde, geen lijst", "schrijf de waarde achter de dubbele punt")
    return _read_one(spec, node, vocabularies)


def _scalar(node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _Invalid(
            "verwacht één waarde", "schrijf de waarde achter de dubbele punt, niet als lijst of blok"
        )
    text = str(node.value).strip()
    # Checked before any kind's parser, so a `new` placeholder in a date or a code is named as one.
    if _PLACEHOLDER.search(text):
        raise _Invalid(f"bevat nog de invulinstructie '{text}'", "vervang ze door de echte waarde")
    return text


def _read_one(spec: Field, node: yaml.Node, vocabularies: Vocabularies) -> Any:
    if spec.kind is Kind.LINKS:
        return _read_link(node)
    if spec.kind is Kind.SESSIONS:
        return _read_session(node)
    text = _scalar(node)
    if text == "" or (
        node.tag.endswith(":null") and not node.style and text in ("~", "null", "Null", "NULL")
    ):
        raise _Invalid("leeg", spec.help or "vul een waarde in, of laat het veld weg")
    return _PARSERS[spec.kind](text, spec, vocabularies)


def _read_text(text: str, spec: Field, _: Vocabularies) -> str:
    if _HTML_TAG.search(text):
        raise _Invalid(
            "bevat HTML", "schrijf gewone tekst; opmaak en links horen in de tekst onder de front matter"
        )
    if _PLACEHOLDER.search(text):
        raise _Invalid(f"bevat nog de invulinstructie '{text}'", "vervang ze door de echte waarde")
    return " ".join(text.split())


def _read_slug(text: str, spec: Field, _: Vocabularies) -> str:
    slug = text.removesuffix(".md")
    if not _SLUG.match(slug):
        raise _Invalid(f"'{text}' is geen bestandsnaam van een {spec.ref}", "bv. 'cold2gold' (zonder .md)")
    return slug


def _read_url(text: str, spec: Field, _: Vocabularies) -> str:
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or any(c.isspace() for c in text):
        raise _Invalid(
            f"'{text}' is geen geldige webadres", "een volledig adres dat begint met https:// of http://"
        )
    return text


def _read_int(text: str, spec: Field, _: Vocabularies) -> int:
    if not _INT.match(text):
        raise _Invalid(f"'{text}' is geen geheel getal", "bv. 2019")
    value = int(text)
    if value < 0:
        raise _Invalid(f"'{text}' is negatief", "een positief getal")
    if spec.name == "year" and not 2000 <= value <= 2100:
        raise _Invalid(f"{value} is geen geldig jaartal", "een jaartal zoals 2019")
    return value


def _read_money(text: str, spec: Field, _: Vocabularies) -> int | float:
    compact = text.replace("€", "").replace(" ", "").replace("_", "")
    if not _NUMBER.match(compact):
        raise _Invalid(f"'{text}' is geen bedrag", "een bedrag in euro zonder punten, bv. 180000")
    number = float(compact.replace(",", "."))
    return int(number) if number.is_integer() else number


def _read_percent(text: str, spec: Field, _: Vocabularies) -> int | float:
    value = _read_money(text.rstrip("%").strip(), spec, _)
    if not 0 < value <= 100:
        raise _Invalid(f"{text} ligt niet tussen 0 en 100", "een percentage, bv. 90")
    return value


def _read_bool(text: str, spec: Field, _: Vocabularies) -> bool:
    if text.lower() not in BOOL_WORDS:
        raise _Invalid(f"'{text}' is geen ja/nee-waarde", "schrijf true of false")
    return BOOL_WORDS[text.lower()]


def _read_date(text: str, spec: Field, _: Vocabularies) -> date:
    if not _DATE.match(text):
        raise _Invalid(f"'{text}' is geen datum", "schrijf JJJJ-MM-DD, bv. 2024-03-12")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _Invalid(f"de datum {text} bestaat niet", "controleer dag en maand (JJJJ-MM-DD)") from None


def _read_datetime(text: str, spec: Field, _: Vocabularies) -> datetime:
    if not _DATETIME.match(text):
        raise _Invalid(f"'{text}' is geen datum met uur", "schrijf JJJJ-MM-DD UU:MM, bv. 2024-03-12 14:00")
    try:
        value = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise _Invalid(f"het tijdstip {text} bestaat niet", "controleer dag, maand en uur") from None
    return value if value.tzinfo else value.replace(tzinfo=BRUSSELS)


def _read_date_or_datetime(text: str, spec: Field, v: Vocabularies) -> date | datetime:
    return _read_date(text, spec, v) if _DATE.match(text) else _read_datetime(text, spec, v)


def _read_vocab(text: str, spec: Field, vocabularies: Vocabularies) -> str:
    vocab = vocabularies.get(spec.vocab or "", {})
    if text in vocab:
        return text
    by_label = {label.lower(): code for code, label in vocab.items()}
    if text.lower() in by_label:
        hint = f"bedoelde je '{by_label[text.lower()]}'?"
    else:
        hint = did_you_mean(text, vocab) or "kies uit: " + ", ".join(vocab)
    raise _Invalid(
        f"'{text}' staat niet in de woordenlijst '{spec.vocab}'",
        f"{hint} (nieuwe waarden voeg je toe in content/vocabularies.yml)",
    )


def _read_link(node: yaml.Node) -> Link:
    if not isinstance(node, yaml.MappingNode):
        raise _Invalid(
            "een link heeft een titel en een adres", "schrijf '- title: …' en daaronder 'url: https://…'"
        )
    parts = {str(k.value): v for k, v in node.value}
    unknown = set(parts) - {"title", "url"}
    if unknown or not {"title", "url"} <= set(parts):
        raise _Invalid(
            "een link heeft precies de velden 'title' en 'url'",
            "bv. '- title: Projectpagina' en '  url: https://…'",
        )
    values = {}
    for name, kind in (("title", Kind.TEXT), ("url", Kind.URL)):
        try:
            values[name] = _PARSERS[kind](_scalar(parts[name]), Field(name, kind), {})
        except _Invalid as exc:
            exc.line = node_line(parts[name])  # type: ignore[attr-defined]
            raise
    return Link(**values)


def _read_session(node: yaml.Node) -> Session:
    """One session of `sessions:`: `starts` (required), `ends` and `location` (required), read like the fields."""
    if not isinstance(node, yaml.MappingNode):
        raise _Invalid(
            "een sessie heeft een begin en een plaats",
            "schrijf '- starts: JJJJ-MM-DD UU:MM' en daaronder 'location: …' (en eventueel 'ends: …')",
        )
    parts = {str(k.value): v for k, v in node.value}
    kinds = {"starts": Kind.DATETIME, "ends": Kind.DATETIME, "location": Kind.TEXT}
    unknown = sorted(set(parts) - set(kinds))
    if unknown or not {"starts", "location"} <= set(parts):
        hint = did_you_mean(unknown[0], kinds) if unknown else ""
        raise _Invalid(
            "een sessie heeft de velden 'starts', 'location' en eventueel 'ends'"
            + (f" ('{unknown[0]}' is onbekend)" if unknown else ""),
            hint or "bv. '- starts: 2027-01-15 14:00', '  ends: 2027-01-15 16:00', '  location: online'",
        )
    values = {}
    for name, value_node in parts.items():
        try:
            values[name] = _PARSERS[kinds[name]](_scalar(value_node), Field(name, kinds[name]), {})
        except _Invalid as exc:
            exc.line = node_line(value_node)  # type: ignore[attr-defined]
            raise
    if "ends" in values and values["ends"] < values["starts"]:
        invalid = _Invalid("het einde van de sessie ligt vóór het begin", "een tijdstip na 'starts'")
        invalid.line = node_line(parts["ends"])  # type: ignore[attr-defined]
        raise invalid
    return Session(values["starts"], values.get("ends"), values["location"])


_PARSERS: dict[Kind, Callable[[str, Field, Vocabularies], Any]] = {
    Kind.TEXT: _read_text,
    Kind.SLUG: _read_slug,
    Kind.URL: _read_url,
    Kind.INT: _read_int,
    Kind.MONEY: _read_money,
    Kind.PERCENT: _read_percent,
    Kind.BOOL: _read_bool,
    Kind.DATE: _read_date,
    Kind.DATETIME: _read_datetime,
    Kind.DATE_OR_DATETIME: _read_date_or_datetime,
    Kind.VOCAB: _read_vocab,
}


def _check_relations(values: dict[str, Any], raw: RawEntry, report: Callable[..., None]) -> None:
    """Checks that need two fields: an end before its start is a typo an editor wants to hear about."""
    lines = raw.key_lines
    pairs = (
        ("starts", "ends", "het einde ligt vóór het begin", "een tijdstip na 'starts'"),
        (
            "published",
            "updated",
            "de wijzigingsdatum ligt vóór de publicatiedatum",
            "een datum op of na 'published'",
        ),
        ("opens", "deadline", "de deadline ligt vóór de opening", "een deadline na 'opens'"),
    )
    for first, second, message, expected in pairs:
        if first in values and second in values and _before(values[second], values[first]):
            report(lines[second], second, message, expected)
    starts, deadline = values.get("starts"), values.get("registration_deadline")
    if starts and deadline and deadline > starts.astimezone(BRUSSELS).date():
        report(
            lines["registration_deadline"],
            "registration_deadline",
            "de inschrijvingsdeadline ligt na de start van de sessie",
            "een datum op of vóór 'starts'",
        )


def _check_sessions(values: dict[str, Any], raw: RawEntry, report: Callable[..., None]) -> None:
    """A consultation has one session (`starts`, `location`) or a list (`sessions`), never both or neither."""
    if raw.type.field("sessions") is None:
        return
    lines = raw.key_lines
    single = [name for name in ("starts", "ends", "location") if name in raw.nodes]
    sessions, deadline = values.get("sessions"), values.get("registration_deadline")
    if sessions and deadline and deadline > min(s.starts for s in sessions).astimezone(BRUSSELS).date():
        report(
            lines["registration_deadline"],
            "registration_deadline",
            "de inschrijvingsdeadline ligt na de start van de sessie",
            "een datum op of vóór de eerste sessie",
        )
    if "sessions" in raw.nodes:
        for name in single:
            report(
                lines[name],
                name,
                "staat er naast 'sessions'",
                "zet begin, einde en plaats bij elke sessie onder 'sessions', of gebruik geen 'sessions'",
            )
        return
    for name in ("starts", "location"):
        if name not in raw.nodes:
            spec = raw.type.field(name)
            report(1, name, "verplicht veld ontbreekt", spec.help if spec else "")


def _before(later: date | datetime, earlier: date | datetime) -> bool:
    """True when `later` lies before `earlier`; mixed date/datetime pairs compare by day."""
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        return later < earlier
    return _day(later) < _day(earlier)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _check_body(raw: RawEntry, report: Callable[..., None]) -> None:
    for number, line in enumerate(raw.body.splitlines(), start=raw.body_line):
        if match := _UNSAFE_BODY.search(line):
            report(
                number,
                "tekst",
                f"bevat '{match.group(0).strip()}', dat om veiligheidsredenen niet getoond wordt",
                "gebruik gewone Markdown; scripts, iframes en event-handlers zijn niet toegelaten",
            )
        elif _PLACEHOLDER.search(line):
            report(number, "tekst", "bevat nog een invulinstructie", "vervang 'VUL IN' door de echte tekst")
