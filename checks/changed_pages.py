"""Accessibility smoke test of the pages a pull request changes, on the site that pull request builds.

A content check, not a code test: the code tests judge the fixture site, this judges the editor's own pages.
Each changed content file becomes the page it publishes (plus the home page); each page is opened in
chromium and checked with axe-core. Problems are printed in Dutch; the exit code is 1 when there are any.

    python checks/changed_pages.py SITE [CHANGED_FILE ...]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from kenniscentrum.content.schema import CONTENT_TYPES

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Site-wide files: their change shows on the listings, checked through the catalogue and the organisations.
SITE_WIDE = {
    "content/vocabularies.yml": ["projecten/", "thema/"],
    "content/organisations.yml": ["organisaties/"],
}


def page_urls(changed: list[str]) -> list[str]:
    """Site-relative URLs of the pages the changed files publish, home page first; others are left out."""
    folders = {ctype.folder: ctype.url_prefix for ctype in CONTENT_TYPES.values()}
    urls = [""]
    for name in changed:
        parts = Path(name).parts
        if len(parts) >= 3 and parts[0] == "content" and parts[1] in folders and name.endswith(".md"):
            urls.append(f"{folders[parts[1]]}/{Path(name).stem}/")
        elif len(parts) >= 2 and parts[0] == "docs" and name.endswith(".md"):
            stem = Path(*parts[1:]).with_suffix("").as_posix()
            urls.append("" if stem == "index" else stem.removesuffix("/index") + "/")
        urls.extend(SITE_WIDE.get(name, []))
    return list(dict.fromkeys(urls))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def _serve(site: str) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def problems(site: Path, urls: list[str]) -> Iterator[str]:
    """One Dutch line per axe violation (or missing page) of every URL."""
    base = _serve(str(site))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(base_url=base, locale="nl-BE")
        page = context.new_page()
        for url in urls:
            if not (site / url / "index.html").is_file():
                continue  # a deleted or unpublished entry: nothing to check
            page.goto(url, wait_until="networkidle")
            for violation in Axe().run(page).response["violations"]:
                targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:3])
                yield f"/{url}: {violation['help']} ({violation['id']}, {violation['impact']}) — bij {targets}"
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="toegankelijkheid van de gewijzigde pagina's (axe-core)")
    parser.add_argument("site", type=Path, help="de gebouwde site")
    parser.add_argument("changed", nargs="*", help="gewijzigde bestanden (bv. uit git diff --name-only)")
    args = parser.parse_args(argv)
    urls = page_urls(args.changed)
    found = list(problems(args.site, urls))
    for line in found:
        print(line)
    checked = ", ".join("/" + url for url in urls)
    if found:
        print(f"{len(found)} toegankelijkheidsprobleem/-problemen op: {checked}")
        return 1
    print(f"Toegankelijkheid in orde op: {checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
