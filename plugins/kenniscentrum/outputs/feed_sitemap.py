"""A sitemap of the feeds, at `feeds/sitemap.xml`.

Material's JavaScript reads every `link[rel=alternate]` in a page's head as a language alternate and fetches
`sitemap.xml` next to it; the feed autodiscovery links point into `feeds/`, so without this file every page made a
failing request. A sitemap may list only URLs in its own folder, and this one lists just that: the feeds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEEDS_DIR = "feeds"


def write_feed_sitemap(site_dir: Path, site_url: str, written: list[Path]) -> Path:
    """List every written file under `feeds/` (site_url ends in "/")."""
    feeds_dir = site_dir / FEEDS_DIR
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for path in sorted(p for p in written if p.is_relative_to(feeds_dir)):
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = (
            site_url + path.relative_to(site_dir).as_posix()
        )
    target = feeds_dir / "sitemap.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
    return target
