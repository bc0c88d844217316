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
PROJECT_FEEDS = f"{FEEDS_DIR}/project/"  # routes.project_feed


def write_feed_sitemap(site_dir: Path, site_url: str, written: list[Path]) -> Path:
    """List the written feeds of the site and its selections (site_url ends in "/"); one project's feeds are
    left out, as its page is what search engines should find (thousands of them would only swell this file)."""
    feeds_dir = site_dir / FEEDS_DIR
    projects_dir = feeds_dir / PROJECT_FEEDS
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for path in sorted(
        p for p in written if p.is_relative_to(feeds_dir) and not p.is_relative_to(projects_dir)
    ):
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = (
            site_url + path.relative_to(site_dir).as_posix()
        )
    target = feeds_dir / "sitemap.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(urlset).write(target, encoding="utf-8", xml_declaration=True)
    return target
