"""JSON Schemas of the front matter, derived from the schema and the vocabularies, for editors' autocompletion.

Editors' YAML tooling reads front matter as YAML 1.2: `2019` is an integer, `true` a boolean, and dates stay
strings. The types below follow that reading; `kenniscentrum check` remains the authority, these schemas only
help while typing. They are checked in under `schemas/` so an editor needs no command to use them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kenniscentrum.content.schema import (
    CONTENT_TYPES,
    CONTROL_PATTERN,
    DATE_PATTERN,
    DATETIME_PATTERN,
    ORDER_RULES,
    RESERVED_SLUGS,
    SLUG_PATTERN,
    STRUCTURES,
    TEXT_REFUSED,
    URL_PATTERN,
    YEAR_RANGE,
    ContentType,
    Field,
    Kind,
    Structure,
    Vocabularies,
)

DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft editors' YAML tooling supports best
SCHEMA_DIR = "schemas"


def _years(low: int, high: int) -> str:
    """A regex alternation for the years low..high (whole centuries, as schema.YEAR_RANGE is)."""
    assert low % 100 == 0 and high % 100 == 0, "YEAR_RANGE runs from century to century"
    return "|".join([*(f"{c}\\d{{2}}" for c in range(low // 100, high // 100)), str(high)])


# Every pattern and range comes from schema.py, the validator's own rules, so the two cannot drift.
_YEARS = f"(?:{_years(*YEAR_RANGE)})"
_DATE = DATE_PATTERN.replace(r"^\d{4}", f"^{_YEARS}", 1)
_DATETIME = DATETIME_PATTERN.replace(r"^\d{4}", f"^{_YEARS}", 1)
_NUMBER_TEXT = r"^\s*€?\s*\d[\d _]*([.,]\d{1,2})?\s*$"
_TEXT_RULES = [{"not": {"pattern": rule.pattern}} for rule in TEXT_REFUSED] + [
    {"not": {"pattern": CONTROL_PATTERN}}
]


def schema_file_name(ctype: ContentType) -> str:
    return f"{ctype.name}.schema.json"


def content_schema(ctype: ContentType, vocabularies: Vocabularies) -> dict[str, Any]:
    """The JSON Schema of one content type's front matter."""
    properties = {spec.name: _property(spec, vocabularies) for spec in ctype.fields}
    # A consultation has one session (starts, location) or a list of them (sessions), not both.
    sessions = (
        {"oneOf": [{"required": ["starts", "location"]}, {"required": ["sessions"]}]}
        if ctype.field("sessions")
        else {}
    )
    return {
        "$schema": DRAFT,
        "title": f"Kenniscentrum: {ctype.label}",
        "description": f"Velden van een {ctype.label} (content/{ctype.folder}/). "
        "Gegenereerd met 'kenniscentrum schema': niet met de hand aanpassen.",
        "type": "object",
        "properties": properties,
        "required": [spec.name for spec in ctype.fields if spec.required],
        "additionalProperties": False,
        **sessions,
    }


def _property(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    item = _item(spec, vocabularies)
    if spec.many:
        prop: dict[str, Any] = {"type": "array", "items": item}
        if spec.required:
            prop["minItems"] = 1
        structure = STRUCTURES.get(spec.kind)
        if not (structure and structure.repeats):  # validate.py refuses a value twice in a list
            prop["uniqueItems"] = True
    else:
        prop = item
    rules = [f" Voorwaarde: {r.expected}." for r in ORDER_RULES if r.report_on == spec.name]
    return {"description": spec.help + "".join(rules), **prop}


def _item(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    """One value of a field, typed as YAML 1.2 reads it."""
    if structure := STRUCTURES.get(spec.kind):
        return _structure(structure, vocabularies)
    match spec.kind:
        case Kind.TEXT:
            longest = {"maxLength": spec.max_length} if spec.max_length is not None else {}
            return {"type": "string", "minLength": 1, **longest, "allOf": _TEXT_RULES}
        case Kind.SLUG:
            return {
                "type": "string",
                "pattern": SLUG_PATTERN.removesuffix("$") + r"(\.md)?$",
                "not": {"enum": sorted(RESERVED_SLUGS)},
            }
        case Kind.URL:
            return {"type": "string", "format": "uri", "pattern": URL_PATTERN}
        case Kind.INT:
            low, high, _exclusive = spec.bounds
            return {"type": "integer", "minimum": low} | ({"maximum": high} if high is not None else {})
        case Kind.MONEY:
            # A number, or text such as "€ 180 000" that the validator also reads.
            low, high, _exclusive = spec.bounds
            return {"type": ["number", "string"], "minimum": low, "maximum": high, "pattern": _NUMBER_TEXT}
        case Kind.PERCENT:
            low, high, _exclusive = spec.bounds
            return {
                "type": ["number", "string"],
                "exclusiveMinimum": low,
                "maximum": high,
                "pattern": r"^\s*\d+([.,]\d{1,2})?\s*%?\s*$",
            }
        case Kind.BOOL:
            return {"type": "boolean"}
        case Kind.DATE:
            return {"type": "string", "format": "date", "pattern": _DATE}
        case Kind.DATETIME:
            return {"type": "string", "pattern": _DATETIME}
        case Kind.DATE_OR_DATETIME:
            return {"type": "string", "pattern": f"^({_DATE[1:-1]}|{_DATETIME[1:-1]})$"}
        case Kind.VOCAB:
            vocabulary = vocabularies.get(spec.vocab or "", {})
            return {
                "type": "string",
                "enum": list(vocabulary),
                # Shown next to each code by editors' tooling; plain JSON Schema ignores it.
                "markdownEnumDescriptions": list(vocabulary.values()),
            }
    raise ValueError(f"no JSON Schema for kind {spec.kind}")


def _structure(structure: Structure, vocabularies: Vocabularies) -> dict[str, Any]:
    """A value made of parts: an object with exactly those parts, the required ones and the alternatives."""
    properties = {}
    for part in structure.parts:
        item = dict(part.schema) if part.schema is not None else _item(part.field, vocabularies)
        properties[part.name] = item | ({"description": part.description} if part.description else {})
    required = [part.name for part in structure.parts if part.required]
    alternatives = [{"required": [name]} for name in structure.alternatives]
    return {
        "type": "object",
        "properties": properties,
        **({"required": required} if required else {}),
        **({"oneOf" if structure.exclusive else "anyOf": alternatives} if alternatives else {}),
        "additionalProperties": False,
    }


def render(schema: dict[str, Any]) -> str:
    """Stable text for a checked-in file: reviewers see a small diff when a field or theme changes."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generated_schemas(vocabularies: Vocabularies) -> dict[str, str]:
    """File name -> text, for every content type."""
    return {
        schema_file_name(ctype): render(content_schema(ctype, vocabularies))
        for ctype in CONTENT_TYPES.values()
    }


def write_schemas(out_dir: Path, vocabularies: Vocabularies) -> list[Path]:
    """Write every schema whose text changed; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated_schemas(vocabularies).items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def stale_schemas(out_dir: Path, vocabularies: Vocabularies) -> list[str]:
    """Names of checked-in schemas that no longer match the schema and vocabularies."""
    return [
        name
        for name, text in generated_schemas(vocabularies).items()
        if not (out_dir / name).exists() or (out_dir / name).read_text(encoding="utf-8") != text
    ]
