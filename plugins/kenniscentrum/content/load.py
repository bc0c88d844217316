"""Read content files into raw entries: front matter as YAML nodes (with their line numbers) plus the body.

We parse front matter ourselves instead of letting MkDocs do it: MkDocs swallows front matter that fails to
parse, and PyYAML's YAML 1.1 resolver would turn an unquoted `no` into False. Keeping the composed *nodes* lets
the validator read every value by the type the schema declares, and report the line it sits on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kenniscentrum.content.problems import Problem
from kenniscentrum.content.schema import CONTENT_TYPES, ContentType

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


@dataclass
class RawEntry:
    """A content file after parsing, before validation."""

    type: ContentType
    path: str  # relative, as shown to editors
    slug: str
    nodes: dict[str, yaml.Node]  # field name -> value node
    key_lines: dict[str, int]  # field name -> 1-based line of the key in the file
    body: str
    body_line: int  # 1-based line where the body starts
    problems: list[Problem] = field(default_factory=list)


def iter_content_files(content_dir: Path) -> Iterator[tuple[ContentType, Path]]:
    """Every Markdown file of every content type, sorted so reports are stable."""
    for ctype in CONTENT_TYPES.values():
        folder = content_dir / ctype.folder
        if folder.is_dir():
            for path in sorted(folder.rglob("*.md")):
                yield ctype, path


def load_file(ctype: ContentType, path: Path, root: Path) -> RawEntry:
    """Split one file into front matter nodes and body; syntax problems are recorded, not raised."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    text = path.read_text(encoding="utf-8-sig")
    entry = RawEntry(ctype, rel, path.stem, {}, {}, "", 1)
    if not text.startswith("---"):
        entry.problems.append(
            Problem(
                rel,
                1,
                "",
                "geen front matter gevonden",
                "begin het bestand met een regel '---', de velden, en opnieuw '---'",
            )
        )
        entry.body = text
        return entry
    first = _FENCE.match(text)
    closing = _FENCE.search(text, first.end()) if first else None
    if first is None or closing is None:
        entry.problems.append(
            Problem(
                rel, 1, "", "de front matter wordt niet afgesloten", "sluit de velden af met een regel '---'"
            )
        )
        return entry
    front = text[first.end() + 1 : closing.start()]
    entry.body = text[closing.end() + 1 :]
    entry.body_line = text.count("\n", 0, closing.end()) + 2
    _parse_front_matter(entry, front)
    return entry


def _compose(front: str) -> yaml.Node | None:
    """Compose with libyaml when PyYAML has it (about 10x faster at scale), else in pure Python.

    Invalid YAML is composed again in pure Python, so editors read the same error message either way. (libyaml
    marks plain scalars with style '' where PyYAML uses None; the validator treats both as plain.)
    """
    if _FAST_LOADER is None:
        return yaml.compose(front, Loader=yaml.SafeLoader)
    try:
        return yaml.compose(front, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(front, Loader=yaml.SafeLoader)


def _parse_front_matter(entry: RawEntry, front: str) -> None:
    offset = 2  # the front matter starts on line 2 of the file
    try:
        root = _compose(front)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + offset if mark else offset
        entry.problems.append(
            Problem(
                entry.path,
                line,
                "",
                f"ongeldige YAML: {exc.problem}",
                "controleer inspringing, dubbele punten en aanhalingstekens op deze regel",
            )
        )
        return
    if root is None:
        entry.problems.append(
            Problem(entry.path, 1, "", "de front matter is leeg", "vul de verplichte velden in")
        )
        return
    if not isinstance(root, yaml.MappingNode):
        entry.problems.append(
            Problem(
                entry.path,
                offset,
                "",
                "de front matter is geen lijst van velden",
                "schrijf 'veld: waarde' per regel",
            )
        )
        return
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + offset
        if key in entry.nodes:
            entry.problems.append(
                Problem(
                    entry.path,
                    line,
                    key,
                    "dit veld staat er twee keer in",
                    f"houd één '{key}' over (eerste keer op regel {entry.key_lines[key]})",
                )
            )
            continue
        entry.nodes[key] = value_node
        entry.key_lines[key] = line


def node_line(node: yaml.Node) -> int:
    """1-based file line of a node inside the front matter."""
    return node.start_mark.line + 2
