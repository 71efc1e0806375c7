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

from asylum_prep.documents.docx_metadata import neutral_metadata
from asylum_prep.documents.docx_watermark import add_watermark
from asylum_prep.documents.model import (
    BilingualRow,
    Caption,
    Citation,
    Contents,
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
    has_italic,
    joiner,
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


def _size(rpr: Any, points: int) -> None:
    """Font size on Latin (w:sz) and complex-script (w:szCs) text, in half-points."""
    _set(rpr, "w:sz", **{"w:val": str(points * 2)})
    _set(rpr, "w:szCs", **{"w:val": str(points * 2)})


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.d = new_docx()
        self.notices: list[Notice] = []
        self.dropped = 0
        self._styles()

    def _styles(self) -> None:
        """Explicit fonts (no theme fonts: a theme font attribute beats an explicit one in
        Word) on the defaults and every style we use, and each size with its complex-script
        twin so Persian and Arabic text is sized like Latin text."""
        fonts = {"w:ascii": LATIN, "w:hAnsi": LATIN, "w:cs": ARABIC, "w:eastAsia": CJK["zh"]}
        defaults = self.d.styles.element.find(qn("w:docDefaults"))
        targets = [] if defaults is None else list(defaults.iter(qn("w:rPr")))
        for name in ("Normal", "Title", "Heading 2", "Heading 3", "Heading 4"):
            style = self.d.styles[name]
            style.font.name = LATIN
            if name != "Normal":
                style.font.color.rgb = RGBColor(0, 0, 0)
            targets.append(style.element.get_or_add_rPr())
        for rpr in targets:
            rfonts = _set(rpr, "w:rFonts", **fonts)
            for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                rfonts.attrib.pop(qn(f"w:{attr}"), None)
        _size(self.d.styles["Normal"].element.get_or_add_rPr(), 11)
        _size(self.d.styles["Title"].element.get_or_add_rPr(), 16)
        self.d.styles["Normal"].paragraph_format.space_after = Pt(6)
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
        if bold:
            _set(rpr, "w:bCs")
        if italic:
            _set(rpr, "w:iCs")
        fonts: dict[str, str] = {}
        if lang in FONTS:
            # Latin letters and digits inside the run keep the Latin face (w:ascii)
            fonts = {"w:ascii": LATIN, "w:hAnsi": FONTS[lang], "w:cs": FONTS[lang]}
        if lang in CJK:
            fonts["w:eastAsia"] = CJK[lang]
        if (t.direction == "rtl") if rtl is None else rtl:
            fonts = {"w:ascii": LATIN, "w:hAnsi": LATIN, **fonts}
            fonts["w:cs"] = FONTS.get(lang, ARABIC)
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
            # In a bidi paragraph Word and LibreOffice read w:jc relative to the paragraph
            # direction: "start" is the reading side (right); "right" would mean the far side.
            ppr = p._p.get_or_add_pPr()
            _set(ppr, "w:bidi")
            _set(ppr, "w:jc", **{"w:val": "start"})
        if number is not None:
            self.run(
                p,
                Text(text=f"{number}. ", lang=parts[0].lang if parts else "en"),
                rtl=rtl,
            )
        for i, t in enumerate(parts):
            if i and joiner(parts[0].lang):
                p.add_run(joiner(parts[0].lang))
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
        if self.doc.watermark:
            lang = base_lang(self.doc.lang)
            font = FONTS.get(lang) or CJK.get(lang) or (
                ARABIC if self.doc.direction == "rtl" else LATIN)
            add_watermark(sec.header.paragraphs[0], self.doc.watermark, font)
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
            _size(note.runs[-1]._r.get_or_add_rPr(), 7)

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
            elif isinstance(b, Contents):
                for n, (entry, _anchor) in enumerate(b.entries, start=1):
                    self.para((Text(text=f"{n}. {entry.text}", lang=entry.lang),),
                              rtl=entry.direction == "rtl")
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
                p = self.para((b.text,), rtl=b.text.direction == "rtl",
                              italic=has_italic(b.text.lang))
                p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm(1.5)
                self.flag(p, b.flag)
            elif isinstance(b, Citation):
                p = self.para((b.text,), rtl=b.text.direction == "rtl")
                _set(p._p.get_or_add_pPr(), "w:ind", **{"w:start": str(int(Cm(1).twips))})
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
                    # the line starts on the reading side: indent the far (end) side
                    _set(p._p.get_or_add_pPr(), "w:ind", **{"w:end": str(int(Cm(7).twips))})
                    border = _set(
                        _set(p._p.get_or_add_pPr(), "w:pBdr"),
                        "w:bottom",
                        **{"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"},
                    )
                    del border
                    label = self.para((line.label,), rtl=line.label.direction == "rtl")
                    _size(label.runs[-1]._r.get_or_add_rPr(), 9)
            elif isinstance(b, BilingualRow):
                if bi_table is None:
                    bi_table = self.d.add_table(rows=0, cols=2)
                    bi_table.style = "Table Grid"
                    bi_table.alignment = WD_TABLE_ALIGNMENT.CENTER
                row = bi_table.add_row()
                # a row never splits across pages; the headings row repeats on every page
                tr_pr = row._tr.get_or_add_trPr()
                _set(tr_pr, "w:cantSplit")
                if b.style == "columns":
                    _set(tr_pr, "w:tblHeader")
                cells = row.cells
                for cell, parts in ((cells[0], b.left), (cells[1], b.right)):
                    rtl = bool(parts) and parts[0].direction == "rtl"
                    p = self.para(
                        parts,
                        rtl=rtl,
                        number=b.number,
                        cell=cell,
                        first=True,
                        bold=b.style in ("heading", "columns"),
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
    neutral_metadata(w.d, doc)
    buf = io.BytesIO()
    w.d.save(buf)
    return buf.getvalue(), w.notices
