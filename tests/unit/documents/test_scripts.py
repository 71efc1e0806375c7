"""Complex scripts: every font embedded, no missing glyphs (the words come back out of the PDF),
the expected Noto face used, and DOCX bidi/complex-script/East Asian properties."""

from __future__ import annotations

import io
import unicodedata

import docx
import pytest
from docx.oxml.ns import qn

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.domain.record import CaseRecord

from .helpers import pdf_fonts, pdf_text

SNIPPETS = {
    "ar": ("جاء رجال الأمن إلى منزلنا في الليل وأخذوا والدي", "Naskh", True),
    "fa": ("مأموران مرا از کلاس بیرون بردند و بازجویی کردند", "Naskh", True),
    "ps": ("پوځيانو زموږ کور ته راغلل او زه يې ونيولم", "Naskh", True),
    "ur": ("پولیس والے رات کو ہمارے گھر آئے اور مجھے لے گئے", "Naskh", True),
    "am": ("ፖሊሶች ወደ ቤታችን መጥተው አሰሩኝ", "Ethiopic", False),
    "ti": ("ፖሊስ ናብ ገዛና መጺኦም ኣሲሮምኒ", "Ethiopic", False),
    "zh": ("警察晚上来到我家把我带走了", "CJK", False),
    "ru": ("Полицейские пришли ночью и забрали меня", "Serif", False),
}


def record_in(lang: str, text: str) -> CaseRecord:
    names = text.split() if " " in text else [text[:2], text[2:4]]
    return CaseRecord.model_validate(
        {
            "filing": {"answer_language": lang},
            "about": {"given_names": names[0], "family_name": names[1]},
            "incidents": {"items": [{"id": "x1", "what_happened": text, "perpetrator": "police"}]},
            "fear": {"who": text, "what_harm": text, "why": text, "relocation_why_not": text},
            "timing": {"why_now": text},
        }
    )


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(
        ch for ch in s if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Mn")
    )


@pytest.mark.parametrize("lang", sorted(SNIPPETS))
def test_pdf_script_embedded_and_extractable(lang):
    text, face, rtl = SNIPPETS[lang]
    decl = build_declaration(record_in(lang, text), jurisdiction="eu", lang=lang)
    data, notices = pdf_renderer.render(decl.document)
    assert not [n for n in notices if "layout" in n.template]
    fonts = pdf_fonts(data)
    assert all(emb == "yes" for _, emb in fonts), fonts
    assert any(face.lower() in name.lower() for name, _ in fonts), fonts
    extracted = pdf_text(data)
    if rtl:
        # pdftotext gives right-to-left lines in visual order; compare per word, either order
        ext = _norm(extracted)
        for word in text.split():
            assert _norm(word) in ext or _norm(word)[::-1] in ext, word
    else:
        assert _norm(text) in _norm(extracted)


@pytest.mark.parametrize("lang", ["fa", "ar", "ur", "ps"])
def test_docx_rtl_properties(lang):
    text, _, _ = SNIPPETS[lang]
    decl = build_declaration(record_in(lang, text), jurisdiction="eu", lang=lang)
    data, _ = docx_renderer.render(decl.document)
    body = docx.Document(io.BytesIO(data)).element.body
    # paragraphs that are only the answer (no English lead-in): right-to-left paragraphs
    paras = [
        p
        for p in body.iter(qn("w:p"))
        if "".join(t.text or "" for t in p.iter(qn("w:t"))).split(". ", 1)[-1] == text
    ]
    assert len(paras) >= 2
    for p in paras:
        assert p.find(qn("w:pPr")).find(qn("w:bidi")) is not None
        run = next(
            r for r in p.iter(qn("w:r")) if text in "".join(t.text or "" for t in r.iter(qn("w:t")))
        )
        rpr = run.find(qn("w:rPr"))
        assert rpr.find(qn("w:rtl")) is not None
        assert rpr.find(qn("w:rFonts")).get(qn("w:cs"))
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")).startswith(lang)


def test_docx_cjk_east_asian_font_and_language():
    text = SNIPPETS["zh"][0]
    decl = build_declaration(record_in("zh", text), jurisdiction="eu", lang="zh")
    data, _ = docx_renderer.render(decl.document)
    body = docx.Document(io.BytesIO(data)).element.body
    run = next(
        r for r in body.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))) == text
    )
    rpr = run.find(qn("w:rPr"))
    assert "CJK" in rpr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
