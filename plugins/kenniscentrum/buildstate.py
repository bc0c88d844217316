"""What `mkdocs serve --dirty` keeps from one build to the next, without MkDocs: the adapter asks, this decides.

MkDocs keeps the plugin instance for the life of `serve`; everything a rebuild may reuse lives in one
`PreviewState` on it: the entry pages by what they show (`PageCache`), the search words of pages not rendered
again, the rendered bodies the feeds and e-mails quote, what the previous successful build generated (to know
which pages come out unchanged and which are gone) and the worker thread that writes the outputs after the pages.
A plain build (`mkdocs build`, or `serve` without `--dirty`) keeps nothing: every method then answers "all new".
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import jinja2

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.feedlist import Feed
from kenniscentrum.forked import Forked
from kenniscentrum.incremental import Background, BuildState, removed_pages, stamp, unchanged_pages
from kenniscentrum.outputs import write_outputs
from kenniscentrum.outputs.ical import Calendars
from kenniscentrum.outputs.search_index import (
    SearchIndexError,
    finish_search_index,
    indexed_count,
    start_search_index,
    write_dictionary,
)
from kenniscentrum.pages.entries import PageCache
from kenniscentrum.pages.search import SiteSearch, dictionary_lists
from kenniscentrum.site import Site

Stamp = tuple[float, tuple[str, ...]]


class PreviewState:
    """The state of one preview process across its builds (or of one plain build)."""

    def __init__(self, incremental: bool = False) -> None:
        self.incremental = incremental
        self.previous: BuildState | None = None  # what the last successful build generated
        self.entry_cache = PageCache()
        self.search: SiteSearch | None = None
        self.rendered_bodies: dict[str, str] = {}  # page source -> its rendered body, for feeds and e-mails
        self.background = Background()
        self._templates_stamp = 0.0
        self._stamp: Stamp = (0.0, ())
        self.compiled_templates = CompiledTemplates()
        self._outputs: set[Path] = set()  # the feeds, calendars and data files the last preview wrote

    def theme_environment(self, env: jinja2.Environment) -> None:
        """The theme's templates compiled once per preview: MkDocs makes a new environment for every build."""
        if self.incremental:
            env.bytecode_cache = self.compiled_templates

    def begin(self) -> None:
        """A build starts: the previous build's outputs still being written are stopped (this one writes them)."""
        self.background.stop(wait=False)
        if not self.incremental:
            self.rendered_bodies = {}

    def pages_cache(self, watched: Iterable[Path]) -> PageCache | None:
        """Entry pages to reuse, forgotten when a template or the configuration changed; none in a plain build."""
        if not self.incremental:
            return None
        newest = stamp(watched, ())[0]
        if newest != self._templates_stamp:
            self.entry_cache, self._templates_stamp = PageCache(), newest
        return self.entry_cache

    def site_search(self, catalogue: Catalogue) -> SiteSearch:
        """This build's search data; the preview keeps the words of the pages it will not render again."""
        previous, self.search = self.search, SiteSearch(catalogue)
        if self.incremental and previous is not None:
            self.search.keep_words_of(previous)
        return self.search

    def reusable(
        self,
        generated: Mapping[str, str | bytes],
        static_pages: Iterable[str],
        watched: Iterable[Path],
        site_dir: Path,
        dest_of: Callable[[str], str],
    ) -> set[str]:
        """The generated pages to leave as rendered; the outputs of pages that are gone are removed.

        `dest_of` maps a page's source path to its output path in `site_dir` (MkDocs' URL rules).
        """
        if not self.incremental:
            return set()
        self._stamp = stamp(watched, static_pages)
        for src_uri in removed_pages(self.previous, generated):
            remove_output(site_dir, dest_of(src_uri))
            self.rendered_bodies.pop(src_uri, None)
        unchanged = unchanged_pages(self.previous, generated, self._stamp)
        return {uri for uri in unchanged if (site_dir / dest_of(uri)).is_file()}

    def succeeded(self, generated: Mapping[str, str | bytes]) -> None:
        """The build wrote its pages: the next one compares with what this one generated."""
        if self.incremental:
            self.previous = BuildState(dict(generated), self._stamp)

    def outputs_written(self, written: Iterable[Path]) -> None:
        """The preview wrote these outputs: those of an earlier build it did not write again (the feed of a
        deleted project, of an organisation without projects now) are gone, as a fresh build would have it."""
        current = set(written)
        for stale in self._outputs - current:
            stale.unlink(missing_ok=True)
        self._outputs = current

    def failed(self) -> None:
        """The build failed, or showed the content's problems instead of pages: the next renders everything."""
        self.previous = None


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in memory, by name and file; Jinja compares each source's checksum before use."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


def remove_output(site_dir: Path, dest_uri: str) -> None:
    """A page's output, with its folder when the page is a folder's index.html (not the site's own)."""
    page = site_dir / dest_uri
    page.unlink(missing_ok=True)
    if page.name == "index.html" and page.parent != site_dir:
        shutil.rmtree(page.parent, ignore_errors=True)


class OutputError(RuntimeError):
    """An output could not be written; the message is Dutch, for the person running the build."""


@dataclasses.dataclass(frozen=True)
class Outputs:
    """Everything after the pages: feeds, calendars, e-mails, open data, redirects and the search index.

    Made of what one build left (in the preview the next build replaces it), so a worker thread can write it
    while the next build already runs.
    """

    catalogue: Catalogue
    rendered_bodies: dict[str, str]
    calendars: Calendars | None
    search: SiteSearch
    docs_outputs: dict[str, str]  # site path -> docs/ source, for files from docs/
    site: Site
    feed_items: int
    indexed: tuple[str, ...] = ()  # site paths of the pages the search index holds
    listed: Sequence[Feed] | None = None  # the feeds whose pages the build made

    def write(self, site_dir: Path, cancelled: Callable[[], bool] | None = None) -> list[Path]:
        """Feeds, calendars, e-mails, open data and redirects; `cancelled` stops it between files (`Cancelled`).
        Returns the files written."""
        written = write_outputs(
            self.catalogue,
            site_dir,
            self.site,
            self.feed_items,
            self.calendars,
            self.rendered_bodies,
            cancelled,
            self.listed,
        )
        clashes = [
            f"docs/{self.docs_outputs[rel]} krijgt hetzelfde adres als een gegenereerd bestand ({rel}): "
            "geef het een andere naam"
            for path in written
            if (rel := path.relative_to(site_dir).as_posix()) in self.docs_outputs
        ]
        if clashes:
            raise OutputError("\n".join(clashes))
        return written

    def index(
        self,
        site_dir: Path,
        on_cancel: Callable[[Callable[[], None]], None] | None = None,
        indexing: subprocess.Popen[str] | None = None,
    ) -> str:
        """Wait for Pagefind (started here unless given) and write the typo word lists; Pagefind's summary."""
        try:
            if indexing is None:
                indexing = start_search_index(site_dir, self.indexed)
                if on_cancel is not None:
                    on_cancel(indexing.kill)
            return finish_search_index(indexing, site_dir, self.search.vocabulary(), dictionary_lists())
        except (SearchIndexError, OSError) as exc:
            raise OutputError(str(exc)) from None

    def write_files(self, site_dir: Path) -> None:
        """Everything but the search index, at once: what a full build writes beside the page templates."""
        self.write(site_dir)
        write_dictionary(site_dir, dictionary_lists())

    def write_all(
        self,
        site_dir: Path,
        written: Forked[None] | None = None,
        indexing: subprocess.Popen[str] | None = None,
    ) -> str:
        """A full build: Pagefind runs (started here, or already by `EarlySearchIndex`) while the feeds and
        calendars are written (here, or by `written`, the process that started on them while MkDocs rendered
        the page templates); its summary."""
        early = indexing is not None
        try:
            if indexing is None:
                indexing = start_search_index(site_dir, self.indexed)
            if written is None:
                self.write_files(site_dir)
            else:
                written.result()
            summary = finish_search_index(indexing, site_dir, self.search.vocabulary())
            if early and indexed_count(summary) != len(self.indexed):
                # Started before a page it should index was written: index the finished site instead.
                again = start_search_index(site_dir, self.indexed)
                summary = finish_search_index(again, site_dir, self.search.vocabulary())
            return summary
        except (SearchIndexError, OSError) as exc:
            raise OutputError(str(exc)) from None
        finally:
            if indexing is not None:
                indexing.kill()  # stopped only if something above failed: it has exited otherwise


class EarlySearchIndex:
    """Pagefind starts as soon as the last page it may index is written, while MkDocs renders the rest.

    MkDocs renders pages in the order of its files: the docs/ pages and the entry pages first (the only ones
    the search indexes), then the listings, digests and feed pages, half of all pages, which the search never
    holds. Once the last page that may be indexed is written, Pagefind indexes on a second core while MkDocs
    renders those. `Outputs.write_all` checks the count and indexes again should an index ever miss a page.
    """

    def __init__(self, order: Iterable[str], may_be_indexed: Callable[[str], bool]) -> None:
        pages = list(order)
        last = max((i for i, uri in enumerate(pages) if may_be_indexed(uri)), default=-1)
        # The page whose rendering starts once every page that may be indexed has been written.
        self.start_at = pages[last + 1] if last + 1 < len(pages) else None
        self.indexing: subprocess.Popen[str] | None = None

    def page(self, src_uri: str, site_dir: Path, indexed: Callable[[], Iterable[str]]) -> None:
        """A page is about to be rendered; `indexed`: the site paths of the pages indexed so far."""
        if src_uri == self.start_at and self.indexing is None:
            try:
                self.indexing = start_search_index(site_dir, indexed())
            except (SearchIndexError, OSError) as exc:
                raise OutputError(str(exc)) from None

    def kill(self) -> None:
        if self.indexing is not None:
            self.indexing.kill()
            self.indexing.wait()
