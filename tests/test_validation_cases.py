"""One case file per editor mistake (tests/cases/*.yml): the files an editor wrote and the Dutch messages expected.

Adding a case is adding a file. Each case runs the real loader, validator and resolver over a content folder
holding only the case's files plus the repository's vocabularies.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.content.load import scan_content
from kenniscentrum.content.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))


def write_content(tmp_path: Path, files: dict[str, str | dict[str, str]]) -> Path:
    """The case's files under a fresh content/; a file given as a mapping is one a text editor cannot write:
    `latin1: text` (saved in another encoding), `symlink: target`, `directory: name`, or `text` with
    `repeat: {piece: times}` (each listed piece of the text written that many times: thousands of brackets)."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(CONTENT / "vocabularies.yml", content)
    for rel, text in files.items():
        target = content / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            target.write_text(text, encoding="utf-8")
        elif "latin1" in text:
            target.write_bytes(text["latin1"].encode("latin-1"))
        elif "repeat" in text:
            body = text["text"]
            for piece, times in text["repeat"].items():
                body = body.replace(piece, piece * times)
            target.write_text(body, encoding="utf-8")
        elif "symlink" in text:
            os.symlink(text["symlink"], target)
        else:
            target.mkdir()
    return content


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case_reports_every_expected_problem(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    content = write_content(tmp_path, spec["files"])
    with pytest.raises(ContentError) as caught:
        load_catalogue(content, date(2026, 11, 25))
    assert [str(p) for p in caught.value.problems] == spec["expected"]
    assert scan_content(content).skipped == spec.get("skipped", [])


def test_yaml_11_words_stay_text_in_text_fields(tmp_path: Path) -> None:
    content = write_content(
        tmp_path,
        {
            "tips/no.md": "---\ntitle: no\ndescription: yes\nkind: weetje\nauthor: on\npublished: 2025-01-10\n---\nT.\n",
        },
    )
    tip = load_catalogue(content, date(2026, 11, 25)).get("tip", "no")
    assert (tip.title, tip.description, tip["author"]) == ("no", "yes", "on")


def test_sample_content_is_valid() -> None:
    catalogue = load_catalogue(CONTENT, date(2026, 11, 25))
    assert len(catalogue.entries["project"]) >= 11
    assert len(catalogue.entries["consultation"]) >= 4
    assert len(catalogue.entries["tip"]) >= 8
    assert len(catalogue.entries["funding"]) >= 3


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path) -> None:
    """All cases in one content folder, loaded once: every file a case expects a problem in is reported."""
    files: dict[str, str] = {}
    expected: set[str] = set()
    for case in CASES:
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        # A case whose file names another case already used gets its own names (all of them, so the
        # case's files still meet each other as they do alone).
        clash = any(rel in files for rel in spec["files"])
        renamed = {rel: rel.replace(".md", f"-{case.stem}.md") if clash else rel for rel in spec["files"]}
        for rel, text in spec["files"].items():
            files[renamed[rel]] = text
        for line in spec["expected"]:
            path = line.split(":", 1)[0].removeprefix("content/")
            expected.add(f"content/{renamed.get(path, path)}")
    content = write_content(tmp_path, files)
    with pytest.raises(ContentError) as caught:
        load_catalogue(content, date(2026, 11, 25))
    reported = {p.path for p in caught.value.problems}
    assert len(expected) > len(CASES)  # more files than cases: the comparison below is not vacuous
    assert expected <= reported
