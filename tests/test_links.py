"""No broken internal link or anchor: every page of the built site is read, and every internal address it
links to or loads is requested over HTTP from the local server, anchors checked in the page they point at."""

from __future__ import annotations

import urllib.error
import urllib.request
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import lxml.html
import pytest

from conftest import SITE_URL

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def page_urls(site: Path, server: str) -> dict[str, Path]:
    return {
        server + str(path.relative_to(site)).removesuffix("index.html"): path for path in site.rglob("*.html")
    }


def internal(url: str, server: str) -> str | None:
    """The local address of a link to this site (relative, or absolute to its public address); else None."""
    if url.startswith(SITE_URL):
        return server + url.removeprefix(SITE_URL)
    return url if url.startswith(server) else None


@cache
def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def anchors(body: bytes) -> set[str]:
    doc = lxml.html.fromstring(body)
    return {el.get("id") for el in doc.iter() if el.get("id")} | {
        el.get("name") for el in doc.iter("a") if el.get("name")
    }


@pytest.fixture(scope="module")
def links(site: Path, server: str) -> list[tuple[str, str]]:
    """(page, absolute internal target) for every link and resource of every page, the 404 page excepted."""
    found = []
    for page, path in page_urls(site, server).items():
        if path.name == "404.html":  # Material writes it with root-relative links for any missing address
            continue
        doc = lxml.html.parse(str(path)).getroot()
        for tag, attribute in ATTRIBUTES.items():
            for el in doc.iter(tag):
                value = el.get(attribute)
                if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                    continue
                target = internal(urljoin(page, value), server)
                if target:
                    found.append((page, target))
    return found


def test_links_were_found(links: list[tuple[str, str]]) -> None:
    assert len(links) > 1000


def test_every_internal_link_answers(links: list[tuple[str, str]]) -> None:
    broken = sorted({(page, target) for page, target in links if fetch(urldefrag(target).url)[0] != 200})
    assert not broken, "\n".join(f"{page} -> {target}" for page, target in broken[:20])


def test_every_anchor_exists(links: list[tuple[str, str]]) -> None:
    missing = []
    for page, target in links:
        url, fragment = urldefrag(target)
        if not fragment or not urlsplit(url).path.endswith("/"):
            continue
        status, body = fetch(url)
        if status == 200 and unquote(fragment) not in anchors(body):
            missing.append(f"{page} -> {target}")
    assert not missing, "\n".join(sorted(set(missing))[:20])
