"""Search folding (asylum_prep.text) and query parsing: pure functions, both sides of the
index agree."""

from __future__ import annotations

import pytest

from asylum_prep.country_info.search import Query, highlight, parse_query, plain_snippet
from asylum_prep.text import fold_for_search, index_form
from asylum_prep.text import search_tokens as tokens

HOSTILE = ['"', "'", "*", "NEAR(", "a OR", ") DROP TABLE x; --", "^", ":", "(", ")", "x" * 10_000,
           "\x00", "abc\x00def", "coi_fts MATCH '*'", '"unterminated phrase', "NOT", "AND OR NOT",
           "title:foo", "-", "$$", "\\", "'; DELETE FROM coi_passages; --", "''", "{}", "[]"]


def test_arabic_vowel_marks_and_tatweel_are_removed() -> None:
    assert tokens("كَتَبَ الطَّالِبُ") == tokens("كتب الطالب")
    assert tokens("الطـــالب") == tokens("الطالب")


def test_arabic_and_persian_letter_forms_agree() -> None:
    assert tokens("علي") == tokens("علی")  # Arabic yeh vs Persian yeh
    assert tokens("كتاب") == tokens("کتاب")  # Arabic kaf vs Persian keheh
    assert tokens("أحمد") == tokens("احمد") == tokens("إحمد")
    assert tokens("مدرسة") == tokens("مدرسه")
    assert tokens("۱۴۰۱ ١٤٠١") == ["1401", "1401"]


def test_latin_diacritics_case_and_compatibility_forms() -> None:
    assert tokens("Détention ÉCOLE Łódź STRAßE ﬁnal") == ["detention", "ecole", "lodz", "strasse",
                                                         "final"]
    assert fold_for_search("ＡＢＣ") == "abc"


def test_zero_width_non_joiner_is_a_space_and_bound_parts_join() -> None:
    assert tokens("می‌خواهم") == tokens("می خواهم") == ["می", "خواهم"]
    assert index_form("می‌خواهم") == index_form("می خواهم") == index_form("میخواهم")
    assert tokens("a\x00b") == ["a", "b"]
    assert index_form("  Hello,   world! ") == "zzlangen hello world"


def _words(node: object) -> list[str]:
    from asylum_prep.country_info.search import needles

    found = needles(node)  # type: ignore[arg-type]
    return [*found.words, *found.prefixes]


def test_query_phrases_terms_and_stopwords() -> None:
    from asylum_prep.country_info.query_tree import All, AnyOf, Phrase

    q = parse_query('arbitrary detention of "State Security Directorate" students', ("en",))
    assert isinstance(q.root, All)
    phrase, words = q.root.children
    assert phrase == Phrase((("state", "secur", "director"),))
    assert isinstance(words, AnyOf) and len(words.children) == 3  # "of" left out
    assert _words(parse_query("of the", ("en",)).root)  # only stopwords: keep them
    assert _words(parse_query('"one"', ("en",)).root) == ["one"]  # a one-word phrase is a word
    broken = parse_query('lone "quote here', ("en",))
    assert broken.notices and sorted(_words(broken.root)) == ["here", "lone", "quot"]


@pytest.mark.parametrize("text", HOSTILE)
def test_any_input_parses_to_plain_tokens(text: str) -> None:
    q = parse_query(text)
    for token in _words(q.root):
        assert token.isalnum(), token


def test_highlight_escapes_html_then_marks() -> None:
    text = "Officials said <script>alert(1)</script> & detained the students."
    snippet = highlight(text, Query(("detained", "script")))
    assert "<script>" not in snippet
    assert "&lt;<mark>script</mark>&gt;" in snippet and "&amp;" in snippet
    assert "<mark>detained</mark>" in snippet
    assert plain_snippet(snippet).endswith("[detained] the students.")


def test_highlight_marks_vocalised_words_and_windows_long_text() -> None:
    assert "<mark>كَتَبَ</mark>" in highlight("هو كَتَبَ رسالة", Query(("کتب",)))
    long_text = " ".join(["filler"] * 300 + ["target"] + ["filler"] * 300)
    snippet = highlight(long_text, Query(("target",)), words=20)
    assert snippet.startswith("… ") and snippet.endswith(" …") and "<mark>target</mark>" in snippet
    assert snippet.count("filler") == 19
