"""Renames without breakage: an entry lists its earlier slugs in `aliases`.

The old URLs redirect to the new one (outputs/redirects.py), feed ids and calendar UIDs keep the first slug
(`Entry.first_slug`), and a front matter reference to an old slug still finds the entry.
"""

from __future__ import annotations

from kenniscentrum.content.model import Entry
from kenniscentrum.content.problems import Problem
from kenniscentrum.content.schema import CONTENT_TYPES


def alias_index(entries: list[Entry]) -> dict[tuple[str, str], Entry]:
    """(type, earlier slug) -> the entry that now carries it."""
    return {(entry.type.name, alias): entry for entry in entries for alias in entry.aliases}


def check_aliases(entries: list[Entry], existing: set[tuple[str, str]] | None = None) -> list[Problem]:
    """An earlier slug belongs to one entry and is no current file name: else one URL would mean two pages.

    `existing` holds every content file (type, slug), valid or not: a file with problems still owns its name.
    """
    current = {entry.key: entry.path for entry in entries}
    for type_name, slug in existing or ():
        current.setdefault((type_name, slug), f"content/{CONTENT_TYPES[type_name].folder}/{slug}.md")
    owners: dict[tuple[str, str], Entry] = {}
    problems = []
    for entry in entries:
        line = entry.lines.get("aliases", 1)
        for alias in entry.aliases:
            key = (entry.type.name, alias)
            if alias == entry.slug:
                problems.append(
                    Problem(
                        entry.path,
                        line,
                        "aliases",
                        f"'{alias}' is de huidige bestandsnaam",
                        "schrap hem uit de lijst",
                    )
                )
            elif (other := current.get(key)) is not None:
                problems.append(
                    Problem(
                        entry.path,
                        line,
                        "aliases",
                        f"'{alias}' is de naam van een bestaand bestand ({other})",
                        "een vroegere naam mag niet meer als bestand bestaan",
                    )
                )
            elif (owner := owners.get(key)) is not None:
                problems.append(
                    Problem(
                        entry.path,
                        line,
                        "aliases",
                        f"'{alias}' staat ook als vroegere naam in {owner.path}",
                        "een oud adres kan maar naar één pagina doorverwijzen",
                    )
                )
            else:
                owners[key] = entry
    return problems


def follow_aliases(entries: list[Entry]) -> None:
    """Front matter that still names an entry by an earlier slug points at its current slug."""
    aliases = alias_index(entries)
    for entry in entries:
        for spec in entry.type.fields:
            if spec.ref is None or spec.name not in entry.data:
                continue
            if spec.many:
                entry.data[spec.name] = [_current(aliases, spec.ref, slug) for slug in entry.data[spec.name]]
            else:
                entry.data[spec.name] = _current(aliases, spec.ref, entry.data[spec.name])


def _current(aliases: dict[tuple[str, str], Entry], type_name: str, slug: str) -> str:
    target = aliases.get((type_name, slug))
    return target.slug if target is not None else slug
