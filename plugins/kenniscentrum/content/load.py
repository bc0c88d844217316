"""Read content files into raw entries: front matter as YAML nodes (with their line numbers) plus the body.

We parse front matter ourselves instead of letting MkDocs do it: MkDocs swallows front matter that fails to
parse, and PyYAML's YAML 1.1 resolver would turn an unquoted `no` into False. Keeping the composed *nodes* lets
the validator read every value by the type the schema declares, and report the line it sits on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from kenniscentrum.content.problems import Problem, did_you_mean, printable
from kenniscentrum.content.schema import CONTENT_TYPES, CONTROL, ContentType

VOCABULARY_FILE = "vocabularies.yml"
_CONTROL_NAMES = {
    "\x00": "NUL-teken",
    "\x0b": "verticale tab, vaak meegekopieerd uit Word",
    "\x0c": "pagina-einde",
    "\x1b": "escape-teken",
    "\x7f": "delete-teken",
}


def control_name(char: str) -> str:
    """A control character as an editor can look it up: its code point and a Dutch name."""
    if char in _CONTROL_NAMES:
        name = _CONTROL_NAMES[char]
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        name = "teken dat de leesrichting omdraait"
    else:
        name = "stuurteken"
    return f"U+{ord(char):04X}, {name}"


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


@dataclass
class Scan:
    """What `content/` holds: the entry files to read, problems with the others, and what was skipped and why."""

    files: list[tuple[ContentType, Path]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path (reason)", in Dutch


def iter_content_files(content_dir: Path) -> Iterator[tuple[ContentType, Path]]:
    """Every Markdown file of every content type, sorted so reports are stable."""
    yield from scan_content(content_dir).files


def _junk(name: str) -> str:
    """Why a file is not content (macOS metadata, editor locks and backups), or "" when it may be."""
    if name.startswith("._") or name == ".DS_Store":
        return "metadata van macOS"
    if name.startswith(".#") or name.endswith(("~", ".swp", ".swo", ".tmp")) or name.startswith("~$"):
        return "vergrendel- of reservekopie van een editor"
    if name.startswith("."):
        return "verborgen bestand"
    return ""


def scan_content(content_dir: Path, root: Path | None = None) -> Scan:
    """Look at every file a repository can put in `content/`: each is read, refused with a problem, or skipped.

    Nothing here raises: a dangling or escaping symlink, a folder named like a file, an upper-case extension or
    an unknown folder is a Dutch problem an editor can act on.
    """
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.parent
    scan = Scan()
    if not content_dir.is_dir():
        return scan
    real_root = root.resolve()
    types = {t.folder: t for t in CONTENT_TYPES.values()}

    def rel(path: Path) -> str:
        return printable(path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix())

    def refuse(path: Path, message: str, expected: str) -> None:
        scan.problems.append(Problem(rel(path), 1, "", message, expected))

    def safe_link(path: Path) -> bool:
        if not path.is_symlink():
            return True
        target = Path(os.path.realpath(path))
        if not target.exists():
            refuse(path, "is een symbolische koppeling naar iets dat niet bestaat", "verwijder ze")
            return False
        if not target.is_relative_to(real_root):
            refuse(
                path,
                "is een symbolische koppeling naar een bestand buiten de repository",
                "zet de inhoud zelf in de repository",
            )
            return False
        return True

    for top in sorted(content_dir.iterdir()):
        if reason := _junk(top.name):
            scan.skipped.append(f"{rel(top)} ({reason})")
        elif not safe_link(top):
            continue
        elif top.is_dir() and top.name in types:
            found = len(scan.files)
            _scan_folder(types[top.name], top, scan, refuse, safe_link, rel)
            scan.files[found:] = sorted(scan.files[found:], key=lambda item: item[1])
        elif top.is_dir() and top.name == "media":
            continue  # images and attachments (content/bodylinks.py checks the links to them)
        elif top.is_dir():
            hint = did_you_mean(top.name, types)
            refuse(
                top,
                "is een onbekende map: wat erin staat, wordt niet gepubliceerd",
                hint or "gebruik een van de mappen " + ", ".join(types),
            )
        elif top.name in (VOCABULARY_FILE, "organisations.yml"):
            continue  # the vocabularies and the organisation list (content/organisations.py)
        elif top.suffix.lower() == ".md":
            refuse(top, "staat niet in de map van een soort inhoud", "verplaats het naar " + ", ".join(types))
        else:
            scan.skipped.append(f"{rel(top)} (geen inhoud)")
    return scan


def _scan_folder(
    ctype: ContentType,
    folder: Path,
    scan: Scan,
    refuse: Callable[[Path, str, str], None],
    safe_link: Callable[[Path], bool],
    rel: Callable[[Path], str],
) -> None:
    """One folder of a content type, top-down as `os.walk` goes, from the directory listing alone.

    `os.scandir` tells files, folders and symbolic links apart without a `stat` per file: at 10,000 entries
    that is most of what a scan costs.
    """
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return
    dirs = sorted((e for e in entries if _is_dir(e)), key=lambda e: e.name)
    files = sorted((e for e in entries if not _is_dir(e)), key=lambda e: e.name)
    walk_into = []
    for entry in dirs:
        path = folder / entry.name
        if reason := _junk(entry.name):
            scan.skipped.append(f"{rel(path)} ({reason})")
        elif entry.is_symlink():
            if safe_link(path):
                scan.skipped.append(f"{rel(path)} (symbolische koppeling naar een map: niet gevolgd)")
        else:
            if entry.name.lower().endswith(".md"):
                refuse(path, "is een map, geen bestand", "geef de map een naam zonder .md")
            walk_into.append(path)
    for entry in files:
        name = entry.name
        path = folder / name
        if reason := _junk(name):
            scan.skipped.append(f"{rel(path)} ({reason})")
        elif entry.is_symlink() and not safe_link(path):
            continue
        elif name.endswith(".md"):
            scan.files.append((ctype, path))
        elif name.lower().endswith(".md"):
            refuse(
                path,
                f"heeft de extensie '{printable(name[-3:])}'",
                "schrijf de extensie in kleine letters: .md",
            )
        else:
            scan.skipped.append(f"{rel(path)} (geen .md-bestand)")
    for path in walk_into:
        _scan_folder(ctype, path, scan, refuse, safe_link, rel)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """A folder, or a link to one (as `os.walk` sorts them); unreadable counts as a file."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_source(path: Path, rel: str, data: bytes | None = None) -> tuple[str | None, list[Problem]]:
    """A text file as UTF-8 with line endings normalised; undecodable bytes and control characters are problems.

    Control characters are reported once per line and replaced by spaces, so the rest of the file is still
    checked (YAML refuses them with an error an editor cannot read). `data` is the file's bytes when the
    caller has read them already.
    """
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return None, [
                Problem(rel, 1, "", f"kan niet gelezen worden ({exc.strerror})", "herstel het bestand")
            ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(
                rel,
                line,
                "",
                f"is geen geldige UTF-8-tekst (byte 0x{data[exc.start]:02X} op deze regel)",
                "bewaar het bestand met de codering UTF-8",
            )
        ]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems = []
    seen: set[int] = set()
    for match in CONTROL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if line in seen:
            continue
        seen.add(line)
        char = match.group(0)
        problems.append(
            Problem(
                rel,
                line,
                "",
                f"bevat een onzichtbaar teken ({control_name(char)})",
                "verwijder het: typ de tekst opnieuw of plak hem als platte tekst",
            )
        )
    return CONTROL.sub(" ", text), problems


def load_file(ctype: ContentType, path: Path, root: Path, data: bytes | None = None) -> RawEntry:
    """Split one file into front matter nodes and body; syntax problems are recorded, not raised."""
    rel = relative_name(path, root)
    entry = RawEntry(ctype, rel, path.stem, {}, {}, "", 1)
    text, entry.problems = read_source(path, rel, data)
    if text is None:
        return entry
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
    unplaced = len(entry.problems)  # the control characters found by read_source, not yet tied to a field
    _parse_front_matter(entry, front)
    entry.problems[:unplaced] = [_place(entry, p) for p in entry.problems[:unplaced]]
    return entry


def relative_name(path: Path, root: Path) -> str:
    """A content file's path as editors see it in problems: relative to the repository, printable."""
    return printable(path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix())


def _place(entry: RawEntry, problem: Problem) -> Problem:
    """A problem on a line of the file, named after the field or the body that line belongs to."""
    if problem.line >= entry.body_line:
        return replace(problem, field="tekst")
    for key, node in entry.nodes.items():
        if entry.key_lines[key] <= problem.line <= node.end_mark.line + 2 - (node.end_mark.column == 0):
            return replace(problem, field=key)
    return problem


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


# The parser's most common messages, in the editor's words: (part of the English message, what is wrong, the fix).
_YAML_PROBLEMS = (
    (
        "found character '\\t'",
        "de regel begint met een tab",
        "gebruik spaties om in te springen, geen tab",
    ),
    (
        "mapping values are not allowed here",
        "er staat een dubbele punt op een plek waar YAML er geen verwacht",
        "zet een spatie na de dubbele punt van het veld ('veld: waarde'); staat er een dubbele punt in de waarde,"
        " zet de waarde dan tussen aanhalingstekens",
    ),
    (
        "could not find expected ':'",
        "een regel heeft geen dubbele punt na de naam van het veld",
        "schrijf 'veld: waarde', met een dubbele punt en een spatie",
    ),
    (
        "found undefined alias",
        "de waarde begint met '*', wat YAML als verwijzing leest",
        "zet de waarde tussen aanhalingstekens",
    ),
    (
        "found unexpected end of stream",
        "een aanhalingsteken wordt niet gesloten",
        "sluit de waarde af met hetzelfde aanhalingsteken als waarmee ze begint",
    ),
    (
        "did not find expected key",
        "de inspringing klopt niet of een waarde tussen aanhalingstekens loopt door",
        "spring velden van een lijst even ver in en sluit elk aanhalingsteken",
    ),
    (
        "found duplicate anchor",
        "een '&' staat twee keer voor dezelfde naam",
        "zet waarden met '&' of '*' tussen aanhalingstekens",
    ),
)


def yaml_problem(problem: str) -> tuple[str, str]:
    """A YAML parser message as a Dutch problem and fix; an unknown message is kept after 'ongeldige YAML'."""
    for english, message, fix in _YAML_PROBLEMS:
        if english in problem:
            return f"ongeldige YAML: {message}", fix
    return (
        f"ongeldige YAML: {problem}",
        "controleer inspringing, dubbele punten en aanhalingstekens op deze regel",
    )


def _parse_front_matter(entry: RawEntry, front: str) -> None:
    offset = 2  # the front matter starts on line 2 of the file
    try:
        root = _compose(front)
    except RecursionError:
        entry.problems.append(
            Problem(
                entry.path,
                offset,
                "",
                "de front matter is te diep genest",
                "schrijf 'veld: waarde' per regel",
            )
        )
        return
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + offset if mark else offset
        entry.problems.append(
            Problem(
                entry.path,
                line,
                "",
                *yaml_problem(str(exc.problem or "")),
            )
        )
        return
    except yaml.YAMLError as exc:
        entry.problems.append(
            Problem(
                entry.path, offset, "", f"ongeldige YAML: {exc}", "controleer de tekens in de front matter"
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
        line = key_node.start_mark.line + offset
        if not isinstance(key_node, yaml.ScalarNode):
            entry.problems.append(
                Problem(entry.path, line, "", "een veldnaam moet gewone tekst zijn", "schrijf 'veld: waarde'")
            )
            continue
        key = str(key_node.value)
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
