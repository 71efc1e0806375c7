"""`--pdf-a` on the packet: PDF/A-2b read back (XMP identification, an sRGB output intent with
its ICC profile, every font embedded, nothing PDF/A forbids), re-validated independently; or a
refusal that says why, never a plain PDF in its place."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest

from asylum_prep.errors import InputRefused
from asylum_prep.evidence import pdfa
from asylum_prep.services.render import render_document

from . import hostile as h
from .test_packet import add

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


def _fonts_embedded(pdf: pikepdf.Pdf) -> int:
    count = 0
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            assert any(k in obj for k in ("/FontFile", "/FontFile2", "/FontFile3")), obj
            count += 1
    return count


def test_pdf_a_packet_is_pdf_a_2b(store, people, tmp_path) -> None:
    add(store, people, h.simple_pdf(2, "Summons"), "Summons")
    add(store, people, h.jpeg_with_gps_and_comment(), "Photo of injuries")
    result = render_document(store, people.attorney, people.case_id, doc="packet", fmt="pdf",
                             pdf_a=True, bates_prefix="EX")
    data = result.content
    path = tmp_path / "packet.pdf"
    path.write_bytes(data)
    assert subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        assert not pdf.is_encrypted
        meta = pdf.open_metadata()
        assert meta[f"{PDFAID}part"] == "2" and meta[f"{PDFAID}conformance"] == "B"
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
        profile = intents[0].DestOutputProfile
        assert int(profile.N) == 3 and profile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        assert _fonts_embedded(pdf) >= 3  # cover/certificate, index/tabs, page numbers
        assert "/Names" not in pdf.Root or "/EmbeddedFiles" not in pdf.Root.Names
        assert "/OpenAction" not in pdf.Root and "/JavaScript" not in str(pdf.Root.get("/Names"))
        assert len(list(pdf.open_outline().root)) == 4  # index, two exhibits, certificate
    # pikepdf's allowlist validator, run again on the bytes the user gets
    from pikepdf import pdfa as validator

    report = validator.validate_written(io.BytesIO(data), "2b")
    assert report.passed, report.findings


def test_pdf_a_is_refused_with_the_reason_never_ignored() -> None:
    pdf = pikepdf.Pdf.open(io.BytesIO(h.simple_pdf(1, "Helvetica, not embedded")))
    with pytest.raises(InputRefused) as caught:
        pdfa.save(pdf, io.BytesIO())
    message = caught.value.message()
    assert "PDF/A-2b" in message and "font" in message.lower()
