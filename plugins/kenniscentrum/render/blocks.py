"""Card lists handed to Python-Markdown as stored raw HTML, so it does not parse them only to pass them through.

A listing page (a theme, an organisation, the catalogue) is mostly card lists written by
`fragments/cards.html`: escaped template output that Markdown emits unchanged. Python-Markdown finds the end
of a raw HTML block by running an HTML parser over every tag in it (and MkDocs parses the whole page once more
for anchors), which at thousands of cards costs more than the rest of the page. Python-Markdown's own way to
keep raw HTML out of its way is its `htmlStash`: store the block, leave a placeholder in the text, and its
`RawHtmlPostprocessor` puts the block back. This extension stores each card list there before either parser
runs. A card list is known by its first and last line as the template (or a site's override of it) writes
them; the cards between stand one to a line, so the last line ends the list.
"""

from __future__ import annotations

import functools

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from kenniscentrum.render.templates import render

# After Python-Markdown's whitespace normalisation (priority 30, which would remove a placeholder), before
# MkDocs' anchor scan (21) and Python-Markdown's raw HTML blocks (20).
PRIORITY = 25
_CARD = "kenniscentrum-card"  # stands for the cards when the template is asked for its first and last line


def card_list_lines() -> tuple[str, str] | None:
    """The first and last line of a card list as `fragments/cards.html` writes it; None if not one line each."""
    first, found, last = str(render("fragments/cards.html", cards=[_CARD])).partition(f"\n{_CARD}\n")
    last = last.removesuffix("\n")
    if not found or not first or not last or "\n" in first or "\n" in last:
        return None  # a site's own card list: Python-Markdown parses it, as any raw HTML
    return first, last


class _CardLists(Preprocessor):
    """Replaces every card list by a placeholder of the stash, as Python-Markdown's raw HTML blocks do."""

    def __init__(self, md: Markdown, first: str, last: str) -> None:
        super().__init__(md)
        self.first, self.last = first, last

    def run(self, lines: list[str]) -> list[str]:
        kept: list[str] = []
        start = 0
        while (begin := _index(lines, self.first, start)) is not None and (
            end := _index(lines, self.last, begin + 1)
        ) is not None:
            # Python-Markdown stores a raw block with the line break before a blank line that follows it.
            blank_after = end + 2 < len(lines) and not lines[end + 1].strip(" ")
            block = "\n".join(lines[begin : end + 1]) + ("\n" if blank_after else "")
            kept += [*lines[start:begin], self.md.htmlStash.store(block)]
            start = end + 1
        return kept + lines[start:]


def _index(lines: list[str], line: str, start: int) -> int | None:
    try:
        return lines.index(line, start)
    except ValueError:
        return None


class CardLists(Extension):
    """The Markdown extension; the card list's lines are read from the template once per build."""

    @functools.cached_property
    def lines(self) -> tuple[str, str] | None:
        return card_list_lines()

    def extendMarkdown(self, md: Markdown) -> None:
        if self.lines is not None:
            md.preprocessors.register(_CardLists(md, *self.lines), "kenniscentrum_cards", PRIORITY)
