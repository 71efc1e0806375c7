"""A rendered first page compared against stored references (one left-to-right, one right-to-left),
and the DOCX converting with LibreOffice headless.

Regenerate the references after an intended layout change:
    ASYLUM_PREP_UPDATE_REFERENCES=1 .venv/bin/pytest tests/unit/documents/test_visual_and_office.py
then look at tests/fixtures/documents/*.png before committing them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_declaration import build_declaration

from .helpers import docx_to_pdf, first_page_png, pdf_text
from .records import english_record, persian_record

REFS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
TOLERANCE = 2.0  # mean absolute difference per channel, 0-255


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("declaration_ltr_p1", lambda: build_declaration(english_record(), jurisdiction="us")),
        ("declaration_rtl_p1", lambda: build_declaration(persian_record(), jurisdiction="us")),
        # English declaration holding untranslated Persian answers: lang/dir change inside
        # paragraphs (the template marks only the changes)
        (
            "declaration_mixed_p1",
            lambda: build_declaration(
                persian_record(translate=False), jurisdiction="us", lang="en"
            ),
        ),
    ],
)
def test_first_page_matches_reference(tmp_path, name, make):
    data, _ = pdf_renderer.render(make().document)
    png = first_page_png(data, tmp_path, name)
    ref = REFS / f"{name}.png"
    if os.environ.get("ASYLUM_PREP_UPDATE_REFERENCES") or not ref.exists():
        REFS.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, ref)
        pytest.skip(f"reference written to {ref}; inspect it and commit")
    got, want = Image.open(png).convert("RGB"), Image.open(ref).convert("RGB")
    assert got.size == want.size
    diff = sum(ImageStat.Stat(ImageChops.difference(got, want)).mean) / 3
    assert diff <= TOLERANCE, f"first page differs from {ref.name} by {diff:.2f}"
    # and the page is not blank (a blank page is 255): real ink on it. The Persian page, set
    # in Naskh with short answers, averages about 251.5
    assert sum(ImageStat.Stat(got.convert("L")).mean) < 253


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_converts_with_libreoffice(tmp_path):
    data, _ = docx_renderer.render(
        build_declaration(persian_record(), jurisdiction="us", lang="en").document
    )
    out = docx_to_pdf(tmp_path, "declaration", data)
    text = " ".join(pdf_text(out.read_bytes()).split())
    assert "Officers took me out of class and interrogated me." in text
    assert "under the laws of the United States of America" in text
    assert "Page 1 of" in text
