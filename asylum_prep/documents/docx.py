"""Document -> DOCX with python-docx.

Paragraph numbers are explicit text ("12. "), not Word list numbering: the numbers must match
the PDF and the brief's citations exactly, and Word renumbers automatic lists when a paragraph
is edited or moved. Header: name and reference; footer: "Page X of Y" from PAGE and NUMPAGES
fields. Right-to-left text gets paragraph `w:bidi`, run `w:rtl`, a complex-script font
(`w:rFonts w:cs`) and `w:lang w:bidi`; CJK runs get an East Asian font and `w:lang w:eastAsia`.
"""

from __future__ import annotations

import io
import re
from typing import Any, cast

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from asylum_prep.documents.model import (
    BilingualRow,
    Caption,
    Citation,
    Document,
    Gap,
    Heading,
    Notice,
    NumberedParagraph,
    PageBreak,
    Paragraph,
    Quotation,
    SignatureBlock,
    Table,
    Text,
    base_lang,
    direction_of,
    plural,
)
from asylum_prep.text import drop_xml_invalid

LATIN = "Noto Serif"
ARABIC = "Noto Naskh Arabic"
FONTS = {
    "am": "Noto Serif Ethiopic",
    "ti": "Noto Serif Ethiopic",
    "he": "Noto Serif Hebrew",
    "yi": "Noto Serif Hebrew",
}
CJK = {"zh": "Noto Serif CJK SC", "ja": "Noto Serif CJK JP", "ko": "Noto Serif CJK KR"}
REGION = {
    "fa": "fa-IR",
    "ar": "ar-SA",
    "ps": "ps-AF",
    "prs": "prs-AF",
    "ur": "ur-PK",
    "am": "am-ET",
    "ti": "ti-ER",
    "zh": "zh-CN",
    "ru": "ru-RU",
    "en": "en-US",
    "es": "es-ES",
    "he": "he-IL",
    "ja": "ja-JP",
    "ko": "ko-KR",
    "ckb": "ckb-IQ",
}


def _tag(lang: str) -> str:
    return REGION.get(base_lang(lang), lang)


# Child order of w:pPr, w:rPr and w:tblPr in the OOXML schema: Word refuses files whose
# property elements are out of order, so new elements are inserted in their place.
_SEQ = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
        "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
        "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
        "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split(),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
        "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
        "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish "
        "oMath"
    ).split(),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
        "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook"
    ).split(),
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _set(parent: Any, name: str, **attrs: str) -> Any:
    """Get or create child `name` (e.g. "w:bidi") in schema order, then set attributes."""
    el = parent.find(qn(name))
    if el is None:
        el = OxmlElement(name)
        seq = _SEQ.get(_local(parent.tag), [])
        local = name.split(":", 1)[1]
        rank = seq.index(local) if local in seq else len(seq)
        later = next(
            (c for c in parent if _local(c.tag) in seq and seq.index(_local(c.tag)) > rank), None
        )
        if later is not None:
            later.addprevious(el)
        else:
            parent.append(el)
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.d = new_docx()
        self.notices: list[Notice] = []
        self.dropped = 0
        self._styles()

    def _styles(self) -> None:
        normal = self.d.styles["Normal"]
        normal.font.name = LATIN
        normal.font.size = Pt(11)
        rpr = normal.element.get_or_add_rPr()
        _set(
            rpr,
            "w:rFonts",
            **{"w:ascii": LATIN, "w:hAnsi": LATIN, "w:cs": ARABIC, "w:eastAsia": CJK["zh"]},
        )
        normal.paragraph_format.space_after = Pt(6)
        for name in ("Title", "Heading 2", "Heading 3", "Heading 4"):
            style = self.d.styles[name]
            style.font.name = LATIN
            style.font.color.rgb = RGBColor(0, 0, 0)
            _set(
                style.element.get_or_add_rPr(),
                "w:rFonts",
                **{"w:ascii": LATIN, "w:hAnsi": LATIN, "w:cs": ARABIC, "w:eastAsia": CJK["zh"]},
            )
        self.d.styles["Title"].font.size = Pt(16)
        sec = self.d.sections[0]
        if self.doc.page_size == "letter":
            sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)
        else:
            sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2)
        sec.top_margin = sec.bottom_margin = Cm(2.2)

    # -- runs and paragraphs ------------------------------------------------------------
    def clean(self, text: str) -> str:
        """Characters XML 1.0 cannot hold (python-docx would raise) are dropped, with a
        notice counting them."""
        cleaned, n = drop_xml_invalid(text)
        self.dropped += n
        return cleaned

    def run(
        self,
        p: DocxParagraph,
        t: Text,
        *,
        bold: bool = False,
        italic: bool = False,
        rtl: bool | None = None,
    ) -> None:
        r = p.add_run(self.clean(t.text))
        r.bold = bold or None
        r.italic = italic or None
        lang = base_lang(t.lang)
        rpr = r._r.get_or_add_rPr()
        fonts: dict[str, str] = {}
        if lang in FONTS:
            fonts = {"w:ascii": FONTS[lang], "w:hAnsi": FONTS[lang], "w:cs": FONTS[lang]}
        if lang in CJK:
            fonts["w:eastAsia"] = CJK[lang]
        if (t.direction == "rtl") if rtl is None else rtl:
            fonts.setdefault("w:cs", FONTS.get(lang, ARABIC))
            _set(rpr, "w:rFonts", **fonts)
            _set(rpr, "w:rtl")
            _set(rpr, "w:lang", **{"w:bidi": _tag(t.lang)})
        else:
            if fonts:
                _set(rpr, "w:rFonts", **fonts)
            key = "w:eastAsia" if lang in CJK else "w:val"
            _set(rpr, "w:lang", **{key: _tag(t.lang)})

    def para(
        self,
        parts: tuple[Text, ...],
        *,
        rtl: bool,
        number: int | None = None,
        style: str | None = None,
        cell: _Cell | None = None,
        bold: bool = False,
        italic: bool = False,
        first: bool = False,
    ) -> DocxParagraph:
        if cell is not None:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
        else:
            p = self.d.add_paragraph(style=style)
        if rtl:
            _set(p._p.get_or_add_pPr(), "w:bidi")
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if number is not None:
            self.run(
                p,
                Text(text=f"{number}. ", lang=parts[0].lang if parts else "en"),
                rtl=rtl,
            )
        for i, t in enumerate(parts):
            if i:
                p.add_run(" ")
            self.run(p, t, bold=bold, italic=italic)
        return cast(DocxParagraph, p)

    def flag(self, p: DocxParagraph, flag: Text | None) -> None:
        if flag is not None:
            p.add_run(" ")
            self.run(p, flag, italic=True)
            p.runs[-1].font.highlight_color = WD_COLOR_INDEX.YELLOW

    # -- header and footer --------------------------------------------------------------
    def field(self, p: DocxParagraph, code: str) -> None:
        for kind, text in (
            ("begin", None),
            (None, f" {code} "),
            ("separate", None),
            (None, "1"),
            ("end", None),
        ):
            r = p.add_run()
            if kind:
                fc = OxmlElement("w:fldChar")
                fc.set(qn("w:fldCharType"), kind)
                r._r.append(fc)
            elif text and text.strip() == code:
                it = OxmlElement("w:instrText")
                it.set(qn("xml:space"), "preserve")
                it.text = text
                r._r.append(it)
            else:
                r.text = text or ""

    def running(self) -> None:
        sec = self.d.sections[0]
        head = self.doc.running.header
        if head:
            hp = sec.header.paragraphs[0]
            parts = tuple(p for h in head for p in (h, Text(text="  ·  ", lang="en")))[:-1]
            for t in parts:
                self.run(hp, t)
            if head[0].direction == "rtl":
                _set(hp._p.get_or_add_pPr(), "w:bidi")
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if direction_of(self.doc.running.page_template, self.doc.lang) == "rtl":
            _set(fp._p.get_or_add_pPr(), "w:bidi")
        for piece in re.split(r"(\{page\}|\{pages\})", self.doc.running.page_template):
            if piece == "{page}":
                self.field(fp, "PAGE")
            elif piece == "{pages}":
                self.field(fp, "NUMPAGES")
            elif piece:
                self.run(fp, Text(text=piece, lang=self.doc.lang))
        if self.doc.running.footer_note:
            note = sec.footer.add_paragraph()
            self.run(note, self.doc.running.footer_note)
            note.runs[-1].font.size = Pt(7)

    # -- blocks -------------------------------------------------------------------------
    def write(self) -> None:
        self.running()
        bi_table = None
        for b in self.doc.blocks:
            if not isinstance(b, BilingualRow):
                bi_table = None
            if isinstance(b, Caption):
                p = self.para((b.title,), rtl=b.title.direction == "rtl", style="Title", bold=True)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for k, v in b.rows:
                    self.para((k, v), rtl=k.direction == "rtl")
            elif isinstance(b, Heading):
                p = self.para(
                    (b.text,), rtl=b.text.direction == "rtl", style=f"Heading {min(b.level + 1, 4)}"
                )
                p.paragraph_format.keep_with_next = True
            elif isinstance(b, Paragraph):
                self.para(b.parts, rtl=bool(b.parts) and b.parts[0].direction == "rtl")
            elif isinstance(b, NumberedParagraph):
                p = self.para(b.parts, rtl=b.parts[0].direction == "rtl", number=b.number)
                self.flag(p, b.flag)
            elif isinstance(b, Quotation):
                p = self.para((b.text,), rtl=b.text.direction == "rtl", italic=True)
                p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(1.5)
                self.flag(p, b.flag)
            elif isinstance(b, Citation):
                p = self.para((b.text,), rtl=b.text.direction == "rtl")
                p.paragraph_format.left_indent = Cm(1)
            elif isinstance(b, Gap):
                p = self.para((b.text,), rtl=b.text.direction == "rtl", bold=True)
                for r in p.runs:
                    r.font.highlight_color = WD_COLOR_INDEX.YELLOW
            elif isinstance(b, PageBreak):
                self.d.add_page_break()  # type: ignore[no-untyped-call]
            elif isinstance(b, Table):
                self.table(b)
            elif isinstance(b, SignatureBlock):
                for line in b.lines:
                    p = self.para(
                        (line.value,) if line.value else (),
                        rtl=line.value is not None and line.value.direction == "rtl",
                    )
                    p.paragraph_format.space_before = Pt(24)
                    p.paragraph_format.space_after = Pt(0)
                    p.paragraph_format.right_indent = Cm(7)
                    border = _set(
                        _set(p._p.get_or_add_pPr(), "w:pBdr"),
                        "w:bottom",
                        **{"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"},
                    )
                    del border
                    label = self.para((line.label,), rtl=line.label.direction == "rtl")
                    label.runs[-1].font.size = Pt(9)
            elif isinstance(b, BilingualRow):
                if bi_table is None:
                    bi_table = self.d.add_table(rows=0, cols=2)
                    bi_table.style = "Table Grid"
                    bi_table.alignment = WD_TABLE_ALIGNMENT.CENTER
                cells = bi_table.add_row().cells
                for cell, parts in ((cells[0], b.left), (cells[1], b.right)):
                    rtl = bool(parts) and parts[0].direction == "rtl"
                    p = self.para(
                        parts,
                        rtl=rtl,
                        number=b.number,
                        cell=cell,
                        first=True,
                        bold=b.style == "heading",
                    )
                    if cell is cells[1]:
                        self.flag(p, b.flag)

    def table(self, b: Table) -> None:
        t = self.d.add_table(rows=1, cols=len(b.header))
        t.style = "Table Grid"
        rtl = self.doc.direction == "rtl"
        for cell, h in zip(t.rows[0].cells, b.header, strict=True):
            self.para((h,), rtl=rtl, cell=cell, first=True, bold=True)
        for row in b.rows:
            cells = t.add_row().cells
            for cell, c in zip(cells, row, strict=True):
                self.para((c,), rtl=c.direction == "rtl", cell=cell, first=True)
        if rtl:
            _set(t._tbl.tblPr, "w:bidiVisual")


def render(doc: Document) -> tuple[bytes, list[Notice]]:
    w = _Writer(doc)
    w.write()
    if w.dropped:
        w.notices.append(
            Notice.counted(
                plural(
                    "{n} control character could not be stored in DOCX and was left out.",
                    "{n} control characters could not be stored in DOCX and were left out.",
                ),
                w.dropped,
            )
        )
    w.d.core_properties.title = doc.title
    w.d.core_properties.author = ""
    w.d.core_properties.comments = ""
    buf = io.BytesIO()
    w.d.save(buf)
    return buf.getvalue(), w.notices
