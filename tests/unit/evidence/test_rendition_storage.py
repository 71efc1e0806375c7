"""Where safe renditions live: made at intake and stored sealed, drawn once for evidence stored
before them (and kept), never written to a disk in plaintext; Word documents go through
LibreOffice inside the sandbox."""

from __future__ import annotations

import io
import os
import tempfile
import time
from pathlib import Path

import docx
import pikepdf
import pytest
from sqlmodel import select

from asylum_prep.errors import InputRefused
from asylum_prep.evidence import rendition, sandbox
from asylum_prep.evidence.packet import packet_files
from asylum_prep.services import cases
from asylum_prep.services import evidence as ev
from asylum_prep.services import packet as packet_service
from asylum_prep.storage.tables import AuditEvent, EvidenceBlob

from . import hostile as h
from .rendition_helpers import add, pdftotext

MARKER = "Quorvantel"  # a word found nowhere else


def exhibit_images(data: bytes) -> int:
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        return sum(1 for page in pdf.pages
                   for xo in page.obj.Resources.get("/XObject", {}).values()
                   if xo.Subtype == "/Image")


def forget_renditions(store, people) -> None:
    """Make the case look as it did before safe renditions: no item links one."""
    opened = cases.open_case(store, people.attorney, people.case_id)
    record = opened.record.model_copy(deep=True)
    for item in record.evidence:
        item.safe_rendition_blob = ""
    cases.save_record(store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)


def test_intake_stores_the_rendition_sealed(store, people) -> None:
    eid = add(store, people, h.simple_pdf(2, MARKER), "Letter")
    data, item = ev.get_evidence_file(store, people.paralegal, people.case_id, eid,
                                      which="safe_rendition")
    assert item.safe_rendition_blob and MARKER in pdftotext(data)
    with store.session() as s:
        row = s.get(EvidenceBlob, item.safe_rendition_blob)
        assert row is not None and row.purpose == "safe_rendition"
        assert data not in row.data_enc and b"%PDF" not in row.data_enc


def test_missing_renditions_are_drawn_once_and_stored(store, people) -> None:
    eid = add(store, people, h.simple_pdf(2, MARKER), "Letter")
    add(store, people, h.jpeg_with_gps_and_comment(), "Photo")
    forget_renditions(store, people)
    # The layout alone never falls back to the uploaded files' own pages.
    opened = cases.open_case(store, people.attorney, people.case_id)
    before = opened.version
    with pytest.raises(InputRefused, match="could not be redrawn safely"):
        packet_files(opened.record)
    # The service (the app's and the CLI's way) stores them first, in a version of their own,
    # once.
    result = packet_service.render_packet(store, people.paralegal, people.case_id)
    assert exhibit_images(result.parts[0][1]) == 3 and MARKER in pdftotext(result.parts[0][1])
    after = cases.open_case(store, people.attorney, people.case_id)
    assert after.version == before + 1
    assert all(item.safe_rendition_blob for item in after.record.evidence)
    packet_service.render_packet(store, people.paralegal, people.case_id)
    assert cases.open_case(store, people.attorney, people.case_id).version == after.version
    with store.session() as s:
        actions = [(e.action, e.actor_id) for e in s.exec(select(AuditEvent))]
        purposes = sorted(b.purpose for b in s.exec(select(EvidenceBlob)))
    assert ("evidence_rendition", people.paralegal.id) in actions
    assert purposes.count("safe_rendition") == 4  # two made at intake, two drawn again
    # Removing the item removes its rendition too.
    v = cases.open_case(store, people.attorney, people.case_id).version
    ev.remove_evidence(store, people.attorney, people.case_id, eid, base_version=v)
    with store.session() as s:
        ids = {b.id for b in s.exec(select(EvidenceBlob))}
    assert after.record.evidence[0].safe_rendition_blob not in ids


def _word(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.skipif(rendition.soffice_path() is None, reason="LibreOffice: `make test`")
def test_a_word_document_is_converted_and_drawn_in_the_sandbox(store, people) -> None:
    eid = add(store, people, _word(f"Statement of {MARKER}, a fictional witness."), "Statement")
    pdf, item = ev.get_evidence_file(store, people.paralegal, people.case_id, eid,
                                     which="rendition")
    assert item.page_count == 1 and MARKER in pdftotext(pdf)
    result = packet_service.render_packet(store, people.attorney, people.case_id)
    assert exhibit_images(result.parts[0][1]) == 1
    assert MARKER in pdftotext(result.parts[0][1])


def _files_since(roots: list[Path], since: float) -> list[Path]:
    found = []
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                try:
                    if path.is_file() and path.stat().st_mtime >= since:
                        found.append(path)
                except OSError:
                    continue  # another process's file, gone already
    return found


@pytest.mark.skipif(rendition.soffice_path() is None, reason="LibreOffice: `make test`")
def test_no_rendition_reaches_a_disk_in_plaintext(store, people) -> None:
    since = time.time() - 1
    add(store, people, h.simple_pdf(1, MARKER), "Letter")
    add(store, people, _word(f"{MARKER} statement"), "Statement")
    forget_renditions(store, people)
    packet_service.render_packet(store, people.attorney, people.case_id)
    needles = [MARKER.encode(), MARKER.encode("utf-16-be")]
    for item in cases.open_case(store, people.attorney, people.case_id).record.evidence:
        data, _ = ev.get_evidence_file(store, people.attorney, people.case_id, item.id,
                                       which="safe_rendition")
        needles.append(data[len(data) // 2 : len(data) // 2 + 48])  # inside a page picture
    roots = [store.settings.data_dir, Path(tempfile.gettempdir()), sandbox.RAM_DIR]
    files = _files_since([r for r in roots if r.is_dir()], since)
    assert any(p.is_relative_to(store.settings.data_dir) for p in files)  # the scan sees them
    for path in files:
        try:
            content = path.read_bytes()
        except OSError:
            continue
        for needle in needles:
            assert needle not in content, path


def test_a_packet_whose_exhibit_cannot_be_drawn_names_it_and_is_not_built(
        store, people, monkeypatch) -> None:
    add(store, people, h.jpeg_with_gps_and_comment((4000, 3000)), "Heavy photo")
    forget_renditions(store, people)
    before = cases.open_case(store, people.attorney, people.case_id).version
    # 64 MB: too little for the sandbox to decode 12 megapixels.
    monkeypatch.setattr(store, "settings",
                        store.settings.model_copy(update={"rendition_memory_mb": 64}))
    with pytest.raises(InputRefused, match="“Heavy photo” could not be redrawn safely"):
        packet_service.render_packet(store, people.attorney, people.case_id)
    assert cases.open_case(store, people.attorney, people.case_id).version == before
    with store.session() as s:
        assert "render_packet" not in [e.action for e in s.exec(select(AuditEvent))]
