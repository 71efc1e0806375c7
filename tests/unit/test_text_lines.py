"""Titles and file names: `text.clean_line` strips what does not belong where they come in,
`text.escape_controls` makes it visible on a terminal. Right-to-left text passes intact."""

from __future__ import annotations

import pytest

from asylum_prep.text import BIDI_CONTROLS, clean_line, escape_controls

PERSIAN = "پرونده\u200cی خانم احمدی \u200f(تهران)"  # ZWNJ and RLM: ordinary Persian text


@pytest.mark.parametrize("char", list(BIDI_CONTROLS) + ["\x00", "\x1b", "\x07", "\x7f", "\x9b"])
def test_clean_line_drops_controls_and_bidi_overrides(char: str) -> None:
    assert clean_line(f"inv{char}oice{char}.pdf") == "invoice.pdf"


def test_clean_line_turns_breaks_into_single_spaces() -> None:
    assert clean_line("  one\ttwo\r\nthree\u2028four\x85five  ") == "one two three four five"


def test_an_escape_sequence_leaves_only_its_printable_tail() -> None:
    assert clean_line("\x1b[2J\x1b]0;owned\x07Title") == "[2J]0;ownedTitle"


def test_persian_and_arabic_text_survive_unchanged() -> None:
    assert clean_line(PERSIAN) == PERSIAN
    arabic = "قضية السيد \u061c٣٤ حسن"  # with the Arabic letter mark
    assert clean_line(arabic) == arabic


def test_the_classic_reversed_extension_is_defused() -> None:
    assert clean_line("photo\u202egpj.exe") == "photogpj.exe"


@pytest.mark.parametrize(("raw", "shown"), [
    ("a\x1b[31mred", "a\\x1b[31mred"),
    ("x\u202ey", "x\\u202ey"),
    ("nul\x00", "nul\\x00"),
    ("c1\x9b", "c1\\x9b"),
    ("tab\tend", "tab\\x09end"),
    ("cr\rend", "cr\\x0dend"),
])
def test_escape_controls_shows_instead_of_obeying(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown


def test_escape_controls_keeps_newlines_and_rtl_text() -> None:
    assert escape_controls(f"{PERSIAN}\nline two") == f"{PERSIAN}\nline two"
    assert escape_controls("a\nb", keep="") == "a\\x0ab"
