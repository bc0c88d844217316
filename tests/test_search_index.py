"""The search index Material's search loads: Dutch, with the metadata readers search by and the entry types."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kenniscentrum.content.schema import CONTENT_TYPES


@pytest.fixture(scope="module")
def index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def doc(index: dict, location: str) -> dict:
    return next(d for d in index["docs"] if d["location"] == location)


def test_dutch_language_and_field_weights(index):
    config = index["config"]
    assert config["lang"] == ["nl"]
    assert "stopWordFilter" in config["pipeline"]
    fields = config["fields"]
    assert fields["title"]["boost"] > fields["tags"]["boost"] > fields["text"]["boost"]


def test_the_metadata_readers_search_by_is_indexed(index):
    text = doc(index, "projecten/cold2gold/")["text"]
    for value in ("Sport Vlaanderen", "Vlaamse overheid", "Sport", "Afgerond", "2019"):
        assert value in text
    assert "Horizon Europe" in doc(index, "financiering/horizon-europe-innovatiegericht-aankopen/")["text"]


def test_every_entry_carries_its_type_and_outranks_listings(index):
    labels = {t.url_prefix: t.label for t in CONTENT_TYPES.values()}
    entries = [
        d for d in index["docs"] if d["location"].split("/")[0] in labels and d["location"].count("/") >= 2
    ]
    assert entries
    for entry in entries:
        label = labels[entry["location"].split("/")[0]]
        assert entry["tags"] == [label.capitalize()], entry["location"]
        assert entry["boost"] > 1
    assert "tags" not in doc(index, "projecten/") and "boost" not in doc(index, "projecten/")


def test_search_payload_stays_small(site: Path):
    """What every visitor downloads once to search: the index, gzipped as a web server sends it."""
    raw = (site / "search" / "search_index.json").read_bytes()
    assert len(gzip.compress(raw, 9)) < 150_000
