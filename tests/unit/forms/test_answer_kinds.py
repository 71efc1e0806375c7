"""Which answers need an English translation before a certificate can cover them."""

from __future__ import annotations

import pytest

from asylum_prep.forms.answer_kinds import needs_translation, script_of


@pytest.mark.parametrize(("path", "text", "lang", "needed"), [
    ("incidents.items.a1.what_happened", "مرا زدند.", "fa", True),
    ("incidents.items.a1.place", "Evin prison, Tehran", "fa", False),  # Latin in a Persian case
    ("incidents.items.a1.what_happened", "They beat me.", "fa", False),  # already English
    ("about.given_names", "نسرین", "fa", True),  # a name in Persian script needs its English form
    ("about.given_names", "Nasrin", "fa", False),
    ("incidents.items.a1.what_happened", "12/10/2022 - 45", "ar", False),  # no letters
    ("incidents.items.a1.what_happened", "Me golpearon en la calle.", "es", True),
    ("incidents.items.a1.place", "Ciudad de Guatemala", "es", False),  # a place, Latin letters
    ("about.family_name", "Pérez López", "es", False),
    ("fear.why", "Paske m te pale.", "ht", True),
    ("fear.why", "Потому что я писал.", "ru", True),
    ("incidents.items.a1.perpetrator", "police", "fa", False),  # a choice, not free text
    ("incidents.items.a1.id", "a1", "fa", False),
])
def test_needs_translation(path: str, text: str, lang: str, needed: bool) -> None:
    assert needs_translation(path, text, lang) is needed


def test_scripts_come_from_the_language_code_or_babel() -> None:
    assert [script_of(x) for x in ("fa", "ar", "ti", "ru", "es", "zh_Hans", "xx")] == [
        "Arab", "Arab", "Ethi", "Cyrl", "Latn", "Hans", "Latn"]
