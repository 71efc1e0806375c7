"""Reading rendered documents back the way a reader (or a court portal) would."""

from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import docx
from docx.oxml.ns import qn

from asylum_prep import pdf_png


def docx_to_pdf(tmp_path: Path, name: str, data: bytes) -> Path:
    """LibreOffice's PDF of a DOCX (a private profile and home under `tmp_path`), as a person
    opening the file in an office program would see it laid out."""
    src = tmp_path / f"{name}.docx"
    src.write_bytes(data)
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        capture_output=True,
        env={**os.environ, "HOME": str(tmp_path / "home")},
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    return tmp_path / f"{name}.pdf"


def pdf_text(data: bytes, *, layout: bool = False) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(data)
        fh.flush()
        args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [fh.name, "-"]
        return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def pdf_fonts(data: bytes) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) per font, from `pdffonts`."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(data)
        fh.flush()
        out = subprocess.run(["pdffonts", fh.name], check=True, capture_output=True).stdout.decode()
    rows = []
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type... emb sub uni object ID: emb is the 5th column from the end
        rows.append((cols[0], cols[-5]))
    return rows


def docx_paragraphs(data: bytes) -> list[str]:
    """Body paragraphs and table cells, in document order."""
    d = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                out.append(
                    " ".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))
                    )
                )
    return [p for p in out if p.strip()]


def docx_footer_xml(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    return d.sections[0].footer._element.xml


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    return re.findall(r"\w+", text)


def first_page_png(data: bytes, tmp: Path, name: str, dpi: int = 50) -> Path:
    """The first page as a PNG file in `tmp` (to compare with a reference image), made by the
    app's own pdftoppm wrapper."""
    png = pdf_png.page_png(data, 1, dpi=dpi)
    assert png is not None
    path = tmp / f"{name}.png"
    path.write_bytes(png)
    return path
