"""How an element's strength is shown: a word, a mark shape and a colour, so no reader depends
on telling colours apart (violet for "facts point against", never only red/orange/green)."""

from __future__ import annotations

from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.ui.html import md_escape

STRENGTH = {"supported": N_("Supported"), "thin": N_("Thin"),
            "against": N_("Facts point against"), "missing": N_("Missing")}
# strength -> (Markdown colour, mark)
LOOK = {"supported": ("green", "●"), "thin": ("orange", "◐"), "against": ("violet", "▼"),
        "missing": ("red", "○")}


def strength_word(t: Translator, strength: str) -> str:
    """The strength in words, in the reader's language (plain text)."""
    return t(STRENGTH[strength]) if strength in STRENGTH else strength


def strength_label(t: Translator, strength: str) -> str:
    """The strength as Markdown: coloured mark and word, e.g. ":violet[▼ Facts point
    against]"."""
    colour, mark = LOOK.get(strength, ("gray", "·"))
    return f":{colour}[{mark} {md_escape(strength_word(t, strength))}]"
