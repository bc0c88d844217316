"""A deploy's feeds carry the deploy's address; a build for publication without one stops, in Dutch."""

from __future__ import annotations

from pathlib import Path

import feedparser
import lxml.html
import pytest
from icalendar import Calendar

from conftest import run_build


def test_a_build_for_publication_without_site_url_stops(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_build(project, site, env={"SITE_URL": "", "KENNISCENTRUM_PUBLISH": "1"})
    assert result.returncode != 0
    assert "Deze build is bedoeld om te publiceren" in result.stderr
    assert "SITE_URL" in result.stderr
    assert not (site / "index.html").exists()


@pytest.mark.parametrize("placeholder", ["https://kenniscentrum.example.org/", "http://localhost:8000/"])
def test_a_placeholder_address_is_refused_for_publication(
    project: Path, tmp_path: Path, placeholder: str
) -> None:
    result = run_build(
        project, tmp_path / "site", env={"SITE_URL": placeholder, "KENNISCENTRUM_PUBLISH": "1"}
    )
    assert result.returncode != 0
    assert placeholder in result.stderr


def test_the_deploy_address_reaches_feeds_calendars_and_pages(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    deploy = "https://pio-kenniscentrum.github.io/kenniscentrum/"
    result = run_build(project, site, env={"SITE_URL": deploy, "KENNISCENTRUM_PUBLISH": "1"})
    assert result.returncode == 0, result.stderr
    feed = feedparser.parse((site / "feeds/marktconsultaties.xml").read_bytes())
    assert feed.entries and all(e.link.startswith(deploy + "marktconsultaties/") for e in feed.entries)
    calendar = Calendar.from_ical((site / "agenda.ics").read_bytes())
    assert all(str(e["url"]).startswith(deploy) for e in calendar.walk("VEVENT"))
    assert f"{deploy}feeds/marktconsultaties.ics" in (site / "abonneren/index.html").read_text(
        encoding="utf-8"
    )
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "example.org" not in everything and "127.0.0.1" not in everything


def test_the_newsletter_sign_up_shows_only_when_configured(project: Path, tmp_path: Path) -> None:
    signup = "https://nieuwsbrief.example.net/pio?lijst=kenniscentrum&bron=site"
    with_link = run_build(project, tmp_path / "with", env={"NEWSLETTER_SIGNUP_URL": signup})
    assert with_link.returncode == 0, with_link.stderr
    without = run_build(project, tmp_path / "without", env={"NEWSLETTER_SIGNUP_URL": ""})
    assert without.returncode == 0, without.stderr
    for page in ("index.html", "abonneren/index.html", "projecten/cold2gold/index.html"):
        shown = lxml.html.parse(str(tmp_path / "with" / page))
        footer = shown.xpath("//footer//a[contains(., 'nieuwsbrief')]/@href")
        assert footer == [signup], page
        hidden = lxml.html.parse(str(tmp_path / "without" / page))
        assert not hidden.xpath("//a[contains(., 'Schrijf je in op')]"), page
    body = lxml.html.parse(str(tmp_path / "with" / "abonneren/index.html"))
    assert body.xpath("//article//a[contains(., 'Schrijf je in op de nieuwsbrief')]/@href") == [signup]
