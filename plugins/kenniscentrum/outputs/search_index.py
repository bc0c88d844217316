"""Build the site search with Pagefind after the site is written: a chunked index the browser loads piecemeal.

Pagefind (the `pagefind[bin]` wheel carries its binary, so this runs without a network) reads the built HTML of
the pages marked `data-pagefind-body`, stems Dutch, and writes `pagefind/`: small index chunks by word prefix and
one fragment per page, of which a search fetches only what the query needs. Next to it we write the word list
for typo tolerance (`search/woorden/<length>.txt`, see pages/search.py).
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

PAGEFIND_DIR = "pagefind"
WORDS_DIR = "search/woorden"
LANGUAGE = "nl"
# Never indexed as the page's own text: blocks derived from other entries ("Verwante projecten", the
# consultations and tips of a project), entry cards, the labels of the metadata list, heading anchors.
EXCLUDE_SELECTORS = (".kc-derived", ".kc-cards", ".kc-meta dt", ".headerlink")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is Dutch, for the person running the build."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError(
            "Pagefind ontbreekt: installeer het project opnieuw (make setup) om de zoekfunctie te bouwen"
        ) from None
    return get_executable()


def build_search_index(site_dir: Path, vocabulary: Mapping[int, list[str]]) -> str:
    """Index `site_dir` with Pagefind and write the typo word list; returns Pagefind's summary (pages, time)."""
    result = subprocess.run(
        [
            str(pagefind_executable()),
            "--site",
            str(site_dir),
            "--output-subdir",
            PAGEFIND_DIR,
            "--force-language",
            LANGUAGE,
            "--exclude-selectors",
            ", ".join(EXCLUDE_SELECTORS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet bouwen:\n{result.stderr or result.stdout}")
    write_vocabulary(site_dir / WORDS_DIR, vocabulary)
    summary = [
        line.strip()
        for line in result.stdout.splitlines()
        if ("Indexed" in line and "pages" in line) or line.startswith("Finished in")
    ]
    return ", ".join(summary)


def write_vocabulary(folder: Path, vocabulary: Mapping[int, list[str]]) -> None:
    """One file per word length, a word a line, most frequent first."""
    folder.mkdir(parents=True, exist_ok=True)
    for length, items in vocabulary.items():
        (folder / f"{length}.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
