"""Links, images and attachments in the body of an entry: checked without a build, rewritten for the build.

One way to write them, the one GitHub's file view also follows: a relative path to the file in the repository.
- another entry: `[Turing](../projects/turing.md)` (a `#anchor` may follow);
- a static page: `[het traject](../../docs/traject.md)`;
- an image or attachment, always in `content/media/`: `![Een korte beschrijving](../media/foto.jpg)`,
  `[Het reglement (pdf)](../media/reglement.pdf)`; an image needs its alt text.
`/projecten/turing/` or `https://<onze site>/…` break in a preview, in a copy and on GitHub: `check` refuses them
and proposes the path above. The build rewrites each path to the generated page it points at.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kenniscentrum.content.model import Entry
from kenniscentrum.content.problems import Problem, did_you_mean
from kenniscentrum.content.schema import CONTENT_TYPES

MEDIA_FOLDER = "media"  # content/media/: the one place for images and attachments
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"})

# Inline links and images: ![alt](target "title") / [text](<target>). Nested brackets one level deep.
# Groups are numbered (named groups read like tags to the markup check): 1 = "!", 2 = text, 3 = target.
_INLINE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+[\"'(][^)]*)?\s*\)")
# Reference definitions: [text]: target (1 = text, 2 = target).
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)")
# HTML links and images (1 = tag name, 2 = target) and an image's alt text.
_HTML = re.compile(r"<(a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"'][^>]*>", re.I)
_HTML_ALT = re.compile(r"\balt\s*=\s*[\"']([^\"']*)[\"']", re.I)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class BodyLink:
    """One link or image in a body: its line in the file, its target as written, and where it lies in the line."""

    line: int
    target: str
    image: bool
    alt: str
    start: int
    end: int


def body_links(entry: Entry) -> tuple[BodyLink, ...]:
    """Every link and image outside code, with its file line."""
    return _body_links(entry.body, entry.body_line)


# The check, the page and the rewrite each read a body's links, and `mkdocs serve` reloads unchanged bodies on
# every save: scan each distinct body once.
@functools.lru_cache(maxsize=32768)
def _body_links(body: str, body_line: int) -> tuple[BodyLink, ...]:
    found = []
    fenced = False
    for number, line in enumerate(body.splitlines(), start=body_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        # Indented lines are read too: in a nested list they are links, and editors write code fenced.
        if fenced:
            continue
        if "[" not in line and "<" not in line:
            continue  # no link, image or tag can start on this line
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for match in _INLINE.finditer(text):
            start, end = _inside(match, 3)
            found.append(BodyLink(number, text[start:end], bool(match.group(1)), match.group(2), start, end))
        if reference := _REFERENCE.match(text):
            start, end = _inside(reference, 2)
            found.append(BodyLink(number, text[start:end], False, reference.group(1), start, end))
        for match in _HTML.finditer(text):
            image = match.group(1).lower() == "img"
            alt = _HTML_ALT.search(match.group(0))
            found.append(
                BodyLink(
                    number,
                    match.group(2),
                    image,
                    alt.group(1) if alt else "",
                    match.start(2),
                    match.end(2),
                )
            )
    return tuple(found)


def _inside(match: re.Match[str], group: int) -> tuple[int, int]:
    """Where the target sits in the line, inside `<…>` when the editor wrote them (they stay)."""
    start, end = match.start(group), match.end(group)
    return (start + 1, end - 1) if match.group(group).startswith("<") else (start, end)


@dataclass
class LinkTargets:
    """What a body may point at: entries (current and earlier slugs), static pages and media files."""

    content_dir: Path
    root: Path
    entries: dict[str, Entry]  # content-relative path of an entry file ('projects/turing.md') -> entry
    aliases: dict[str, Entry]  # 'projects/oude-naam.md' -> the entry that carries it now
    docs: set[str]  # 'traject.md', relative to docs/
    site_hosts: frozenset[str]

    @classmethod
    def collect(cls, entries: list[Entry], content_dir: Path, site_url: str = "") -> LinkTargets:
        root = content_dir.parent
        docs_dir = root / "docs"
        docs = (
            {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
            if docs_dir.is_dir()
            else set()
        )
        host = urlsplit(site_url).hostname
        return cls(
            content_dir,
            root,
            {f"{e.type.folder}/{e.slug}.md": e for e in entries},
            {f"{e.type.folder}/{alias}.md": e for e in entries for alias in e.aliases},
            docs,
            frozenset({host} if host and host not in ("127.0.0.1", "localhost") else ()),
        )

    def closest(self, name: str, folder: str | None = None) -> str:
        """The content-relative path of the entry whose file name is closest to `name` (empty if none is)."""
        candidates = {path.rsplit("/", 1)[1].removesuffix(".md"): path for path in self.entries}
        if folder:
            candidates = {slug: path for slug, path in candidates.items() if path.startswith(folder + "/")}
        hint = did_you_mean(name, candidates)
        return candidates[hint.removeprefix("bedoelde je '").removesuffix("'?")] if hint else ""


def check_body_links(entries: list[Entry], targets: LinkTargets) -> list[Problem]:
    """Every broken or non-portable link, image and attachment of every body, with a fix to copy."""
    problems = []
    for entry in entries:
        for link in body_links(entry):
            problem = _check(entry, link, targets)
            if problem:
                message, expected = problem
                problems.append(Problem(entry.path, link.line, "tekst", message, expected))
    return problems


def check_document_files(entries: list[Entry], targets: LinkTargets) -> list[Problem]:
    """A document written as a file (`documents: - file: ../media/x.pdf`) must be in content/media/."""
    problems = []
    for entry in entries:
        for number, document in enumerate(entry.get("documents", []), start=1):
            name = posixpath.basename(document.file)
            if document.file and not (targets.content_dir / MEDIA_FOLDER / name).is_file():
                problems.append(
                    Problem(
                        entry.path,
                        document.line or entry.lines.get("documents", 1),
                        f"documents[{number}].file",
                        f"het bestand content/{MEDIA_FOLDER}/{name} bestaat niet",
                        f"zet het bestand in content/{MEDIA_FOLDER}/" + _media_hint(targets, name),
                    )
                )
    return problems


def _entry_dir(entry: Entry) -> str:
    """The entry file's folder relative to content/ ('projects'): entry paths start with the content folder."""
    return posixpath.dirname(entry.path.split("/", 1)[1]) if "/" in entry.path else entry.type.folder


def _fix(entry: Entry, content_path: str) -> str:
    """The relative path an editor writes in `entry` to reach a content-relative path."""
    return posixpath.relpath(content_path, _entry_dir(entry))


def _check(entry: Entry, link: BodyLink, targets: LinkTargets) -> tuple[str, str] | None:
    target = link.target
    if link.image and not link.alt.strip():
        return (
            f"de afbeelding '{target}' heeft geen alternatieve tekst",
            "beschrijf tussen de vierkante haken wat erop staat: ![Wat de afbeelding toont](…)",
        )
    parts = urlsplit(target)
    if parts.scheme in ("http", "https"):
        if parts.hostname in targets.site_hosts:
            return _site_url(
                entry, parts.path, f"'{target}' linkt met een volledig adres naar de eigen site", targets
            )
        return None
    if parts.scheme or target.startswith("#") or not target:
        return None  # mailto:, tel:, an anchor on the same page
    if target.startswith("/"):
        return _site_url(entry, parts.path, f"'{target}' is een absolute link", targets)
    resolved = posixpath.normpath(posixpath.join(_entry_dir(entry), parts.path))
    suffix = posixpath.splitext(resolved)[1].lower()
    if resolved.startswith("../docs/") or resolved == "../docs":
        if resolved.removeprefix("../docs/") in targets.docs:
            return None
        return (
            f"de pagina '{target}' bestaat niet",
            "een bestand uit de map docs/, bv. ../../docs/traject.md",
        )
    if suffix == ".md":
        if resolved in targets.entries:
            return None
        if (renamed := targets.aliases.get(resolved)) is not None:
            new = f"{renamed.type.folder}/{renamed.slug}.md"
            return (f"'{target}' is hernoemd", f"schrijf ({_fix(entry, new)})")
        if resolved.split("/")[0] in {c.url_prefix for c in CONTENT_TYPES.values()} - {
            c.folder for c in CONTENT_TYPES.values()
        }:
            # '../projecten/turing.md': the address's folder instead of the repository's.
            return _site_url(
                entry, resolved.removesuffix(".md"), f"het item '{target}' bestaat niet", targets
            )
        name = posixpath.basename(resolved).removesuffix(".md")
        closest = targets.closest(name, resolved.split("/")[0])
        return (
            f"het item '{target}' bestaat niet",
            f"bedoelde je ({_fix(entry, closest)})?"
            if closest
            else "een pad naar een bestand in content/, bv. (../projects/turing.md)",
        )
    if resolved.startswith(MEDIA_FOLDER + "/"):
        if (targets.content_dir / resolved).is_symlink():
            return (
                f"het bestand '{target}' is een symbolische link",
                f"zet het echte bestand in content/{MEDIA_FOLDER}/",
            )
        if (targets.content_dir / resolved).is_file():
            return None
        return (
            f"het bestand '{target}' staat niet in content/{MEDIA_FOLDER}/",
            f"zet het bestand in content/{MEDIA_FOLDER}/ of controleer de naam"
            + _media_hint(targets, posixpath.basename(resolved)),
        )
    if suffix and (targets.content_dir / resolved).is_file():
        kind = "de afbeelding" if suffix in IMAGE_SUFFIXES else "het bestand"
        media = f"{MEDIA_FOLDER}/{posixpath.basename(resolved)}"
        return (
            f"{kind} '{target}' staat niet in content/{MEDIA_FOLDER}/",
            f"verplaats het bestand naar content/{media} en schrijf ({_fix(entry, media)})",
        )
    if suffix:
        return (
            f"het bestand '{target}' bestaat niet",
            f"afbeeldingen en bijlagen staan in content/{MEDIA_FOLDER}/: schrijf (../{MEDIA_FOLDER}/naam{suffix})"
            + _media_hint(targets, posixpath.basename(resolved)),
        )
    return _site_url(entry, parts.path, f"'{target}' is geen pad naar een bestand", targets)


def _media_hint(targets: LinkTargets, name: str) -> str:
    folder = targets.content_dir / MEDIA_FOLDER
    files = [p.name for p in folder.iterdir()] if folder.is_dir() else []
    hint = did_you_mean(name, files)
    return f"; {hint}" if hint else ""


def _site_url(entry: Entry, path: str, message: str, targets: LinkTargets) -> tuple[str, str]:
    """A URL of our own site written as an address: propose the file path of the page it names."""
    segments = [s for s in path.split("/") if s and s != ".."]
    by_prefix = {ctype.url_prefix: ctype.folder for ctype in CONTENT_TYPES.values()}
    if segments and segments[0] in by_prefix:
        folder = by_prefix[segments[0]]
        slug = segments[1] if len(segments) > 1 else ""
        candidate = f"{folder}/{slug}.md"
        if candidate in targets.entries:
            return message, f"schrijf het pad naar het bestand: ({_fix(entry, candidate)})"
        if candidate in targets.aliases:
            renamed = targets.aliases[candidate]
            return message, f"schrijf ({_fix(entry, f'{renamed.type.folder}/{renamed.slug}.md')})"
        closest = targets.closest(slug, folder) if slug else ""
        if closest:
            return message, f"bedoelde je ({_fix(entry, closest)})?"
    page = "/".join(segments) + ".md" if segments else "index.md"
    if page in targets.docs or (segments and "/".join(segments) + "/index.md" in targets.docs):
        return message, f"schrijf het pad naar het bestand: ({_fix(entry, '../docs/' + page)})"
    return message, "schrijf een pad naar een bestand in content/, bv. (../projects/turing.md)"


def rewrite_body(entry: Entry, visible: set[tuple[str, str]]) -> str:
    """The body with every repository path replaced by the path between generated pages (for MkDocs).

    A link to an entry this build does not publish (a draft, a scheduled entry) becomes its text, so a public
    page never links to a missing one.
    """
    links = body_links(entry)
    if not links and "](" not in entry.body:
        return entry.body  # nothing to rewrite or drop (both need a link)
    lines = entry.body.splitlines(keepends=True)
    by_type = {ctype.folder: ctype for ctype in CONTENT_TYPES.values()}
    page_src = entry.src_uri
    for link in sorted(links, key=lambda item: (item.line, -item.start)):
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or link.target.startswith(("/", "#")) or not parts.path:
            continue
        resolved = posixpath.normpath(posixpath.join(_entry_dir(entry), parts.path))
        anchor = f"#{parts.fragment}" if parts.fragment else ""
        if resolved.startswith("../docs/"):
            new_src = resolved.removeprefix("../docs/")
        elif resolved.endswith(".md") and resolved.split("/")[0] in by_type:
            ctype = by_type[resolved.split("/")[0]]
            slug = posixpath.basename(resolved).removesuffix(".md")
            if (ctype.name, slug) not in visible:
                continue  # left as written: check refuses broken ones, the build drops unpublished ones below
            new_src = f"{ctype.url_prefix}/{slug}.md"
        elif resolved.startswith(MEDIA_FOLDER + "/"):
            new_src = resolved  # media/…: the same path from the generated page
        else:
            continue  # not a path to a file of the repository: left as the editor wrote it
        index = link.line - entry.body_line
        line = lines[index]
        relative_target = posixpath.relpath(new_src, posixpath.dirname(page_src)) + anchor
        lines[index] = line[: link.start] + relative_target + line[link.end :]
    return _drop_unpublished("".join(lines), entry, visible)


def _drop_unpublished(body: str, entry: Entry, visible: set[tuple[str, str]]) -> str:
    """Links to entries that this build leaves out (drafts, scheduled) become plain text."""
    by_type = {ctype.folder: ctype for ctype in CONTENT_TYPES.values()}

    def replace(match: re.Match[str]) -> str:
        target = match.group(3).strip("<>")
        parts = urlsplit(target)
        if match.group(1) or parts.scheme or target.startswith(("/", "#")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(_entry_dir(entry), parts.path))
        folder = resolved.split("/")[0]
        if resolved.endswith(".md") and folder in by_type:
            slug = posixpath.basename(resolved).removesuffix(".md")
            if (by_type[folder].name, slug) not in visible:
                return match.group(2)
        return match.group(0)

    return _INLINE.sub(replace, body)
