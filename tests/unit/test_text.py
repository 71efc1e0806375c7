"""Text normalisation in one module (asylum_prep.text). The search folding is tested with the
country library (tests/unit/country_info/test_normalize.py), the date folding with the date
reader (tests/unit/domain); here: spacing, invisible characters, comparing and hashing, and
that no other module normalises Unicode on its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from asylum_prep import text
from asylum_prep.domain.evidence import clean_filename

PACKAGE = Path(text.__file__).resolve().parent


def test_collapse_spaces() -> None:
    assert text.collapse_spaces("  a \t b\n\nc\u00a0d  ") == "a b c d"
    assert text.collapse_spaces("") == ""


def test_strip_controls_keeps_lines_and_tabs() -> None:
    assert text.strip_controls("a\x00b\x1fc\x7fd\x85e\tf\ng\rh") == "a b c d e\tf\ng\rh"


def test_drop_invisible_keeps_the_joiners_that_spell_words() -> None:
    tricky = "inv\u202eoice\u2066x\u2069\u200b\x00\ue000.pdf"  # RLO, isolates, ZWSP, NUL, PUA
    assert text.drop_invisible(tricky) == "invoicex.pdf"
    assert text.drop_invisible("می\u200cخواهم") == "می\u200cخواهم"  # ZWNJ stays
    assert clean_filename("C:\\Users\\x\\evil\u202egpj.exe") == "evilgpj.exe"
    assert clean_filename("\u200b\u2066") == "file"


def test_drop_xml_invalid_counts_what_it_drops() -> None:
    assert text.drop_xml_invalid("a\x00b\x0bc\tline\n\ufffe") == ("abc\tline\n", 3)


def test_canonical_and_fold_case() -> None:
    composed, decomposed = "Caf\u00e9  au\nlait", "Cafe\u0301 au lait"
    assert text.canonical(composed) == text.canonical(decomposed) == "Café au lait"
    assert text.fold_case("  Tehran   STRASSE ") == text.fold_case("tehran straße")
    assert text.fold_case("tehran straße") == "tehran strasse"


@pytest.mark.parametrize(("typed", "folded"), [
    ("۱۳۹۸ فروردين", "1398 فروردین"),  # Persian digits, Arabic yeh
    ("Début  MARS", "debut mars"),
    ("የካቲት፡26", "የካቲት 26"),  # Ethiopic word space
    ("می\u200cخواهم", "می خواهم"),  # ZWNJ as a space for the date reader
])
def test_fold_for_dates(typed: str, folded: str) -> None:
    assert text.fold_for_dates(typed) == folded


def test_no_other_module_normalises_unicode() -> None:
    """Unicode normal forms (NFC, NFKC, NFD) are applied in asylum_prep/text.py only."""
    found = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
             if path.name != "text.py" or path.parent != PACKAGE
             if re.search(r"unicodedata\.normalize\(", path.read_text(encoding="utf-8"))]
    assert found == []
