"""Which answers are free text a translator works on (from the wizard's own question widgets).

Item ids, country codes, dates and fixed choices are not translated (documents print them in
the document's language by rule); free text, one line or several, is.
"""

from __future__ import annotations

from asylum_prep.forms.questions import Widget
from asylum_prep.forms.registry import question_for

FREE_TEXT = frozenset({Widget.text, Widget.long_text, Widget.lines})


def translatable(path: str) -> bool:
    """A free-text answer path: not an item id, a code or a choice. Paths no wizard question
    asks (answers added by later modules) count as free text, so they are never left out."""
    if path.rsplit(".", 1)[-1] == "id":
        return False
    found = question_for(path)
    return found is None or found[2].widget in FREE_TEXT
