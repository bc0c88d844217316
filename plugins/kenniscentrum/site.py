"""What the outputs need to know about the site, read from the MkDocs config instead of copied into code.

The plugin builds a `Site` from the loaded config; `kenniscentrum pages` reads the same keys from `mkdocs.yml`
next to the content. The defaults below are only for code called without either (unit tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

PUBLISHER = "Programma Innovatieve Overheidsopdrachten (PIO)"  # publisher of the feeds, funder in JSON-LD


# VLAIO owns vlaio.be: feed ids `tag:vlaio.be,2024:kenniscentrum/…`, calendar UIDs `…@kenniscentrum.vlaio.be`.
ID_AUTHORITY = "vlaio.be"


@dataclass(frozen=True)
class Site:
    name: str = "Kenniscentrum Innovatieve Overheidsopdrachten"
    # The domain that owns the feed ids and calendar UIDs (plugin option `id_authority`). Every subscriber's
    # reader and calendar keeps them: never change it once the site is published.
    id_authority: str = ID_AUTHORITY
    url: str = ""  # ends in "/" (see base_url), or "" for root-relative links
    language: str = "nl"  # MkDocs theme.language: the locale of dates and the UI strings
    # Markdown extensions and their options, as in mkdocs.yml: feed content is rendered with the same ones.
    markdown_extensions: tuple[Any, ...] = ()  # names, or extension instances other plugins added
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def feed_id_prefix(self) -> str:
        """`tag:vlaio.be,2024:kenniscentrum/` (RFC 4151), before every feed and item id."""
        return f"tag:{self.id_authority},2024:kenniscentrum/"

    @property
    def uid_domain(self) -> str:
        """`kenniscentrum.vlaio.be`, after the @ of every calendar UID."""
        return f"kenniscentrum.{self.id_authority}"

    def with_url(self, url: str) -> Site:
        return replace(self, url=base_url(url))

    @property
    def feed_extensions(self) -> tuple[list[Any], dict[str, dict[str, Any]]]:
        """The site's extensions for feed content, minus the permalink anchors a feed reader shows as stray symbols."""
        configs = {name: dict(options) for name, options in self.extension_configs.items()}
        if "toc" in configs:
            configs["toc"]["permalink"] = False
        return list(self.markdown_extensions), configs


def base_url(site_url: str) -> str:
    """Absolute links need a base ending in "/"; without a site_url they fall back to root-relative."""
    return site_url.rstrip("/") + "/"


def from_mkdocs(
    site_name: str,
    site_url: str,
    theme_language: str | None,
    extensions: list[Any],
    configs: dict[str, Any],
    id_authority: str = "",
) -> Site:
    return Site(
        name=site_name,
        id_authority=id_authority or ID_AUTHORITY,
        url=base_url(site_url),
        language=theme_language or "nl",
        markdown_extensions=tuple(extensions),
        extension_configs={name: dict(options) for name, options in configs.items()},
    )


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name: their values are not needed here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def from_mkdocs_yml(path: Path, site_url: str = "") -> Site:
    """The same settings read from a mkdocs.yml file, for `kenniscentrum pages` (which runs no MkDocs)."""
    if not path.is_file():
        return Site(url=base_url(site_url))
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    extensions: list[str] = []
    configs: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                extensions.append(name)
                configs[name] = options or {}
        else:
            extensions.append(item)
    return from_mkdocs(
        str(config.get("site_name") or Site.name),
        site_url or str(config.get("site_url") or ""),
        (config.get("theme") or {}).get("language"),
        extensions,
        configs,
        _plugin_option(config, "id_authority"),
    )


def _plugin_option(config: dict[str, Any], name: str) -> str:
    """An option of the kenniscentrum plugin in mkdocs.yml's `plugins` list, or ""."""
    for item in config.get("plugins") or []:
        if isinstance(item, dict) and isinstance(item.get("kenniscentrum"), dict):
            return str(item["kenniscentrum"].get(name) or "")
    return ""
