"""What the site search needs from an entry page, expressed as front matter Material's search plugin reads.

Material's search indexes each page section with the page's `tags` and `search.boost` front matter. We use
the tags field for the entry type: Material shows a page's tags under every search result, so a reader sees
at once whether a hit is a project, a market consultation, a tip or a funding call. The Material tags plugin
is not enabled, so these tags appear in search results only, not on the page.
"""

from __future__ import annotations

from kenniscentrum.content.model import Entry

# Entries rank above the listing, theme and organisation pages that repeat their titles and descriptions.
ENTRY_BOOST = 2


def type_label(entry: Entry) -> str:
    """The Dutch type name a search result shows, e.g. "Marktconsultatie"."""
    return entry.type.label[:1].upper() + entry.type.label[1:]


def search_front_matter(entry: Entry) -> dict[str, object]:
    """Front matter keys for one entry page: its type as a search tag and its ranking boost."""
    return {"tags": [type_label(entry)], "search": {"boost": ENTRY_BOOST}}
