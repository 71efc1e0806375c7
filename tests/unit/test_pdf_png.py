"""The one pdftoppm wrapper (asylum_prep.pdf_png) and its two users, the document preview and
the evidence thumbnail: real pdftoppm on real PDFs, and the PDF never touches a file."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from asylum_prep import pdf_png
from asylum_prep.errors import InputRefused
from asylum_prep.evidence.pages import first_page_png
from asylum_prep.evidence.rendition import text_to_pdf


@pytest.fixture(scope="module")
def two_pages() -> bytes:
    pdf = text_to_pdf("Preview words on every line. " * 300)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2
    return pdf


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as im:
        assert im.format == "PNG"
        assert im.convert("L").getextrema()[0] < 200  # text was drawn (grey when small)
        return im.size


def test_a_page_at_a_resolution_and_at_a_width(two_pages: bytes) -> None:
    png = pdf_png.page_png(two_pages, 2, dpi=40)
    assert png is not None
    width, height = _size(png)
    assert (width, height) == (340, 440)  # letter, 8.5 x 11 in at 40 dpi
    scaled = pdf_png.page_png(two_pages, 1, width=120)
    assert scaled is not None and _size(scaled) == (120, 156)  # proportions kept (11/8.5)


def test_past_the_last_page_is_none(two_pages: bytes) -> None:
    assert pdf_png.page_png(two_pages, 3, dpi=20) is None


def test_no_file_is_written(two_pages: bytes, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No temporary directory can be made (one that does not exist), and nothing appears in
    the working directory (where pdftoppm writes when given an output name)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-dir"))
    assert pdf_png.page_png(two_pages, 1, dpi=20) is not None
    assert first_page_png(two_pages, "application/pdf", width=60).startswith(b"\x89PNG")
    assert list(tmp_path.iterdir()) == []


def test_a_broken_pdf_is_pdftoppms_error() -> None:
    with pytest.raises(subprocess.CalledProcessError):
        pdf_png.page_png(b"%PDF-1.7 not really", 1, dpi=20)


def test_the_thumbnail_of_a_broken_pdf_is_refused_with_a_message() -> None:
    with pytest.raises(InputRefused) as info:
        first_page_png(b"%PDF-1.7 not really", "application/pdf")
    assert "No preview could be made" in info.value.message()


def test_without_pdftoppm(two_pages: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert not pdf_png.available()
    with pytest.raises(InputRefused) as info:
        first_page_png(two_pages, "application/pdf")
    assert "poppler-utils" in info.value.message()
    with pytest.raises(FileNotFoundError):
        pdf_png.page_png(two_pages, 1)
