"""A project full of hostile values that validation lets through, built for real: every output is scanned.

The values are the ones `check` accepts (HTML, braces, Markdown links and `javascript:` in fields are refused,
see tests/cases/), so what is left must be escaped for each place it reaches: pages, headings, `<title>`,
feeds, calendars, JSON, CSV, JSON-LD, the search index and the e-mails. Every value carries the marker
`kcxss`, so a scan can tell an editor's text from the site's own markup.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import icalendar
import lxml.etree
import lxml.html
import pytest

from conftest import copy_project, run_build

MARKER = "kcxss"
# Plain text that validation accepts: Markdown and HTML specials, entities that decode to tags, formula starts.
HOSTILE = (
    "Kwaad & \"dubbel\" 'enkel' *ster* _lig_ `code` #hash |pipe| \\\\ &lt;script&gt;alert(1)&lt;/script&gt; "
    "&#60;img src=x onerror=alert(1)&#62; ]]> --> kcxss"
)
FORMULA = '=HYPERLINK(""https://example.org"";""kcxss"")'
URL = "https://example.org/a)(b'c;kcxss?x=1&y=2#f"
BODY = """
Tekst kcxss.

<img src=x/onerror=alert(1)> <svg/onload=alert(1)></svg>

Alinea met een attribuut{:onclick="alert(1)"}

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">d</a>
<math><mi xlink:href="java&#115;cript:alert(1)">x</mi></math>

Afbeeldingen van elders: ![extern][logo]

[logo]: https://example.org/kcxss.png
"""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background")


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def hostile_project(root: Path) -> Path:
    project = copy_project(root / "project")
    content = project / "content"
    vocab = content / "vocabularies.yml"
    vocab.write_text(
        vocab.read_text(encoding="utf-8").replace("themes:\n", f"themes:\n  kwaad: {_q('@' + HOSTILE)}\n", 1),
        encoding="utf-8",
    )
    # Entity-encoded script links and remote images in a body are refused by `check` (golden cases in
    # tests/cases/); what is left here is what passes validation and must still come out inert.
    organisations = content / "organisations.yml"
    organisations.write_text(
        organisations.read_text(encoding="utf-8")
        + f"\nkwaad-organisatie:\n  name: {_q('@SUM(1+1) ' + HOSTILE)}\n  type: vlaamse-overheid\n",
        encoding="utf-8",
    )
    tab = _q("\t" + HOSTILE)
    (content / "projects/kwaad-project.md").write_text(
        f"""---
title: {_q(FORMULA + " " + HOSTILE)}
description: {_q("+" + HOSTILE)}
organisation: {_q("@SUM(1+1) " + HOSTILE)}
organisation_type: vlaamse-overheid
partners: [{_q("-1+1 " + HOSTILE)}, {_q(HOSTILE)}]
suppliers: [{tab}]
themes: [kwaad, energie]
phase: uitvoering
call: {_q("=1+1 " + HOSTILE)}
year: 2100
cofinancing: 123456789012.35
links:
  - title: {_q("=cmd|' /C calc'!A0 " + HOSTILE)}
    url: {_q(URL)}
published: 2025-01-10
updated: 2025-01-11
---
{BODY}
""",
        encoding="utf-8",
    )
    (content / "consultations/kwaad-consultatie.md").write_text(
        f"""---
title: {_q(HOSTILE)}
description: {_q(HOSTILE)}
organisation: {_q("@SUM(1+1) " + HOSTILE)}
themes: [kwaad]
project: kwaad-project
starts: 2026-03-29 03:00
ends: 2026-03-29 04:00
location: {_q("=2+2 " + HOSTILE)}
registration_url: {_q(URL)}
registration_deadline: 2026-03-20
registrations: 999999999999999
conclusions: 2026-04-01
published: 2025-01-10
---
{BODY}

## Conclusies

Conclusies {MARKER}.
""",
        encoding="utf-8",
    )
    (content / "tips/kwaad-tip.md").write_text(
        f"""---
title: {_q(HOSTILE)}
description: {_q(HOSTILE)}
kind: tip
themes: [kwaad]
projects: [kwaad-project]
author: {_q("=1+1 " + HOSTILE)}
published: 2026-11-20
---
{BODY}
""",
        encoding="utf-8",
    )
    (content / "funding/kwaad-oproep.md").write_text(
        f"""---
title: {_q(HOSTILE)}
description: {_q(HOSTILE)}
programme: {_q("-" + HOSTILE)}
instrument: pcp
themes: [kwaad]
funding_rate: 99.99
opens: 2026-11-01
deadline: 2026-12-01 17:00
url: {_q(URL)}
published: 2026-11-21
---
{BODY}
""",
        encoding="utf-8",
    )
    # Values that start like a Markdown block (a list, a rule, a definition) where a line starts.
    (content / "tips/kwaad-regel.md").write_text(
        '---\ntitle: 1986. Geen genummerde lijst\ndescription: "- geen lijst: ook geen definitie"\n'
        'kind: tip\nauthor: "---"\npublished: 2026-11-22\n---\nTekst.\n',
        encoding="utf-8",
    )
    # A docs/ page (a pull request can add one) with markup in its title, description and body.
    (project / "docs/kwaad.md").write_text(
        '---\ntitle: "<img src=x onerror=alert(1)> kcxss"\ndescription: \'x" onfocus="alert(1)" autofocus="\'\n'
        "---\n\n# Kwaad kcxss\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n",
        encoding="utf-8",
    )
    return project


def _inventory(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[str], set[str]]:
    root = tmp_path_factory.mktemp("hostile")
    project = hostile_project(root)
    before = _inventory(root)
    site = root / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return root, site, before, _inventory(root)


def remote_images(html: str, where: str) -> list[str]:
    """Images the reader's browser would fetch from another website while the page loads."""
    doc = lxml.html.fromstring(html)
    return [
        f"{where}: <img src={src!r}>"
        for img in doc.iter("img")
        if re.match(
            r"^([a-z][a-z0-9+.-]*:|[/\\]{2})", src := re.sub(r"[\x00-\x20]", "", img.get("src", "")), re.I
        )
    ]


def live_script(html: str, where: str) -> list[str]:
    """Everything in an HTML document or fragment that would run script: <script> with an editor's text in it,
    event handler attributes, script URLs, frames and objects."""
    found = []
    try:
        doc = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower().rsplit("}", 1)[-1]
        if tag == "script":
            kind = (element.get("type") or "").lower()
            text = element.text or ""
            if kind in ("application/ld+json", "application/json"):
                json.loads(text)  # stays data: an editor's "</script>" would have broken it
                if "</" in text.lower():
                    found.append(f"{where}: JSON in <script> with '</'")
            elif MARKER in text or "alert(" in text:
                found.append(f"{where}: <script> with editor text: {text[:80]!r}")
        if tag in ("iframe", "object", "embed", "base", "frame"):
            found.append(f"{where}: <{tag}>")
        for name, value in element.attrib.items():
            name = name.lower().rsplit("}", 1)[-1]
            if name.startswith("on"):
                found.append(f"{where}: <{tag} {name}=…>")
            if name in URL_ATTRIBUTES or name.endswith("href"):
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:text/html")):
                    found.append(f"{where}: <{tag} {name}={value!r}>")
    return found


@pytest.mark.parametrize(
    "html",
    [
        "<p><img src=x onerror=alert(1)></p>",
        '<a href=" JaVaScRiPt:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',
        "<script>alert(1)</script>",
        "<iframe src=x></iframe>",
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    ],
)
def test_the_scan_finds_live_script(html: str) -> None:
    assert live_script(f"<html><body>{html}</body></html>", "x")


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in (*_strings(key), *_strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def test_the_hostile_project_builds_and_nothing_is_written_outside_the_site(hostile) -> None:
    _root, site, before, after = hostile
    outside = {p for p in after - before if not p.startswith("site")}
    assert outside == set()
    assert (site / "projecten/kwaad-project/index.html").is_file()
    assert (site / "thema/kwaad/index.html").is_file()


def test_no_output_carries_live_script(hostile) -> None:
    _root, site, _before, _after = hostile
    found: list[str] = []
    scanned = {"html": 0, "xml": 0, "json": 0}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            scanned["html"] += 1
            html = path.read_text(encoding="utf-8")
            found += live_script(html, rel) + remote_images(html, rel)
        elif path.suffix == ".xml":
            scanned["xml"] += 1
            tree = lxml.etree.parse(str(path))
            for node in tree.iter():
                for text in (node.text or "", *node.attrib.values()):
                    if "<" in text:  # HTML carried as text (feed item content, summaries)
                        found += live_script(text, f"{rel} <{node.tag}>")
        elif path.suffix == ".json":
            scanned["json"] += 1
            for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
                if "<" in text:  # Material's search renders titles and text as HTML
                    found += live_script(text, rel)
    assert found == []
    assert scanned["html"] > 50 and scanned["xml"] > 5 and scanned["json"] >= 2
    # The hostile values did reach the outputs, as text.
    page = (site / "projecten/kwaad-project/index.html").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(page)
    assert doc.findtext(".//h1").startswith('=HYPERLINK(""https://example.org""')
    assert "*ster* _lig_ `code` #hash |pipe|" in doc.findtext(".//h1")
    assert MARKER in doc.findtext(".//title")
    docs_page = (site / "kwaad/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in docs_page and "onerror" not in docs_page.split("<title>")[0]
    description = lxml.html.fromstring(docs_page).find(".//meta[@name='description']")
    assert description.get("content") == 'x" onfocus="alert(1)" autofocus="'  # one attribute, as text


def test_theme_page_title_is_the_label_as_text(hostile) -> None:
    _root, site, _before, _after = hostile
    doc = lxml.html.fromstring((site / "thema/kwaad/index.html").read_text(encoding="utf-8"))
    heading = doc.find(".//h1").text_content()
    assert heading.startswith("@" + HOSTILE)  # every character as written
    assert doc.find(".//h1/em") is None and doc.find(".//h1/code") is None
    assert not live_script(lxml.html.tostring(doc, encoding="unicode"), "thema/kwaad")


def test_values_that_start_like_markdown_blocks_stay_text(hostile) -> None:
    _root, site, _before, _after = hostile
    month = lxml.html.fromstring((site / "nieuwsbrief/2026-11/index.html").read_text(encoding="utf-8"))
    item = next(li for li in month.iter("li") if "1986. Geen genummerde lijst" in li.text_content())
    assert "- geen lijst: ook geen definitie" in item.text_content()
    assert not item.xpath(".//ol | .//ul | .//dl | .//hr")
    page = lxml.html.fromstring((site / "tips/kwaad-regel/index.html").read_text(encoding="utf-8"))
    assert page.findtext(".//h1") == "1986. Geen genummerde lijst"
    assert "---" in page.find(".//article").text_content()


def test_calendars_carry_the_values_as_text(hostile) -> None:
    _root, site, _before, _after = hostile
    calendars = sorted(site.rglob("*.ics"))
    sessions = 0
    for path in calendars:
        data = path.read_bytes()
        calendar = icalendar.Calendar.from_ical(data)
        unfolded = re.sub(rb"\r\n[ \t]", b"", data).decode("utf-8")
        for line in unfolded.split("\r\n"):
            assert not line or re.match(r"^[A-Z][A-Z0-9-]*[;:]", line), (path, line)
        for event in calendar.walk("VEVENT"):
            if MARKER in str(event.get("SUMMARY")) and "LOCATION" in event:
                assert str(event["LOCATION"]).startswith("=2+2 Kwaad")
                assert str(event.get("URL", "")).startswith("https://")
                sessions += 1
    assert sessions >= 2  # in the consultation's own calendar and in /agenda.ics


def test_open_data_is_exact_and_has_no_formulas(hostile) -> None:
    _root, site, _before, _after = hostile
    raw = (site / "data/projecten.json").read_text(encoding="utf-8")
    data = json.loads(raw, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    record = next(r for r in data if r["slug"] == "kwaad-project")
    assert "123456789012.35" in raw and record["cofinancing"] == 123456789012.35
    assert record["title"].startswith("=HYPERLINK")  # JSON is data: kept as written
    with (site / "data/projecten.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    assert [cell for cell in cells if cell.startswith(FORMULA_START)] == []
    row = next(row for row in rows if "kwaad-project" in ",".join(row))
    assert "123456789012.35" in row
    assert any(cell.startswith("'=HYPERLINK") for cell in row)
    assert any(cell.startswith("'@SUM(1+1)") for cell in row)
