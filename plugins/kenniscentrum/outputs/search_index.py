"""Build the site search with Pagefind after the site is written: a chunked index the browser loads piecemeal.

Pagefind (the `pagefind[bin]` wheel carries its binary, so this runs without a network) reads the built HTML of
the pages marked `data-pagefind-body`, stems Dutch, and writes `pagefind/`: small index chunks by word prefix and
one fragment per page, of which a search fetches only what the query needs. Next to it we write the word lists
for typo tolerance (`search/woorden/<length>-<first letter>.txt`, see pages/search.py) and the same lists of
common Dutch words (`search/woordenboek/`), so the browser never "corrects" a real word.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

PAGEFIND_DIR = "pagefind"
WORDS_DIR = "search/woorden"
DICTIONARY_DIR = "search/woordenboek"
LANGUAGE = "nl"
# Never indexed as the page's own text: blocks derived from other entries ("Verwante projecten", the
# consultations and tips of a project), entry cards, the labels of the metadata list, heading anchors.
EXCLUDE_SELECTORS = (".kc-derived", ".kc-cards", ".kc-meta dt", ".headerlink")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is Dutch, for the person running the build."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError(
            "Pagefind ontbreekt: installeer het project opnieuw (make setup) om de zoekfunctie te bouwen"
        ) from None
    return Path(get_executable())


def start_search_index(site_dir: Path, indexed: Iterable[str] = ()) -> subprocess.Popen[str]:
    """Start Pagefind on the written pages; it runs beside whatever the build still writes (feeds, calendars).

    Only pages marked `data-pagefind-body` are indexed, and those are complete before this starts. `indexed`
    (their paths in the site) narrows what Pagefind reads to their folders: it need not parse the feed pages,
    listings and digests that would not be indexed anyway.
    """
    return subprocess.Popen(
        [
            str(pagefind_executable()),
            "--site",
            str(site_dir),
            "--glob",
            pages_glob(indexed),
            "--output-subdir",
            PAGEFIND_DIR,
            "--force-language",
            LANGUAGE,
            "--exclude-selectors",
            ", ".join(EXCLUDE_SELECTORS),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def pages_glob(indexed: Iterable[str]) -> str:
    """A glob of the top folders (or top-level files) of the indexed pages: `{over/**/*.html,projecten/**/*.html}`.

    Folders, not the pages themselves: thousands of paths would not fit on a command line. Any page not named
    (none given) keeps Pagefind's own default, every HTML file.
    """
    tops = sorted({path.split("/", 1)[0] if "/" in path else path for path in indexed})
    if not tops:
        return "**/*.{html}"
    return "{" + ",".join(top if top.endswith(".html") else f"{top}/**/*.html" for top in tops) + "}"


def finish_search_index(
    indexing: subprocess.Popen[str],
    site_dir: Path,
    vocabulary: Mapping[str, list[str]],
    dictionary: Mapping[str, list[str]] | None = None,
) -> str:
    """Write the typo word lists (and the Dutch dictionary's) while Pagefind runs, then wait for it; returns
    Pagefind's summary."""
    write_vocabulary(site_dir / WORDS_DIR, vocabulary)
    if dictionary is not None:
        write_dictionary(site_dir, dictionary)
    stdout, stderr = indexing.communicate()
    if indexing.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet bouwen:\n{stderr or stdout}")
    summary = [
        line.strip()
        for line in stdout.splitlines()
        if re.match(r"Indexed \d+ pages?$", line.strip()) or line.startswith("Finished in")
    ]
    return ", ".join(summary)


def indexed_count(summary: str) -> int:
    """The number of pages Pagefind says it indexed, from its summary ("Indexed 1006 pages, …")."""
    found = re.search(r"Indexed (\d+) pages?", summary)
    return int(found.group(1)) if found else -1


def write_dictionary(site_dir: Path, dictionary: Mapping[str, list[str]]) -> None:
    """The common Dutch words the browser never "corrects" (the same on every build)."""
    write_vocabulary(site_dir / DICTIONARY_DIR, dictionary)


def write_vocabulary(folder: Path, vocabulary: Mapping[str, list[str]]) -> None:
    """One file per list (length and first letter, e.g. `11-v.txt`), a word a line, most frequent first."""
    if folder.exists():
        shutil.rmtree(folder)  # a preview rebuild must not serve the lists of words that are gone
    folder.mkdir(parents=True)
    for name, items in vocabulary.items():
        (folder / f"{name}.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
    # Which lists exist, so the browser never asks for one that does not (no failing requests).
    (folder / "lijsten.json").write_text(json.dumps(sorted(vocabulary)), encoding="utf-8")
