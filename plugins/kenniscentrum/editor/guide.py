"""The field reference in the editor guide (CONTRIBUTING.md), generated from the schema so it never drifts.

Only the part between the markers is generated; the rest of the guide is written by hand. Vocabulary codes are
not listed here but in content/vocabularies.yml, so adding a theme never makes the guide stale.
"""

from __future__ import annotations

from kenniscentrum.content.schema import CONTENT_TYPES, STRUCTURES, Field, Kind

BEGIN = "<!-- velden:begin -->"
END = "<!-- velden:end -->"
GUIDE_FILE = "CONTRIBUTING.md"

_KINDS: dict[Kind, str] = {
    Kind.TEXT: "tekst op één regel",
    Kind.SLUG: "bestandsnaam van een {ref}, zonder .md",
    Kind.URL: "webadres (https://…)",
    Kind.INT: "geheel getal",
    Kind.MONEY: "bedrag in euro",
    Kind.PERCENT: "percentage",
    Kind.BOOL: "`true` of `false`",
    Kind.DATE: "datum `JJJJ-MM-DD`",
    Kind.DATETIME: "datum en uur `JJJJ-MM-DD UU:MM`",
    Kind.DATE_OR_DATETIME: "datum, eventueel met uur",
    Kind.VOCAB: "code uit de woordenlijst `{vocab}`",
}


def describe_kind(spec: Field) -> str:
    """What an editor types for a field, in Dutch."""
    if spec.kind is Kind.SLUG and not spec.ref:  # aliases: earlier names of this very entry
        text = "een eerdere bestandsnaam van dit item, zonder .md"
    elif structure := STRUCTURES.get(spec.kind):  # says itself that it is a list
        return structure.guide
    else:
        text = _KINDS[spec.kind].format(ref=spec.ref or "", vocab=spec.vocab or "")
    if spec.many:
        return f"lijst: {text}"
    return text


def field_reference() -> str:
    """Markdown tables of every field of every content type."""
    parts = []
    for ctype in CONTENT_TYPES.values():
        rows = [
            f"| `{spec.name}` | {'ja' if spec.required else 'nee'} | {describe_kind(spec)} | {_cell(spec.help)} |"
            for spec in ctype.fields
        ]
        parts.append(
            f"### {ctype.label.capitalize()} (`content/{ctype.folder}/`)\n\n"
            "| veld | verplicht | soort waarde | uitleg |\n| --- | --- | --- | --- |\n"
            + "\n".join(rows)
            + "\n"
        )
    return "\n".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def update_guide(text: str) -> str:
    """The guide with its generated section replaced; raises ValueError when the markers are missing."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"de markeringen {BEGIN} en {END} ontbreken in de handleiding")
    return text[: start + len(BEGIN)] + "\n\n" + field_reference() + "\n" + text[end:]
