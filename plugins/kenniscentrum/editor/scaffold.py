"""`kenniscentrum new`: write a new content file that shows the editor every field of its type.

The file is derived from the schema: each field gets its Dutch help as a comment, optional fields are written
commented out, and required fields without a sensible default get a `VUL IN` placeholder that
`kenniscentrum check` refuses until it is replaced. So a fresh file is never published by accident.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kenniscentrum.content.catalogue import slugify
from kenniscentrum.content.schema import (
    CONTENT_TYPES,
    PLACEHOLDER,
    RESERVED_SLUGS,
    STRUCTURES,
    ContentType,
    Field,
    Kind,
    Vocabularies,
)

# Editors type Dutch or English names, singular or plural, and the folder name.
TYPE_NAMES: dict[str, str] = {
    "project": "project",
    "projecten": "project",
    "projects": "project",
    "marktconsultatie": "consultation",
    "marktconsultaties": "consultation",
    "consultatie": "consultation",
    "consultation": "consultation",
    "consultations": "consultation",
    "tip": "tip",
    "tips": "tip",
    "verhaal": "tip",
    "financiering": "funding",
    "financieringsoproep": "funding",
    "funding": "funding",
    "oproep": "funding",
}

# Example values for optional fields, written commented out so the editor sees the expected shape.
_OPTIONAL_EXAMPLES: dict[Kind, str] = {
    Kind.TEXT: "",  # the help above says what to write
    Kind.SLUG: "bestandsnaam-zonder-md",
    Kind.URL: "https://…",
    Kind.INT: "0",
    Kind.MONEY: "180000",
    Kind.PERCENT: "90",
    Kind.DATE: "{today}",
    Kind.DATETIME: "{today} 16:00",
    Kind.DATE_OR_DATETIME: "{today} 17:00",
}

# What the editor must type instead of a placeholder, per kind (shown next to it).
_FORMATS: dict[Kind, str] = {
    Kind.DATE: "JJJJ-MM-DD",
    Kind.DATETIME: "JJJJ-MM-DD UU:MM",
    Kind.DATE_OR_DATETIME: "JJJJ-MM-DD of JJJJ-MM-DD UU:MM",
    Kind.INT: "een getal",
    Kind.URL: "een adres dat begint met https://",
}


class ScaffoldError(Exception):
    """A `new` request that cannot be carried out; the message is Dutch and tells what to do instead."""


@dataclass(frozen=True)
class Placeholder:
    """A line of the new file the editor still has to fill in."""

    line: int
    field: str  # field name, or "tekst" for the body
    hint: str


def resolve_type(name: str) -> ContentType:
    """The content type an editor means by `name` (Dutch or English, singular or plural)."""
    key = TYPE_NAMES.get(name.strip().lower())
    if key is None:
        known = ", ".join(("project", "marktconsultatie", "tip", "financiering"))
        raise ScaffoldError(f"onbekend soort item '{name}': kies uit {known}")
    return CONTENT_TYPES[key]


def scaffold(
    ctype: ContentType, title: str, today: date, vocabularies: Vocabularies
) -> tuple[str, list[Placeholder]]:
    """The text of a new file and the placeholders in it, by line number."""
    lines = ["---"]
    placeholders: list[Placeholder] = []
    for spec in ctype.fields:
        # A consultation needs one session: `new` writes the single-session form, `sessions` stays a comment.
        if ctype.field("sessions") and spec.name in ("starts", "location"):
            spec = dataclasses.replace(spec, required=True)
        help_text = spec.help + ("" if spec.required else " (niet verplicht)")
        lines.append(f"# {help_text}")
        if spec.kind is Kind.VOCAB:
            lines.append(f"# Kies uit: {_choices(vocabularies.get(spec.vocab or '', {}))}")
        value, hint = _value(spec, title, today, vocabularies)
        if spec.required:
            lines.append(f"{spec.name}: {value}")
            if hint:
                placeholders.append(Placeholder(len(lines), spec.name, hint))
        else:
            lines.append(f"# {spec.name}: {value}")
    lines.append("---")
    lines.append("")
    lines.append(f"{PLACEHOLDER}: schrijf hier de tekst van de pagina, in Markdown.")
    placeholders.append(Placeholder(len(lines), "tekst", "de tekst van de pagina, onder de tweede ---"))
    return "\n".join(lines) + "\n", placeholders


def _choices(vocabulary: dict[str, str]) -> str:
    return ", ".join(
        code if code == label.lower() else f"{code} = {label}" for code, label in vocabulary.items()
    )


def _value(spec: Field, title: str, today: date, vocabularies: Vocabularies) -> tuple[str, str]:
    """The value written for a field, and a hint when it is a placeholder."""
    if spec.name == "title":
        return json.dumps(" ".join(title.split()), ensure_ascii=False), ""
    if spec.name == "published":
        return today.isoformat(), ""
    if not spec.required:
        # Written commented out; an editor who uncomments it but forgets the value still gets a placeholder.
        if spec.kind is Kind.BOOL:
            return "true", ""
        if structure := STRUCTURES.get(spec.kind):
            return structure.example, ""
        if spec.kind is Kind.VOCAB:
            example = next(iter(vocabularies.get(spec.vocab or "", {})), "code")
        else:
            example = _OPTIONAL_EXAMPLES[spec.kind].format(today=today.isoformat())
        example = spec.example or example
        value = f"[{PLACEHOLDER}]" if spec.many else PLACEHOLDER
        if not example:
            return value, ""
        return value + (f"  # bv. [{example}]" if spec.many else f"  # bv. {example}"), ""
    hint = spec.help
    if spec.example:
        hint += f" Bijvoorbeeld: {spec.example}"
    elif spec.kind in _FORMATS and _FORMATS[spec.kind] not in hint:
        hint += f" ({_FORMATS[spec.kind]})"
    if spec.kind is Kind.TEXT:
        return f'"{PLACEHOLDER}"', hint
    return (f"[{PLACEHOLDER}]" if spec.many else PLACEHOLDER), hint


def target_path(content_dir: Path, ctype: ContentType, title: str, slug: str | None = None) -> Path:
    """content/<folder>/<slug>.md, refusing a name that exists anywhere in the type's folder."""
    name = slugify(slug or title)
    if not name:
        raise ScaffoldError("uit deze titel valt geen bestandsnaam te maken: geef er een met --slug")
    if name in RESERVED_SLUGS:
        raise ScaffoldError(
            f"de bestandsnaam '{name}.md' is voorbehouden voor de lijst van alle {ctype.label_plural}: "
            "geef er een andere met --slug"
        )
    folder = content_dir / ctype.folder
    existing = next(iter(sorted(folder.rglob(f"{name}.md"))), None) if folder.is_dir() else None
    if existing is not None:
        raise ScaffoldError(
            f"{existing.as_posix()} bestaat al: kies een andere titel of een andere naam met --slug"
        )
    return folder / f"{name}.md"


def new_entry(
    content_dir: Path,
    type_name: str,
    title: str,
    today: date,
    vocabularies: Vocabularies,
    slug: str | None = None,
) -> tuple[Path, list[Placeholder]]:
    """Write the new file (never over an existing one) and return it with its placeholders."""
    if not title.strip():
        raise ScaffoldError('geef een titel, bv. kenniscentrum new project "Slimme straatverlichting"')
    ctype = resolve_type(type_name)
    path = target_path(content_dir, ctype, title, slug)
    text, placeholders = scaffold(ctype, title, today, vocabularies)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return path, placeholders
