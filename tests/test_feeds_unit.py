"""The feed builder without a build: hostile editor HTML, link rewriting, ids, and preview-only entries."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import feedparser
import lxml.etree
import pytest

from conftest import CONTENT, copy_project
from kenniscentrum.content.catalogue import Catalogue, load_catalogue
from kenniscentrum.content.conclusions import conclusions_section
from kenniscentrum.content.model import BRUSSELS, Entry, as_datetime
from kenniscentrum.content.schema import CONSULTATION
from kenniscentrum.outputs.export import records
from kenniscentrum.outputs.feeds import (
    ContentRenderer,
    FeedSpec,
    feed_items,
    feed_specs,
    render_feed,
)
from kenniscentrum.outputs.ical import build_calendars
from kenniscentrum.pages.digest import digest_pages
from kenniscentrum.routes import absolute_url

SITE = "https://kenniscentrum.example.org/"
TODAY = date(2026, 11, 25)
HOSTILE = """Lees [de tip](../tips/turing-als-case.md) of [de conclusies](#conclusies).

<a href="javascript:alert(1)" onclick="steal()">klik hier</a>
<img src="kaart.png" onerror="steal()" alt="kaart">
<script>alert("feed")</script>
<iframe src="https://evil.example/"></iframe>

## Conclusies

<p onmouseover="steal()" style="background:url(javascript:alert(1))">Tekst</p>
"""


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CONTENT, TODAY)


def hostile_entry(**data: object) -> Entry:
    return Entry(
        type=CONSULTATION,
        slug="aanval",
        path="content/consultations/aanval.md",
        title="Marktconsultatie: test",
        description="Beschrijving.",
        published=date(2026, 11, 20),
        body=HOSTILE,
        themes=("energie",),
        data={
            "organisation": "Stad Test",
            "starts": datetime(2026, 12, 10, 14, 0, tzinfo=BRUSSELS),
            "location": "online",
            "conclusions": date(2026, 11, 24),
            **data,
        },
    )


def render(entry: Entry, site_url: str = SITE) -> tuple[bytes, bytes]:
    """The feeds of a catalogue of its own (never the shared one) with `entry` added."""
    catalogue = load_catalogue(CONTENT, TODAY)
    catalogue.entries["consultation"].append(entry)
    items = [i for i in feed_items(catalogue) if i.entry is entry]
    spec = FeedSpec("feeds/test", "tag:kenniscentrum.pio,2024:feed/test", "Test", "Test", "", items)
    return render_feed(
        spec, catalogue, site_url, 50, ContentRenderer(catalogue, site_url), as_datetime(TODAY)
    )


def test_editor_html_cannot_put_script_or_handlers_into_a_feed() -> None:
    for document in render(hostile_entry()):
        parsed = feedparser.parse(document)
        assert parsed.bozo == 0
        assert len(parsed.entries) == 2  # the consultation and its conclusions
        # Read the raw XML text too: feedparser sanitizes, a less careful reader might not.
        root = lxml.etree.fromstring(document)
        text = " ".join(root.itertext()).lower()
        for needle in ("<script", "javascript:", "onclick", "onerror", "onmouseover", "<iframe", "style="):
            assert needle not in text, needle
        assert "klik hier" in text  # the text stays, only the dangerous parts go


def test_relative_links_in_the_body_become_absolute() -> None:
    atom = feedparser.parse(render(hostile_entry())[1])
    content = next(e for e in atom.entries if e.id.endswith("/aanval")).content[0].value
    assert f'href="{SITE}tips/turing-als-case/"' in content
    assert f'href="{SITE}marktconsultaties/aanval/#conclusies"' in content
    assert f'src="{SITE}marktconsultaties/kaart.png"' in content


def test_ids_do_not_depend_on_the_site_url() -> None:
    here = feedparser.parse(render(hostile_entry())[1])
    moved = feedparser.parse(render(hostile_entry(), "https://pio.vlaanderen.be/kenniscentrum/")[1])
    assert [e.id for e in here.entries] == [e.id for e in moved.entries]
    assert [e.id for e in here.entries] == [
        "tag:kenniscentrum.pio,2024:consultation/aanval/conclusies",
        "tag:kenniscentrum.pio,2024:consultation/aanval",
    ]
    assert moved.entries[0].link.startswith(
        "https://pio.vlaanderen.be/kenniscentrum/marktconsultaties/aanval/"
    )


def test_conclusions_dated_in_the_future_wait_for_that_day() -> None:
    atom = feedparser.parse(render(hostile_entry(conclusions=date(2026, 12, 1)))[1])
    assert [e.id for e in atom.entries] == ["tag:kenniscentrum.pio,2024:consultation/aanval"]


def test_feed_size_is_capped_but_the_newest_items_stay(catalogue: Catalogue) -> None:
    items = feed_items(catalogue)
    spec = feed_specs(catalogue)[0]
    rss, atom = render_feed(spec, catalogue, SITE, 5, ContentRenderer(catalogue, SITE), as_datetime(TODAY))
    assert [e.id for e in feedparser.parse(atom).entries] == [i.id for i in items[:5]]
    assert len(feedparser.parse(rss).entries) == 5


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("mailto:pio@vlaio.be", "mailto:pio@vlaio.be"),
        ("#conclusies", f"{SITE}marktconsultaties/aanval/#conclusies"),
        ("../projecten/turing.md", f"{SITE}projecten/turing/"),
        ("../projecten/index.md#filters", f"{SITE}projecten/#filters"),
        ("../assets/logo.png", f"{SITE}assets/logo.png"),
        ("/data/projecten.csv", f"{SITE}data/projecten.csv"),
    ],
)
def test_absolute_url(url: str, expected: str) -> None:
    assert absolute_url(url, "marktconsultaties/aanval.md", "marktconsultaties/aanval/", SITE) == expected


def test_conclusions_section_stops_at_the_next_heading_of_its_level() -> None:
    body = "Intro\n\n## Conclusies\n\nA\n\n```\n# geen kop\n```\n\n### Detail\n\nB\n\n## Daarna\n\nC\n"
    heading, section = conclusions_section(body)
    assert heading == "Conclusies"
    assert "A" in section and "B" in section and "geen kop" in section
    assert "Daarna" not in section
    assert conclusions_section("Geen conclusies hier.\n") == ("", "")


def test_preview_drafts_and_scheduled_entries_stay_out_of_every_output(tmp_path: Path) -> None:
    """`mkdocs serve` puts drafts in the catalogue: feeds, calendar, digest and export must still skip them."""
    project = copy_project(tmp_path / "project")
    source = (project / "content/consultations/turing-workshop.md").read_text(encoding="utf-8")
    folder = project / "content/consultations"
    (folder / "ontwerp-x.md").write_text(
        source.replace("published: 2026-10-20", "draft: true\npublished: 2026-10-20")
    )
    (folder / "later-x.md").write_text(source.replace("published: 2026-10-20", "published: 2026-12-24"))
    preview = load_catalogue(project / "content", TODAY, include_drafts=True)
    assert preview.get("consultation", "ontwerp-x") is not None  # the preview does show them
    outputs = [
        repr([(i.id, i.url) for i in feed_items(preview)]),
        build_calendars(preview, SITE).agenda.decode(),
        repr(digest_pages(preview)),
        repr(records(preview, SITE)),
    ]
    for text in outputs:
        assert "ontwerp-x" not in text
        assert "later-x" not in text
