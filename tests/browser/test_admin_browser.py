"""The form editor at /admin/ in Debian's chromium, against Decap's local backend (decap-server, run by node).

A throw-away copy of the project is made a git repository; decap-server works in it in git mode, so the
editorial workflow is the real one: saving makes a branch `cms/projects/<slug>`, publishing merges it. The file
the form wrote must pass `kenniscentrum check` as it is. The repository's own content/ is never touched.
Screenshots go to tests/artifacts/screenshots/; with KENNISCENTRUM_GUIDE_SCREENSHOTS=1 also to guide/, where
CONTRIBUTING.md shows them.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from site_pages import SCREENSHOTS, axe_summary, not_local

from conftest import ROOT, _QuietHandler, copy_project, free_port, run_build, run_cli

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
GUIDE_IMAGES = ROOT / "guide" / "afbeeldingen"
VIEWPORT = {"width": 1024, "height": 720}
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Redactie",
    "GIT_AUTHOR_EMAIL": "redactie@example.org",
    "GIT_COMMITTER_NAME": "Redactie",
    "GIT_COMMITTER_EMAIL": "redactie@example.org",
}


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    """decap-server listens within a second or two; a crash is reported with its log."""
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"decap-server stopte meteen:\n{log.read_text(encoding='utf-8')}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"decap-server luistert niet op poort {port}:\n{log.read_text(encoding='utf-8')}")


@pytest.fixture(scope="module")
def local_cms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A project copy under git, decap-server working in it, and its site built to use that local backend."""
    node = shutil.which("node")
    if node is None or not DECAP_SERVER.is_file():
        pytest.fail("node of decap-server ontbreekt: voer 'npm ci' uit (of 'make test')")
    base = tmp_path_factory.mktemp("cms")
    project = copy_project(base / "project")
    env = {**os.environ, **GIT_ENV}
    for command in (
        ["git", "init", "-q", "-b", "main"],
        ["git", "add", "-A"],
        ["git", "commit", "-qm", "start"],
    ):
        subprocess.run(command, cwd=project, env=env, check=True)
    port = free_port()
    log = base / "decap-server.log"
    server_env = {**env, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git"}
    server_env["GIT_REPO_DIRECTORY"] = str(project)
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [node, str(DECAP_SERVER)], cwd=project, env=server_env, stdout=log_file, stderr=subprocess.STDOUT
        )
    try:
        wait_for_port(port, process, log)
        local_backend = f"http://127.0.0.1:{port}/api/v1"
        result = run_build(project, base / "site", env={"KENNISCENTRUM_CMS_LOCAL_BACKEND": local_backend})
        assert result.returncode == 0, result.stderr
        httpd, url = serve(base / "site")
        yield {"project": project, "url": url, "backend": local_backend}
        httpd.shutdown()
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def github_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site as deployed: the form saves to a GitHub repository, no local backend."""
    base = tmp_path_factory.mktemp("cms-github")
    project = copy_project(base / "project")
    result = run_build(project, base / "site", env={"KENNISCENTRUM_CMS_REPO": "pio/kenniscentrum"})
    assert result.returncode == 0, result.stderr
    httpd, url = serve(base / "site")
    yield url
    httpd.shutdown()


def new_context(browser: Any, url: str) -> Any:
    # Belgian time, as the editors have it: the date pickers write what they show.
    return browser.new_context(base_url=url, locale="nl-BE", timezone_id="Europe/Brussels", viewport=VIEWPORT)


def screenshot(page: Any, name: str, height: int = VIEWPORT["height"]) -> None:
    """For a person to look at; with KENNISCENTRUM_GUIDE_SCREENSHOTS=1 also for the editors' guide (the top
    `height` pixels only, to keep the repository small)."""
    clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", clip=clip)
    if os.environ.get("KENNISCENTRUM_GUIDE_SCREENSHOTS") == "1":
        GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=GUIDE_IMAGES / f"{name}.png", clip=clip)


def field(page: Any, name: str) -> Any:
    """A form input by its field name: Decap gives each input the id `<name>-field-<n>`."""
    return page.locator(f'[id^="{name}-field-"]').first


def choose(page: Any, name: str, *labels: str) -> None:
    """Pick options of a drop-down (one or several) as an editor does: type part of the label, press Enter."""
    for label in labels:
        field(page, name).fill(label)
        page.keyboard.press("Enter")


def sign_in_locally(page: Any) -> None:
    page.goto("admin/")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Projecten").first.wait_for()


def publish(page: Any, screenshot_name: str = "") -> None:
    """The editorial workflow after saving: status Klaar, then Publiceer → Publiceer nu (a merge into main)."""
    page.get_by_role("button", name="Status: Concept").click()
    page.get_by_text("Klaar", exact=True).click()
    page.get_by_role("button", name="Status: Klaar").wait_for()
    if screenshot_name:
        screenshot(page, screenshot_name, height=220)
    page.get_by_role("button", name="Publiceer").first.click()
    page.get_by_text("Publiceer nu").click()
    page.get_by_text("Item gepubliceerd").wait_for()


def test_admin_loads_from_the_site_and_requests_nothing_elsewhere_before_sign_in(browser, github_site):
    """Privacy: Decap's script, its chunks and the configuration come from the site; GitHub only after sign-in."""
    context = new_context(browser, github_site)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto("admin/")
        button = page.get_by_role("button", name="Inloggen met GitHub")
        button.wait_for()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)  # anything Decap would fetch after drawing the sign-in page
        assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
        assert f"{github_site}admin/decap-cms.js" in requests
        assert f"{github_site}admin/config.yml" in requests
        assert not_local(requests, github_site) == []
        # The page editors arrive at: our heading, main landmark and contrast fix make it pass axe-core.
        violations = Axe().run(page).response["violations"]
        assert not violations, axe_summary(violations)
    finally:
        context.close()


def test_a_project_created_in_the_form_passes_the_check_as_written(browser, local_cms):
    """Editorial workflow end to end: save (a branch), mark ready, publish (merged), then `check` on the file."""
    project: Path = local_cms["project"]
    context = new_context(browser, local_cms["url"])
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
        page.goto("admin/")
        page.get_by_role("button", name="Inloggen").wait_for()
        screenshot(page, "admin-inloggen", height=480)
        sign_in_locally(page)
        page.goto("admin/#/collections/projects/new")
        field(page, "title").fill("Slimme verlichting in Halle: proef")
        field(page, "description").fill(
            "De stad Halle zoekt verlichting die zich aanpast aan wie er op straat is."
        )
        choose(page, "organisation", "Stad Halle")
        choose(page, "organisation_type", "Lokaal bestuur")
        choose(page, "themes", "Energie", "Mobiliteit")
        choose(page, "phase", "Uitvoering")
        choose(page, "procurement", "Pre-commerciële")
        field(page, "year").fill("2021")
        field(page, "cofinancing").fill("180000")
        field(page, "published").fill("2026-11-20")
        page.locator('[id^="title-field-"]').scroll_into_view_if_needed()
        screenshot(page, "admin-formulier", height=560)
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("button", name="Status: Concept").wait_for()
        slug = "slimme-verlichting-in-halle-proef"
        branches = subprocess.run(
            ["git", "branch", "--list", "cms/*"], cwd=project, capture_output=True, text=True, check=True
        ).stdout
        assert f"cms/projects/{slug}" in branches, (
            "opslaan maakt een branch, zoals een pull request op GitHub"
        )
        publish(page, screenshot_name="admin-klaar-om-te-publiceren")
        # Decap's own Dutch, in the register of the rest of the site.
        assert dialogs == ["Weet je zeker dat je dit item wilt publiceren?"]
    finally:
        context.close()

    written = project / "content" / "projects" / f"{slug}.md"
    assert written.is_file(), "na publiceren staat het bestand in content/projects/"
    text = written.read_text(encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stdout + "\n" + text
    assert written.read_text(encoding="utf-8") == text, "check verandert niets aan het bestand"
    assert 'title: "Slimme verlichting in Halle: proef"' in text
    assert "published: 2026-11-20" in text
    assert "  - energie\n  - mobiliteit" in text
    # Besides the site, only the local backend on this machine: nothing from another host.
    assert {url for url in not_local(requests, local_cms["url"])} == {local_cms["backend"]}


def test_an_empty_required_field_is_refused_in_dutch(browser, local_cms):
    project: Path = local_cms["project"]
    before = subprocess.run(
        ["git", "branch", "--list"], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    context = new_context(browser, local_cms["url"])
    try:
        page = context.new_page()
        sign_in_locally(page)
        page.goto("admin/#/collections/projects/new")
        field(page, "description").fill("Een project zonder titel.")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_text("Oeps, sommige verplichte velden zijn niet ingevuld.").wait_for()
        assert page.get_by_text("Titel is vereist.", exact=True).is_visible()
        assert page.get_by_text("Organisatie is vereist.", exact=True).is_visible()
        assert page.get_by_text("Korte beschrijving is vereist.", exact=True).count() == 0
        screenshot(page, "admin-verplicht-veld", height=480)
    finally:
        context.close()
    after = subprocess.run(
        ["git", "branch", "--list"], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    assert after == before, "een geweigerd formulier schrijft niets"


def test_a_consultation_with_a_project_and_belgian_times_passes_the_check(browser, local_cms):
    """The relation widget writes the project's file name; the date-time pickers write Belgian wall-clock time."""
    project: Path = local_cms["project"]
    context = new_context(browser, local_cms["url"])
    try:
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        sign_in_locally(page)
        page.goto("admin/#/collections/consultations/new")
        field(page, "title").fill("Infosessie Turing")
        field(page, "description").fill("Een infosessie over het project Turing.")
        choose(page, "organisation", "Agentschap Wegen en Verkeer")
        choose(page, "themes", "Mobiliteit")
        field(page, "project").fill("Turing")
        page.get_by_text("Turing: voorspellend aansturen van de snelwegverlichting").click()
        field(page, "starts").fill("2027-07-15T14:00")  # summer time: +02:00 in Brussels
        field(page, "ends").fill("2027-07-15T16:30")
        field(page, "location").fill("online")
        field(page, "published").fill("2026-11-20")
        page.get_by_role("button", name="Opslaan").click()
        page.get_by_role("button", name="Status: Concept").wait_for()
        publish(page)
    finally:
        context.close()
    written = project / "content" / "consultations" / "infosessie-turing.md"
    text = written.read_text(encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stdout + "\n" + text
    assert "project: turing\n" in text
    assert "starts: 2027-07-15 14:00\n" in text
    assert "ends: 2027-07-15 16:30\n" in text
