"""The front matter every generated page starts with: what MkDocs and Material read about the page."""

from __future__ import annotations

import json

from kenniscentrum.render.formatting import esc


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """Front matter MkDocs reads for a generated page. JSON strings are valid YAML and need no further quoting."""
    meta: dict[str, object] = {"title": title, "render_macros": False, **extra}
    if description:
        # Material prints this unescaped inside an attribute: escape it here, once.
        meta["description"] = esc(description)
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
