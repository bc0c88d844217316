"""Organisations as a vocabulary: one list (`content/organisations.yml`) that projects and consultations name.

Without it, "AWV" and "Agentschap Wegen en Verkeer" were two organisations with two pages. An entry may name an
organisation by its full name, one of its short names (`short`: abbreviations, AWV) or one of its other spellings
(`variants`: Agentschap Wegen & Verkeer); all resolve to the one organisation, whose full name the site shows.
The short names are shown next to it ("Agentschap Wegen en Verkeer (AWV)") and search finds them; a variant is
only recognised, never shown: a reader gains nothing from the same name spelled twice. A near miss gets a
"bedoelde je …?" hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kenniscentrum.content.model import Entry
from kenniscentrum.content.problems import Problem, did_you_mean
from kenniscentrum.content.schema import Vocabularies

ORGANISATIONS_FILE = "organisations.yml"
_KEYS = ("name", "short", "variants", "type", "website")
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")  # what the text fields refuse as HTML
_WEBSITE = re.compile(r"^https?://[^\s<>\"'()\\]+$")  # also safe inside a Markdown link on a listing page


@dataclass(frozen=True)
class OrganisationInfo:
    """One organisation of the list: its full name, short names (AWV), other spellings, organisation type and
    website."""

    code: str
    name: str
    short_names: tuple[str, ...] = ()
    type: str = ""
    website: str = ""
    variants: tuple[str, ...] = ()  # other spellings of the full name: recognised, never shown

    @property
    def names(self) -> tuple[str, ...]:
        """Every name an entry may give it."""
        return (self.name, *self.short_names, *self.variants)


@dataclass
class OrganisationList:
    """The list, with every name and short name (case-insensitive) pointing at its organisation."""

    items: dict[str, OrganisationInfo]
    by_name: dict[str, OrganisationInfo]

    def find(self, name: str) -> OrganisationInfo | None:
        return self.by_name.get(_key(name))

    def suggestion(self, name: str) -> str:
        """'bedoelde je …?' over full names and short names; the full name is what it proposes."""
        spelled = {n: info for info in self.items.values() for n in info.names}
        hint = did_you_mean(name, spelled)
        if not hint:
            return ""
        match = hint.removeprefix("bedoelde je '").removesuffix("'?")
        return f"bedoelde je '{spelled[match].name}'?"


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def load_organisations(
    content_dir: Path, root: Path, vocabularies: Vocabularies
) -> tuple[OrganisationList | None, list[Problem]]:
    """Read and check the list; None when the project has no list (then any name is accepted, as before)."""
    path = content_dir / ORGANISATIONS_FILE
    if not path.is_file():
        return None, []
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    problems: list[Problem] = []
    try:
        document = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        return None, [Problem(rel, line, "", f"ongeldige YAML: {exc.problem}", "controleer de inspringing")]
    items: dict[str, OrganisationInfo] = {}
    by_name: dict[str, OrganisationInfo] = {}
    if document is None:
        return OrganisationList(items, by_name), []
    if not isinstance(document, yaml.MappingNode):
        return None, [
            Problem(rel, 1, "", "verwacht een lijst van organisaties", "zie het voorbeeld bovenaan")
        ]
    types = vocabularies.get("organisation_types", {})
    for key_node, node in document.value:
        code, line = str(key_node.value), key_node.start_mark.line + 1
        fields = _fields(node)
        if fields is None:
            problems.append(
                Problem(rel, line, code, "een organisatie heeft velden", "schrijf eronder 'name:' en 'type:'")
            )
            continue
        for unknown in sorted(set(fields) - set(_KEYS)):
            problems.append(
                Problem(rel, line, unknown, "onbekend veld", did_you_mean(unknown, _KEYS) or ", ".join(_KEYS))
            )
        name = _text(fields.get("name"))
        if not name:
            problems.append(Problem(rel, line, "name", "verplicht veld ontbreekt", "de volledige naam"))
            continue
        shorts = _shorts(fields.get("short"))
        variants = _shorts(fields.get("variants"))
        if any(_MARKUP.search(spelled) for spelled in (name, *shorts, *variants)):
            problems.append(
                Problem(rel, line, code, "bevat HTML", "schrijf namen en afkortingen als gewone tekst")
            )
            continue
        kind = _text(fields.get("type"))
        if kind and types and kind not in types:
            hint = did_you_mean(kind, types) or "kies uit: " + ", ".join(types)
            problems.append(
                Problem(
                    rel, line, "type", f"'{kind}' staat niet in de woordenlijst 'organisation_types'", hint
                )
            )
        website = _text(fields.get("website"))
        if website and not _WEBSITE.match(website):
            problems.append(
                Problem(rel, line, "website", f"'{website}' is geen webadres", "begin met https://")
            )
        info = OrganisationInfo(code, name, shorts, kind, website, variants)
        items[code] = info
        for spelled in info.names:
            if (other := by_name.get(_key(spelled))) is not None and other is not info:
                problems.append(
                    Problem(
                        rel,
                        line,
                        code,
                        f"de naam '{spelled}' hoort ook bij '{other.code}'",
                        "elke naam en afkorting hoort bij één organisatie",
                    )
                )
            by_name[_key(spelled)] = info
    return OrganisationList(items, by_name), problems


def _shorts(node: yaml.Node | None) -> tuple[str, ...]:
    if isinstance(node, yaml.SequenceNode):
        return tuple(_text(item) for item in node.value if _text(item))
    return (_text(node),) if _text(node) else ()


def _fields(node: yaml.Node) -> dict[str, yaml.Node] | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return {str(k.value): v for k, v in node.value}


def _text(node: yaml.Node | None) -> str:
    return " ".join(str(node.value).split()) if isinstance(node, yaml.ScalarNode) and node.value else ""


def resolve_organisations(entries: list[Entry], organisations: OrganisationList | None) -> list[Problem]:
    """Point every entry at an organisation of the list: its full name replaces a short one, its type fills
    a missing `organisation_type`. Without a list, a project must still say its organisation type."""
    problems = []
    for entry in entries:
        if "organisation" not in entry.data:
            continue
        line = entry.lines.get("organisation", 1)
        info = organisations.find(entry["organisation"]) if organisations else None
        if organisations is not None and info is None:
            hint = organisations.suggestion(entry["organisation"])
            problems.append(
                Problem(
                    entry.path,
                    line,
                    "organisation",
                    f"'{entry['organisation']}' staat niet in de lijst van organisaties",
                    (f"{hint} (" if hint else "")
                    + "een nieuwe organisatie voeg je toe in content/organisations.yml"
                    + (")" if hint else ""),
                )
            )
            continue
        if info is not None:
            entry.data["organisation"] = info.name
        if entry.type.field("organisation_type") and "organisation_type" not in entry.data:
            if info is not None and info.type:
                entry.data["organisation_type"] = info.type
            else:
                problems.append(
                    Problem(
                        entry.path,
                        line,
                        "organisation_type",
                        "verplicht veld ontbreekt",
                        "vul het in, of geef de organisatie een 'type' in content/organisations.yml",
                    )
                )
    return problems
