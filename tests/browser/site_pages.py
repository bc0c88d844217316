"""The page types of the sample site, the viewports they are tested on, and small browser helpers.

Shared by the browser tests in this folder (imported as a plain module: pytest puts this folder on the path).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# One page of every type the site has; slugs are those of the sample content in content/.
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "project": "projecten/cold2gold/",
    "consultation": "marktconsultaties/turing-workshop/",
    "funding": "financiering/horizon-europe-innovatiegericht-aankopen/",
    "tip": "tips/tips-voor-je-pio-aanvraag/",
    "catalogue": "projecten/",
    "consultations": "marktconsultaties/",
    "tips": "tips/",
    "funding-calls": "financiering/",
    "themes": "thema/",
    "theme": "thema/sport/",
    "organisations": "organisaties/",
    "organisation": "organisaties/sport-vlaanderen/",
    "static": "toegankelijkheid/",
}

# The main page types a person looks at in screenshots and that the keyboard tests walk through.
MAIN_TYPES = ("home", "project", "consultation", "funding", "tip", "catalogue")

VIEWPORTS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True},
}

SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"


@contextlib.contextmanager
def new_page(browser: Any, server: str, viewport: str) -> Iterator[tuple[Any, list[str]]]:
    """A fresh context and page at a viewport, recording the URL of every request it makes (workers too)."""
    context = browser.new_context(base_url=server, locale="nl-BE", **VIEWPORTS[viewport])
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        yield context.new_page(), requests
    finally:
        context.close()


def open_page(page: Any, path: str) -> None:
    """Load a page and wait until it is quiet: scripts ran and nothing is loading any more."""
    page.goto(path, wait_until="networkidle")


def open_search(page: Any) -> Any:
    """Open the search as a person does: click the search field (desktop) or the search button (phone)."""
    field = page.locator("#kc-search-input")
    button = page.locator(".kc-search__toggle")  # shown on narrow screens only
    if button.is_visible():
        button.click()
        field.wait_for(state="visible")
    else:
        field.click()
    return field


def search(page: Any, query: str) -> Any:
    """Type a query key by key, as a reader does; return the results once the count is announced."""
    field = open_search(page)
    field.fill("")
    field.press_sequentially(query, delay=30)
    page.locator(".kc-search__status", has_text=query).wait_for(state="attached")
    return page.locator(".kc-search__result")


def not_local(urls: list[str], server: str) -> list[str]:
    """The requests that went anywhere but the local server (inline data: and blob: URLs are local)."""
    return [url for url in urls if not url.startswith((server, "data:", "blob:"))]


def axe_summary(violations: list[dict[str, Any]]) -> str:
    """axe-core's violations as readable lines: rule, impact, the first few offending elements."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return "\n".join(lines)
