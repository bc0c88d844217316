"""Shared fixtures: real builds of the sample site (clock fixed) and a real browser against a local server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "tests" / "fixtures" / "content"  # the code tests' own content, never the repository's
TODAY = "2026-11-25"  # the fixed build date every build test uses
SITE_URL = "https://kenniscentrum.example.org/"  # the address test builds are made for (SITE_URL)
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def copy_project(target: Path) -> Path:
    """A throw-away copy of the site sources with the fixture content, to break or extend without side effects."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part)
        else:
            shutil.copy2(src, target / part)
    shutil.copytree(CONTENT, target / "content")
    return target


def add_organisation(project: Path, name: str, kind: str = "lokaal-bestuur") -> None:
    """Put an organisation on the copy's list (content/organisations.yml), as an editor adds one."""
    with (project / "content" / "organisations.yml").open("a", encoding="utf-8") as out:
        out.write(f"\n{name.lower().replace(' ', '-')}:\n  name: {name}\n  type: {kind}\n")


def run_build(
    project: Path, site_dir: Path, today: str = TODAY, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as an editor or CI runs it, with the build date fixed."""
    full_env = {
        **os.environ,
        "KENNISCENTRUM_TODAY": today,
        "SITE_URL": SITE_URL,
        "NO_MKDOCS_2_WARNING": "1",
        **(env or {}),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site_dir),
            *extra,
        ],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


def run_cli(*args: str, cwd: Path | None = None, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    """The command line as an editor runs it, by default in a project holding the fixture content."""
    env = {**os.environ, "KENNISCENTRUM_TODAY": today}
    if cwd is None:
        cwd = fixture_project()
    return subprocess.run(
        [sys.executable, "-m", "kenniscentrum.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def free_port() -> int:
    """A loopback port nobody listens on, for a server a test starts (`mkdocs serve`, decap-server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@functools.cache
def fixture_project() -> Path:
    """One read-only copy of the project with the fixture content per test process."""
    return copy_project(Path(tempfile.mkdtemp(prefix="kc-fixture-")) / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once per test process."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = run_build(fixture_project(), site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site the way GitHub Pages does: a missing path gets the site's own 404.html, with status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site over HTTP on loopback; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (Playwright's own browser download is not used)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"chromium niet gevonden op {CHROMIUM}: run 'make system-deps'")
    with playwright_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(base_url=server, locale="nl-BE", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()
