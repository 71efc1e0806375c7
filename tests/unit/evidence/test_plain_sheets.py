"""Latin-script packet pages drawn in Noto Sans, read back against the WeasyPrint layout of the
same text: same pages and words, the tab label where the template puts it, every index row
once with the header on each page, every font embedded, qpdf clean; anything outside WinAnsi
goes to WeasyPrint."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from asylum_prep.evidence import noto_sans, plain_sheets, sheets, stamp

TABS = [
    {"label": "Exhibit A", "title": "Summons (copy) – café \\ “quoted” résumé", "note": ""},
    {"label": "Exhibit B", "title": "Medical report " * 40, "note": ""},
    {"label": "Exhibit 1", "title": "U.S. Dep't of State, 2023 Country Report: Testland",
     "note": "Cited, not attached: " + "Arbitrary arrests of students were reported. " * 80},
]
INDEX = {"rows": [{"tab": "A", "description": "Summons (copy) – café", "pages": "2\u20135"}],
         "applicant": "José Müller", "reference": "A123", "total_pages": 9, "parts": 1}


def _save(furniture: sheets.Furniture, tmp_path, name: str) -> bytes:
    out = pikepdf.new()
    out.pages.extend(furniture.index + furniture.tabs)
    stamper = stamp.Stamper(out, furniture.footer, furniture.numbers)
    for n, page in enumerate(out.pages, start=1):
        stamper.stamp(page, str(n))
    buf = io.BytesIO()
    out.save(buf)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(buf.getvalue())
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    return buf.getvalue()


def _furniture(plain: bool, index=INDEX, tabs=TABS, footer="José Müller \u00b7 A123",
               page_size=stamp.LETTER) -> sheets.Furniture:
    return sheets.render_furniture(
        index=index, tabs=tabs, footer_text=footer, page_size=page_size,
        css_size="letter" if page_size == stamp.LETTER else "A4", plain=plain)


def _fonts(path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()[2:]


@pytest.mark.parametrize("page_size", [stamp.LETTER, stamp.A4])
def test_plain_pages_read_like_the_weasyprint_pages(page_size, tmp_path) -> None:
    plain = _furniture(True, page_size=page_size)
    laid_out = _furniture(False, page_size=page_size)
    assert (len(plain.index), len(plain.tabs)) == (1, 3)
    a = [p.extract_text() for p in PdfReader(io.BytesIO(_save(plain, tmp_path, "a"))).pages]
    b = [p.extract_text() for p in PdfReader(io.BytesIO(_save(laid_out, tmp_path, "b"))).pages]
    assert len(a) == len(b)
    for n, (x, y) in enumerate(zip(a, b, strict=True)):
        # the same words on each page (a 600-word title is cut to 9 cm in both; wrapping differs)
        assert sorted(set(x.split())) == sorted(set(y.split())), n
    assert "Summons (copy) – café \\ “quoted” résumé" in a[1]
    assert "Cited, not attached" in a[3] and "Testland" in a[3]
    # the drawn pages' Noto Sans subsets are embedded
    fonts = _fonts(tmp_path / "a.pdf")
    drawn = [ln for ln in fonts if "+NotoSans-" in ln and " TrueType " in ln]
    assert len(drawn) == 2 and all(ln.split()[-5:-3] == ["yes", "yes"] for ln in fonts)


def test_tab_label_sits_where_the_template_puts_it(tmp_path) -> None:
    _save(_furniture(True), tmp_path, "p")
    box = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", str(tmp_path / "p.pdf"),
                          "-"], capture_output=True, text=True, check=True).stdout
    label = next(ln for ln in box.splitlines() if ">Exhibit<" in ln)
    y_min = float(label.split('yMin="')[1].split('"')[0])
    assert abs(y_min - sheets.TAB_TOP) < 20


def test_long_index_repeats_the_header_and_never_splits_a_row(tmp_path) -> None:
    rows = [{"tab": f"T{i}", "description": f"Row{i} " + "long description words " * (i % 4),
             "pages": f"{i}\u2013{i + 1}"} for i in range(70)]
    index = {**INDEX, "rows": rows, "total_pages": 700, "parts": 2}
    furniture = _furniture(True, index=index)
    assert len(furniture.index) >= 3
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(_save(furniture, tmp_path, "i")))
             .pages][: len(furniture.index)]
    words = " ".join(pages).split()
    for i in range(70):
        assert words.count(f"Row{i}") == 1
    for text in pages:
        if any(f"Row{i}" in text.split() for i in range(70)):
            assert "Description" in text.split()
    assert "Total pages: 700, in 2 files." in pages[-1]
    # the WeasyPrint layout of the same index needs about as many pages
    assert abs(len(_furniture(False, index=index).index) - len(furniture.index)) <= 1


def test_index_row_taller_than_a_page_is_cut_inside_the_page(tmp_path) -> None:
    rows = [{"tab": "A", "description": "Short", "pages": "2"},
            {"tab": "B", "description": "Endless " * 3000 + "LASTWORD", "pages": "3\u20134"},
            {"tab": "C", "description": "After", "pages": "5"}]
    furniture = _furniture(True, index={**INDEX, "rows": rows})
    data = _save(furniture, tmp_path, "t")
    box = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "t.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    y_max = [float(ln.split('yMax="')[1].split('"')[0]) for ln in box.splitlines()
             if ">Endless<" in ln or ">Endless…<" in ln]
    assert y_max and max(y_max) < stamp.LETTER[1] - sheets.MARGIN_BOTTOM + 1
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "LASTWORD" not in text and "…" in text and "After" in text and "Short" in text


@pytest.mark.parametrize(("where", "text"), [("footer", "نسرین احمدی"),
                                             ("title", "احضاریه دادگاه"),
                                             ("title", "警察"), ("title", "Ελληνικά")])
def test_text_outside_winansi_goes_to_weasyprint(where, text, tmp_path) -> None:
    tabs = [dict(TABS[0], title=text) if where == "title" else TABS[0]]
    footer = text if where == "footer" else "José"
    assert not plain_sheets.plain_text_ok(INDEX, tabs, footer)
    furniture = _furniture(True, tabs=tabs, footer=footer)
    _save(furniture, tmp_path, "w")
    embedded = _fonts(tmp_path / "w.pdf")
    assert len(embedded) >= 2 and all(ln.split()[-5:-3] == ["yes", "yes"] for ln in embedded)
    out = subprocess.run(["pdftotext", str(tmp_path / "w.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert text.split()[0] in out or text.split()[0][::-1] in out


def test_noto_sans_metrics_wrapping_and_strings() -> None:
    font = TTFont(noto_sans.face().path)
    glyphs, hmtx = font.getBestCmap(), font["hmtx"]
    per_em = font["head"].unitsPerEm
    expected = sum(hmtx[glyphs[ord(c)]][0] for c in "Hello") * 10 / per_em
    assert noto_sans.width("Hello", 10) == pytest.approx(expected, abs=0.01)
    assert noto_sans.width("Hello", 10, bold=True) > noto_sans.width("Hello", 10)
    assert noto_sans.encodable("Dep't – café “x” €") and not noto_sans.encodable("警")
    assert noto_sans.encodable("soft\u00adhyphen\ttab") and not noto_sans.encodable("\x7f")
    assert not noto_sans.encodable("bell\x07")  # a control character has no glyph
    text = "Supercalifragilisticexpialidocious " * 3 + "x" * 200
    for line in noto_sans.wrap(text, 14, 120):
        assert noto_sans.width(line, 14) <= 120
    assert "".join(noto_sans.wrap(text, 14, 120)).replace(" ", "") == text.replace(" ", "")
    cut = noto_sans.ellipsize("x" * 300, 7.5, 50)
    assert cut.endswith("\u2026") and noto_sans.width(cut, 7.5) <= 50
    assert noto_sans.literal("a(b)\\") == b"(a\\(b\\)\\\\)"


def test_embedded_subset_holds_only_the_glyphs_drawn(tmp_path) -> None:
    pdf = pikepdf.new()
    fonts = noto_sans.Fonts(pdf)
    pdf.add_blank_page()
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=fonts.resources)
    pdf.pages[0].obj.Contents = pdf.make_stream(fonts.show(12, 72, 700, "Café – 12"))
    fonts.embed()
    assert "/F2" not in fonts.resources  # nothing bold drawn: no bold font at all
    program = TTFont(io.BytesIO(fonts.regular.FontDescriptor.FontFile2.read_bytes()))
    assert set(program.getBestCmap()) == {ord(c) for c in "Café –12"}
    assert program.getGlyphOrder()[0] == ".notdef"
    first = int(fonts.regular.FirstChar)
    widths = list(fonts.regular.Widths)
    for code in "Café –12".encode("cp1252"):  # /Widths agree with the program's advances
        glyph = program.getBestCmap()[ord(bytes([code]).decode("cp1252"))]
        assert widths[code - first] == program["hmtx"][glyph][0]
    pdf.save(tmp_path / "f.pdf")
    out = subprocess.run(["pdftotext", str(tmp_path / "f.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "Café – 12"
    assert _fonts(tmp_path / "f.pdf")[0].split()[-5:-3] == ["yes", "yes"]


def test_every_winansi_character_reads_back_and_has_its_glyph(tmp_path) -> None:
    # codes 0xA0 (no-break space) and 0xAD (soft hyphen) never reach a page: they are
    # collapsed into spaces or dropped before drawing
    chars = "".join(bytes([b]).decode("cp1252", errors="ignore")
                    for b in range(33, 256) if b not in (0x7F, 0xA0, 0xAD))
    assert noto_sans.encodable(chars) and len(chars) == 215
    pdf = pikepdf.new()
    fonts = noto_sans.Fonts(pdf)
    pdf.add_blank_page()
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=fonts.resources)
    lines = [chars[i:i + 40] for i in range(0, len(chars), 40)]
    pdf.pages[0].obj.Contents = pdf.make_stream(b"".join(
        fonts.show(9, 20, 700 - 14 * i, line, bold=i % 2 == 1) for i, line in enumerate(lines)))
    fonts.embed()
    for font, drawn in ((fonts.regular, lines[0::2]), (fonts.bold, lines[1::2])):
        program = TTFont(io.BytesIO(font.FontDescriptor.FontFile2.read_bytes()))
        assert set(program.getBestCmap()) == {ord(c) for c in "".join(drawn)}
    pdf.save(tmp_path / "all.pdf")
    out = subprocess.run(["pdftotext", str(tmp_path / "all.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "".join(out.split()) == chars
    assert "".join(PdfReader(tmp_path / "all.pdf").pages[0].extract_text().split()) == chars
