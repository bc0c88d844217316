"""What the preview keeps between builds (`buildstate.PreviewState`), decided without MkDocs."""

from __future__ import annotations

import os
from pathlib import Path

from kenniscentrum.buildstate import PreviewState


def dest(uri: str) -> str:
    return uri.removesuffix(".md") + "/index.html"


def write_site(site: Path, pages: dict[str, str | bytes]) -> None:
    for uri in pages:
        out = site / dest(uri)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("<html></html>", encoding="utf-8")


def build(state: PreviewState, site: Path, watched: list[Path], pages: dict[str, str | bytes]) -> set[str]:
    """One build as the adapter runs it: what it may reuse, then its pages written."""
    state.begin()
    reuse = state.reusable(pages, ["index.md"], watched, site, dest)
    write_site(site, pages)
    state.succeeded(pages)
    return reuse


def test_a_plain_build_reuses_nothing(tmp_path: Path) -> None:
    state = PreviewState(incremental=False)
    pages: dict[str, str | bytes] = {"projecten/a.md": "# A"}
    assert state.pages_cache([]) is None
    assert build(state, tmp_path / "site", [], pages) == set()
    assert build(state, tmp_path / "site", [], pages) == set()


def test_the_preview_reuses_exactly_the_pages_whose_markdown_stayed(tmp_path: Path) -> None:
    site, template = tmp_path / "site", tmp_path / "main.html"
    template.write_text("x", encoding="utf-8")
    state = PreviewState(incremental=True)
    first: dict[str, str | bytes] = {"projecten/a.md": "# A", "projecten/b.md": "# B", "gone.md": "# weg"}
    assert build(state, site, [template], first) == set()  # the first build renders everything
    second: dict[str, str | bytes] = {"projecten/a.md": "# A", "projecten/b.md": "# B, bewerkt"}
    assert build(state, site, [template], second) == {"projecten/a.md"}
    assert not (site / "gone").exists()  # a page that is gone leaves no output behind


def test_a_template_change_or_a_failed_build_renders_everything_again(tmp_path: Path) -> None:
    site, template = tmp_path / "site", tmp_path / "main.html"
    template.write_text("x", encoding="utf-8")
    state = PreviewState(incremental=True)
    pages: dict[str, str | bytes] = {"projecten/a.md": "# A"}
    build(state, site, [template], pages)
    assert build(state, site, [template], pages) == {"projecten/a.md"}
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert build(state, site, [template], pages) == set()
    assert build(state, site, [template], pages) == {"projecten/a.md"}
    state.failed()
    assert build(state, site, [template], pages) == set()


def test_a_page_whose_output_is_missing_is_rendered(tmp_path: Path) -> None:
    site = tmp_path / "site"
    state = PreviewState(incremental=True)
    pages: dict[str, str | bytes] = {"projecten/a.md": "# A"}
    build(state, site, [], pages)
    (site / dest("projecten/a.md")).unlink()
    assert state.reusable(pages, ["index.md"], [], site, dest) == set()


def test_the_entry_page_cache_is_kept_until_a_template_changes(tmp_path: Path) -> None:
    template = tmp_path / "main.html"
    template.write_text("x", encoding="utf-8")
    state = PreviewState(incremental=True)
    cache = state.pages_cache([template])
    assert cache is not None and state.pages_cache([template]) is cache
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert state.pages_cache([template]) is not cache


def test_a_newer_build_stops_the_outputs_still_being_written() -> None:
    import threading

    from kenniscentrum.incremental import Background
    from kenniscentrum.outputs import Cancelled

    background = Background()
    started, reported, done = threading.Event(), [], []

    def slow() -> None:
        started.set()
        while not background.cancelled():
            threading.Event().wait(0.01)
        raise Cancelled("gestopt")

    background.start([slow, lambda: done.append("oud")], reported.append)
    assert started.wait(10)
    background.start([lambda: done.append("nieuw")], reported.append)
    background.wait()
    assert done == ["nieuw"] and reported == []  # the old job stopped between its parts, unreported


def test_the_search_index_starts_after_the_last_page_it_may_hold() -> None:
    """Pages render in this order; Pagefind starts with the first page after the last one it may index."""
    from kenniscentrum.buildstate import EarlySearchIndex

    order = [
        "index.md",
        "over.md",
        "projecten/a.md",
        "projecten/b.md",
        "projecten/index.md",
        "feeds/alles.md",
    ]
    indexed = {"over.md", "projecten/a.md", "projecten/b.md"}
    assert EarlySearchIndex(order, indexed.__contains__).start_at == "projecten/index.md"
    # The last page may be indexed: Pagefind starts after all pages are written, as before.
    assert EarlySearchIndex(order, lambda uri: uri != "index.md").start_at is None
    assert EarlySearchIndex([], indexed.__contains__).start_at is None
