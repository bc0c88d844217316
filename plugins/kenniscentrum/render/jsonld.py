"""schema.org JSON-LD for entry pages, so search engines and agendas recognise consultations as events.

Types: consultation -> Event, tip -> Article, project -> Project, funding -> MonetaryGrant. The JSON is made
safe to sit inside a <script> element: `<`, `>` and `&` are written as \\u escapes, so no editor text can
close the element or open a comment.
"""

from __future__ import annotations

import json
from typing import Any

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import BRUSSELS, Entry
from kenniscentrum.content.schema import CONTENT_TYPES
from kenniscentrum.site import PUBLISHER

_BY_PREFIX = {t.url_prefix: t.name for t in CONTENT_TYPES.values()}


def entry_for_page(catalogue: Catalogue, src_uri: str) -> Entry | None:
    """The public entry a generated page (`marktconsultaties/<slug>.md`) renders, if any."""
    prefix, _, name = src_uri.partition("/")
    if prefix not in _BY_PREFIX or "/" in name or not name.endswith(".md"):
        return None
    entry = catalogue.get(_BY_PREFIX[prefix], name.removesuffix(".md"))
    return entry if entry and catalogue.is_public(entry) else None


def page_jsonld(catalogue: Catalogue, src_uri: str, site_url: str, language: str = "nl") -> str:
    """The script-safe JSON-LD for a page, or "" when the page is not a public entry."""
    entry = entry_for_page(catalogue, src_uri)
    # An invented example is no event or grant a search engine should list: it gets no structured data.
    if entry is None or entry.illustration:
        return ""
    return script_json(entry_jsonld(catalogue, entry, site_url, language))


def script_json(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _organisation(name: str, kind: str = "GovernmentOrganization") -> dict[str, str]:
    return {"@type": kind, "name": name}


def entry_jsonld(catalogue: Catalogue, entry: Entry, site_url: str, language: str = "nl") -> dict[str, Any]:
    url = f"{site_url}{entry.url}"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "name": entry.title,
        "description": entry.description,
        "url": url,
    }
    keywords = [catalogue.label("themes", t) for t in entry.themes]
    if keywords:
        data["keywords"] = ", ".join(keywords)
    builder = {"consultation": _event, "tip": _article, "project": _project, "funding": _grant}
    data.update(builder[entry.type.name](catalogue, entry, url, language.replace("_", "-")))
    return data


def _event(catalogue: Catalogue, entry: Entry, url: str, language: str) -> dict[str, Any]:
    online = entry.online
    data: dict[str, Any] = {
        "@type": "Event",
        "startDate": entry.starts.astimezone(BRUSSELS).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"),
        "location": {"@type": "VirtualLocation", "url": url}
        if online
        else {"@type": "Place", "name": entry.location, "address": entry.location},
        "organizer": _organisation(entry["organisation"]),
        "isAccessibleForFree": True,
        "inLanguage": language,
    }
    if ends := entry.sessions[-1].ends:
        data["endDate"] = ends.astimezone(BRUSSELS).isoformat()
    if len(entry.sessions) > 1:
        # Several sessions: each one a sub-event with its own time and place.
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": entry.title,
                "startDate": session.starts.astimezone(BRUSSELS).isoformat(),
                **({"endDate": session.ends.astimezone(BRUSSELS).isoformat()} if session.ends else {}),
                "location": {"@type": "VirtualLocation", "url": url}
                if session.online
                else {"@type": "Place", "name": session.location, "address": session.location},
            }
            for session in entry.sessions
        ]
    if registration := entry.get("registration_url"):
        data["offers"] = {"@type": "Offer", "url": registration, "price": 0, "priceCurrency": "EUR"}
    return data


def _dates(entry: Entry) -> dict[str, str]:
    dates = {"datePublished": entry.published.isoformat()}
    if entry.updated:
        dates["dateModified"] = entry.updated.isoformat()
    return dates


def _article(catalogue: Catalogue, entry: Entry, url: str, language: str) -> dict[str, Any]:
    author = entry.get("author")
    return {
        "@type": "Article",
        "headline": entry.title,
        "author": {"@type": "Person", "name": author} if author else _organisation(PUBLISHER),
        "publisher": _organisation(PUBLISHER),
        "mainEntityOfPage": url,
        "inLanguage": language,
        **_dates(entry),
    }


def _project(catalogue: Catalogue, entry: Entry, url: str, language: str) -> dict[str, Any]:
    return {
        "@type": "Project",
        "member": [_organisation(entry["organisation"])]
        + [_organisation(p, "Organization") for p in entry.get("partners", [])],
        "funder": _organisation(PUBLISHER),
    }


def _grant(catalogue: Catalogue, entry: Entry, url: str, language: str) -> dict[str, Any]:
    grant: dict[str, Any] = {
        "@type": "MonetaryGrant",
        "funder": _organisation(entry["programme"], "Organization"),
    }
    if "url" in entry.data:
        grant["sameAs"] = entry["url"]
    return grant
