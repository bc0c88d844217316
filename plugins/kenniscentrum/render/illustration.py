"""How an invented example says so where no page banner shows: in feed items, calendar events and the digest.

An entry with `illustration` (what is invented, e.g. 'datum en plaats zijn verzonnen') is marked on its page
and card by the templates; these two functions give the same words to every other output.
"""

from __future__ import annotations

from kenniscentrum.content.model import Entry
from kenniscentrum.render.templates import gettext as _


def illustrated(entry: Entry, title: str) -> str:
    """'<title> (illustratief voorbeeld)' for an invented example, the title itself otherwise."""
    return _("%(title)s (illustratief voorbeeld)", title=title) if entry.illustration else title


def illustration_note(entry: Entry) -> str:
    """'Illustratief voorbeeld: datum en plaats zijn verzonnen. ' to put before a description, or ''."""
    if not entry.illustration:
        return ""
    return _("Illustratief voorbeeld: %(what)s.", what=entry.illustration.rstrip(".")) + " "
