"""Building blocks every generated page shares: its front matter and links MkDocs can validate."""

from __future__ import annotations

import json
import posixpath
from datetime import date

from kenniscentrum.content.model import Entry
from kenniscentrum.render.formatting import esc, md_text, nl_date, relpath


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """Front matter MkDocs reads for a generated page. JSON strings are valid YAML and need no further quoting."""
    meta: dict[str, object] = {"title": title, "render_macros": False, **extra}
    if description:
        # Material prints this unescaped inside an attribute: escape it here, once.
        meta["description"] = esc(description)
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def link(from_src: str, to_src: str, text: str) -> str:
    """A Markdown link between two source files, so MkDocs validates it (anchors and all) in strict mode."""
    return f"[{md_text(text)}]({relpath(to_src, posixpath.dirname(from_src) or '.')})"


def preview_label(entry: Entry, today: date) -> str:
    """How the preview marks what readers do not see yet: 'ontwerp', or 'gepland voor 5 januari 2027'."""
    if entry.draft:
        return "ontwerp"
    if entry.published > today:
        return f"gepland voor {nl_date(entry.published)}"
    return ""
