"""A consultation's conclusions: the body section under a "Conclusies" heading.

The project page links and quotes it, the listings link it and the feeds send it as its own item: one parser,
so they all agree on where the conclusions are and which anchor MkDocs gives their heading.
"""

from __future__ import annotations

import functools
import re

from markdown.extensions.toc import slugify as toc_slugify

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CONCLUSIONS = re.compile(r"^conclusie", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"[*_`]+")


@functools.lru_cache(maxsize=16384)
def conclusions_section(body: str) -> tuple[str, str]:
    """The heading text and Markdown of the body's "Conclusies" section, or ("", "") when it has none.

    Remembered per body: the events of a consultation are listed for the feeds, the digest and every selection
    and project it belongs to."""
    lines = body.splitlines()
    in_fence = False
    start = level = None
    heading = ""
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if not match:
            continue
        depth = len(match.group(1))
        if start is None and _CONCLUSIONS.match(match.group(2)):
            start, level, heading = number, depth, match.group(2)
        elif start is not None and level is not None and depth <= level:
            return heading, "\n".join(lines[start:number])
    return (heading, "\n".join(lines[start:])) if start is not None else ("", "")


def conclusions_anchor(body: str) -> str | None:
    """The id MkDocs gives the conclusions heading (its toc slug), if the body has one."""
    heading = conclusions_section(body)[0]
    return toc_slugify(heading, "-") if heading else None


def conclusions_excerpt(body: str) -> str:
    """The first paragraph of the conclusions as plain text: a teaser on the project page."""
    section = conclusions_section(body)[1]
    lines: list[str] = []
    for line in section.splitlines()[1:]:
        if not line.strip():
            if lines:
                break
            continue
        if line.lstrip().startswith("#"):
            break
        lines.append(line.strip())
    return _MD_MARKUP.sub("", _MD_LINK.sub(r"\1", " ".join(lines))).strip()
