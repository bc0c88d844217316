"""Allowlist sanitizing of rendered editor HTML: no script, event handler or `javascript:` link survives."""

from __future__ import annotations

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
    )
