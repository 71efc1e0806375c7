"""Which answers are free text a translator works on (from the wizard's own question widgets).

Item ids, country codes, dates and fixed choices are not translated (documents print them in
the document's language by rule); free text, one line or several, is.

Of the free text, an answer needs an English translation before a certificate of translation
can cover it (`needs_translation`) unless its words are already English or need none: it has
no letters (numbers, dates, codes), or it is in Latin letters only and either it names a person
or a place (a name is written, not translated) or the applicant answers in a language written
in another script (then Latin letters are a name or English words). A name in another script
("نسرین") still needs its English form.
"""

from __future__ import annotations

from functools import lru_cache

from babel.core import get_global

from asylum_prep.forms.questions import Widget
from asylum_prep.forms.registry import question_for
from asylum_prep.text import has_letters, latin_only

FREE_TEXT = frozenset({Widget.text, Widget.long_text, Widget.lines})
# Answers that name a person or a place: in Latin letters they are written, not translated.
NAME_FIELDS = frozenset({"family_name", "given_names", "name", "person", "place", "birth_place",
                         "departure_place"})


def translatable(path: str) -> bool:
    """A free-text answer path: not an item id, a code or a choice. Paths no wizard question
    asks (answers added by later modules) count as free text, so they are never left out."""
    if path.rsplit(".", 1)[-1] == "id":
        return False
    found = question_for(path)
    return found is None or found[2].widget in FREE_TEXT


@lru_cache(maxsize=64)
def script_of(lang: str) -> str:
    """The ISO 15924 script a language is usually written in ("Arab" for fa, "Latn" for es);
    "Latn" when Babel does not know the language."""
    code = lang.replace("-", "_")
    if "_" in code and len(code.split("_")[1]) == 4:
        return code.split("_")[1].title()  # zh_Hans, sr_Latn: the script is in the code
    likely = get_global("likely_subtags").get(code.split("_")[0], "")
    parts = str(likely).split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else "Latn"


def needs_translation(path: str, text: str, source_lang: str) -> bool:
    """Whether the answer at `path` must be translated into English for the declaration's
    English text to be certified (see the module docstring)."""
    if not translatable(path) or not has_letters(text):
        return False
    if not latin_only(text):
        return True
    return not (path.rsplit(".", 1)[-1] in NAME_FIELDS or script_of(source_lang) != "Latn")
