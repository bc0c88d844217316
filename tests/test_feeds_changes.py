"""What a subscriber sees when editors change content: new items for news, never a duplicate for a correction."""

from __future__ import annotations

from pathlib import Path

import feedparser

from conftest import add_organisation, run_build

OUTPUTS = ("feeds", "agenda.ics", "data")
CONSULTATION = """---
title: "Marktconsultatie: slimme verkeerslichten"
description: "De stad verkent met de markt hoe verkeerslichten zich aanpassen aan fietsers."
organisation: Stad Gent
themes: [mobiliteit]
starts: 2027-01-14 10:00
ends: 2027-01-14 12:00
location: Gent
registration_deadline: 2027-01-07
published: {published}
{extra}---

De stad Gent zoekt verkeerslichten die fietsers voorrang geven.
{body}"""


def consultation(published: str = "2026-11-24", extra: str = "", body: str = "") -> str:
    return CONSULTATION.format(published=published, extra=extra, body=body)


def feed(site: Path, name: str = "feeds/marktconsultaties.atom") -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site / name).read_bytes())
    assert parsed.bozo == 0
    return parsed


def build(project: Path, site_dir: Path) -> Path:
    result = run_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def output_files(site: Path) -> dict[str, bytes]:
    """Every non-HTML output (and the newsletter emails), keyed by path."""
    files = {}
    for part in OUTPUTS:
        root = site / part
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        files.update({p.relative_to(site).as_posix(): p.read_bytes() for p in paths})
    files.update(
        {p.relative_to(site).as_posix(): p.read_bytes() for p in site.glob("nieuwsbrief/*/email.html")}
    )
    files.update(
        {p.relative_to(site).as_posix(): p.read_bytes() for p in site.glob("marktconsultaties/*/*.ics")}
    )
    return files


def test_correcting_an_entry_keeps_every_id_and_adds_no_item(
    site: Path, project: Path, tmp_path: Path
) -> None:
    path = project / "content/consultations/turing-workshop.md"
    text = path.read_text(encoding="utf-8").replace(
        "published: 2026-10-20", "published: 2026-10-20\nupdated: 2026-11-22"
    )
    path.write_text(text + "\nCorrectie: de workshop vindt online plaats via Teams.\n", encoding="utf-8")
    rebuilt = build(project, tmp_path / "site")
    for name in ("feeds/alles.atom", "feeds/marktconsultaties.atom", "feeds/alles.xml"):
        before, after = feed(site, name), feed(rebuilt, name)
        assert [e.id for e in after.entries] == [e.id for e in before.entries]
    edited = next(e for e in feed(rebuilt).entries if e.id.endswith("consultation/turing-workshop"))
    assert edited.updated.startswith("2026-11-22")
    assert "Teams" in edited.content[0].value


def test_a_new_consultation_and_later_its_conclusions_each_add_one_item(
    site: Path, project: Path, tmp_path: Path
) -> None:
    before = {e.id for e in feed(site).entries}
    add_organisation(project, "Stad Gent")
    target = project / "content/consultations/slimme-verkeerslichten.md"
    target.write_text(consultation(), encoding="utf-8")
    announced = feed(build(project, tmp_path / "one"))
    new_id = "tag:vlaio.be,2024:kenniscentrum/consultation/slimme-verkeerslichten"
    assert {e.id for e in announced.entries} == before | {new_id}
    assert announced.entries[0].id == new_id  # newest first

    # The session took place (conclusions may not be dated before it), and its conclusions are out.
    held = consultation(
        extra="conclusions: 2026-11-25\n", body="\n## Conclusies\n\nDe markt kan dit leveren.\n"
    )
    target.write_text(
        held.replace("2027-01-14", "2026-11-20").replace("2027-01-07", "2026-11-13"), encoding="utf-8"
    )
    concluded = feed(build(project, tmp_path / "two"))
    assert {e.id for e in concluded.entries} == before | {new_id, new_id + "/conclusies"}
    item = next(e for e in concluded.entries if e.id == new_id + "/conclusies")
    assert item.title == "Conclusies: Slimme verkeerslichten"  # the consultation named once
    assert item.link.endswith("/marktconsultaties/slimme-verkeerslichten/#conclusies")
    assert "De markt kan dit leveren." in item.content[0].value
    assert concluded.entries[0].id == new_id + "/conclusies"


def test_drafts_and_scheduled_entries_appear_in_no_output_and_change_no_byte(
    site: Path, project: Path, tmp_path: Path
) -> None:
    add_organisation(project, "Stad Gent")
    folder = project / "content/consultations"
    (folder / "geheim-ontwerp.md").write_text(consultation(extra="draft: true\n"), encoding="utf-8")
    (folder / "nog-niet-online.md").write_text(consultation(published="2026-12-01"), encoding="utf-8")
    project_file = (project / "content/projects/turing.md").read_text(encoding="utf-8")
    (project / "content/projects/toekomstig-project.md").write_text(
        project_file.replace("published: 2025-06-17", "published: 2027-03-01"), encoding="utf-8"
    )
    rebuilt = build(project, tmp_path / "site")
    files = output_files(rebuilt)
    for slug in ("geheim-ontwerp", "nog-niet-online", "toekomstig-project"):
        assert not any(slug.encode() in data for data in files.values()), slug
        assert not any(slug in name for name in files), slug
        assert not any(slug in p.read_text(encoding="utf-8") for p in rebuilt.glob("nieuwsbrief/**/*.html"))
    # Same public content, another day and directory: every feed, calendar and export is byte-identical.
    assert files == output_files(site)
