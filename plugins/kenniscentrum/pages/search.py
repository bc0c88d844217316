"""What the site search (Pagefind) indexes beyond a page's visible text, and the word list for typo tolerance.

Pagefind indexes the built HTML of the pages that carry `data-pagefind-body`: entry pages and the static pages
in docs/. Listing, theme, organisation and digest pages are left out, so they never crowd entries out of the
results; the "Verwante projecten" and similar blocks are left out by class (see outputs/search_index.py).

For each indexed page this module gives the template (overrides/main.html) what Pagefind cannot see in the text:

- the type a result shows ("Project", "Marktconsultatie", …) and the description, as Pagefind metadata;
- the type and themes as Pagefind filters;
- hidden search terms: the later parts of Dutch compounds ("verlichting" for "snelwegverlichting", see
  compounds.py), the organisation's short names and acronyms from the vocabulary, every metadata label
  (theme, phase, organisation type, …) and the type's plural, so a reader finds an entry by what it is about
  and by whom, as they type it.

It also collects the words of every indexed page for the typo tolerance in overrides/assets/search.js: for a
long query word, the browser loads the indexed words of about its length and with its first letter, and when
the word is not among them searches with the closest one (one letter wrong, missing, extra or swapped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lxml import html as lxml_html

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.model import Entry
from kenniscentrum.content.schema import CONTENT_TYPES, Kind
from kenniscentrum.pages.compounds import Compounds, dutch_words, words
from kenniscentrum.render.jsonld import entry_for_page

PAGE_TYPE = "Pagina"  # the type a static page (docs/) shows in the results
TYPE_FILTER, THEME_FILTER = "soort", "thema"
TYPO_MIN = 5  # words shorter than this are not corrected: too many neighbours
# Not a static page's own text: entry cards a macro put on it (the index skips them too, by class).
_NOT_OWN_TEXT = ("kc-cards", "kc-derived")


def type_label(entry: Entry) -> str:
    """The Dutch type name a search result shows, e.g. "Marktconsultatie"."""
    return entry.type.label[:1].upper() + entry.type.label[1:]


def type_labels() -> list[str]:
    """Every value of the type filter, in the order the search form offers them."""
    return [t.label[:1].upper() + t.label[1:] for t in CONTENT_TYPES.values()] + [PAGE_TYPE]


def filter_options(catalogue: Catalogue) -> dict[str, list[str]]:
    """The values the search form offers as filters: every type and every theme, alphabetically."""
    return {"types": type_labels(), "themes": sorted(catalogue.vocabularies.get("themes", {}).values())}


@dataclass
class SearchPage:
    """The search data of one indexed page, printed by the template as hidden Pagefind attributes."""

    type: str
    description: str
    filters: list[tuple[str, str]]
    terms: str
    title: str = ""  # the title a result shows, without a leading type word the badge already says


@dataclass
class SiteSearch:
    """One per build: splits compounds with the content's own words and counts the words for typo tolerance."""

    catalogue: Catalogue
    compounds: Compounds = field(init=False)
    page_words: dict[str, frozenset[str]] = field(init=False, default_factory=dict)  # src_uri -> its words

    def __post_init__(self) -> None:
        own: set[str] = set()
        for entry in self.catalogue.all():
            own.update(words(_entry_text(self.catalogue, entry)))
        for labels in self.catalogue.vocabularies.values():
            own.update(words(" ".join(labels.values())))
        self.compounds = Compounds(own)

    def page(
        self, src_uri: str, meta: Mapping[str, object], html: str | None, is_homepage: bool = False
    ) -> SearchPage | None:
        """The search data of a page, or None when the page is not indexed."""
        if (entry := entry_for_page(self.catalogue, src_uri)) is not None:
            return self._entry(src_uri, entry)
        if meta.get("kc_type") or is_homepage or _excluded(meta):
            return None  # generated listings and digests, the home page: hubs that repeat entries
        text = _own_text(html or "")
        description = str(meta.get("description") or "")
        return self._indexed(src_uri, PAGE_TYPE, description, [(TYPE_FILTER, PAGE_TYPE)], text, [PAGE_TYPE])

    def _entry(self, src_uri: str, entry: Entry) -> SearchPage:
        label = type_label(entry)
        shown = self.kind_label(entry)
        themes = [self.catalogue.label("themes", code) for code in entry.themes]
        filters = [(TYPE_FILTER, label)] + [(THEME_FILTER, theme) for theme in themes]
        extra = [label, shown, entry.type.label_plural, *organisation_names(self.catalogue, entry)]
        text = _entry_text(self.catalogue, entry)
        found = self._indexed(src_uri, shown, entry.description, filters, text, extra)
        found.title = result_title(entry.title, shown)
        return found

    def kind_label(self, entry: Entry) -> str:
        """The label a result shows: the entry's own kind where it has one, as its page says under "Soort".

        A tip may be a "Weetje" or a "Verhaal"; the type filter still groups them all under "Tip".
        """
        spec = next((f for f in entry.type.fields if f.name == "kind" and f.vocab), None)
        if spec is not None and spec.vocab and entry.get("kind"):
            kind = self.catalogue.label(spec.vocab, str(entry["kind"]))
            return kind[:1].upper() + kind[1:]
        return type_label(entry)

    def _indexed(
        self,
        src_uri: str,
        kind: str,
        description: str,
        filters: list[tuple[str, str]],
        text: str,
        extra: Iterable[str],
    ) -> SearchPage:
        extra_text = " ".join(extra)
        parts, heads = self.compounds.text_split(text + " " + extra_text)
        found = set(words(text)) | set(words(extra_text)) | parts | heads
        self.page_words[src_uri] = frozenset(w for w in found if len(w) >= TYPO_MIN)
        terms = " ".join([extra_text, *sorted(parts)]).strip()
        return SearchPage(kind, description, filters, terms)

    def keep_words_of(self, previous: SiteSearch) -> None:
        """A preview that renders only changed pages keeps the words of the pages it did not render again."""
        self.page_words = {**previous.page_words, **self.page_words}

    def vocabulary(self) -> dict[str, list[str]]:
        """The indexed words in small lists, most frequent first: what the typo tolerance compares a query with.

        One list per length and first letter (`11-v`): a word one typo away from a query has the query's length
        give or take one, and readers rarely mistype the first letter, so a query needs three small lists.
        """
        counts = Counter(word for found in self.page_words.values() for word in found)
        lists: dict[str, list[str]] = {}
        for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lists.setdefault(word_list_name(word), []).append(word)
        return lists


def dictionary_lists(minimum: int = TYPO_MIN) -> dict[str, list[str]]:
    """Common Dutch words (wordfreq, see compounds.py) in lists named like the typo lists, alphabetically.

    The browser corrects only a word that is not Dutch ("verlichitng"), never a real word that no page has
    ("lucht" is not "licht"), and splits a compound no page has only into real words.
    """
    lists: dict[str, list[str]] = {}
    for word in sorted(dutch_words()):
        if len(word) >= minimum:
            lists.setdefault(word_list_name(word), []).append(word)
    return lists


def result_title(title: str, label: str) -> str:
    """A title without the type word it starts with: the result shows the type once, as a badge.

    "Marktconsultatie: duurzame straatverlichting" is shown as "duurzame straatverlichting" under the badge
    "Marktconsultatie"; "Marktconsultatie Turing: open workshop" as "Turing: open workshop".
    """
    if not title.lower().startswith(label.lower()):
        return title
    rest = title[len(label) :]
    if rest[:1] not in (":", " ", "\u2013", "\u2014", "-"):
        return title  # "Projectleider…" does not start with the word "Project"
    rest = rest.lstrip(" :\u2013\u2014-")
    return rest[:1].upper() + rest[1:] if rest else title


def word_list_name(word: str) -> str:
    """The typo list a word belongs to: its length and first letter (`_` for anything but a to z)."""
    first = word[0] if "a" <= word[0] <= "z" else "_"
    return f"{len(word)}-{first}"


def organisation_names(catalogue: Catalogue, entry: Entry) -> list[str]:
    """The organisation's name, short names and acronyms as the vocabulary gives them, and the partners."""
    org = catalogue.organisation_of(entry)
    names = [org.name] if org else ([entry["organisation"]] if entry.get("organisation") else [])
    for attribute in ("short_names", "acronyms", "aliases"):
        names.extend(getattr(org, attribute, None) or ())
    names.extend(entry.get("partners", []))
    return names


def _entry_text(catalogue: Catalogue, entry: Entry) -> str:
    """The words a reader may look an entry up by: title, description, body, every text and label field."""
    values: list[str] = [entry.title, entry.description, entry.body]
    for spec in entry.type.fields:
        value = entry.themes if spec.name == "themes" else entry.get(spec.name)
        if value is None or value == "":
            continue
        items = value if isinstance(value, list | tuple) else [value]
        if spec.kind is Kind.VOCAB and spec.vocab:
            values.extend(catalogue.label(spec.vocab, str(code)) for code in items)
        elif spec.kind is Kind.TEXT:
            values.extend(str(item) for item in items)
    return "\n".join(values)


def _own_text(html: str) -> str:
    """The text of a rendered static page without the blocks about other entries."""
    if not html.strip():
        return ""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for name in _NOT_OWN_TEXT:
        for element in root.find_class(name):
            element.drop_tree()
    return " ".join(root.itertext())  # a space between elements: block ends never glue two words


def _excluded(meta: Mapping[str, object]) -> bool:
    search = meta.get("search")
    return isinstance(search, Mapping) and bool(search.get("exclude"))
