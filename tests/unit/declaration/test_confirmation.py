"""Translations go stale on edit, the applicant confirms in her language, and only a confirmed
version becomes a final declaration or a certificate (its version and hash printed); the
bilingual document stays paragraph-aligned after edits (DOCX and PDF read back)."""

from __future__ import annotations

import io

import docx
import pytest

from asylum_prep.domain import declaration as ed
from asylum_prep.errors import InputRefused
from asylum_prep.services import answers, cases, declaration_confirm
from asylum_prep.services import declaration as decl
from asylum_prep.services.render import render_document
from asylum_prep.storage.engine import Store
from tests.support import People
from tests.unit.documents.helpers import pdf_text

BELIEF = "beliefs.beliefs_description"
EN = "I have believed in free speech since I was a student."
FA = "از زمان دانشجویی به آزادی بیان باور داشته‌ام."


def _belief(store: Store, p: People) -> decl.ParagraphView:
    view = decl.show_declaration(store, p.attorney, p.case_id)
    return next(x for x in view.paragraphs if any(s.path == BELIEF for s in x.sources))


def _edit_and_translate(store: Store, p: People) -> int:
    belief = _belief(store, p)
    v = decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="en",
                            text=EN, base_version=0)
    queue = declaration_confirm.translation_queue(store, p.translator, p.case_id)
    assert [(t.paragraph_id, t.lang, t.status) for t in queue] == [(belief.id, "fa", "stale")]
    assert "+ student." in queue[0].changed  # the words changed since the generated draft
    return declaration_confirm.translate_paragraph(store, p.translator, p.case_id,
                                                   paragraph_id=belief.id, lang="fa", text=FA,
                                                   base_version=v)


def _render(store: Store, p: People, doc: str, **kw: object) -> bytes:
    return render_document(store, p.attorney, p.case_id, doc=doc, fmt="pdf", **kw).content


def test_an_edit_makes_the_translation_stale_and_the_translator_makes_it_current(
        store: Store, persian_case: People) -> None:
    p = persian_case
    _edit_and_translate(store, p)
    belief = _belief(store, p)
    assert belief.translation == {"fa": "current", "en": "current"}
    assert belief.texts == {"fa": FA, "en": EN}
    assert declaration_confirm.translation_queue(store, p.translator, p.case_id) == []


def test_only_a_confirmed_version_makes_certificates_and_a_final_declaration(
        store: Store, persian_case: People) -> None:
    p = persian_case
    v = _edit_and_translate(store, p)
    for doc in ("translation-certificate", "interpretation-certificate", "declaration"):
        with pytest.raises(InputRefused, match="confirm"):
            _render(store, p, doc)
    draft = pdf_text(_render(store, p, "declaration", lang="en", draft=True))
    assert "free speech since I was a student" in draft and "DRAFT" in draft
    # the applicant confirms paragraph by paragraph, then the whole
    view = decl.show_declaration(store, p.applicant, p.case_id)
    for para in view.paragraphs:
        v = declaration_confirm.confirm_paragraph(store, p.applicant, p.case_id,
                                                  paragraph_id=para.id, base_version=v)
    with pytest.raises(InputRefused):  # every paragraph, but not yet the whole
        _render(store, p, "translation-certificate")
    v = declaration_confirm.confirm_declaration(store, p.applicant, p.case_id, base_version=v,
                                                language="fa", read_back_by="Interpreter Ahmadi")
    confirmed = decl.show_declaration(store, p.attorney, p.case_id)
    assert confirmed.confirmed and all(x.state is ed.State.confirmed
                                       for x in confirmed.paragraphs)
    final = render_document(store, p.attorney, p.case_id, doc="declaration", fmt="pdf",
                            lang="en")
    sha = pdf_text(final.content).split("SHA-256 ")[1][:16]
    cert = " ".join(pdf_text(_render(store, p, "translation-certificate")).split())
    assert f"declaration version {v}, as the declarant confirmed it" in cert
    assert sha in cert.replace(" ", "")
    interp = " ".join(pdf_text(_render(store, p, "interpretation-certificate")).split())
    assert (f"Declaration version {v} was read back to the declarant in Persian by "
            "Interpreter Ahmadi") in interp
    # a changed answer unconfirms it: refused again until she confirms again
    case_version = cases.open_case(store, p.attorney, p.case_id, audit_view=False).version
    answers.save_answer(store, p.attorney, p.case_id, path=BELIEF, value="چیز دیگری.",
                        base_version=case_version)
    assert _belief(store, p).state is ed.State.source_changed
    with pytest.raises(InputRefused):
        _render(store, p, "translation-certificate")
    with pytest.raises(InputRefused, match="changed"):
        declaration_confirm.confirm_declaration(store, p.applicant, p.case_id, base_version=v)


def test_a_question_on_a_paragraph_reaches_the_team(store: Store, persian_case: People) -> None:
    p = persian_case
    belief = _belief(store, p)
    v = declaration_confirm.ask_about_paragraph(store, p.applicant, p.case_id,
                                                paragraph_id=belief.id,
                                                question="آیا این درست است؟", base_version=0)
    team = decl.show_declaration(store, p.attorney, p.case_id)
    assert team.open_questions == 1
    asked = next(x for x in team.paragraphs if x.id == belief.id).questions[0]
    assert asked.text == "آیا این درست است؟" and asked.asked_by == p.applicant.id
    declaration_confirm.resolve_question(store, p.paralegal, p.case_id, question_id=asked.id,
                                         base_version=v)
    assert decl.show_declaration(store, p.attorney, p.case_id).open_questions == 0


def test_the_bilingual_declaration_stays_paragraph_aligned_after_edits(
        store: Store, persian_case: People) -> None:
    p = persian_case
    v = _edit_and_translate(store, p)
    view = decl.show_declaration(store, p.attorney, p.case_id)
    belief = _belief(store, p)
    v = decl.move_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id,
                            after=view.paragraphs[-1].id, base_version=v)
    v = decl.add_paragraph(store, p.attorney, p.case_id, after=view.paragraphs[0].id,
                           lang="en", text="I am writing this myself.", base_version=v)
    added = next(x for x in decl.show_declaration(store, p.attorney, p.case_id).paragraphs
                 if x.team_wording)
    declaration_confirm.translate_paragraph(store, p.translator, p.case_id,
                                            paragraph_id=added.id, lang="fa",
                                            text="این را خودم می‌نویسم.", base_version=v)
    view = decl.show_declaration(store, p.attorney, p.case_id)
    numbered = [x for x in view.paragraphs if x.kind is ed.Kind.paragraph]
    result = render_document(store, p.attorney, p.case_id, doc="declaration", fmt="docx",
                             bilingual=True, draft=True)
    table = docx.Document(io.BytesIO(result.content)).tables[0]
    rows = [(row.cells[0].text, row.cells[1].text) for row in table.rows]
    numbered_rows = [r for r in rows if r[1][:1].isdigit()]
    assert len(numbered_rows) == len(numbered)
    for para, (left, right) in zip(numbered, numbered_rows, strict=True):
        # the same paragraph side by side, numbered as it stands now
        assert right.startswith(f"{para.number}. {para.texts['en']}")
        assert left.startswith(f"{para.number}. {para.texts['fa']}")
        assert ("not yet confirmed by the applicant" in right) is para.team_wording
    pdf = " ".join(pdf_text(_render(store, p, "declaration", bilingual=True, draft=True)).split())
    assert pdf.index("I am writing this myself.") < pdf.index(EN)
    assert "این را خودم" in pdf


def test_her_question_is_among_the_attorneys_review_items(
        store: Store, persian_case: People) -> None:
    from asylum_prep.services import review

    p = persian_case
    belief = _belief(store, p)
    v = declaration_confirm.ask_about_paragraph(store, p.applicant, p.case_id,
                                                paragraph_id=belief.id,
                                                question="چرا؟", base_version=0)
    items = [i for i in review.review_items(store, p.attorney, p.case_id)
             if i.kind == "declaration_question"]
    assert [(i.paragraph, i.path) for i in items] == [(belief.number, belief.id)]
    declaration_confirm.resolve_question(store, p.attorney, p.case_id,
                                         question_id=items[0].comment_id, base_version=v)
    assert not [i for i in review.review_items(store, p.attorney, p.case_id)
                if i.kind == "declaration_question"]


def test_a_heading_of_the_teams_needs_her_language_too(store: Store, persian_case: People) -> None:
    p = persian_case
    v = decl.add_paragraph(store, p.attorney, p.case_id, after=None, lang="en",
                           text="Introduction", heading=True, base_version=0)
    with pytest.raises(InputRefused, match="\u201cIntroduction\u201d cannot be confirmed yet"):
        declaration_confirm.confirm_declaration(store, p.applicant, p.case_id, base_version=v)
    heading = decl.show_declaration(store, p.attorney, p.case_id).paragraphs[0]
    assert heading.kind is ed.Kind.heading and heading.number is None
    v = declaration_confirm.translate_paragraph(store, p.translator, p.case_id,
                                                paragraph_id=heading.id, lang="fa",
                                                text="مقدمه", base_version=v)
    declaration_confirm.confirm_declaration(store, p.applicant, p.case_id, base_version=v)
    assert decl.show_declaration(store, p.attorney, p.case_id).confirmed
