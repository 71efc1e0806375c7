"""Word documents become PDF with the real LibreOffice, in memory-backed scratch space."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from asylum_prep.evidence import rendition

pytestmark = pytest.mark.skipif(rendition.soffice_path() is None,
                                reason="LibreOffice is installed by `make test`")


def _word(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_converted_in_ram_and_cleaned_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default temporary directory is unusable (it does not exist), yet the conversion
    works: it ran in a private directory under /dev/shm, which is gone afterwards."""
    assert rendition.RAM_DIR.is_dir()
    made: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(*args: object, **kwargs: object) -> str:
        made.append(real_mkdtemp(*args, **kwargs))  # type: ignore[call-overload]
        return made[-1]

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-dir"))
    pdf = rendition.docx_to_pdf(_word("Statement of a fictional witness."))
    assert pdf is not None
    assert "fictional witness" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert len(made) == 1 and Path(made[0]).parent == rendition.RAM_DIR
    assert not Path(made[0]).exists()


def test_falls_back_to_the_temporary_directory_without_dev_shm(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rendition, "RAM_DIR", tmp_path / "no-shm")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert rendition.docx_to_pdf(_word("Fallback text.")) is not None
    assert list(tmp_path.iterdir()) == []  # the private directory was removed
