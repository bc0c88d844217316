"""Incremental preview: which generated pages `mkdocs serve --dirty` may leave as they are after an edit.

MkDocs 1.6 has no incremental build, but its dirty mode skips every page whose file says it is unmodified. Our
pages are generated Markdown, so "unmodified" is exact here: a page whose Markdown is the same as in the previous
successful build, with the same templates and configuration, renders to the same HTML. An edit then re-renders the
entry, the listings, theme, organisation and digest pages that show it and its related entries: exactly the pages
whose Markdown it changed. Static pages in `docs/` may call macros over the whole catalogue, so they always render.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildState:
    """What the previous successful build rendered from."""

    pages: Mapping[str, str | bytes]  # generated source path -> Markdown (or a calendar's bytes)
    stamp: tuple[float, tuple[str, ...]]  # newest template/config change, and the static pages present


def stamp(watched: Iterable[Path], static_pages: Iterable[str]) -> tuple[float, tuple[str, ...]]:
    """A change of any template or of the configuration, or a static page added or removed, re-renders all."""
    newest = 0.0
    for path in watched:
        if path.is_file():
            newest = max(newest, path.stat().st_mtime)
        elif path.is_dir():
            newest = max([newest, *(p.stat().st_mtime for p in path.rglob("*") if p.is_file())])
    return newest, tuple(sorted(static_pages))


def unchanged_pages(
    previous: BuildState | None, pages: Mapping[str, str | bytes], current: tuple[float, tuple[str, ...]]
) -> set[str]:
    """Generated pages (and calendars) that come out exactly as in the previous build."""
    if previous is None or previous.stamp != current:
        return set()
    return {uri for uri, markdown in pages.items() if previous.pages.get(uri) == markdown}


def removed_pages(previous: BuildState | None, pages: Mapping[str, str | bytes]) -> set[str]:
    """Generated pages of the previous build that are gone (an entry deleted, renamed or made a draft)."""
    return set(previous.pages) - set(pages) if previous else set()


class Background:
    """The preview's outputs (feeds, calendars, open data, search index) on a worker thread, one job at a time.

    `mkdocs serve` shows the changed page as soon as the pages are written; what every page depends on follows a
    few seconds later. The next rebuild first stops the job still running: `cancel` (Pagefind is killed, the
    Python part stops between steps) and waits, so two jobs never write the same files.
    """

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._cancel: list[Callable[[], None]] = []
        self._job = threading.local()  # the worker's own job: its stop flag

    def start(self, steps: Iterable[Callable[[], object]], report: Callable[[BaseException], None]) -> None:
        """Run the steps in order on a worker thread; the first one that raises ends the job and is reported.

        A job still running is told to stop, and the new one waits for it before its first step: the build
        itself goes on meanwhile.
        """
        self.stop(wait=False)
        self._stop = stop = threading.Event()
        before = self._thread

        def run() -> None:
            self._job.stop = stop
            if before is not None:
                before.join()
            try:
                for step in steps:
                    if stop.is_set():
                        return
                    step()
            except BaseException as exc:  # a worker thread has no caller to raise to
                if not stop.is_set():
                    report(exc)

        self._thread = threading.Thread(target=run, name="kenniscentrum-outputs", daemon=True)
        self._thread.start()

    def cancelled(self) -> bool:
        """Asked by a running step between its parts: has a newer build told this job to stop?"""
        stop = getattr(self._job, "stop", None)
        return stop is not None and stop.is_set()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Called by a running step: how to stop what it started (a subprocess) when the next rebuild begins."""
        if threading.current_thread() is not self._thread or self._stop.is_set():
            callback()  # the job was stopped while the step was starting it
        else:
            self._cancel.append(callback)

    def stop(self, wait: bool = True) -> None:
        """Stop the running job, if any (what it started is cancelled, its Python step ends), and wait for it."""
        self._stop.set()
        for callback in self._cancel:
            callback()
        self._cancel = []
        if wait and self._thread is not None:
            self._thread.join()
            self._thread = None

    def wait(self) -> None:
        """Let the running job finish (tests, and the end of `serve`)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
