"""`content/vocabularies.yml`, validated like content: its codes become URLs and file names, its labels headings.

A code is a slug (`thema/<code>/`, `feeds/thema/<code>.xml`), never `index`; a label is plain text under the same
rules as a title. A list whose shape is broken is left out of the result, so the entries that use it are not
blamed for it: the editor reads one problem at the vocabulary file instead of thirty elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from kenniscentrum.content.load import control_name, read_source
from kenniscentrum.content.problems import Problem, did_you_mean
from kenniscentrum.content.schema import (
    CONTROL,
    PLAIN_TAGS,
    RESERVED_SLUGS,
    SLUG_PATTERN,
    TEXT_REFUSED,
    VOCABULARY_NAMES,
    Vocabularies,
)
from kenniscentrum.content.validate import written_tag

_SLUG = re.compile(SLUG_PATTERN)
_REFUSED = [(re.compile(rule.pattern), rule) for rule in TEXT_REFUSED]


def read_vocabularies(path: Path, rel: str) -> tuple[Vocabularies, list[Problem]]:
    """Every well-formed list of the file, and a Dutch problem (with its line) for everything else."""
    problems: list[Problem] = []

    def report(line: int, field: str, message: str, expected: str = "") -> None:
        problems.append(Problem(rel, line, field, message, expected))

    if not path.is_file():
        report(1, "", "het bestand met woordenlijsten ontbreekt", "herstel het uit git")
        return {}, problems
    text, problems = read_source(path, rel)
    if text is None:
        return {}, problems
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        report(1, "", "het bestand is te diep genest", "schrijf per lijst 'code: Label' per regel")
        return {}, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        report(mark.line + 1 if mark else 1, "", f"ongeldige YAML: {exc.problem}", "controleer inspringing")
        return {}, problems
    except yaml.YAMLError as exc:
        report(1, "", f"ongeldige YAML: {exc}", "controleer de tekens in het bestand")
        return {}, problems
    if not isinstance(root, yaml.MappingNode):
        report(
            1, "", "verwacht per woordenlijst een naam met daaronder 'code: Label'-regels", "bv. 'themes:'"
        )
        return {}, problems
    result: Vocabularies = {}
    for key, node in root.value:
        line = key.start_mark.line + 1
        name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
        if name not in VOCABULARY_NAMES:
            hint = did_you_mean(name, VOCABULARY_NAMES)
            report(
                line,
                name,
                "is geen woordenlijst",
                hint or "bestaande lijsten: " + ", ".join(VOCABULARY_NAMES),
            )
            continue
        if name in result:
            report(line, name, "deze woordenlijst staat er twee keer in", "voeg de twee lijsten samen")
            continue
        entries = _read_list(name, node, report)
        if entries is not None:
            result[name] = entries
    for name in VOCABULARY_NAMES:
        if name not in result and not any(p.field == name for p in problems):
            report(
                1,
                name,
                "deze woordenlijst ontbreekt",
                f"voeg '{name}:' toe met daaronder 'code: Label'-regels",
            )
    return result, problems


def _read_list(name: str, node: yaml.Node, report: Callable[..., None]) -> dict[str, str] | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        report(
            line, name, "verwacht 'code: Label'-regels", "bv. '  energie: Energie' (twee spaties inspringen)"
        )
        return None
    entries: dict[str, str] = {}
    labels: dict[str, str] = {}
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode):
            report(line, name, "een code moet gewone tekst zijn", "bv. 'energie'")
            continue
        code = str(key.value)
        if not _SLUG.match(code):
            report(
                line,
                name,
                f"de code '{code}' mag alleen kleine letters, cijfers en koppeltekens bevatten",
                "ze wordt een adres op de site, bv. 'circulaire-economie'",
            )
        elif code in RESERVED_SLUGS:
            report(
                line,
                name,
                f"de code '{code}' is voorbehouden voor de overzichtspagina",
                "kies een andere code",
            )
        if code in entries:
            report(line, name, f"de code '{code}' staat er twee keer in", "houd er één over")
            continue
        label = _label(value)
        if label is None:
            report(
                line,
                name,
                f"de code '{code}' heeft geen label",
                f"schrijf '{code}: Label zoals lezers het zien'",
            )
            continue
        if value.tag not in PLAIN_TAGS:
            report(
                line,
                name,
                f"het label van '{code}' heeft de YAML-markering '{written_tag(value.tag)}', die het verandert",
                "schrijf het label zonder '!…' ervoor",
            )
        elif match := CONTROL.search(str(value.value)):  # written as a YAML escape ("\e", "\x0b")
            report(
                line,
                name,
                f"het label van '{code}' bevat een onzichtbaar teken ({control_name(match.group(0))})",
                "schrijf gewone tekst zonder stuurtekens",
            )
        for pattern, rule in _REFUSED:
            if pattern.search(label):
                report(line, name, f"het label van '{code}' {rule.message}", rule.expected)
                break
        if (other := labels.get(label.lower())) is not None:
            report(
                line,
                name,
                f"het label '{label}' wordt al gebruikt door '{other}'",
                "geef elke code een eigen label",
            )
        labels.setdefault(label.lower(), code)
        entries[code] = label
    return entries


def _label(node: yaml.Node) -> str | None:
    """A label as written: plain text on one line, or None when absent or not text."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    text = " ".join(CONTROL.sub(" ", str(node.value)).split())
    if not text or (node.tag.endswith(":null") and not node.style):
        return None
    return text
