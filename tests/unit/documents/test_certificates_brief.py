"""Certificates carry the version and the declaration's hash; the brief argues from elements."""

from __future__ import annotations

from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_brief import build_brief, exhibit_refs
from asylum_prep.documents.build_certificates import (
    TranslatorInfo,
    interpretation_certificate,
    translation_certificate,
)
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.model import Gap, NumberedParagraph, Quotation, block_texts
from asylum_prep.domain.citations import citations_by_element
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


def test_brief_sections_cite_declaration_paragraphs_and_show_gaps():
    record = english_record()
    decl = build_declaration(record, jurisdiction="us", lang="en")
    assessments = assess(record, "us", country_evidence=citations_by_element(record))
    brief = build_brief(
        record,
        jurisdiction="us",
        declaration=decl,
        assessments=assessments,
        exhibits=exhibit_refs(record),
    )
    text = "\n".join(block_texts(brief.document))
    for el in assessments:
        assert el.title in text
    gaps = [b for b in brief.document.blocks if isinstance(b, Gap)]
    assert {g.path for g in gaps} >= {el.key for el in assessments if el.strength == "missing"}
    # every cited paragraph number holds the quoted words
    decl_paras: dict[int, str] = {}
    current = 0
    for b in decl.document.blocks:  # a quotation belongs to the paragraph that introduces it
        if isinstance(b, NumberedParagraph):
            current = b.number
            decl_paras[current] = " ".join(p.text for p in b.parts)
        elif isinstance(b, Quotation):
            decl_paras[current] += " " + b.text.text
    blocks = list(brief.document.blocks)
    cited = 0
    for i, b in enumerate(blocks):
        if isinstance(b, NumberedParagraph):
            ref = next(
                (p.text for p in b.parts if p.text.startswith("Declaration, paragraph")), None
            )
            if ref:
                n = int(ref.split()[-1].rstrip("."))
                quote = blocks[i + 1]
                assert isinstance(quote, Quotation)
                assert quote.text.text in decl_paras[n]
                cited += 1
    assert cited >= 3
    for basis in (
        "Refugee Convention, article 33",
        "Convention against Torture, article 3",
        "General Comment No. 31",
        "INA 241(b)(3)",
        "8 C.F.R. 1208.16",
        "as of 2024-06-01",
    ):
        assert basis in text


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


def test_brief_gaps_write_dates_and_lists_as_the_document_does():
    """A gap's reason and next step carry the rules' parameters: the grounds as words joined
    in English, an approximate month as "about March 2022", not the stored "~2022-03"."""
    from asylum_prep.domain.beliefs import Ground
    from asylum_prep.domain.events import Perpetrator
    from tests.unit.legal.factories import fd, incident, record

    r = record(**{"beliefs.grounds": [Ground.religion, Ground.political_opinion],
                  "incidents.items": [incident(fd("2022-03-01", "month", approximate=True),
                                               perpetrator=Perpetrator.unknown)]})
    decl = build_declaration(r, jurisdiction="us", lang="en")
    brief = build_brief(r, jurisdiction="us", declaration=decl, assessments=assess(r, "us"))
    gaps = "\n".join(b.text.text for b in brief.document.blocks if isinstance(b, Gap))
    assert ("Ask why the people responsible targeted the applicant in the incident of about "
            "March 2022: no reason is stated.") in gaps, gaps
    assert "Grounds are chosen (religion and political opinion)" in gaps, gaps
    assert "~2022-03" not in gaps and "religion, political" not in gaps
