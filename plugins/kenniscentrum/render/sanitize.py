"""Allowlist sanitizing of rendered editor HTML: no script, event handler or `javascript:` link survives."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Mapping
from typing import Any

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {"section", "main"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir", "aria-hidden", "aria-label", "aria-current", "role"},
    "a": {"href", "hreflang", "title"},
    "img": {"src", "alt", "width", "height", "loading", "title"},
    "time": {"datetime"},
    "ol": {"start", "type"},
    "details": {"open"},
}
_SCHEMES = {"http", "https", "mailto", "tel"}
# An address a browser would fetch from another server: a scheme, or two slashes (browsers read `/\` as `//`).
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*:|^[/\\]{2}", re.I)
# Attributes whose address the browser fetches while the page loads; links (`href`) wait for a click.
_FETCHED = {("img", "src")}


def _keep_local(own: str, tag: str, attribute: str, value: str) -> str | None:
    """The site makes no third-party requests: an editor's image from another website is dropped."""
    if (tag, attribute) in _FETCHED:
        address = re.sub(r"[\x00-\x20]", "", value)
        if _REMOTE.match(address) and not (own and address.startswith(own)):
            return None
    return value


def sanitize(html: str, site_url: str = "") -> str:
    """Clean rendered Markdown; relative URLs and anchors stay, other schemes are dropped.

    Images load from this site only: relative, or absolute under `site_url` (feeds make their links absolute).
    """
    own = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return _cleaner(own).clean(html)


@functools.cache
def _cleaner(own: str) -> nh3.Cleaner:
    """One sanitizer per site address, reused: converting the allowlists for every page cost a third of the time."""
    return nh3.Cleaner(
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
        attribute_filter=functools.partial(_keep_local, own),
    )


# Front matter keys a docs/ page may set. Material prints other keys unescaped into the page (`author`,
# `subtitle`, `status`) or picks a template or an icon file by them (`template`, `icon`), so a pull request
# adding a docs/ page could inject markup through them: they are refused, as is our own `kc_type`.
DOCS_META_KEYS = ("title", "description", "hide", "search", "render_macros")


def docs_meta(meta: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A docs/ page's front matter made safe for Material to print, and the keys that are refused."""
    refused = sorted(str(key) for key in meta if key not in DOCS_META_KEYS)
    safe = {key: value for key, value in meta.items() if key in DOCS_META_KEYS}
    if "description" in safe:
        safe["description"] = html.escape(str(safe["description"]), quote=True)
    return safe, refused


def escape_title(title: str) -> str:
    """A page title as Material prints it (unescaped, in the header, the nav and `<title>`): no tag survives."""
    return title.replace("<", "&lt;").replace(">", "&gt;")


def confined(path: str) -> bool:
    """A site-relative path that stays inside the site folder (no `..`, not absolute, no backslash)."""
    return (
        bool(path)
        and "\\" not in path
        and not path.startswith("/")
        and posixpath.normpath(path) == path
        and not path.startswith("../")
        and path != ".."
    )
