"""Page previews: real pdftoppm on a real rendered PDF; the case document never touches a file."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from asylum_prep.documents import preview
from asylum_prep.evidence.rendition import text_to_pdf


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    pdf = text_to_pdf("Preview words on every line. " * 450)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3
    return pdf


def test_first_pages_as_png(three_pages: bytes) -> None:
    images = preview.preview_pages(three_pages, pages=2, dpi=40)
    assert len(images) == 2
    for png in images:
        with Image.open(io.BytesIO(png)) as im:
            assert im.format == "PNG"
            assert 300 < im.width < 400  # 8.5 in at 40 dpi (letter)
            assert im.convert("L").getextrema()[0] < 100  # dark text was drawn


def test_fewer_pages_than_asked(three_pages: bytes) -> None:
    assert len(preview.preview_pages(three_pages, pages=9, dpi=20)) == 3


def test_no_file_is_written(three_pages: bytes, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """No temporary directory can be made (one that does not exist), and nothing appears in
    the working directory (where pdftoppm writes when given an output name)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-dir"))
    assert len(preview.preview_pages(three_pages, pages=2, dpi=20)) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_broken_pdf_is_an_error_not_an_empty_preview() -> None:
    with pytest.raises(Exception):  # noqa: B017, PT011 - pdftoppm's own failure
        preview.preview_pages(b"%PDF-1.7 not really", pages=1)
