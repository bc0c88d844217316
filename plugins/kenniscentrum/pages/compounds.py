"""Dutch compounds split into the parts a reader types: "verlichting" finds "snelwegverlichting".

Pagefind matches a typed word against the start of indexed words (after Dutch stemming), so the first part of a
compound is found already ("snelweg" finds "snelwegverlichting"); a later part is not. For every long word of a
page we therefore write its later parts into the page's search text. A tail is a part when it is a known Dutch
word and what precedes it is one too (possibly with a linking "s" or "e"): known means common enough in
wordfreq's Dutch word list, or used in the site's own content (domain words such as "marktconsultatie" are rare
in general Dutch). Requiring both halves to be words keeps "verlichting" from yielding "ting".
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+")  # letters only: Pagefind splits on hyphens and digits itself
MIN_COMPOUND = 7  # shorter words are rarely compounds of two known words
MIN_HEAD = 3
MIN_TAIL = 4  # "zorg" in "incontinentiezorg", "vuil" in "huisvuil"
# wordfreq's Zipf scale: 3 is about once per million words. 2.5 keeps "ophaling" (2.54), drops noise.
MIN_ZIPF = 2.5
LINKS = ("s", "e", "en")  # tussenklanken: "tewerkstelling-s-maatregelen", "pann-en-koek"


@functools.cache
def dutch_words() -> frozenset[str]:
    """Common Dutch words from wordfreq, once per process.

    Importing wordfreq and reading its Dutch list takes almost a second, a large part of a small build; the
    selection (about 56,000 words) is therefore kept in the user's cache folder, keyed by wordfreq's version
    and our threshold, and read back in milliseconds.
    """
    cache = _cache_dir() / f"woorden-nl-{version('wordfreq')}-{MIN_ZIPF}.txt"
    try:
        return frozenset(cache.read_text(encoding="utf-8").split())
    except OSError:
        pass
    from wordfreq import get_frequency_dict

    minimum = 10 ** (MIN_ZIPF - 9)  # Zipf = log10(frequency per billion words)
    found = frozenset(
        word for word, freq in get_frequency_dict("nl", "large").items() if freq >= minimum and word.isalpha()
    )
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("\n".join(sorted(found)), encoding="utf-8")
        partial.replace(cache)  # atomic: parallel builds never read half a file
    except OSError:
        pass  # a read-only home: no cache, the next build reads wordfreq again
    return found


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kenniscentrum"


def words(text: str) -> list[str]:
    """The lowercase words of a text, as a reader would type them."""
    return WORD.findall(text.lower())


class Compounds:
    """Splits words with one lexicon: wordfreq's common Dutch plus the words of the site's own content."""

    def __init__(self, own_words: Iterable[str]) -> None:
        self.lexicon = dutch_words() | {w for w in own_words if len(w) >= MIN_TAIL}
        self._parts: dict[str, tuple[str, ...]] = {}

    def known(self, word: str) -> bool:
        return word in self.lexicon

    def _head_known(self, head: str) -> bool:
        if len(head) < MIN_HEAD:
            return False
        if head in self.lexicon:
            return True
        return any(
            head.endswith(link) and len(head) - len(link) >= MIN_HEAD and head[: -len(link)] in self.lexicon
            for link in LINKS
        )

    def parts(self, word: str) -> tuple[str, ...]:
        """The later parts of a compound, longest first: snelwegverlichting → wegverlichting, verlichting."""
        if len(word) < MIN_COMPOUND:
            return ()
        if (cached := self._parts.get(word)) is not None:
            return cached
        found = tuple(
            word[i:]
            for i in range(MIN_HEAD, len(word) - MIN_TAIL + 1)
            if word[i:] in self.lexicon and self._head_known(word[:i])
        )
        self._parts[word] = found
        return found

    def text_parts(self, text: str) -> set[str]:
        """Every compound part of every word in a text, minus the words the text has already."""
        own = set(words(text))
        return {part for word in own for part in self.parts(word)} - own
