"""Packet furniture laid out in one pass and cut into pages, read back against the slow path
(one WeasyPrint page per tab sheet): same pages, same text, fonts embedded, RTL kept."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest
from pypdf import PdfReader

from asylum_prep.evidence import sheets, stamp

PERSIAN = "احضاریه دادگاه انقلاب"
NAME = "نسرین احمدی"
TABS = [
    {"label": "Exhibit A", "title": PERSIAN, "note": ""},
    {"label": "Exhibit B", "title": "Medical report " * 40, "note": ""},
    {"label": "Exhibit 1", "title": "U.S. Dep't of State, 2023 Country Report: Testland",
     "note": "Cited, not attached: " + "Arbitrary arrests of students were reported. " * 80},
]
INDEX = {"rows": [{"tab": "A", "description": "Summons", "pages": "2\u20135"}],
         "applicant": NAME, "reference": "A123", "total_pages": 9, "parts": 1}


def _packet(cut: bool, page_size: tuple[float, float], tmp_path) -> tuple[sheets.Furniture, bytes]:
    furniture = sheets.render_furniture(
        index=INDEX, tabs=TABS, footer_text=f"{NAME} \u00b7 A123",
        page_size=page_size, css_size="letter" if page_size == stamp.LETTER else "A4", cut=cut)
    out = pikepdf.new()
    out.pages.extend(furniture.index + furniture.tabs)
    stamper = stamp.Stamper(out, furniture.footer, furniture.numbers)
    for n, page in enumerate(out.pages, start=1):
        stamper.stamp(page, str(n))
    buf = io.BytesIO()
    out.save(buf)
    path = tmp_path / f"f{cut}.pdf"
    path.write_bytes(buf.getvalue())
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    return furniture, buf.getvalue()


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("page_size", [stamp.LETTER, stamp.A4])
def test_cut_sheets_match_one_page_per_sheet(page_size, tmp_path) -> None:
    fast, fast_pdf = _packet(True, page_size, tmp_path)
    slow, slow_pdf = _packet(False, page_size, tmp_path)
    assert (len(fast.index), len(fast.tabs)) == (1, 3)
    assert (len(slow.index), len(slow.tabs)) == (1, 3)
    fast_pages = [p.extract_text() for p in PdfReader(io.BytesIO(fast_pdf)).pages]
    slow_pages = [p.extract_text() for p in PdfReader(io.BytesIO(slow_pdf)).pages]
    for n, (a, b) in enumerate(zip(fast_pages, slow_pages, strict=True)):
        # each tab page holds only its own sheet: the same words (wrapping may differ)
        assert sorted(set(_words(a))) == sorted(set(_words(b))), n
    assert "Exhibit A" in fast_pages[1] and "Exhibit A" not in fast_pages[2]
    assert "Testland" in fast_pages[3] and "Cited, not attached" in fast_pages[3]
    assert "Medical" not in fast_pages[3]
    for page in PdfReader(io.BytesIO(fast_pdf)).pages:
        assert float(page.mediabox.width) == pytest.approx(page_size[0], abs=0.01)


def test_cut_sheets_keep_rtl_text_fonts_and_position(tmp_path) -> None:
    _, data = _packet(True, stamp.LETTER, tmp_path)
    path = tmp_path / "p.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert PERSIAN.split()[0] in text and NAME.split()[0] in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    # WeasyPrint's fonts and the page numbers' Noto Sans subset, all embedded
    assert any("+NotoSans-Regular" in ln for ln in fonts)
    assert all(ln.split()[-5:-3] == ["yes", "yes"] for ln in fonts)
    box = subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-bbox", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    label = next(ln for ln in box.splitlines() if ">Exhibit<" in ln)
    y_min = float(label.split('yMin="')[1].split('"')[0])
    # the label sits where the tab page's padding put it (about 9.2 cm from the top)
    assert abs(y_min - sheets.TAB_TOP) < 20
