"""Turn raw entries into typed entries, collecting every problem instead of stopping at the first.

Each value is read by the kind the schema declares, from the YAML node's *source text*: so an unquoted `no`
in a text field stays the text "no", and `yes` in a boolean field is refused rather than guessed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlparse, urlsplit

import yaml

from kenniscentrum.content.conclusions import conclusions_section
from kenniscentrum.content.load import RawEntry, control_name, node_line
from kenniscentrum.content.model import BRUSSELS, Contact, Document, Entry, Link, Milestone, Period, Session
from kenniscentrum.content.problems import Problem, did_you_mean
from kenniscentrum.content.schema import (
    CONCLUSIONS_HEADING,
    CONTROL,
    DATE_PATTERN,
    DATETIME_PATTERN,
    EMAIL_PATTERN,
    INT_PATTERN,
    MEDIA_FILE_PATTERN,
    MILESTONE_TEXT_MAX,
    MONEY_PATTERN,
    ORDER_RULES,
    PERIOD_PATTERN,
    PLAIN_TAGS,
    RESERVED_SLUGS,
    SLUG_PATTERN,
    STRUCTURES,
    TEXT_REFUSED,
    URL_PATTERN,
    YEAR_RANGE,
    Field,
    Kind,
    Vocabularies,
)

_REFUSED = [(re.compile(rule.pattern), rule) for rule in TEXT_REFUSED]
_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_DATETIME = re.compile(DATETIME_PATTERN)
_INT = re.compile(INT_PATTERN)
_NUMBER = re.compile(MONEY_PATTERN)
_URL = re.compile(URL_PATTERN)
_PERIOD = re.compile(PERIOD_PATTERN)
_EMAIL = re.compile(EMAIL_PATTERN)
_MEDIA_FILE = re.compile(MEDIA_FILE_PATTERN)
_PLACEHOLDER = re.compile(r"\bVUL IN\b")
# What an allowlist sanitizer would strip from a body; we report it so the editor knows it will not show.
_UNSAFE_BODY = re.compile(
    r"<\s*(script|iframe|object|embed|style|form)\b|\son[a-z]+\s*=|javascript\s*:", re.I
)

_SCRIPT = re.compile(r"javascript", re.I)  # as _UNSAFE_BODY matches it (re.I also takes 'ſ' for 's')

# An image the reader's browser would fetch from another website (the site makes no third-party requests).
_REMOTE_IMAGE = re.compile(
    r"!\[[^\]]*\]\(\s*<?\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})|<img\b[^>]*\ssrc\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|[/\\]{2})",
    re.I,
)

# Link targets in a body: inline links, reference definitions, HTML attributes and autolinks.
_LINK_TARGET = re.compile(
    r"\]\(\s*<?([^\s)>]+)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)|\b(?:href|src)\s*=\s*[\"']?([^\"'\s>]+)"
    r"|<([a-z][a-z0-9+.-]*:[^\s>]+)>",
    re.I,
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
    elif raw.slug in RESERVED_SLUGS:
        report(
            1,
            "",
            f"de bestandsnaam '{raw.slug}.md' is voorbehouden: op {ctype.url_prefix}/ staat de lijst van alle "
            f"{ctype.label_plural}",
            "geef het bestand de naam van het item, bv. 'slimme-straatverlichting.md'",
        )
    if raw.problems and not raw.nodes:  # unreadable or no front matter: its name is all there is to check
        return None, problems

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
        if spec.kind is Kind.MILESTONES:  # every problem of every milestone at once, each with its own field
            values[name] = _read_milestones(node, line, vocabularies, report)
            continue
        if spec.kind is Kind.DOCUMENTS and isinstance(
            node, yaml.SequenceNode
        ):  # likewise, `documents[2].file`
            values[name] = _read_each(spec, node, vocabularies, report)
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
    # An alias (`*naam`) points at a node written above the key: the problem stays on the field's own line.
    return max(line, key_line) if line is not None else max(key_line, node_line(node))


_POINT_LISTS = ("lessons", "results")  # lists of sentences, each a point on the page


def _read_each(
    spec: Field, node: yaml.SequenceNode, vocabularies: Vocabularies, report: Callable[..., None]
) -> list[Any]:
    """A list whose every item is read on its own: each problem named by its item and part (`documents[2].file`)."""
    result = []
    for number, item in enumerate(node.value, start=1):
        try:
            result.append(_read_one(spec, item, vocabularies))
        except _Invalid as exc:
            part = getattr(exc, "part", "")
            where = f"{spec.name}[{number}]" + (f".{part}" if part else "")
            report(getattr(exc, "line", None) or node_line(item), where, exc.message, exc.expected)
    if not node.value:
        report(node_line(node), spec.name, "leeg", "vul minstens één waarde in, of laat het veld weg")
    return result


def _read_field(spec: Field, node: yaml.Node, vocabularies: Vocabularies) -> Any:
    _check_tag(node)
    if spec.many:
        if isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith(":null"):
            raise _Invalid("leeg", "vul minstens één waarde in, of laat het veld weg")
        # `lessons: Een les. Nog een les.`: a paragraph where points were meant (one supplier may stand alone).
        if spec.name in _POINT_LISTS and isinstance(node, yaml.ScalarNode):
            raise _Invalid("verwacht een lijst, geen losse tekst", "zet elk punt op een regel met '- '")
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if (
            spec.kind is not Kind.LINKS
            and not isinstance(node, yaml.SequenceNode)
            and not isinstance(node, yaml.ScalarNode)
        ):
            raise _Invalid("verwacht een lijst", "schrijf elke waarde op een eigen regel met '- '")
        result = []
        for number, item in enumerate(items, start=1):
            try:
                result.append(_read_one(spec, item, vocabularies))
            except _Invalid as exc:
                if exc.message == "leeg" and len(items) > 1:  # say which item, not the whole list
                    exc.message = f"punt {number} van de lijst is leeg"
                    exc.expected = "vul het punt in of schrap de regel met '- '"
                exc.line = getattr(exc, "line", None) or node_line(item)  # type: ignore[attr-defined]
                raise
        if spec.required and not result:
            raise _Invalid("leeg", "vul minstens één waarde in")
        if spec.kind is not Kind.LINKS and len(set(result)) != len(result):  # would be listed twice
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
    _check_tag(node)
    text = str(node.value).strip()
    if match := CONTROL.search(text):  # written as a YAML escape ("\e", "\x0b"): not in the file's bytes
        raise _Invalid(
            f"bevat een onzichtbaar teken ({control_name(match.group(0))})",
            "schrijf gewone tekst zonder stuurtekens",
        )
    # Checked before any kind's parser, so a `new` placeholder in a date or a code is named as one.
    if _PLACEHOLDER.search(text):
        raise _Invalid(f"bevat nog de invulinstructie '{text}'", "vervang ze door de echte waarde")
    return text


def _check_tag(node: yaml.Node) -> None:
    if node.tag not in PLAIN_TAGS:
        raise _Invalid(
            f"heeft de YAML-markering '{written_tag(node.tag)}', die de waarde verandert",
            "schrijf de waarde zonder '!…' ervoor",
        )


def written_tag(tag: str) -> str:
    """A tag as the editor wrote it: `!!binary` rather than `tag:yaml.org,2002:binary`."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _read_one(spec: Field, node: yaml.Node, vocabularies: Vocabularies) -> Any:
    if spec.kind is Kind.LINKS:
        return _read_link(node)
    if spec.kind is Kind.DOCUMENTS:
        return _read_document(node)
    if spec.kind is Kind.CONTACT:
        return _read_contact(node)
    if spec.kind is Kind.SESSIONS:
        return _read_session(node)
    text = _scalar(node)
    if text == "" or (
        node.tag.endswith(":null") and not node.style and text in ("~", "null", "Null", "NULL")
    ):
        raise _Invalid("leeg", spec.help or "vul een waarde in, of laat het veld weg")
    return _PARSERS[spec.kind](text, spec, vocabularies)


def _read_text(text: str, spec: Field, _: Vocabularies) -> str:
    for pattern, rule in _REFUSED:
        if match := pattern.search(text):
            quoted = _offending(text, match)
            raise _Invalid(f"{rule.message}: {quoted}" if quoted else rule.message, rule.expected)
    if _PLACEHOLDER.search(text):
        raise _Invalid(f"bevat nog de invulinstructie '{text}'", "vervang ze door de echte waarde")
    return " ".join(text.split())


def _offending(text: str, match: re.Match[str]) -> str:
    """The part of a text a rule refuses, quoted: a tag up to its '>' (`'<naam>'`), else what matched."""
    end = text.find(">", match.start())
    part = text[match.start() : end + 1] if 0 <= end < match.start() + 40 else match.group(0)
    visible = any(c.isprintable() and not c.isspace() for c in part)
    return f"'{_short(part.strip())}'" if visible else ""  # invisible characters: nothing to quote


def _read_slug(text: str, spec: Field, _: Vocabularies) -> str:
    slug = text.removesuffix(".md")
    if not _SLUG.match(slug):
        raise _Invalid(f"'{text}' is geen bestandsnaam van een {spec.ref}", "bv. 'cold2gold' (zonder .md)")
    return slug


def _read_url(text: str, spec: Field, _: Vocabularies) -> str:
    try:
        parsed = urlparse(text)
    except ValueError:  # a host in brackets that is no IPv6 address: "https://a]b/"
        parsed = urlparse("")
    if parsed.scheme not in ("http", "https") or not parsed.netloc or not _URL.match(text):
        raise _Invalid(
            f"'{_short(text)}' is geen geldig webadres", "een volledig adres dat begint met https://"
        )
    return text


def _read_int(text: str, spec: Field, _: Vocabularies) -> int:
    if not _INT.match(text):
        if re.fullmatch(r"[+-]?\d+", text):
            raise _Invalid(f"'{_short(text)}' is te groot", _range_hint(spec))
        raise _Invalid(f"'{_short(text)}' is geen geheel getal", "bv. 2019")
    value = int(text)
    _check_bounds(value, text, spec)
    return value


def _read_money(text: str, spec: Field, _: Vocabularies) -> int | float:
    """An amount in euro, exact: at most 12 digits and 2 decimals, so a float prints back as written."""
    compact = text.replace("€", "").replace(" ", "").replace("_", "")
    if not _NUMBER.match(compact):
        if re.fullmatch(r"\d+(?:[.,]\d{1,2})?", compact):
            raise _Invalid(f"'{_short(text)}' is te groot", _range_hint(spec))
        raise _Invalid(f"'{_short(text)}' is geen bedrag", "een bedrag in euro zonder punten, bv. 180000")
    whole, _sep, cents = compact.replace(",", ".").partition(".")
    value: int | float = int(whole) if not cents.strip("0") else float(f"{int(whole)}.{cents}")
    _check_bounds(value, text, spec)
    return value


def _read_percent(text: str, spec: Field, _: Vocabularies) -> int | float:
    return _read_money(text.rstrip("%").strip(), spec, _)


def _check_bounds(value: float, text: str, spec: Field) -> None:
    low, high, exclusive = spec.bounds
    if value < low or (exclusive and value == low) or (high is not None and value > high):
        if spec.kind is Kind.INT and spec.minimum is not None:
            raise _Invalid(f"{_short(text)} is geen geldig jaartal", _range_hint(spec))
        if value < 0:
            raise _Invalid(f"'{_short(text)}' is negatief", "een positief getal")
        raise _Invalid(f"{_short(text)} ligt niet tussen {low} en {high}", _range_hint(spec))


def _range_hint(spec: Field) -> str:
    low, high, _exclusive = spec.bounds
    if spec.kind is Kind.PERCENT:
        return "een percentage, bv. 90"
    if spec.kind is Kind.INT and spec.minimum is not None:
        return f"een jaartal van {low} tot {high}"
    return f"een getal van {low} tot {high:_}".replace("_", ".") if high is not None else "een kleiner getal"


def _short(text: str) -> str:
    """A value quoted in a problem, cut short: a number of thousands of digits is not repeated in full."""
    return text if len(text) <= 40 else text[:20] + "…" + text[-5:]


def _read_bool(text: str, spec: Field, _: Vocabularies) -> bool:
    if text.lower() not in BOOL_WORDS:
        raise _Invalid(f"'{text}' is geen ja/nee-waarde", "schrijf true of false")
    return BOOL_WORDS[text.lower()]


def _read_date(text: str, spec: Field, _: Vocabularies) -> date:
    if not _DATE.match(text):
        raise _Invalid(f"'{_short(text)}' is geen datum", "schrijf JJJJ-MM-DD, bv. 2024-03-12")
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise _Invalid(f"de datum {text} bestaat niet", "controleer dag en maand (JJJJ-MM-DD)") from None
    _check_year(value, text)
    return value


def _check_year(value: date, text: str) -> None:
    if not YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1]:
        raise _Invalid(
            f"het jaar in {text} is onwaarschijnlijk",
            f"een datum tussen {YEAR_RANGE[0]} en {YEAR_RANGE[1]}: controleer het jaartal",
        )


def _read_datetime(text: str, spec: Field, _: Vocabularies) -> datetime:
    """A moment; without an offset it is Brussels time, which must exist once (not in the DST gap or overlap)."""
    if not _DATETIME.match(text):
        raise _Invalid(
            f"'{_short(text)}' is geen datum met uur", "schrijf JJJJ-MM-DD UU:MM, bv. 2024-03-12 14:00"
        )
    try:
        # "9:30" is an ordinary way to write the time; fromisoformat wants two digits.
        value = datetime.fromisoformat(re.sub(r"[ T](\d):", r"T0\1:", text.replace(" ", "T", 1), count=1))
    except ValueError:
        raise _Invalid(f"het tijdstip {text} bestaat niet", "controleer dag, maand en uur") from None
    _check_year(value.date(), text)
    if value.tzinfo:
        return value
    local = value.replace(tzinfo=BRUSSELS)
    if local.astimezone(UTC).astimezone(BRUSSELS).replace(tzinfo=None) != value:
        raise _Invalid(
            f"{text} bestaat niet in Belgische tijd: de klok springt die nacht van 2:00 naar 3:00",
            "kies een ander uur",
        )
    if local.utcoffset() != value.replace(tzinfo=BRUSSELS, fold=1).utcoffset():
        raise _Invalid(
            f"{text} komt twee keer voor in Belgische tijd: de klok gaat die nacht van 3:00 terug naar 2:00",
            "schrijf de tijdzone erbij: +02:00 voor de eerste keer, +01:00 voor de tweede",
        )
    return local


def _read_date_or_datetime(text: str, spec: Field, v: Vocabularies) -> date | datetime:
    return _read_date(text, spec, v) if _DATE.match(text) else _read_datetime(text, spec, v)


def _read_vocab(text: str, spec: Field, vocabularies: Vocabularies) -> str:
    if spec.vocab not in vocabularies:
        return text  # the list itself is broken: reported once, at content/vocabularies.yml
    vocab = vocabularies[spec.vocab or ""]
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


def _parts(node: yaml.Node, allowed: tuple[str, ...], what: str, example: str) -> dict[str, yaml.Node]:
    """The fields of a value made of several (a document, a contact): a mapping of known names."""
    if not isinstance(node, yaml.MappingNode):
        raise _Invalid(f"{what} heeft de velden {', '.join(allowed)}", example)
    parts = {str(k.value): v for k, v in node.value}
    unknown = sorted(set(parts) - set(allowed))
    if unknown:
        invalid = _Invalid(
            f"'{unknown[0]}' is geen veld van {what}", did_you_mean(unknown[0], allowed) or example
        )
        invalid.line = node_line(node)  # type: ignore[attr-defined]
        raise invalid
    return parts


def _read_part(parts: dict[str, yaml.Node], name: str, parser: Callable[[str], Any]) -> Any:
    try:
        text = _scalar(parts[name])
        if text == "":
            raise _Invalid("leeg", "vul een waarde in, of laat het veld weg")
        return parser(text)
    except _Invalid as exc:
        exc.line = node_line(parts[name])  # type: ignore[attr-defined]
        exc.part = name  # type: ignore[attr-defined]
        raise


def _text_part(text: str) -> str:
    return _read_text(text, Field("text", Kind.TEXT), {})


def _https(text: str) -> str:
    """A web address a reader opens from a page: https only."""
    url = _read_url(text, Field("url", Kind.URL), {})
    if not url.startswith("https://"):
        raise _Invalid(f"'{_short(text)}' is geen beveiligd webadres", "een adres dat begint met https://")
    return url


def _email(text: str) -> str:
    address = text.removeprefix("mailto:")
    if not _EMAIL.match(address) or len(address) > 254:
        raise _Invalid(f"'{_short(text)}' is geen e-mailadres", "bv. 'naam@organisatie.be'")
    return address


def _media_file(text: str) -> str:
    if not _MEDIA_FILE.match(text):
        raise _Invalid(
            f"'{_short(text)}' is geen bestand in content/media/",
            "schrijf '../media/naam.pdf' (kleine letters, cijfers en koppeltekens)",
        )
    return text


def _read_document(node: yaml.Node) -> Document:
    """A document: `title` with either `url` (https://…) or `file` (../media/…)."""
    example = "bv. '- title: Eindverslag' met daaronder 'url: https://…' of 'file: ../media/eindverslag.pdf'"
    parts = _parts(node, ("title", "url", "file"), "een document", example)
    if "title" not in parts or ("url" in parts) == ("file" in parts):
        invalid = _Invalid("een document heeft een 'title' en één van 'url' of 'file'", example)
        invalid.line = node_line(node)  # type: ignore[attr-defined]
        raise invalid
    title = _read_part(parts, "title", _text_part)
    if "url" in parts:
        return Document(title, url=_read_part(parts, "url", _https), line=node_line(node))
    return Document(title, file=_read_part(parts, "file", _media_file), line=node_line(parts["file"]))


def _read_contact(node: yaml.Node) -> Contact:
    """A contact: an optional `name` with an `email` address or a `url` (https://…), or both."""
    example = "bv. 'name: Naam Achternaam' met daaronder 'email: naam@organisatie.be' of 'url: https://…'"
    parts = _parts(node, ("name", "email", "url"), "een contact", example)
    if "email" not in parts and "url" not in parts:
        raise _Invalid("een contact heeft een 'email' of een 'url'", example)
    return Contact(
        name=_read_part(parts, "name", _text_part) if "name" in parts else "",
        email=_read_part(parts, "email", _email) if "email" in parts else "",
        url=_read_part(parts, "url", _https) if "url" in parts else "",
    )


def _read_period(text: str) -> Period:
    """'2023-03-12', '2023-03' or '2023': a day, a month or a year."""
    if not _PERIOD.match(text):
        raise _Invalid(
            f"'{_short(text)}' is geen datum, maand of jaar",
            "schrijf JJJJ-MM-DD, JJJJ-MM of JJJJ, bv. 2023-03",
        )
    year, month, day = (int(part) for part in [*text.split("-"), "0", "0"][:3])
    if len(text) >= 7 and not 1 <= month <= 12:
        raise _Invalid(f"de maand in {text} bestaat niet", "een maand van 01 tot 12")
    if day:
        _read_date(text, Field("date", Kind.DATE), {})  # the day exists, the year is plausible
    elif not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise _Invalid(
            f"het jaar in {text} is onwaarschijnlijk",
            f"een datum tussen {YEAR_RANGE[0]} en {YEAR_RANGE[1]}: controleer het jaartal",
        )
    return Period(year, month, day)


_MILESTONE_PARTS = tuple(part.name for part in STRUCTURES[Kind.MILESTONES].parts)
_MILESTONE_HELP = {
    "date": "de dag, maand of het jaar van de stap: JJJJ-MM-DD, JJJJ-MM of JJJJ",
    "stage": "een code uit de woordenlijst 'stages' in content/vocabularies.yml",
    "text": "één korte zin over wat er gebeurde",
}


def _read_milestones(
    node: yaml.Node, key_line: int, vocabularies: Vocabularies, report: Callable[..., None]
) -> list[Milestone]:
    """A project's milestones, in any order; every problem is reported on its own line and field
    (`milestones[2].stage` is the stage of the second milestone)."""
    try:
        _check_tag(node)
    except _Invalid as exc:
        report(key_line, "milestones", exc.message, exc.expected)
        return []
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        report(
            key_line,
            "milestones",
            "verwacht een lijst van mijlpalen",
            "schrijf elke mijlpaal als '- date: JJJJ-MM' met daaronder 'stage: …' en 'text: …'",
        )
        return []
    stage = Field("stage", Kind.VOCAB, vocab="stages")
    milestones: list[Milestone] = []
    for number, item in enumerate(node.value, start=1):
        where = f"milestones[{number}]"
        if not isinstance(item, yaml.MappingNode):
            report(
                node_line(item),
                where,
                "een mijlpaal heeft een datum, een stap en een tekst",
                "schrijf '- date: JJJJ-MM' met daaronder 'stage: …' en 'text: …'",
            )
            continue
        parts: dict[str, yaml.Node] = {}
        for key, value in item.value:
            name = str(key.value)
            if name not in _MILESTONE_PARTS:
                hint = did_you_mean(name, _MILESTONE_PARTS)
                report(
                    node_line(key),
                    f"{where}.{name}",
                    "onbekend veld voor een mijlpaal",
                    hint or "toegelaten velden: " + ", ".join(_MILESTONE_PARTS),
                )
            else:
                parts[name] = value
        for name, expected in _MILESTONE_HELP.items():
            if name not in parts:
                report(node_line(item), f"{where}.{name}", "ontbreekt", expected)
        read: dict[str, Any] = {}
        parsers: dict[str, Callable[[str], Any]] = {
            "date": _read_period,
            "stage": lambda text: _read_vocab(text, stage, vocabularies),
            "text": _milestone_text,
            "link": _https,
        }
        for name, value in parts.items():
            try:
                read[name] = _read_part(parts, name, parsers[name])
            except _Invalid as exc:
                report(node_line(value), f"{where}.{name}", exc.message, exc.expected)
        if set(_MILESTONE_HELP) <= set(read) and ("link" in read or "link" not in parts):
            milestone = Milestone(read["date"], read["stage"], read["text"], read.get("link", ""))
            if milestone in milestones:
                report(
                    node_line(item),
                    where,
                    "deze mijlpaal staat er twee keer in",
                    "noem elke mijlpaal één keer",
                )
            else:
                milestones.append(milestone)
    return milestones


def _milestone_text(text: str) -> str:
    value = _text_part(text)
    if len(value) > MILESTONE_TEXT_MAX:
        raise _Invalid(
            f"is te lang voor een tijdlijn ({len(value)} tekens)",
            f"hoogstens {MILESTONE_TEXT_MAX} tekens; meer uitleg hoort in de tekst onder de front matter",
        )
    return value


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
    """Rules over two fields (schema.ORDER_RULES): an end before its start is a typo an editor wants to hear about."""
    for rule in ORDER_RULES:
        earlier, later = values.get(rule.earlier), values.get(rule.later)
        if earlier is None or later is None:
            continue
        wrong = _day(later) < _day(earlier) if rule.by_day else _before(later, earlier)
        if wrong:
            report(raw.key_lines[rule.report_on], rule.report_on, rule.message, rule.expected)
    if raw.type.field("conclusions") is None:
        return
    heading = conclusions_section(raw.body)[0]
    if "conclusions" in values and not heading:
        report(
            raw.key_lines["conclusions"],
            "conclusions",
            "er is een datum voor de conclusies, maar de tekst heeft geen kop 'Conclusies'",
            f"zet de conclusies onder een kop '{CONCLUSIONS_HEADING}', of laat 'conclusions' weg",
        )
    elif heading and "conclusions" not in raw.nodes:
        line = next(
            (n for n, text in enumerate(raw.body.splitlines(), raw.body_line) if heading in text),
            raw.body_line,
        )
        report(
            line,
            "conclusions",
            "de tekst heeft een kop 'Conclusies', maar 'conclusions' ontbreekt",
            "vul 'conclusions:' in met de datum waarop ze gepubliceerd werden (JJJJ-MM-DD)",
        )


def _day(value: date | datetime) -> date:
    return value.astimezone(BRUSSELS).date() if isinstance(value, datetime) else value


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


def _check_body(raw: RawEntry, report: Callable[..., None]) -> None:
    # A tag, a handler, a remote image or a placeholder cannot be written without one of these: most bodies
    # need only the link check on each line.
    suspect = any(text in raw.body for text in ("<", "=", "![", "VUL IN")) or bool(_SCRIPT.search(raw.body))
    for number, line in enumerate(raw.body.splitlines(), start=raw.body_line):
        if not suspect:
            if bad := _unparsable_link(line):
                report(
                    number,
                    "tekst",
                    f"bevat een ongeldig webadres '{_short(bad)}'",
                    "controleer het adres: vierkante haken [ ] horen niet in de naam van een website",
                )
        elif match := _UNSAFE_BODY.search(line):
            report(
                number,
                "tekst",
                f"bevat '{match.group(0).strip()}', dat om veiligheidsredenen niet getoond wordt",
                "gebruik gewone Markdown; scripts, iframes en event-handlers zijn niet toegelaten",
            )
        elif _REMOTE_IMAGE.search(line):
            report(
                number,
                "tekst",
                "toont een afbeelding van een andere website, die de site niet laadt",
                "link ernaar met [tekst](https://…) in plaats van ![tekst](https://…)",
            )
        elif bad := _unparsable_link(line):
            report(
                number,
                "tekst",
                f"bevat een ongeldig webadres '{_short(bad)}'",
                "controleer het adres: vierkante haken [ ] horen niet in de naam van een website",
            )
        elif _PLACEHOLDER.search(line):
            report(number, "tekst", "bevat nog een invulinstructie", "vervang 'VUL IN' door de echte tekst")
    if found := _too_deep(raw.body):
        offset, what = found
        report(
            raw.body_line + offset,
            "tekst",
            f"is te diep genest ({what})",
            "schrijf lijsten, citaten en blokken hoogstens enkele niveaus diep",
        )


def _unparsable_link(line: str) -> str:
    """A link target no URL parser accepts ("https://a]b/"): MkDocs would stop the build with a traceback."""
    if "]" not in line and "=" not in line and "<" not in line:
        return ""  # no link target can be written without one of these
    for match in _LINK_TARGET.finditer(line):
        url = next(g for g in match.groups() if g is not None)
        if "&" in url:
            url = html.unescape(url)
        if url.isascii() and "[" not in url and "]" not in url:
            continue  # urlsplit refuses only brackets (IPv6) and non-ASCII host names
        try:
            urlsplit(url)
        except ValueError:
            return url
    return ""


# Python-Markdown renders nesting recursively (RecursionError from about 250 list levels or 500 HTML blocks)
# and nested brackets in quadratic time (20,000 take minutes): far beyond these limits no text goes.
MAX_INDENT = 200  # columns of leading whitespace: 50 list levels
MAX_DEPTH = 100  # open HTML elements, or unclosed '[' within a paragraph
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")
_BRACKET = re.compile(r"[\[\]]")
# Elements that do not nest: void ones, and those whose end tag HTML lets an editor leave out (<p>, <li>, …).
_VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_END_OPTIONAL = frozenset(
    {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "caption"}
)
_UNNESTED = _VOID | _END_OPTIONAL


def _too_deep(body: str) -> tuple[int, str] | None:
    """The first line (0-based, in the body) where the nesting passes a limit, and what is nested."""
    elements = brackets = 0
    deep = MAX_INDENT + 1
    for offset, line in enumerate(body.splitlines()):
        if (
            not brackets
            and "\t" not in line
            and "<" not in line
            and "[" not in line
            and not (len(line) >= deep and line[:deep].isspace())
        ):
            continue  # most lines: indented less than the limit, no tag, no bracket open or opened
        expanded = line.expandtabs(4) if "\t" in line else line
        indent = len(expanded) - len(expanded.lstrip())
        if indent > MAX_INDENT:
            return offset, f"{indent} spaties inspringing"
        if not line.strip():
            brackets = 0
        for closing, name, empty in _TAG.findall(line) if "<" in line else ():
            if empty or name.lower() in _UNNESTED:
                continue
            if closing:
                elements = max(0, elements - 1)
            else:
                elements += 1
                if elements > MAX_DEPTH:
                    return offset, f"meer dan {MAX_DEPTH} HTML-elementen in elkaar"
        if "[" not in line:
            brackets = max(0, brackets - line.count("]"))
            continue
        for bracket in _BRACKET.findall(line):
            brackets = brackets + 1 if bracket == "[" else max(0, brackets - 1)
            if brackets > MAX_DEPTH:
                return offset, f"meer dan {MAX_DEPTH} haken '[' in elkaar"
    return None
