"""The bilingual declaration: column headings on every page, rows that never split between
pages, and the jurat in both languages (PDF and DOCX read back)."""

from __future__ import annotations

import io
import re

import docx
from docx.oxml.ns import qn

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_declaration import build_bilingual
from asylum_prep.domain.record import text_sha256
from asylum_prep.domain.review import Translation

from .helpers import pdf_text
from .records import NOW, persian_record

FA_WORDS = "مأموران به خانه ما آمدند و همه چیز را گشتند و مرا با خود بردند. "
EN_WORDS = "The agents came to our house, searched everything and took me with them. "


def _long_record():
    record = persian_record()
    template = record.incidents.items[0]
    items = []
    for i in range(1, 13):
        text = f"رویداد {i}: " + FA_WORDS * (3 + i % 4) + f"پایان {i}"
        inc = template.model_copy(update={"id": f"x{i}", "what_happened": text.strip()})
        items.append(inc)
    record.incidents.items = items
    for inc in items:
        en = (f"Event {inc.id[1:]}: " + EN_WORDS * (3 + int(inc.id[1:]) % 4)
              + f"End {inc.id[1:]}").strip()
        record.translations[f"incidents.items.{inc.id}.what_happened"] = Translation(
            text=en, source_sha256=text_sha256(inc.what_happened), translator=1, at=NOW)
    return record


def test_pdf_rows_stay_whole_and_headings_repeat_on_every_page():
    decl = build_bilingual(_long_record(), jurisdiction="us")
    pages = [p for p in pdf_text(pdf_renderer.render(decl.document)[0]).split("\f") if p.strip()]
    assert len(pages) >= 3
    def page_of(pattern: str) -> dict[str, int]:
        return {m: n for n, page in enumerate(pages) for m in re.findall(pattern, page)}

    # every row, both halves, starts and ends on one page (extraction writes the number of a
    # right-to-left run before the word)
    starts_en, ends_en = page_of(r"Event (\d+):"), page_of(r"End (\d+)")
    starts_fa = page_of(r":(\d+) \u202b? ?رویداد")
    ends_fa = page_of(r"(\d+) ?\u202b? ?پایان")
    assert set(starts_en) == set(ends_en) == set(starts_fa) == set(ends_fa) == {
        str(i) for i in range(1, 13)}
    assert starts_en == ends_en == starts_fa == ends_fa
    body = [p for p in pages if "Event" in p]
    assert all("English" in p and "فارسی" in p for p in body)  # headings on every page
    last = pages[-1]
    assert "penalty of perjury" in last and "مجازات سوگند دروغ" in last  # the jurat, both
    assert "Executed on" in last and "امضاشده در" in last


def test_docx_rows_cannot_split_and_the_headings_row_repeats():
    decl = build_bilingual(_long_record(), jurisdiction="us")
    word = docx.Document(io.BytesIO(docx_renderer.render(decl.document)[0]))
    table = word.tables[0]
    rows = table._tbl.tr_lst
    assert all(r.trPr is not None and r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[0].cells] == ["فارسی", "English"]
    texts = [c.text for row in table.rows for c in row.cells]
    assert any("penalty of perjury" in x for x in texts)  # the jurat is a row, both languages
    jurat = next(row for row in table.rows if "penalty of perjury" in row.cells[1].text)
    assert jurat.cells[0].text.strip() and "penalty" not in jurat.cells[0].text
