"""Language codes, native names, right-to-left set, Babel locales, the legal-text extractor."""

from __future__ import annotations

import io

import pytest

from asylum_prep import i18n
from asylum_prep.babel_extract import extract_legal_toml
from asylum_prep.documents import legal_texts

CODES = ["en", "es", "fr", "ht", "pt", "ar", "fa", "fa_AF", "ps", "ur", "ru", "uk", "tr",
         "zh_Hans", "ti", "am"]


def test_the_sixteen_fixed_codes() -> None:
    assert sorted(i18n.SUPPORTED) == sorted(CODES)
    assert i18n.SUPPORTED[0] == "en"


@pytest.mark.parametrize(("code", "name"), [
    ("fa_AF", "دری"), ("ht", "Kreyòl ayisyen"), ("zh_Hans", "简体中文"), ("fa", "فارسی"),
    ("ar", "العربية"), ("es", "Español"), ("ru", "Русский"), ("am", "አማርኛ"), ("ti", "ትግርኛ"),
    ("ps", "پښتو"), ("ur", "اردو"), ("uk", "Українська"), ("tr", "Türkçe"),
])
def test_native_names_in_their_own_script(code: str, name: str) -> None:
    assert i18n.native_name(code) == name


def test_every_name_differs_and_is_not_a_code() -> None:
    names = [i18n.native_name(c) for c in i18n.SUPPORTED]
    assert len(set(names)) == len(names)
    assert not set(names) & set(i18n.SUPPORTED)


def test_rtl_languages() -> None:
    rtl = {c for c in i18n.SUPPORTED if i18n.is_rtl(c)}
    assert rtl == {"ar", "fa", "fa_AF", "ps", "ur"}
    assert i18n.translator("fa_AF").rtl and not i18n.translator("zh_Hans").rtl


def test_babel_locales_for_formatting() -> None:
    assert str(i18n.babel_locale("zh_Hans")) == "zh_Hans_CN"
    assert str(i18n.babel_locale("fa_AF")) == "fa_AF"
    assert str(i18n.babel_locale("nonsense")) == "en"
    for code in i18n.SUPPORTED:
        assert i18n.babel_locale(code).language == code.split("_")[0]


def test_unknown_language_falls_back_to_english() -> None:
    t = i18n.translator("xx")
    assert t.lang == "en" and t("Language") == "Language"


def test_translation_is_per_translator_not_global() -> None:
    fa, en = i18n.translator("fa"), i18n.translator("en")
    assert fa("Language") != "Language"
    assert en("Language") == "Language"


def test_legal_extractor_takes_wording_and_leaves_citations() -> None:
    toml = b'''as_of = "2024-06-01"
[declaration]
authority = "28 U.S.C. 1746"
closing = "I declare that it is true."
signature_labels = ["Signature", "Date"]
[[nonrefoulement]]
key = "x"
title = "A title"
citation = "Some Act s. 1"
text = "A text with {name}."
'''
    got = list(extract_legal_toml(io.BytesIO(toml), {}, [], {}))
    messages = [m for _line, _func, m, _comments in got]
    assert messages == ["I declare that it is true.", "Signature", "Date", "A title",
                        "A text with {name}."]
    assert all(func is None and comments for _l, func, _m, comments in got)
    assert got[0][0] == 4  # line number of the closing


def test_every_fixed_legal_phrase_is_in_the_template() -> None:
    wanted = i18n.template_ids()
    for jurisdiction in legal_texts.JURISDICTIONS:
        pack = legal_texts.load(jurisdiction)
        phrases = [pack.closing, pack.closing_abroad, pack.executed, *pack.signature_labels,
                   pack.translation_certificate, pack.interpretation_certificate,
                   *(b.title for b in pack.nonrefoulement), *(b.text for b in pack.nonrefoulement)]
        for phrase in filter(None, phrases):
            assert phrase in wanted, (jurisdiction, phrase)


def test_catalog_status_for_admins() -> None:
    rows = i18n.all_catalog_status()
    assert [r.lang for r in rows] == [c for c in i18n.SUPPORTED if c != "en"]
    for row in rows:
        assert row.review_state in (*i18n.REVIEW_STATES, "unknown", "missing")
        assert 0 <= row.translated <= row.total


def test_a_number_on_its_own_is_written_in_the_readers_digits() -> None:
    assert i18n.translator("fa").number(12345) == "۱۲٬۳۴۵"
    assert i18n.translator("fa_AF").number(7) == "۷" and i18n.translator("ps").number(7) == "۷"
    # Arabic and Urdu keep 0-9 (i18n.PERSIAN_DIGIT_LANGS says why); English groups with ","
    assert i18n.translator("ar").number(7) == "7" and i18n.translator("ur").number(7) == "7"
    assert i18n.translator("en").number(12345) == "12,345"
