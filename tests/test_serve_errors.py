"""`mkdocs serve` with a content mistake: the browser shows the problems in Dutch instead of hanging."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from conftest import TODAY, free_port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.read().decode("utf-8")
    except OSError as exc:  # HTTPError (the 404 page) included: its body is what the browser shows
        body = getattr(exc, "read", None)
        return body().decode("utf-8") if body else ""


def wait_for(condition: Callable[[], bool], limit: float = 90) -> bool:
    """Poll until the server has rebuilt; the limit only keeps a broken server from blocking the suite."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_a_content_error_in_serve_becomes_a_dutch_page_and_a_fix_brings_the_site_back(project: Path) -> None:
    port = free_port()
    env = {**os.environ, "KENNISCENTRUM_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Tips en verhalen" in fetch(base + "tips/"))
        tip = project / "content/tips/de-pio-principes.md"
        original = tip.read_text(encoding="utf-8")
        tip.write_text(original.replace("kind: ", "kind: vraag\n# was: ", 1), encoding="utf-8")

        assert wait_for(lambda: "Fout in de inhoud" in fetch(base + "tips/"))
        page = fetch(base + "tips/")
        assert "content/tips/de-pio-principes.md:" in page
        assert "staat niet in de woordenlijst" in page and "bedoelde je" in page
        assert "Fout in de inhoud" in fetch(base + "projecten/turing/")
        # The menu holds the problems alone, not every page of the site (the feed pages among them).
        assert page.count('class="md-nav__item') == 1 and "/feeds/" not in page

        tip.write_text(original, encoding="utf-8")
        assert wait_for(lambda: "Fout in de inhoud" not in fetch(base + "tips/"))
        assert "Tips en verhalen" in fetch(base + "tips/")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_started_on_broken_content_shows_the_problems_at_every_address(project: Path) -> None:
    tip = project / "content/tips/de-pio-principes.md"
    tip.write_text(tip.read_text(encoding="utf-8").replace("kind: ", "kind: vraag\n# was: ", 1), "utf-8")
    port = free_port()
    env = {**os.environ, "KENNISCENTRUM_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Fout in de inhoud" in fetch(base))
        for address in ("", "tips/", "projecten/turing/", "bestaat/niet/"):
            page = fetch(base + address)
            assert "Fout in de inhoud" in page and "content/tips/de-pio-principes.md:" in page, address
    finally:
        server.terminate()
        server.wait(timeout=20)
