"""The accessibility smoke test the pull-request workflow runs on the pages an editor changed (checks/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser
SCRIPT = ROOT / "checks" / "changed_pages.py"


def run(site: Path, *changed: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(site), *changed], capture_output=True, text=True, check=False
    )


def test_changed_entries_and_pages_are_checked_and_pass(site: Path) -> None:
    result = run(site, "content/projects/cold2gold.md", "docs/traject.md", "content/tips/verwijderd.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "Toegankelijkheid in orde op: /, /projecten/cold2gold/, /traject/, /tips/verwijderd/" in result.stdout
    )


def test_an_inaccessible_changed_page_fails_with_the_page_and_the_rule(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "traject/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", '</h1><img src="schema.png">', 1), encoding="utf-8")
    result = run(copy, "docs/traject.md")
    assert result.returncode == 1
    assert "/traject/: " in result.stdout and "(image-alt, critical)" in result.stdout
    assert "toegankelijkheidsprobleem" in result.stdout
