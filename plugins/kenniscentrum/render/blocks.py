"""Card lists kept out of Python-Markdown: it would parse their HTML only to pass it through unchanged.

A listing page (a theme, an organisation, the catalogue) is mostly one or more `<ul class="kc-cards">` blocks
of escaped template output. Python-Markdown finds the end of a raw HTML block by running an HTML parser over it,
which at thousands of cards costs more than the rest of the page, and then emits the block as it was written.
So the block is set aside before Markdown runs, a paragraph with a token takes its place, and the block is put
back where that paragraph comes out: the same HTML, without the parse.
"""

from __future__ import annotations

import re
import secrets

# A card list written by fragments/cards.html: its opening and closing lines stand alone (the cards' own
# lists of facts open and close within their line). Tags are matched here, never written (`[<]` keeps these
# patterns apart from markup, which lives in templates only).
_CARDS = re.compile(r'^[<]ul class="kc-cards"[>]\n.*?\n[<]/ul[>]$', re.M | re.S)
_PARAGRAPH = "[<]p[>]{}[<]/p[>]"  # what Markdown makes of a token alone between blank lines


def set_aside(markdown: str) -> tuple[str, dict[str, str]]:
    """The Markdown with each card list replaced by a token paragraph, and the lists by token."""
    blocks: dict[str, str] = {}
    salt = secrets.token_hex(8)

    def token(match: re.Match[str]) -> str:
        key = f"kccards{salt}n{len(blocks)}"
        blocks[key] = match.group(0)
        return key

    return _CARDS.sub(token, markdown), blocks


def put_back(html: str, blocks: dict[str, str]) -> str:
    """The HTML with every token paragraph replaced by its card list.

    A token inside a larger HTML block (the catalogue's results) comes out as written, without a paragraph.
    """
    ends_bare = not html.endswith("\n")
    for key, block in blocks.items():
        replacement = block.replace("\\", "\\\\") + "\n"  # literal text, not a template of groups
        html, found = re.subn(_PARAGRAPH.format(key), replacement, html, count=1)
        if not found:  # inside a larger HTML block: as written
            html = html.replace(key, block, 1)
        # (Markdown follows an HTML block by a blank line)
    # ...except at the very end, where Markdown strips its output.
    return html.removesuffix("\n") if ends_bare else html
