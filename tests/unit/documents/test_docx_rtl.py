"""Right-to-left DOCX laid out right: the XML Word reads (jc start on bidi paragraphs,
complex-script twins, explicit fonts, neutral metadata) and the layout LibreOffice makes
(Persian and Arabic body lines flush right, English flush left), read back from the PDF's
line boxes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents.build_declaration import build_bilingual, build_declaration
from asylum_prep.documents.model import Document

from .helpers import docx_to_pdf
from .records import english_record, persian_record
from .test_scripts import SNIPPETS, record_in

MARGIN_PT = 2 / 2.54 * 72  # the renderer's 2 cm side margins


def persian() -> Document:
    return build_declaration(persian_record(), jurisdiction="us").document


def arabic() -> Document:
    return build_declaration(
        record_in("ar", SNIPPETS["ar"][0]), jurisdiction="eu", lang="ar"
    ).document


def english() -> Document:
    return build_declaration(english_record(), jurisdiction="us").document


@pytest.mark.parametrize("make", [persian, arabic])
def test_bidi_paragraphs_start_aligned_with_complex_script_twins(make):
    data, _ = docx_renderer.render(make())
    d = docx.Document(io.BytesIO(data))
    body = d.element.body
    bidi = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None]
    assert len(bidi) > 5
    for p in bidi:
        jc = p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
        # "right" in a bidi paragraph is the far side (flush left in Word): never written
        assert jc is not None and jc.get(qn("w:val")) in ("start", "center", "both"), p.xml
    for rpr in body.iter(qn("w:rPr")):
        if rpr.find(qn("w:b")) is not None:
            assert rpr.find(qn("w:bCs")) is not None
        if rpr.find(qn("w:i")) is not None:
            assert rpr.find(qn("w:iCs")) is not None
        if rpr.find(qn("w:sz")) is not None:
            assert rpr.find(qn("w:szCs")) is not None
        if rpr.find(qn("w:rtl")) is not None:
            fonts = rpr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:cs")) == "Noto Naskh Arabic"
            assert fonts.get(qn("w:ascii")) == "Noto Serif"  # Latin fallback
    assert any(rpr.find(qn("w:bCs")) is not None for rpr in body.iter(qn("w:rPr")))


def test_styles_use_explicit_fonts_not_theme_fonts():
    data, _ = docx_renderer.render(persian())
    d = docx.Document(io.BytesIO(data))
    defaults = d.styles.element.find(qn("w:docDefaults"))
    rprs = list(defaults.iter(qn("w:rPr")))
    for name in ("Normal", "Title", "Heading 2", "Heading 3", "Heading 4"):
        rprs.append(d.styles[name].element.rPr)
    for rpr in rprs:
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Noto Serif"
        assert fonts.get(qn("w:cs")) == "Noto Naskh Arabic"
        assert fonts.get(qn("w:eastAsia"))
        assert not [k for k in fonts.attrib if "theme" in k.lower()], fonts.attrib
    for name in ("Heading 2", "Heading 3", "Heading 4"):
        rpr = d.styles[name].element.rPr
        assert rpr.find(qn("w:bCs")) is not None
        assert (rpr.find(qn("w:sz")) is None) == (rpr.find(qn("w:szCs")) is None)
    title = d.styles["Title"].element.rPr
    assert title.find(qn("w:szCs")).get(qn("w:val")) == title.find(qn("w:sz")).get(qn("w:val"))


def test_core_and_app_properties_are_ours_and_neutral():
    doc = persian()
    data, _ = docx_renderer.render(doc)
    cp = docx.Document(io.BytesIO(data)).core_properties
    assert cp.title == "Declaration"
    assert "asylum" not in cp.title.lower()
    for value in (
        cp.author,
        cp.last_modified_by,
        cp.comments,
        cp.subject,
        cp.keywords,
        cp.category,
        cp.identifier,
        cp.language,
        cp.content_status,
        cp.version,
    ):
        assert value == ""
    assert cp.revision == 1
    assert cp.created is not None and cp.created.year >= 2025 and cp.modified == cp.created
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    assert not [n for n in names if n.startswith("customXml") or "thumbnail" in n], names
    app = z.read("docProps/app.xml").decode()
    for leftover in ("Template", "Company", "Application", "Manager"):
        assert f"<{leftover}" not in app
    everything = b"".join(z.read(n) for n in names).decode("utf-8", "replace")
    assert "python-docx" not in everything
    # the applicant's name is in the body, never in the metadata
    assert "آزمایشی" in everything
    assert "آزمایشی" not in z.read("docProps/core.xml").decode()


def test_every_kind_has_a_neutral_title():
    bilingual = build_bilingual(persian_record(), jurisdiction="us")
    data, _ = docx_renderer.render(bilingual.document)
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Declaration"


def _line_boxes(pdf: Path) -> list[tuple[float, float, float]]:
    """(x min, x max, y min) of every text line on page 1, from pdftotext -bbox-layout."""
    xml = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    boxes = re.findall(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', xml)
    return [(float(a), float(c), float(b)) for a, b, c in boxes if float(c) - float(a) > 20]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("name", "make", "side"),
    [
        ("fa", persian, "right"),
        ("ar", arabic, "right"),
        ("en", english, "left"),
    ],
)
def test_libreoffice_lays_body_text_on_the_reading_side(tmp_path, name, make, side):
    data, _ = docx_renderer.render(make())
    pdf = docx_to_pdf(tmp_path, name, data)
    width = float(
        re.search(
            r'<page width="([\d.]+)"',
            subprocess.run(
                ["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", str(pdf), "-"],
                check=True,
                capture_output=True,
            ).stdout.decode(),
        ).group(1)
    )
    # body lines: below the header, above the footer
    lines = [b for b in _line_boxes(pdf) if 90 < b[2] < 700]
    assert len(lines) > 10
    lefts = [x0 for x0, _, _ in lines]
    rights = [x1 for _, x1, _ in lines]
    if side == "right":
        edge, near, ragged = width - MARGIN_PT, rights, lefts
    else:
        edge, near, ragged = MARGIN_PT, lefts, rights
    flush = [x for x in near if abs(x - edge) < 4]
    # nearly every line (a centred title or an indented quotation aside) sits on the margin
    assert len(flush) >= 0.8 * len(lines), (edge, near)
    assert max(ragged) - min(ragged) > 100, ragged  # the other edge is ragged
