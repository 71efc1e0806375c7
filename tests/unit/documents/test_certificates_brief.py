"""Certificates carry the version and the declaration's hash; the brief's non-refoulement
bases per jurisdiction; the worksheet's notes written as documents write them."""

from __future__ import annotations

from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_brief import build_brief
from asylum_prep.documents.build_certificates import (
    TranslatorInfo,
    interpretation_certificate,
    translation_certificate,
)
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.build_worksheet import build_worksheet
from asylum_prep.documents.model import block_texts
from asylum_prep.legal.elements import assess

from .helpers import pdf_text
from .records import english_record, persian_record

INFO = TranslatorInfo("Reza Translator", "12 Test Street, Springfield", "+1 555 0100")


def test_translation_certificate_prints_version_hash_and_translator():
    record = persian_record()
    decl = build_declaration(record, jurisdiction="us", lang="en")
    cert = translation_certificate(
        record, jurisdiction="us", declaration=decl, version=7, info=INFO
    )
    text = "".join(pdf_text(pdf_renderer.render(cert.document)[0]).split())
    assert decl.document.sha256() in text
    assert "caseversion7" in text
    for part in (
        "RezaTranslator",
        "12TestStreet,Springfield",
        "+15550100",
        "fromPersianintoEnglish",
    ):
        assert part in text
    assert cert.notices == []


def test_certificate_hash_follows_the_content_and_missing_inputs_stay_blank():
    record = persian_record()
    old = build_declaration(record, jurisdiction="us", lang="en")
    record.fear.what_harm = "زندان طولانی"
    new = build_declaration(record, jurisdiction="us", lang="en")
    assert old.document.sha256() != new.document.sha256()
    cert = interpretation_certificate(
        record, jurisdiction="us", declaration=new, version=8, info=TranslatorInfo()
    )
    text = "\n".join(block_texts(cert.document))
    assert new.document.sha256() in text and "in Persian" in text
    assert "Reza" not in text
    assert {n.params["field"] for n in cert.notices} == {"name", "address", "phone"}


def test_non_refoulement_bases_per_jurisdiction():
    record = english_record(n_incidents=1)
    decl = build_declaration(record, jurisdiction="uk")
    expect = {
        "uk": ("Soering", "Chahal", "Saadi"),
        "eu": ("Soering", "article 21"),
        "ca": ("IRPA s. 97",),
        "us": ("INA 241(b)(3)",),
    }
    for juris, words in expect.items():
        brief = build_brief(
            record, jurisdiction=juris, declaration=decl, assessments=assess(record, juris)
        )
        text = "\n".join(block_texts(brief.document))
        for w in words:
            assert w in text, (juris, w)
        if juris != "us":
            assert "INA 241(b)(3)" not in text


def test_worksheet_notes_write_dates_and_lists_as_the_document_does():
    """The worksheet's reasons and next steps carry the rules' parameters: the grounds as words
    joined in English, an approximate month as "about March 2022", not the stored "~2022-03"."""
    from asylum_prep.domain.beliefs import Ground
    from asylum_prep.domain.events import Perpetrator
    from tests.unit.legal.factories import fd, incident, record

    r = record(**{"beliefs.grounds": [Ground.religion, Ground.political_opinion],
                  "incidents.items": [incident(fd("2022-03-01", "month", approximate=True),
                                               perpetrator=Perpetrator.unknown)]})
    sheet, _ = build_worksheet(r, jurisdiction="us", assessments=assess(r, "us"))
    gaps = "\n".join(block_texts(sheet))
    assert ("Ask why the people responsible targeted the applicant in the incident of about "
            "March 2022: no reason is stated.") in gaps, gaps
    assert "Grounds are chosen (religion and political opinion)" in gaps, gaps
    assert "~2022-03" not in gaps and "religion, political" not in gaps
