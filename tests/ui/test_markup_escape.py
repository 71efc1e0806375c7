"""`md_escape`, the one way user text reaches a Markdown element: what it does to the text.
That the real frontend then shows it literally is tests/e2e/test_markup_escape.py."""

from __future__ import annotations

import re

import pytest

from asylum_prep.ui.html import WORD_JOINER, md_escape
from tests.hostile.markup import MARKUP

UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _seen(shown: str) -> str:
    """What CommonMark makes of escapes, and what a reader sees of the word joiners."""
    return UNESCAPE.sub(r"\1", shown).replace(WORD_JOINER, "").replace("\u00a0", " ")


@pytest.mark.parametrize("name", sorted(MARKUP))
def test_every_markup_character_is_escaped_and_the_text_survives(name: str) -> None:
    text = MARKUP[name]
    shown = md_escape(text)
    bare = UNESCAPE.sub("\x00", shown)  # every escaped character, made a mere placeholder
    assert not set("\\`*_[]<>$|~&#") & set(bare), bare
    assert not re.search(r":[A-Za-z:]", bare), bare  # no directive, no shortcode
    assert not re.search(r"(?m)^[\u00a0]*([-+=]|\d+[.)])", bare), bare  # no list, no underline
    assert _seen(shown) == text


@pytest.mark.parametrize(("text", "broken"), [
    ("http://x.org/a", "http" + WORD_JOINER),
    ("HTTPS://x.org", "HTTPS" + WORD_JOINER),
    ("www.example.org", "www" + WORD_JOINER),
    ("a@example.org", "@" + WORD_JOINER),
    (":material/home:", ":" + WORD_JOINER + "material"),
    (":smile:", ":" + WORD_JOINER + "smile"),
    ("a -> b", "-" + WORD_JOINER),
    ("a <= b", "<" + WORD_JOINER),
])
def test_patterns_rewritten_after_parsing_are_broken(text: str, broken: str) -> None:
    """Autolinks, shortcodes and arrows are found in the parsed text, where escapes are gone."""
    assert broken in md_escape(text).replace("\\", "")


def test_ordinary_text_is_left_alone() -> None:
    """Punctuation that is no markup where it stands stays as it is: a message of ours with a
    name in it reads the same in a test as on the screen."""
    for text in ("Reza Karimi", "ناصر کریمی", "李 ሰላም", "3 o'clock, 10:30 (about).",
                 "Where: the first question; the second.", "a-b, 1-2, e-mail!",
                 "Too many failed sign-ins. Try again in 15 minutes.", "Part 1. Part 2)"):
        assert md_escape(text) == text
    assert _seen(md_escape("x >= y")) == "x >= y"


def test_indentation_is_not_a_code_block() -> None:
    assert md_escape("    x\n\tyz") == "\u00a0" * 4 + "x\n" + "\u00a0" * 4 + "yz"
