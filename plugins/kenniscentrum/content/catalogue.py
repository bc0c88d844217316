"""The Catalogue: all entries, loaded and validated once, with their cross-references and indexes resolved.

Pages, listings, feeds, the calendar, exports and macros all read this one object; nothing re-parses content.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import heapq
import itertools
import os
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from kenniscentrum import routes
from kenniscentrum.content.aliases import alias_index, check_aliases, follow_aliases
from kenniscentrum.content.bodylinks import LinkTargets, check_body_links, check_document_files
from kenniscentrum.content.load import VOCABULARY_FILE, load_file, scan_content
from kenniscentrum.content.model import Entry
from kenniscentrum.content.organisations import OrganisationList, load_organisations, resolve_organisations
from kenniscentrum.content.problems import ContentError, Problem, did_you_mean
from kenniscentrum.content.schema import CONTENT_TYPES, RESERVED_SLUGS, ContentType, Vocabularies
from kenniscentrum.content.status import current_stage
from kenniscentrum.content.validate import validate_entry
from kenniscentrum.content.vocabularies import read_vocabularies
from kenniscentrum.forked import Forked

__all__ = ["VOCABULARY_FILE", "Catalogue", "load_catalogue"]


# Characters a reader cannot see; two names that differ only by them look the same in a problem.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


@functools.lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """Lowercase ASCII slug with accents folded: 'Stad Sint-Niklaas' -> 'stad-sint-niklaas'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in folded).split()
    return "-".join(words)


@dataclass
class Organisation:
    slug: str
    name: str
    types: set[str] = field(default_factory=set)
    short_names: tuple[str, ...] = ()  # acronyms from content/organisations.yml (AWV), for readers and search
    website: str = ""
    projects: list[Entry] = field(default_factory=list)
    consultations: list[Entry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return routes.organisation_url(self.slug)


@dataclass
class Catalogue:
    """Published entries (plus drafts in preview) and every index derived from them."""

    vocabularies: Vocabularies
    today: date
    entries: dict[str, list[Entry]]  # type name -> entries, newest first
    by_key: dict[tuple[str, str], Entry]
    consultations_of: dict[str, list[Entry]]  # project slug -> consultations
    tips_of: dict[str, list[Entry]]  # project slug -> tips
    by_theme: dict[str, list[Entry]]
    organisations: dict[str, Organisation]
    hidden: int = 0  # drafts and scheduled entries left out of this build
    skipped: list[str] = field(default_factory=list)  # files in content/ that are not content, and why
    organisation_list: OrganisationList | None = None
    aliases: dict[tuple[str, str], Entry] = field(default_factory=dict)  # (type, earlier slug) -> entry
    _related: _RelatedIndex | None = field(default=None, init=False, repr=False, compare=False)

    def all(self) -> list[Entry]:
        """Every entry, newest first."""
        return sorted(
            (e for entries in self.entries.values() for e in entries),
            key=lambda e: (e.published, e.title),
            reverse=True,
        )

    def get(self, type_name: str, slug: str) -> Entry | None:
        return self.by_key.get((type_name, slug))

    def is_public(self, entry: Entry) -> bool:
        """Feeds, calendar, digest and exports leave the site: the preview's drafts and scheduled entries never do."""
        return is_visible(entry, self.today, include_drafts=False)

    def public(self, type_name: str | None = None) -> list[Entry]:
        """Public entries of one type (or all), newest first."""
        entries = self.entries.get(type_name, []) if type_name else self.all()
        return [e for e in entries if self.is_public(e)]

    def label(self, vocabulary: str, code: str) -> str:
        return self.vocabularies.get(vocabulary, {}).get(code, code)

    def project_of(self, entry: Entry) -> Entry | None:
        slug = entry.get("project")
        return self.get("project", slug) if slug else None

    def projects_of_tip(self, entry: Entry) -> list[Entry]:
        return [p for s in entry.get("projects", []) if (p := self.get("project", s))]

    def organisation_of(self, entry: Entry) -> Organisation | None:
        name = entry.get("organisation")
        return self.organisations.get(slugify(name)) if name else None

    def related_projects(self, project: Entry, limit: int = 4) -> list[Entry]:
        """Projects sharing the organisation or the most themes; derived, never typed by editors.

        Score: 3 for the same organisation plus 1 per shared theme; ties go to the newest year, then the title.
        Every project page asks this, so the index below keeps it from comparing all pairs of projects.
        """
        if self._related is None:
            self._related = _RelatedIndex(self.entries["project"])
        return self._related.related(project, limit)


class _RelatedIndex:
    """Projects grouped by organisation and by theme set, each group in tie-break order.

    Comparing every pair of projects made a build quadratic (2 s of 17 at 1,000 entries). Here a project meets
    its own organisation's projects, then the best projects of each shared-theme score, which depend only on
    its theme set: computed once per distinct theme set, with room for the organisation's own to drop out.
    """

    def __init__(self, projects: list[Entry]) -> None:
        self.org = {p.key: slugify(p["organisation"]) for p in projects}
        self.rank = {p.key: (-p.get("year", 0), p.title, i) for i, p in enumerate(projects)}
        self.by_org: dict[str, list[Entry]] = defaultdict(list)
        by_themes: dict[frozenset[str], list[Entry]] = defaultdict(list)
        for project in sorted(projects, key=lambda p: self.rank[p.key]):
            self.by_org[self.org[project.key]].append(project)
            by_themes[frozenset(project.themes)].append(project)
        self.by_themes = list(by_themes.items())
        self.largest_org = max((len(members) for members in self.by_org.values()), default=0)
        self._by_score: dict[tuple[frozenset[str], int], list[tuple[int, list[Entry]]]] = {}

    def related(self, project: Entry, limit: int) -> list[Entry]:
        themes = frozenset(project.themes)
        org = self.org[project.key]
        candidates = [
            (-(3 + len(themes.intersection(other.themes))), self.rank[other.key], other)
            for other in self.by_org[org]
            if other is not project
        ]
        for shared, best in self._best_by_score(themes, limit):
            others = (p for p in best if self.org[p.key] != org)
            candidates.extend((-shared, self.rank[p.key], p) for p in itertools.islice(others, limit))
        candidates.sort(key=lambda c: c[:2])
        return [c[-1] for c in candidates[:limit]]

    def _best_by_score(self, themes: frozenset[str], limit: int) -> list[tuple[int, list[Entry]]]:
        """Per number of shared themes, the first projects in tie-break order, whatever their organisation."""
        if (themes, limit) not in self._by_score:
            groups: dict[int, list[list[Entry]]] = defaultdict(list)
            for theme_set, members in self.by_themes:
                if shared := len(themes & theme_set):
                    groups[shared].append(members)
            keep = limit + self.largest_org  # the caller's organisation (itself included) may fill that many
            self._by_score[themes, limit] = [
                (shared, list(itertools.islice(heapq.merge(*lists, key=lambda p: self.rank[p.key]), keep)))
                for shared, lists in groups.items()
            ]
        return self._by_score[themes, limit]


def is_visible(entry: Entry, today: date, include_drafts: bool) -> bool:
    """Drafts show only in preview; an entry with a future `published` date waits for a build on that day."""
    return include_drafts or (not entry.draft and entry.published <= today)


def load_catalogue(
    content_dir: Path,
    today: date,
    include_drafts: bool = False,
    site_url: str | None = None,
    parallel: bool = False,
) -> Catalogue:
    """Load, validate and resolve all content; raises ContentError with every problem at once.

    `site_url` names the site's own address, so a body link written as a full URL to it is reported
    (default: the SITE_URL environment variable). `parallel` (a full build) validates half the files in a
    forked process; the preview keeps validated files between saves instead.
    """
    return _load(content_dir, today, site_url, (include_drafts,), parallel)[0]


def load_catalogues(
    content_dir: Path, today: date, site_url: str | None = None, parallel: bool = True
) -> tuple[Catalogue, Catalogue]:
    """The catalogue with drafts and scheduled entries, and as a build publishes it today, from one load.

    Both share their entries (read them, never change them): validation and resolution do not depend on
    which entries are visible.
    """
    drafts, published = _load(content_dir, today, site_url, (True, False), parallel)
    return drafts, published


def _load(
    content_dir: Path,
    today: date,
    site_url: str | None,
    include_drafts: tuple[bool, ...],
    parallel: bool = False,
) -> list[Catalogue]:
    content_dir = Path(content_dir)
    root = content_dir.parent
    scan = scan_content(content_dir, root)
    problems: list[Problem] = list(scan.problems)
    vocab_path = content_dir / VOCABULARY_FILE
    vocabularies, found = read_vocabularies(vocab_path, vocab_path.relative_to(root).as_posix())
    problems.extend(found)
    organisation_list, found = load_organisations(content_dir, root, vocabularies)
    problems.extend(found)
    entries: list[Entry] = []
    existing: set[tuple[str, str]] = set()  # every file, valid or not: a reference to it is not broken
    vocabulary_key = hashlib.blake2b(repr(vocabularies).encode(), digest_size=16).digest()
    validate = partial(_validated_all, root=root, vocabularies=vocabularies, vocabulary_key=vocabulary_key)
    if parallel and len(scan.files) >= _PARALLEL_FROM:
        # Half the files on a second core (a forked process sends its entries back); messages keep file order.
        half = len(scan.files) // 2
        later = Forked(partial(validate, scan.files[half:]))
        results = validate(scan.files[:half]) + later.result()
    else:
        results = validate(scan.files)
    for (ctype, path), (entry, found) in zip(scan.files, results, strict=True):
        existing.add((ctype.name, path.stem))
        problems.extend(found)
        if entry:
            entries.append(entry)
    problems.extend(resolve_organisations(entries, organisation_list))
    problems.extend(_check_unique_slugs(entries))
    problems.extend(check_aliases(entries, existing))
    follow_aliases(entries)
    problems.extend(_check_references(entries, existing))
    problems.extend(_check_organisations(entries))
    site = os.environ.get("SITE_URL", "") if site_url is None else site_url
    targets = LinkTargets.collect(entries, content_dir, site)
    problems.extend(check_body_links(entries, targets))
    problems.extend(check_document_files(entries, targets))
    if problems:
        raise ContentError(problems)
    catalogues = []
    for drafts in include_drafts:
        visible = [e for e in entries if is_visible(e, today, drafts)]
        catalogue = _index(visible, vocabularies, today, organisation_list)
        catalogue.hidden = len(entries) - len(visible)
        catalogue.skipped = scan.skipped
        catalogue.aliases = alias_index(visible)
        catalogues.append(catalogue)
    return catalogues


# Below this many files a forked process costs more than it saves.
_PARALLEL_FROM = 200

# Validated files by path, kept for the life of the process: `mkdocs serve` reloads the catalogue on every save,
# and `check` loads it twice (with and without drafts). Keyed by the file's bytes and the vocabularies it was
# validated against, so an edit, a vocabulary change or a rename always validates again.
_VALIDATED: dict[str, _Validated] = {}
# A file modified this close to (or after) the moment it was read may change again within the same timestamp
# tick: its bytes are compared, not its stat ("racily clean", as git calls it).
_RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class _Validated:
    key: bytes  # hash of the bytes, with the vocabularies and the root
    signature: tuple[int, int, int, int, int]  # mtime, ctime (ns), size, inode, device when read
    read_ns: int  # when the bytes were read
    vocabulary_key: bytes
    root: str
    entry: Entry | None
    problems: list[Problem]

    def still(self, signature: tuple[int, int, int, int, int], vocabulary_key: bytes, root: str) -> bool:
        """The same file, unchanged since it was read: same stat, not modified in the racy window."""
        return (
            signature == self.signature
            and vocabulary_key == self.vocabulary_key
            and root == self.root
            and max(signature[0], signature[1]) < self.read_ns - _RACY_NS
        )


def _signature(path: Path) -> tuple[int, int, int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino, st.st_dev


def _validated_all(
    files: list[tuple[ContentType, Path]], root: Path, vocabularies: Vocabularies, vocabulary_key: bytes
) -> list[tuple[Entry | None, list[Problem]]]:
    return [_validated(ctype, path, root, vocabularies, vocabulary_key) for ctype, path in files]


def _validated(
    ctype: ContentType, path: Path, root: Path, vocabularies: Vocabularies, vocabulary_key: bytes
) -> tuple[Entry | None, list[Problem]]:
    """One file loaded and validated, or the result of the last time these bytes were (a fresh copy).

    An unchanged stat (modification and change time, size, inode) skips reading the file; a changed one reads it and
    compares the bytes, so a file touched without a change is not validated again either.
    """
    # The key names the file as given: the same path under another root is another file to editors.
    name = f"{ctype.name}:{path}"
    cached = _VALIDATED.get(name)
    signature = _signature(path)
    if cached is not None and signature is not None and cached.still(signature, vocabulary_key, str(root)):
        entry, problems = cached.entry, cached.problems
    else:
        read_ns = time.time_ns()
        try:
            data: bytes | None = path.read_bytes()
        except OSError:
            data = None  # load_file reports it
        key = (
            hashlib.blake2b(data, digest_size=16, key=vocabulary_key).digest() + str(root).encode()
            if data is not None
            else b""
        )
        if cached is not None and data is not None and cached.key == key:
            entry, problems = cached.entry, cached.problems
        else:
            entry, problems = validate_entry(load_file(ctype, path, root, data), vocabularies)
        if data is not None and signature is not None:
            _VALIDATED[name] = _Validated(key, signature, read_ns, vocabulary_key, str(root), entry, problems)
        else:
            _VALIDATED.pop(name, None)
    # Resolving rewrites `data` (organisation names, renamed slugs): every load gets its own copy of it.
    return (dataclasses.replace(entry, data=dict(entry.data)) if entry else None), list(problems)


def empty_catalogue(today: date) -> Catalogue:
    """A catalogue without entries: what `mkdocs serve` holds while the content has problems."""
    return _index([], {}, today)


def _check_organisations(entries: list[Entry]) -> list[Problem]:
    """Each organisation gets a page at `organisaties/<slug>/`: the name must give one, and only one, address."""
    problems = []
    names: dict[str, tuple[str, Entry]] = {}
    for entry in entries:
        name = entry.get("organisation")
        if not name:
            continue
        line = entry.lines.get("organisation", 1)
        slug = slugify(name)
        if not slug:
            problems.append(
                Problem(
                    entry.path,
                    line,
                    "organisation",
                    f"de naam '{name}' levert geen adres op (organisaties/…/)",
                    "schrijf de naam met Latijnse letters of cijfers, bv. 'Stad Kyiv'",
                )
            )
        elif slug in RESERVED_SLUGS:
            problems.append(
                Problem(
                    entry.path,
                    line,
                    "organisation",
                    f"de naam '{name}' krijgt het adres organisaties/{slug}/, dat van de lijst van alle organisaties",
                    "schrijf de naam voluit",
                )
            )
        elif (seen := names.setdefault(slug, (name, entry)))[0] != name:
            odd, usual = (name, entry), seen
            if _INVISIBLE.search(seen[0]) and not _INVISIBLE.search(name):  # the visible spelling wins
                names[slug] = (name, entry)
                odd, usual = seen, (name, entry)
            problems.append(
                Problem(
                    odd[1].path,
                    odd[1].lines.get("organisation", 1),
                    "organisation",
                    f"'{odd[0]}' is anders geschreven dan '{usual[0]}' in {usual[1].path}, maar krijgt dezelfde pagina",
                    f"schrijf de naam overal als '{usual[0]}'",
                )
            )
    return problems


def _check_unique_slugs(entries: list[Entry]) -> list[Problem]:
    """Two files with one name in different subfolders would publish at one URL: refuse both."""
    seen: dict[tuple[str, str], Entry] = {}
    problems = []
    for entry in entries:
        if (other := seen.get(entry.key)) is not None:
            problems.append(
                Problem(
                    entry.path,
                    1,
                    "",
                    f"de slug '{entry.slug}' wordt al gebruikt door {other.path}",
                    "geef het bestand een andere, unieke naam",
                )
            )
        else:
            seen[entry.key] = entry
    return problems


def _check_references(entries: list[Entry], existing: set[tuple[str, str]]) -> list[Problem]:
    """References to files that do not exist; a file with problems of its own still exists."""
    known = {e.key for e in entries} | existing
    problems = []
    for entry in entries:
        for spec in entry.type.fields:
            if spec.ref is None or spec.name not in entry.data:
                continue
            targets = entry.data[spec.name] if spec.many else [entry.data[spec.name]]
            for slug in targets:
                if (spec.ref, slug) not in known:
                    candidates = [s for t, s in known if t == spec.ref]
                    hint = did_you_mean(slug, candidates)
                    folder = CONTENT_TYPES[spec.ref].folder
                    # A rename without `aliases` breaks every reference at once: point at the one-line fix.
                    renamed = f"is '{slug}' hernoemd? Zet dan 'aliases: [{slug}]' in het hernoemde bestand"
                    problems.append(
                        Problem(
                            entry.path,
                            entry.lines.get(spec.name, 1),
                            spec.name,
                            f"verwijst naar '{slug}', maar content/{folder}/{slug}.md bestaat niet",
                            f"{hint or f'de bestandsnaam (zonder .md) van een bestaand {spec.ref}'}; {renamed}",
                        )
                    )
    return problems


def _index(
    entries: list[Entry],
    vocabularies: Vocabularies,
    today: date,
    organisation_list: OrganisationList | None = None,
) -> Catalogue:
    by_type: dict[str, list[Entry]] = {name: [] for name in CONTENT_TYPES}
    for entry in sorted(entries, key=lambda e: (e.published, e.title), reverse=True):
        by_type[entry.type.name].append(entry)
    by_key = {e.key: e for e in entries}
    consultations_of: dict[str, list[Entry]] = defaultdict(list)
    tips_of: dict[str, list[Entry]] = defaultdict(list)
    by_theme: dict[str, list[Entry]] = defaultdict(list)
    organisations: dict[str, Organisation] = {}
    stages = list(vocabularies.get("stages", {}))
    for entry in by_type["project"]:
        entry.stage = current_stage(entry, today, stages)
    for entry in by_type["consultation"]:
        if (slug := entry.get("project")) and ("project", slug) in by_key:
            consultations_of[slug].append(entry)
    for entry in by_type["tip"]:
        for slug in entry.get("projects", []):
            if ("project", slug) in by_key:
                tips_of[slug].append(entry)
    for type_entries in by_type.values():
        for entry in type_entries:
            for theme in entry.themes:
                by_theme[theme].append(entry)
    for entry in by_type["project"] + by_type["consultation"]:
        name = entry["organisation"]
        if slugify(name) not in organisations:
            info = organisation_list.find(name) if organisation_list else None
            organisations[slugify(name)] = Organisation(
                slugify(name),
                name,
                {info.type} if info and info.type else set(),
                info.short_names if info else (),
                info.website if info else "",
            )
        org = organisations[slugify(name)]
        if entry.type.name == "project":
            org.projects.append(entry)
            org.types.add(entry["organisation_type"])
        else:
            org.consultations.append(entry)
    for consultations in consultations_of.values():
        consultations.sort(key=lambda e: e.starts, reverse=True)
    return Catalogue(
        vocabularies=vocabularies,
        today=today,
        entries=by_type,
        by_key=by_key,
        consultations_of=dict(consultations_of),
        tips_of=dict(tips_of),
        by_theme=dict(by_theme),
        organisations=dict(sorted(organisations.items())),
        organisation_list=organisation_list,
    )
