"""The benchmark's synthetic content generator: valid, reproducible, cross-referenced, never in content/."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT, TODAY
from kenniscentrum.content.catalogue import load_catalogue

sys.path.insert(0, str(ROOT / "benchmarks"))
import generator

N = 60


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> generator.Generated:
    return generator.generate(tmp_path_factory.mktemp("gen") / "content", N, seed=11)


def test_every_entry_passes_the_real_validator(generated: generator.Generated) -> None:
    catalogue = load_catalogue(generated.root, date.fromisoformat(TODAY))
    counts = {name: len(entries) for name, entries in catalogue.entries.items()}
    assert counts == {"project": 27, "consultation": 15, "tip": 12, "funding": 6}
    assert sum(counts.values()) == N == len(generated.files)
    assert catalogue.hidden == 0  # all published before the benchmark's build date


def test_consultations_and_tips_refer_to_projects(generated: generator.Generated) -> None:
    catalogue = load_catalogue(generated.root, date.fromisoformat(TODAY))
    assert generated.references > 0
    assert catalogue.consultations_of, "geen marktconsultatie verwijst naar een project"
    assert catalogue.tips_of, "geen tip verwijst naar een project"
    assert any(catalogue.related_projects(p) for p in catalogue.entries["project"])
    # Several projects per organisation, as in reality: organisation pages list more than one.
    assert any(len(org.projects) > 1 for org in catalogue.organisations.values())


def test_entries_are_marked_as_synthetic(generated: generator.Generated) -> None:
    for path in generated.files:
        text = path.read_text(encoding="utf-8")
        assert generator.MARKER in text
        assert f'title: "{generator.TITLE_PREFIX}' in text


def test_the_same_seed_gives_the_same_content(tmp_path: Path, generated: generator.Generated) -> None:
    again = generator.generate(tmp_path / "again", N, seed=11)
    other = generator.generate(tmp_path / "other", N, seed=12)

    def snapshot(result: generator.Generated) -> dict[str, str]:
        return {p.relative_to(result.root).as_posix(): p.read_text(encoding="utf-8") for p in result.files}

    assert snapshot(again) == snapshot(generated)
    assert snapshot(other) != snapshot(generated)


def test_the_mix_follows_the_real_portfolio() -> None:
    assert generator.type_counts(1000) == {"project": 450, "consultation": 250, "tip": 200, "funding": 100}
    assert sum(generator.type_counts(333).values()) == 333


@pytest.mark.parametrize("target", [ROOT / "content", ROOT / "content" / "projects", ROOT, ROOT / "site"])
def test_it_refuses_to_write_into_the_repository(target: Path) -> None:
    before = sorted(p.relative_to(ROOT) for p in (ROOT / "content").rglob("*"))
    with pytest.raises(ValueError, match="weigert"):
        generator.generate(target, N)
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "content").rglob("*")) == before
