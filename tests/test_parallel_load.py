"""A full build and `check` validate half the files in a forked process: the same catalogue, the same problems in
the same order as one process gives them."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import CONTENT, TODAY
from kenniscentrum import forked
from kenniscentrum.content import catalogue as catalogue_module
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.content.problems import ContentError
from kenniscentrum.content.schema import CONTENT_TYPES
from kenniscentrum.forked import CAN_FORK

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="fork only on Linux; elsewhere the load is one process")
DAY = date.fromisoformat(TODAY)


@pytest.fixture(autouse=True)
def _split_even_small_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue_module, "_PARALLEL_FROM", 2)
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # whatever threads the test runner holds
    monkeypatch.setattr(catalogue_module, "_VALIDATED", {})  # nothing remembered: both halves validate


def test_the_parallel_load_gives_the_same_catalogue() -> None:
    parallel = load_catalogue(CONTENT, DAY, parallel=True)
    catalogue_module._VALIDATED.clear()
    single = load_catalogue(CONTENT, DAY)
    assert [(e.key, e.title, e.data) for e in parallel.all()] == [
        (e.key, e.title, e.data) for e in single.all()
    ]
    # Entries from the other process are of the site's own content types, not copies of them.
    assert all(e.type is CONTENT_TYPES[e.type.name] for e in parallel.all())


def test_the_problems_of_both_halves_come_in_file_order(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    projects = sorted((content / "projects").glob("*.md"))
    tips = sorted((content / "tips").glob("*.md"))
    for broken in (projects[0], tips[-1]):  # one early file, one late: one in each half
        text = broken.read_text(encoding="utf-8")
        broken.write_text(re.sub(r"^title: .*$", "title:", text, count=1, flags=re.M), encoding="utf-8")
    with pytest.raises(ContentError) as parallel:
        load_catalogue(content, DAY, parallel=True)
    catalogue_module._VALIDATED.clear()
    with pytest.raises(ContentError) as single:
        load_catalogue(content, DAY)
    assert str(parallel.value) == str(single.value)
    assert projects[0].name in str(parallel.value) and tips[-1].name in str(parallel.value)
