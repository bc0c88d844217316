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
# wordfreq's Zipf scale: 3 is about once per million words. 2.5 keeps "ophaling" (2.54) and drops noise.
MIN_ZIPF = 2.5
OWN_ZIPF = 3.0  # a word of the site's own content counts as this common
# Short parts are where false splits hide ("werking" is not "wer" + "king"): a part of three or four letters
# must be very common, and never a prefix or suffix that derives words rather than joining two, nor a
# function word ("welzijn" is not about "zijn").
SHORT_HEAD_ZIPF = (4.5, 3.5)  # for 3 and 4 letters: "top" in "topsport", "koel" in "koelkledij"
SHORT_TAIL_ZIPF = 5.0  # "zorg" in "incontinentiezorg"
LINKED_TAIL_ZIPF = (
    3.0  # after a linking s or e: "infos-essie" is not a split, "tewerkstellings-maatregelen" is
)
PREFIXES = frozenset({"be", "ge", "er", "ver", "ont", "her", "mis", "een", "in", "on", "te", "ter", "wan"})
SUFFIXES = frozenset(
    {"schap", "heid", "baar", "lijk", "ling", "ingen", "isme", "achtig", "zijn", "over", "acht", "echt"}
)
LINKS = ("s", "e", "en")  # tussenklanken: "tewerkstelling-s-maatregelen", "pann-en-koek"


@functools.cache
def dutch_words() -> dict[str, float]:
    """Common Dutch words from wordfreq with their Zipf frequency, once per process.

    Importing wordfreq and reading its Dutch list takes almost a second, a large part of a small build; the
    selection (about 56,000 words) is therefore kept in the user's cache folder, keyed by wordfreq's version
    and our threshold, and read back in milliseconds.
    """
    cache = _cache_dir() / f"woorden-nl-{version('wordfreq')}-{MIN_ZIPF}.tsv"
    try:
        lines = cache.read_text(encoding="utf-8").splitlines()
        return {word: float(zipf) for word, _, zipf in (line.partition("\t") for line in lines)}
    except (OSError, ValueError):
        pass
    from wordfreq import get_frequency_dict, zipf_frequency

    minimum = 10 ** (MIN_ZIPF - 9)  # Zipf = log10(frequency per billion words)
    found = {
        word: zipf_frequency(word, "nl")
        for word, freq in get_frequency_dict("nl", "large").items()
        if freq >= minimum and word.isalpha()
    }
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("\n".join(f"{w}\t{z}" for w, z in sorted(found.items())), encoding="utf-8")
        partial.replace(cache)  # atomic: parallel builds never read half a file
    except OSError:
        pass  # a read-only home: no cache, the next build reads wordfreq again
    return found


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kenniscentrum"


def words(text: str) -> list[str]:
    """The lowercase words of a text, as a reader would type them."""
    return list(_words(text))


@functools.lru_cache(maxsize=32768)
def _words(text: str) -> tuple[str, ...]:
    """Kept by text: a preview rebuild finds the words of every unchanged entry again."""
    return tuple(WORD.findall(text.lower()))


class Compounds:
    """Splits words with one lexicon: wordfreq's common Dutch plus the words of the site's own content."""

    def __init__(self, own_words: Iterable[str]) -> None:
        self.zipf = dict(dutch_words())
        for word in own_words:
            if len(word) >= 4 and self.zipf.get(word, 0.0) < OWN_ZIPF:
                self.zipf[word] = OWN_ZIPF
        self._parts: dict[str, tuple[str, ...]] = {}
        self._heads: dict[str, tuple[str, ...]] = {}

    def _head(self, head: str) -> bool | None:
        """True for a known first part, None for one that is known only with a linking s or e removed."""
        if head in PREFIXES or len(head) < 3:
            return False
        if self.zipf.get(head, 0.0) >= (SHORT_HEAD_ZIPF[len(head) - 3] if len(head) <= 4 else MIN_ZIPF):
            return True
        for link in LINKS:
            stem = head[: -len(link)]
            if head.endswith(link) and len(stem) >= 4 and self.zipf.get(stem, 0.0) >= MIN_ZIPF:
                return None
        return False

    def _tail(self, tail: str, linked: bool) -> bool:
        zipf = self.zipf.get(tail, 0.0)
        if tail in SUFFIXES or len(tail) < 4:
            return False
        if len(tail) == 4:
            return zipf >= SHORT_TAIL_ZIPF
        return zipf >= (LINKED_TAIL_ZIPF if linked else MIN_ZIPF)

    def parts(self, word: str) -> tuple[str, ...]:
        """The later parts of a compound, longest first: snelwegverlichting → wegverlichting, verlichting."""
        if len(word) < MIN_COMPOUND:
            return ()
        if (cached := self._parts.get(word)) is not None:
            return cached
        found, heads = [], []
        for i in range(3, len(word) - 3):
            head = self._head(word[:i])
            if head is not False and self._tail(word[i:], linked=head is None):
                found.append(word[i:])
                heads.append(word[:i] if head else self._unlinked(word[:i]))
        self._parts[word] = tuple(found)
        self._heads[word] = tuple(heads)
        return self._parts[word]

    def heads(self, word: str) -> tuple[str, ...]:
        """The first parts of a compound (without a linking s or e): snelwegverlichting → snelweg, snel.

        Pagefind finds them by prefix already; the typo word lists need them, so the browser knows "afval" is a
        word of the site when it splits a compound no page has ("afvalinzameling").
        """
        self.parts(word)
        return self._heads.get(word, ())

    def _unlinked(self, head: str) -> str:
        for link in LINKS:
            stem = head[: -len(link)]
            if head.endswith(link) and len(stem) >= 4 and self.zipf.get(stem, 0.0) >= MIN_ZIPF:
                return stem
        return head

    def text_parts(self, text: str) -> set[str]:
        """Every compound part of every word in a text, minus the words the text has already."""
        own = set(words(text))
        return {part for word in own for part in self.parts(word)} - own

    def text_split(self, text: str) -> tuple[set[str], set[str]]:
        """The later parts (as text_parts) and the first parts of every compound in a text, in one pass."""
        own = set(words(text))
        parts = {part for word in own for part in self.parts(word)} - own
        return parts, {head for word in own for head in self._heads.get(word, ())}
