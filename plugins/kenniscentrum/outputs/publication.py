"""Whether a build is meant for publication, and whether it knows the address it will be published at.

Feeds, calendars, e-mails and `/abonneren/` carry absolute URLs that subscribers keep for years. A deploy takes
its address from `SITE_URL` (`mkdocs.yml` reads it with `!ENV`); a local build falls back to the preview address.
A build for publication that would carry the fallback (or a placeholder) stops instead of publishing it.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

PUBLISH_VARIABLE = "KENNISCENTRUM_PUBLISH"
SITE_URL_VARIABLE = "SITE_URL"
PLACEHOLDER_HOSTS = ("127.0.0.1", "localhost", "0.0.0.0", "::1")
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net", "invalid", "test")


def for_publication(configured: bool = False) -> bool:
    """KENNISCENTRUM_PUBLISH=1 (the deploy workflow sets it), else the plugin's `publish` option."""
    value = os.environ.get(PUBLISH_VARIABLE, "").strip().lower()
    return value in ("1", "true", "yes", "ja") if value else configured


def publication_problem(site_url: str) -> str | None:
    """A Dutch explanation when `site_url` cannot be the address of a published site, else None."""
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    placeholder = host in PLACEHOLDER_HOSTS or any(
        host == domain or host.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS
    )
    if parts.scheme in ("http", "https") and host and not placeholder:
        return None
    shown = site_url or "(leeg)"
    return (
        f"Deze build is bedoeld om te publiceren ({PUBLISH_VARIABLE}), maar het adres van de site is "
        f"{shown}: feeds, agenda's en e-mails zouden naar dat adres verwijzen. Zet de omgevingsvariabele "
        f"{SITE_URL_VARIABLE} op het echte adres, bijvoorbeeld {SITE_URL_VARIABLE}=https://kenniscentrum.vlaio.be/"
    )
