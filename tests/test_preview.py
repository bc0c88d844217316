"""The preview as an editor uses it: `mkdocs serve --dirty` (make serve) after each save shows the whole site as
a fresh build would, re-rendering only the pages the change touched."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import SITE_URL, TODAY, free_port


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


class Preview:
    def __init__(self, base: str, server: subprocess.Popen[bytes], log: Path) -> None:
        self.base, self.server, self.log = base, server, log

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            if self.server.poll() is not None:
                pytest.fail(f"mkdocs serve stopte:\n{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        pytest.fail(f"{what} niet binnen {timeout} s:\n{self.log.read_text(errors='replace')[-3000:]}")

    def page(self, path: str) -> str:
        """The page as built, without the live-reload script `serve` injects (it carries a build counter)."""
        return get(self.base + path)[1].split("livereload(")[0]

    def builds(self) -> int:
        return self.log.read_text(errors="replace").count("Documentation built in")

    def outputs(self) -> int:
        """Feeds, calendars, open data and search index written: they follow the pages in the background."""
        return self.log.read_text(errors="replace").count("Zoekindex:")


@contextlib.contextmanager
def preview(project: Path, verbose: bool = False) -> Iterator[Preview]:
    port = free_port()
    log = project / "serve.log"
    env = {**os.environ, "KENNISCENTRUM_TODAY": TODAY, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"]
            + (["--verbose"] if verbose else []),  # then each page rendered from Markdown is named
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            running = Preview(f"http://127.0.0.1:{port}/", server, log)
            running.wait_until(lambda: running.builds() >= 1 and get(running.base)[0] == 200, "eerste build")
            yield running
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text
    time.sleep(1.1)  # a different modification time than the last build's
    path.write_text(changed, encoding="utf-8")


def test_an_edit_shows_everywhere_the_entry_appears(project: Path) -> None:
    with preview(project) as site:
        untouched = site.page("tips/de-pio-principes/")
        assert "<h1" in untouched
        site.wait_until(lambda: site.outputs() >= 1, "feeds en zoekindex na de eerste build")
        indexed = json.loads(site.page("pagefind/pagefind-entry.json"))["languages"]["nl"]["page_count"]
        builds = site.builds()
        edit(project / "content/projects/cold2gold.md", r"^title: .*$", 'title: "Koelkledij Nieuwe Naam"')
        site.wait_until(
            lambda: "Koelkledij Nieuwe Naam" in site.page("projecten/cold2gold/"), "projectpagina"
        )
        assert site.builds() == builds + 1
        assert "Koelkledij Nieuwe Naam" in site.page("projecten/")  # the catalogue
        assert "Koelkledij Nieuwe Naam" in site.page("organisaties/sport-vlaanderen/")
        assert "Koelkledij Nieuwe Naam" in site.page("thema/sport/")
        # Feeds, open data and search follow the page within seconds.
        site.wait_until(lambda: site.outputs() >= 2, "feeds en zoekindex na de wijziging")
        assert "Koelkledij Nieuwe Naam" in site.page("feeds/alles.xml")
        assert "Koelkledij Nieuwe Naam" in site.page("data/projecten.json")
        # An unchanged page is still served, whole.
        assert site.page("tips/de-pio-principes/") == untouched
        # Search still covers every page, the unchanged ones too, and the typo word list keeps their words.
        assert (
            json.loads(site.page("pagefind/pagefind-entry.json"))["languages"]["nl"]["page_count"] == indexed
        )
        assert "principes" in site.page("search/woorden/9-p.txt").split()


def test_a_deleted_entry_disappears_and_a_template_change_reaches_every_page(project: Path) -> None:
    with preview(project) as site:
        assert get(site.base + "tips/de-pio-principes/")[0] == 200
        builds = site.builds()
        time.sleep(1.1)
        (project / "content/tips/de-pio-principes.md").unlink()
        site.wait_until(lambda: site.builds() > builds, "herbouw na verwijderen")
        site.wait_until(lambda: get(site.base + "tips/de-pio-principes/")[0] == 404, "verwijderde pagina weg")
        assert "de-pio-principes" not in site.page("tips/")
        edit(
            project / "overrides/main.html",
            r"\{% block extrahead %\}",
            "{% block extrahead %}<!-- kc-preview-test -->",
        )
        site.wait_until(lambda: "kc-preview-test" in site.page("projecten/cold2gold/"), "sjabloonwijziging")
        assert "kc-preview-test" in site.page("tips/wat-is-anders/")


def test_an_edit_renders_the_pages_that_show_the_entry_and_leaves_the_others(project: Path) -> None:
    with preview(project, verbose=True) as site:
        site.wait_until(lambda: site.outputs() >= 1, "feeds en zoekindex na de eerste build")
        before = len(site.log.read_text(errors="replace"))
        edit(project / "content/projects/cold2gold.md", r"^title: .*$", 'title: "Koelkledij Nieuwe Naam"')
        site.wait_until(
            lambda: "Koelkledij Nieuwe Naam" in site.page("projecten/cold2gold/"), "projectpagina"
        )
        assert "Koelkledij Nieuwe Naam" in site.page("thema/sport/")
        assert "Koelkledij Nieuwe Naam" in site.page("projecten/")
        rendered = set(
            re.findall(r"Rendering source page: (\S+)", site.log.read_text(errors="replace")[before:])
        )
        assert {"projecten/cold2gold.md", "thema/sport.md", "projecten/index.md"} <= rendered
        assert "tips/de-pio-principes.md" not in rendered  # a page that does not show the project
        # The feed pages that list the project among their latest items, and only those.
        assert {
            "feeds/project/cold2gold.md",
            "feeds/organisatie/sport-vlaanderen.md",
            "feeds/thema/sport.md",
        } <= rendered
        assert "feeds/alles.md" not in rendered  # its five latest items are others
        assert "Koelkledij Nieuwe Naam" in site.page("feeds/project/cold2gold/")
        assert "<h1" in site.page("tips/de-pio-principes/")  # and still served, as rendered before


def test_the_feeds_of_a_deleted_project_are_gone_from_the_preview(project: Path) -> None:
    """As a fresh build would have it: no feed of a project that no longer exists (a reader would keep it)."""
    with preview(project) as site:
        site.wait_until(lambda: site.outputs() >= 1, "feeds en zoekindex na de eerste build")
        assert get(site.base + "feeds/project/cold2gold.xml")[0] == 200
        time.sleep(1.1)
        (project / "content/projects/cold2gold.md").unlink()
        site.wait_until(lambda: site.outputs() >= 2, "feeds en zoekindex na het verwijderen")
        assert get(site.base + "feeds/project/cold2gold.xml")[0] == 404
        assert get(site.base + "feeds/project/cold2gold/")[0] == 404
        assert get(site.base + "feeds/alles.xml")[0] == 200  # the feeds that remain are still there
