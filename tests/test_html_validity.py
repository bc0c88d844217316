"""Every built page passes the Nu HTML Checker (vnu-jar from npm, run on the Java of the machine)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's own markup that the checker rejects and that no override of ours can fix without copying
# Material's base template. Each entry is (message pattern, the extract the error must point at).
MATERIAL_MARKUP = [
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off" (keeps Firefox from
    # restoring their state on reload); the attribute is only allowed on text-like inputs.
    (r"Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # partials/nav.html: the table of contents title is a label for the "__toc" toggle, which Material only
    # writes into pages whose table of contents has entries.
    (r"The value of the “for” attribute of the “label” element must be the ID", 'for="__toc"'),
]


def allowed(message: dict) -> bool:
    return any(
        re.search(pattern, message["message"]) and marker in message.get("extract", "")
        for pattern, marker in MATERIAL_MARKUP
    )


@pytest.fixture(scope="module")
def vnu_messages(site: Path) -> list[dict]:
    """All errors of all pages, from one checker process (starting Java once per page would be slow)."""
    if not VNU.is_file():
        pytest.fail("vnu.jar ontbreekt: run 'npm ci' (of 'make test')")
    java = shutil.which("java")
    assert java, "java ontbreekt: installeer een Java-runtime (make system-deps)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stderr)["messages"]


def test_checker_saw_every_page(site: Path, vnu_messages: list[dict]) -> None:
    # A page the checker could not read shows up as a non-document error; none may be there.
    assert not [m for m in vnu_messages if m["type"] == "non-document-error"]
    assert len(list(site.rglob("*.html"))) > 50


def test_every_page_is_valid_html(site: Path, vnu_messages: list[dict]) -> None:
    errors = [m for m in vnu_messages if m["type"] == "error" and not allowed(m)]
    report = "\n".join(
        f"{Path(m['url'].removeprefix('file:')).relative_to(site)}:{m.get('lastLine')}: {m['message']}"
        for m in errors[:20]
    )
    assert not errors, f"{len(errors)} HTML-fouten:\n{report}"


def test_allowlist_is_still_needed(vnu_messages: list[dict]) -> None:
    """When Material fixes its markup, drop the entry here."""
    for pattern, marker in MATERIAL_MARKUP:
        assert any(
            re.search(pattern, m["message"]) and marker in m.get("extract", "") for m in vnu_messages
        ), pattern
