"""Problems an editor can act on: where (file, line, field), what is wrong and what is expected, in Dutch."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kenniscentrum.content.schema import CONTROL_PATTERN

# In a problem (one line) tab, line feed and carriage return are shown too: a file named "a\rb.md" would
# otherwise overwrite the terminal line it is printed on. So are zero-width characters, or "'Stad Halle' is
# anders geschreven dan 'Stad Halle'" would name two values that look the same.
_UNPRINTABLE = re.compile(CONTROL_PATTERN + r"|[\t\n\r\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")


def printable(text: str) -> str:
    """Text with every control character shown as `<U+001B>`: safe to print on a terminal or in a report."""
    return _UNPRINTABLE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one content file; `str()` gives `pad:regel: veld: wat er mis is — wat verwacht wordt`."""

    path: str
    line: int
    field: str
    message: str
    expected: str = ""

    def __post_init__(self) -> None:
        # Values quoted from a file (a slug, a wrong code) never reach a terminal with an escape sequence in them.
        for name in ("path", "field", "message", "expected"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: "
        field = f"{self.field}: " if self.field else ""
        expected = f" — {self.expected}" if self.expected else ""
        return f"{where}{field}{self.message}{expected}"


class ContentError(Exception):
    """Raised once, after every problem of every file has been collected."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    noun = "probleem" if count == 1 else "problemen"
    lines = [f"{count} {noun} in de inhoud:"] + [f"  {p}" for p in problems]
    return "\n".join(lines)


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """A Dutch "bedoelde je …?" hint for a near miss, or an empty string."""
    options = list(options)
    lowered = {o.lower(): o for o in options}
    if value.lower() in lowered:
        return f"bedoelde je '{lowered[value.lower()]}'?"
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f"bedoelde je '{lowered[match[0]]}'?" if match else ""
