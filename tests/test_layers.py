"""The package imports in one direction: routes <- content <- declarations and rendering <- pages / outputs <- adapters."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "kenniscentrum"
# Each layer may import from the layers before it (and from itself), never from a later one.
LAYERS = (
    ("routes", "forked"),  # declarations and tools: import nothing of the package
    ("content",),
    ("facets", "site", "render", "feedlist"),
    ("pages", "outputs"),
    ("plugin", "cli", "messages", "incremental", "buildstate", "editor"),
)
# Two parts of one layer that stay independent of each other.
SEPARATE = {("pages", "outputs"), ("outputs", "pages")}


def part(module: str) -> str:
    """'kenniscentrum.pages.listings' -> 'pages'."""
    return module.split(".")[1]


def layer(name: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if name in names)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kenniscentrum."):
            found.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.module == "kenniscentrum":
            found.update(f"kenniscentrum.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kenniscentrum."))
    return found


def test_imports_point_down_the_pipeline() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")
        if rel.endswith("__init__") and rel.count(".") == 1:
            continue
        source = part(rel)
        for target in imports(path):
            target_part = part(target)
            if target_part == source:
                continue
            if layer(target_part) > layer(source) or (source, target_part) in SEPARATE:
                wrong.append(f"{rel} imports {target}")
    assert wrong == []


def test_the_scan_sees_the_imports() -> None:
    """Not vacuous: known downward imports are found."""
    assert "kenniscentrum.content.catalogue" in imports(PACKAGE / "pages" / "listings.py")
    assert "kenniscentrum.routes" in imports(PACKAGE / "outputs" / "feeds.py")


def test_the_core_imports_nothing_from_mkdocs() -> None:
    offenders = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p.name != "plugin.py"
        and any(m.split(".")[0] in ("mkdocs", "mkdocs_macros") for m in _all_imports(p))
    ]
    assert offenders == []


def _all_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names
