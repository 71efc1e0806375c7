"""Countries in one place (asylum_prep.countries): which codes are countries, and their names
in the reader's language for the wizard, the documents and the country library."""

from __future__ import annotations

import pytest

from asylum_prep import countries
from asylum_prep.country_info.importers import valid_country
from asylum_prep.documents.answers import Answers
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import InputRefused
from asylum_prep.forms.registry import STEPS
from asylum_prep.forms.validation import validate_answer
from asylum_prep.i18n import SUPPORTED, Translator

GROUPINGS = {"EU", "EZ", "UN", "QO", "ZZ"}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_language_lists_every_country_by_name(lang: str) -> None:
    listed = dict(countries.choices(lang))
    assert set(listed) == countries.codes()
    assert {"IR", "AF", "ER", "SY", "VE", "XK"} <= set(listed)  # Kosovo uses XK
    assert not set(listed) & (GROUPINGS | {"XA", "XB", "001", "150"})
    assert 240 <= len(listed) <= 260
    named = [code for code, name in listed.items() if name and name != code]
    assert len(named) == len(listed), f"{lang}: codes without a name"
    names = [name for _, name in countries.choices(lang)]
    assert names == sorted(names)


def test_names_in_the_readers_language() -> None:
    assert countries.name("IR", "fa") == "ایران"
    assert countries.name("tr", "es") == "Turquía"
    assert countries.name("ER", "ti") == "ኤርትራ"
    assert countries.name("AF", "zh_Hans") == "阿富汗"
    assert countries.name("", "en") == ""
    assert countries.name("Tehran", "en") == "Tehran"  # not a code: shown as written
    assert countries.name("XA", "en") == "XA"  # user-assigned: no CLDR pseudo-locale name


def test_haitian_creole_has_names_although_babel_has_none() -> None:
    assert countries.name("US", "ht") == "Etazini"
    assert countries.name("HT", "ht") == "Ayiti"
    assert countries.name("IR", "ht") == countries.name("IR", "fr") == "Iran"
    assert countries.name("DE", "ht") == "Allemagne"  # French stands in


def test_the_wizard_accepts_exactly_the_listed_countries() -> None:
    about = next(s for s in STEPS if s.key.value == "about").input_model
    assert validate_answer(about, "birth_country", "xk") == "XK"
    for code in ("EU", "UN", "ZZ", "XA", "001", "Persia"):
        with pytest.raises(InputRefused) as info:
            validate_answer(about, "birth_country", code)
        assert "country from the list" in info.value.message(), code


def test_the_library_also_takes_user_assigned_codes() -> None:
    assert countries.codes() < countries.library_codes()
    assert valid_country("xa") == "XA" and valid_country("XK") == "XK"
    with pytest.raises(InputRefused):
        valid_country("EU")


@pytest.mark.parametrize(("lang", "code", "shown"), [
    ("es", "TR", "Turquía"), ("fa", "TR", "ترکیه"), ("ht", "US", "Etazini"), ("en", "", ""),
])
def test_documents_name_countries_in_the_document_language(lang: str, code: str,
                                                           shown: str) -> None:
    assert Answers(CaseRecord(), lang, Translator(lang)).country(code) == shown
