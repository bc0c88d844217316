"""The search index the build writes (Pagefind) and what the pages give it: entries only, their own text, the
words a Dutch reader types that the page does not show, and no whole index shipped to every reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import CONTENT, TODAY
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.content.schema import CONTENT_TYPES
from kenniscentrum.content.status import build_date
from kenniscentrum.pages.compounds import Compounds
from kenniscentrum.pages.search import SiteSearch, result_title

ENTRY_PAGES = 34  # the public entries of the fixture content
STATIC_PAGES = ("abonneren", "traject", "over", "contact", "toegankelijkheid", "open-data")


def parse(site: Path, path: str):
    return lxml_html.fromstring((site / path / "index.html").read_text(encoding="utf-8"))


def search_data(site: Path, path: str) -> dict:
    """What Pagefind reads from a page: its metadata, filters and hidden search terms."""
    tree = parse(site, path)
    body = tree.cssselect("[data-pagefind-body]")
    if not body:
        return {}
    return {
        "meta": {
            el.get("data-pagefind-meta"): el.text_content() for el in tree.cssselect("[data-pagefind-meta]")
        },
        "filters": sorted(
            (el.get("data-pagefind-filter"), el.text_content())
            for el in tree.cssselect("[data-pagefind-filter]")
        ),
        "terms": " ".join(el.text_content() for el in body[0].xpath("./div[@hidden]")).split(),
    }


def test_pagefind_indexes_the_entries_and_static_pages_in_dutch(site: Path):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] == ENTRY_PAGES + len(STATIC_PAGES)
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_no_whole_index_is_shipped(site: Path):
    """Material's lunr index (every word of every page, loaded by every reader) is gone."""
    assert not (site / "search" / "search_index.json").exists()
    assert "lunr" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [f"{name}" for name in STATIC_PAGES])
def test_static_pages_are_indexed_as_pages(site: Path, path: str):
    assert search_data(site, path)["meta"]["soort"] == "Pagina"


@pytest.mark.parametrize(
    "path",
    [
        "",  # the home page repeats entries
        "projecten",
        "marktconsultaties",
        "tips",
        "financiering",
        "thema",
        "thema/sport",
        "organisaties",
        "organisaties/sport-vlaanderen",
        "nieuwsbrief/2025-05",
    ],
)
def test_listing_theme_organisation_and_digest_pages_are_not_indexed(site: Path, path: str):
    assert search_data(site, path) == {}


def test_every_entry_carries_its_type_description_and_filters(site: Path):
    labels = {t.url_prefix: t.label.capitalize() for t in CONTENT_TYPES.values()}
    for prefix, label in labels.items():
        pages = [p.parent for p in (site / prefix).glob("*/index.html")]
        assert pages, prefix
        for page in pages:
            data = search_data(site, str(page.relative_to(site)))
            # A tip shows its own kind, as its page does under "Soort"; the filter groups them all.
            kinds = {"Tip", "Verhaal", "Getuigenis", "Weetje"} if label == "Tip" else {label}
            assert data["meta"]["soort"] in kinds, page
            assert data["meta"]["beschrijving"], page
            assert ("soort", label) in data["filters"], page
    assert search_data(site, "tips/turing-als-case")["meta"]["soort"] == "Verhaal"
    assert search_data(site, "tips/juridisch-kader")["meta"]["soort"] == "Weetje"
    cold2gold = search_data(site, "projecten/cold2gold")
    assert ("thema", "Sport") in cold2gold["filters"]
    assert cold2gold["meta"]["beschrijving"].startswith("Sport Vlaanderen liet met steun van PIO")


def test_compound_parts_are_written_for_the_index(site: Path):
    assert "verlichting" in search_data(site, "projecten/turing")["terms"]  # snelwegverlichting
    assert "ophaling" in search_data(site, "projecten/optimo-huisvuilwagen")["terms"]  # afvalophaling
    # zorggebouwen; "veiligheid" stands in the text on its own, so it is not repeated
    assert "gebouwen" in search_data(site, "projecten/brandveiligheid-zorggebouwen")["terms"]


def test_metadata_labels_and_organisation_are_search_terms(site: Path):
    terms = " ".join(search_data(site, "marktconsultaties/turing-pitches")["terms"])
    assert "Agentschap Wegen en Verkeer" in terms
    assert "marktconsultaties" in terms  # the plural of the type, which the Dutch stemmer keeps apart
    halle = " ".join(search_data(site, "projecten/duurzame-straatverlichting-halle")["terms"])
    assert "Fluvius" in halle  # a partner


def test_blocks_about_other_entries_are_marked_for_exclusion(site: Path):
    tree = parse(site, "projecten/turing")
    derived = tree.cssselect("div.kc-derived")  # (the "Volg dit project" box is kc-derived too)
    assert len(derived) == 1 and tree.cssselect("section.kc-follow.kc-derived")
    headings = [h.text_content().strip("¶ ") for h in derived[0].cssselect("h2")]
    assert "Verwante projecten" in headings and "Marktconsultaties" in headings
    # ... and the index was built with that class excluded: "ZorgSaam" (only in Turing's related projects)
    # is in the word list because of its own project, not because of Turing (see the browser tests).
    own_body = tree.cssselect("[data-pagefind-body]")[0]
    assert derived[0] in own_body.iterdescendants()


def test_the_typo_word_lists_hold_the_indexed_words_by_length_and_first_letter(site: Path):
    folder = site / "search" / "woorden"
    eleven_v = (folder / "11-v.txt").read_text(encoding="utf-8").split()
    assert "verlichting" in eleven_v and "voortraject" in eleven_v
    assert all(len(word) == 11 and word.startswith("v") for word in eleven_v)
    assert "koelkledij" in (folder / "10-k.txt").read_text(encoding="utf-8").split()
    assert not list(folder.glob("4-*.txt"))  # short words are not corrected


def test_the_typo_word_lists_know_the_first_part_of_a_compound(site: Path):
    """ "afval" stands alone on no page; the browser splits "afvalinzameling" into it because the lists have it."""
    assert "afval" in (site / "search" / "woorden" / "5-a.txt").read_text(encoding="utf-8").split()


def test_the_dictionary_lists_hold_common_dutch_words(site: Path):
    """A real word no page has ("lucht") is not a typo of one the site has ("licht")."""
    folder = site / "search" / "woordenboek"
    five_l = (folder / "5-l.txt").read_text(encoding="utf-8").split()
    assert "lucht" in five_l and "licht" in five_l
    assert "verlichitng" not in (folder / "11-v.txt").read_text(encoding="utf-8").split()
    assert "5-l" in json.loads((folder / "lijsten.json").read_text(encoding="utf-8"))


def test_a_result_title_does_not_repeat_the_type(site: Path):
    meta = search_data(site, "marktconsultaties/straatverlichting-halle")["meta"]
    assert meta["soort"] == "Marktconsultatie"
    assert meta["titel"] == "Duurzame straatverlichting in Halle"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Marktconsultatie: duurzame straatverlichting", "Duurzame straatverlichting"),
        ("Marktconsultatie Turing: open workshop", "Turing: open workshop"),
        ("Marktconsultaties in 2024", "Marktconsultaties in 2024"),
        ("Over de marktconsultatie", "Over de marktconsultatie"),
    ],
)
def test_result_title_drops_a_leading_type_word(title: str, shown: str):
    assert result_title(title, "Marktconsultatie") == shown


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("snelwegverlichting", {"verlichting"}),
        ("straatverlichting", {"verlichting"}),
        ("afvalophaling", {"ophaling"}),
        ("tewerkstellingsmaatregelen", {"maatregelen"}),  # with the linking s
        ("incontinentiezorg", {"zorg"}),
        ("marktconsultatie", {"consultatie"}),
        ("innovatieve", set()),
        ("projecten", set()),
    ],
)
def test_compounds_split_into_known_words(word: str, parts: set[str]):
    assert set(Compounds(["marktconsultatie"]).parts(word)) == parts


def test_the_site_own_words_split_compounds_general_dutch_does_not_know():
    assert Compounds([]).parts("slimmeluierlab") == ()
    assert Compounds(["luierlab"]).parts("slimmeluierlab") == ("luierlab",)


def test_the_organisation_short_names_of_the_vocabulary_become_search_terms():
    """Acronyms come from data: the short names the organisations vocabulary gives an organisation."""
    catalogue = load_catalogue(CONTENT, build_date(TODAY))
    entry = catalogue.get("project", "cold2gold")
    organisation = catalogue.organisation_of(entry)
    organisation.short_names = ("SpV", "Sport Vl")  # as content/organisations.yml lists them
    terms = SiteSearch(catalogue).page(entry.src_uri, {}, None).terms
    assert "SpV" in terms.split() and "Sport Vl" in terms
    assert SiteSearch(catalogue).page("projecten/index.md", {"kc_type": "listing"}, "") is None


def test_pagefind_reads_only_the_folders_of_indexed_pages():
    from kenniscentrum.outputs.search_index import pages_glob

    indexed = ["projecten/a/index.html", "projecten/b/index.html", "over/index.html", "zoek.html"]
    assert pages_glob(indexed) == "{over/**/*.html,projecten/**/*.html,zoek.html}"
    assert pages_glob([]) == "**/*.{html}"  # nothing named: every page, as Pagefind itself would


def test_the_count_of_indexed_pages_is_read_from_pagefind_summary():
    from kenniscentrum.outputs.search_index import indexed_count

    assert indexed_count("Indexed 1006 pages, Finished in 1.672 seconds") == 1006
    assert indexed_count("Indexed 1 page, Finished in 0.1 seconds") == 1
    assert indexed_count("") == -1  # no count: the build indexes the finished site again
