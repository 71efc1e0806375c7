"""Certificates say what the rules of each forum require, and cover the right paragraphs."""

from __future__ import annotations

import pytest

from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_certificates import (
    TranslatorInfo,
    interpretation_certificate,
    translation_certificate,
)
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.translation_coverage import coverage

from .helpers import pdf_text
from .records import persian_record

INFO = TranslatorInfo("Reza Translator", "12 Test Street, Springfield", "+1 555 0100")


def _text(doc: object) -> str:
    return " ".join(pdf_text(pdf_renderer.render(doc)[0]).split())  # type: ignore[arg-type]


def _certificate(make: object, jurisdiction: str) -> str:
    """The text of a certificate (`make`: translation_ or interpretation_certificate) for the
    Persian record's English declaration, read back from the PDF."""
    record = persian_record()
    decl = build_declaration(record, jurisdiction=jurisdiction, lang="en")
    cert = make(record, jurisdiction=jurisdiction, declaration=decl,  # type: ignore[operator]
                version=3, info=INFO)
    return _text(cert.document)


@pytest.mark.parametrize("jurisdiction", ["us", "uk", "ca", "eu"])
def test_translation_certificate_states_competence_completeness_and_accuracy(
        jurisdiction: str) -> None:
    text = _certificate(translation_certificate, jurisdiction)
    assert "competent" in text and "complete and accurate" in text
    assert "from Persian into English" in text
    if jurisdiction == "us":  # USCIS (8 CFR 103.2(b)(3)) and EOIR (8 CFR 1003.33) both
        assert "true and accurate to the best of my abilities" in text
        assert "8 C.F.R. § 1003.33" in text and "8 C.F.R. § 103.2(b)(3)" in text


@pytest.mark.parametrize("jurisdiction", ["us", "uk", "ca", "eu"])
def test_interpretation_certificate_records_the_read_back_and_understanding(
        jurisdiction: str) -> None:
    text = _certificate(interpretation_certificate, jurisdiction)
    # EOIR Practice Manual ch. 3.3(a): competent, read in a language understood, true and
    # accurate, understood before signing
    for words in ("competent to interpret between Persian and English", "in full",
                  "in Persian", "true and accurate to the best of my abilities",
                  "understood the", "before signing it"):
        assert words in text, words


def test_latin_script_places_and_numbers_need_no_translation_but_persian_words_do() -> None:
    record = persian_record(translate=False)
    record.incidents.items[1].place = "Evin prison, Tehran"
    record.incidents.items[1].words_said = "2022"
    decl = build_declaration(record, jurisdiction="us", lang="en")
    uncovered = {u.path for u in coverage(record, decl).uncovered}
    assert "incidents.items.fa1.place" not in uncovered
    assert "incidents.items.fa1.words_said" not in uncovered
    assert "incidents.items.fa1.what_happened" in uncovered  # Persian words, untranslated
    assert "about.given_names" in uncovered  # a name in Persian script needs its English form
    cert = translation_certificate(record, jurisdiction="us", declaration=decl, version=3,
                                   info=INFO)
    text = _text(cert.document)
    assert "does not cover paragraphs" in text
    assert "Evin prison, Tehran" in _text(decl.document)  # printed as written, not flagged
