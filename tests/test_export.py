"""Open data and structured data as reusers and search engines read them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import lxml.html
import pytest

from conftest import CONTENT, ROOT
from kenniscentrum.content.schema import PROJECT
from kenniscentrum.outputs.export import LIST_SEPARATOR, columns, csv_cell
from kenniscentrum.render.jsonld import script_json

SITE_URL = "https://kenniscentrum.example.org/"
PROJECTS = sorted(p.stem for p in (CONTENT / "projects").glob("*.md"))


def load_json(site: Path) -> list[dict]:
    return json.loads((site / "data/projecten.json").read_text(encoding="utf-8"))


def load_csv(site: Path) -> list[dict[str, str]]:
    text = (site / "data/projecten.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_follow_the_schema_order() -> None:
    fields = [f.name for f in PROJECT.fields if f.name != "draft"]
    stage = fields.index("milestones") + 1  # the current stage follows the milestones it comes from
    assert columns() == ["slug", "url", *fields[:stage], "current_stage", *fields[stage:]]


def test_json_has_every_public_project_with_every_column(site: Path) -> None:
    data = load_json(site)
    assert [p["slug"] for p in data] == PROJECTS
    for project in data:
        assert list(project) == columns()
        assert project["url"] == f"{SITE_URL}projecten/{project['slug']}/"
    turing = next(p for p in data if p["slug"] == "turing")
    assert turing["themes"] == ["energie", "mobiliteit", "digitalisering"]
    assert turing["year"] == 2019
    assert turing["published"] == "2025-06-17"


def test_csv_opens_with_the_csv_module_and_round_trips_the_json(site: Path) -> None:
    rows = load_csv(site)
    header = (site / "data/projecten.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == columns()
    data = load_json(site)
    assert len(rows) == len(data)
    for row, record in zip(rows, data, strict=True):
        assert row == {name: csv_cell(record[name]) for name in columns()}
        for name in ("themes", "partners", "suppliers"):
            assert (row[name].split(LIST_SEPARATOR) if row[name] else []) == record[name]


def test_open_data_page_documents_every_column(site: Path) -> None:
    doc = (ROOT / "docs/open-data.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", doc, flags=re.MULTILINE)
    assert documented == columns()
    page = lxml.html.parse(str(site / "open-data/index.html")).getroot()
    hrefs = {a.get("href") for a in page.iter("a")}
    assert {f"{SITE_URL}data/projecten.json", f"{SITE_URL}data/projecten.csv"} <= hrefs


def jsonld(site: Path, rel: str) -> dict | None:
    doc = lxml.html.parse(str(site / rel)).getroot()
    scripts = doc.xpath('//script[@type="application/ld+json"]')
    return json.loads(scripts[0].text) if scripts else None


def test_consultation_pages_describe_an_event(site: Path) -> None:
    event = jsonld(site, "marktconsultaties/turing-workshop/index.html")
    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["startDate"] == "2026-12-10T14:00:00+01:00"
    assert event["endDate"] == "2026-12-10T16:30:00+01:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"]["@type"] == "VirtualLocation"
    halle = jsonld(site, "marktconsultaties/straatverlichting-halle/index.html")
    assert halle["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert halle["location"] == {"@type": "Place", "name": "Halle", "address": "Halle"}


@pytest.mark.parametrize(
    ("rel", "kind"),
    [
        ("tips/turing-als-case/index.html", "Article"),
        ("projecten/turing/index.html", "Project"),
        ("financiering/horizon-2020-pcp/index.html", "MonetaryGrant"),
        ("index.html", None),
        ("projecten/index.html", None),
    ],
)
def test_structured_data_type_per_page(site: Path, rel: str, kind: str | None) -> None:
    data = jsonld(site, rel)
    assert (data or {}).get("@type") == kind


def test_json_ld_cannot_close_its_script_element() -> None:
    text = script_json({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script> & <!--"}
