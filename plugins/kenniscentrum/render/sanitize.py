"""Allowlist sanitizing of rendered editor HTML: no script, event handler or `javascript:` link survives."""

from __future__ import annotations

import posixpath
import re

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {"section", "main"}
_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"class", "id", "title", "lang", "dir", "aria-hidden", "aria-label", "role"},
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


def _keep_local(tag: str, attribute: str, value: str) -> str | None:
    """The site makes no third-party requests: an editor's image from another website is dropped."""
    if (tag, attribute) in _FETCHED and _REMOTE.match(re.sub(r"[\x00-\x20]", "", value)):
        return None
    return value


def sanitize(html: str) -> str:
    """Clean rendered Markdown; relative URLs and anchors stay, other schemes are dropped."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
        attribute_filter=_keep_local,
    )


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
