"""The packet read back: structure, consecutive numbering in the footer, splitting, qpdf."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import pikepdf
import pytest
from pypdf import PdfReader

from asylum_prep.domain.citations import Citation
from asylum_prep.errors import PermissionDenied
from asylum_prep.evidence.exhibits import exhibit_list, letters
from asylum_prep.evidence.packet import CertificateOfService
from asylum_prep.evidence.split import plan_parts
from asylum_prep.services import cases, packet
from asylum_prep.services import evidence as ev

from . import hostile as h


def add(store, people, data, title, **kw):
    v = cases.open_case(store, people.attorney, people.case_id).version
    return ev.add_evidence(
        store,
        people.paralegal,
        people.case_id,
        data=data,
        filename="f",
        title=title,
        base_version=v,
        **kw,
    )[0]


def qpdf_ok(data: bytes, tmp_path) -> None:
    path = tmp_path / "p.pdf"
    path.write_bytes(data)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def footer_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_letters() -> None:
    assert [letters(n) for n in (1, 2, 26, 27, 28, 52, 53, 702, 703)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


def test_packet_structure_numbering_and_certificate(store, people, tmp_path) -> None:
    a = add(store, people, h.simple_pdf(3, "Summons"), "Summons")
    b = add(store, people, h.jpeg_with_gps_and_comment(), "Photo of injuries")
    c = add(store, people, b"Letter from my uncle", "Uncle's letter")
    cert = CertificateOfService(
        "DHS Office of the Chief Counsel",
        "first-class mail",
        "Daniel Attorney",
        date(2025, 1, 15),
        "1 Court St",
    )
    result = packet.render_packet(
        store, people.attorney, people.case_id, bates_prefix="ex-", certificate_of_service=cert
    )
    assert [name for name, _ in result.parts] == ["exhibits.pdf"]
    data = result.parts[0][1]
    qpdf_ok(data, tmp_path)
    pages = footer_texts(data)
    # cover (1) + index (1) + tab+3 + tab+1 + tab+1 + certificate (1)
    assert len(pages) == result.total_pages == 1 + 1 + 4 + 2 + 2 + 1
    for n, text in enumerate(pages, start=1):
        assert f"EX-{n:06d}" in text and "Test case A" in text
    assert [(r.tab, r.first_page, r.last_page, r.evidence_id) for r in result.index] == [
        ("A", 3, 6, a),
        ("B", 7, 8, b),
        ("C", 9, 10, c),
        ("", 11, 11, None),
    ]
    assert "Index of Supporting Documents" in pages[1] and "EX-000003–EX-000006" in pages[1]
    assert "Exhibit A" in pages[2] and "Summons 1" in pages[3] and "Summons 3" in pages[5]
    assert "Exhibit B" in pages[6] and "Letter from my uncle" in pages[9]
    assert "Certificate of Service" in pages[10] and "first-class mail" in pages[10]
    assert "DHS Office of the Chief Counsel, 1 Court St" in pages[10]
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        assert "/Info" not in pdf.trailer or "asylum" not in str(pdf.docinfo).lower()


def pdffonts(data: bytes, tmp_path) -> list[list[str]]:
    """`pdffonts` rows as [name, type..., encoding, emb, sub, uni, object, generation]."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def test_every_font_of_a_latin_packet_is_embedded(store, people, tmp_path) -> None:
    # exhibits without fonts of their own (a photo) or with embedded ones (a text rendition):
    # every font left is one the packet added
    add(store, people, h.jpeg_with_gps_and_comment(), "Photo of injuries – café")
    add(store, people, b"Letter from my uncle", "Uncle's letter")
    result = packet.render_packet(store, people.attorney, people.case_id, bates_prefix="ex-")
    data = result.parts[0][1]
    qpdf_ok(data, tmp_path)
    fonts = pdffonts(data, tmp_path)
    names = [row[0] for row in fonts]
    # the drawn index, tab sheets, footer and page numbers: Noto Sans subsets, no Helvetica
    assert any(n.endswith("+NotoSans-Regular") for n in names)
    assert any(n.endswith("+NotoSans-Bold") for n in names)
    assert not any("Helvetica" in n for n in names)
    for row in fonts:
        assert row[-5:-3] == ["yes", "yes"], row  # embedded, as a subset
    pages = footer_texts(data)
    assert len(pages) == result.total_pages == 1 + 1 + 2 + 2 + 1
    for n, text in enumerate(pages, start=1):
        assert f"EX-{n:06d}" in text and "Test case A" in text
    assert "Index of Supporting Documents" in pages[1] and "Photo of injuries – café" in pages[1]
    assert "Exhibit A" in pages[2] and "Letter from my uncle" in pages[5]


def test_every_font_of_a_packet_in_another_script_is_embedded(store, people, tmp_path) -> None:
    add(store, people, h.jpeg_with_gps_and_comment(), "احضاریه دادگاه")
    result = packet.render_packet(store, people.attorney, people.case_id)
    data = result.parts[0][1]
    qpdf_ok(data, tmp_path)
    fonts = pdffonts(data, tmp_path)
    assert len(fonts) >= 2 and not any("Helvetica" in row[0] for row in fonts)
    for row in fonts:
        assert row[-5:-3] == ["yes", "yes"], row
    out = subprocess.run(["pdftotext", str(tmp_path / "fonts.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert "احضاریه" in out or "احضاریه"[::-1] in out
    numbers = [text.split()[-1] for text in footer_texts(data)]
    assert len(numbers) == result.total_pages == 5


def test_excluded_and_reordered_exhibits(store, people) -> None:
    a = add(store, people, h.simple_pdf(1, "First"), "First")
    b = add(store, people, h.simple_pdf(1, "Second"), "Second")
    c = add(store, people, h.simple_pdf(1, "Third"), "Third")
    v = cases.open_case(store, people.attorney, people.case_id).version
    v = ev.set_exhibit_order(
        store, people.paralegal, people.case_id, evidence_ids=[c, a, b], base_version=v
    )
    ev.set_exhibit_included(
        store, people.paralegal, people.case_id, a, included=False, base_version=v
    )
    result = packet.render_packet(store, people.paralegal, people.case_id)
    assert [(r.tab, r.evidence_id) for r in result.index] == [("A", c), ("B", b), ("", None)]
    pages = footer_texts(result.parts[0][1])
    assert "Third" in pages[3] and "Second" in pages[5] and result.total_pages == 7


def test_split_into_parts_keeps_exhibits_whole_and_numbers_across(store, people, tmp_path) -> None:
    for i in range(4):
        add(store, people, h.noisy_pdf(3, f"Doc{i}", seed=i), f"Doc {i}")
    limit = 400_000  # each exhibit's safe rendition (3 pages, each with noise) is ~160 kB
    result = packet.render_packet(store, people.attorney, people.case_id, max_part_bytes=limit)
    assert len(result.parts) > 1
    assert [n for n, _ in result.parts] == [
        f"exhibits-part-{i}-of-{len(result.parts)}.pdf" for i in range(1, len(result.parts) + 1)
    ]
    numbers: list[int] = []
    for _, data in result.parts:
        assert len(data) <= limit
        qpdf_ok(data, tmp_path)
        for text in footer_texts(data):
            numbers.append(int([w for w in text.split() if w.isdigit()][-1]))
    assert numbers == list(range(1, result.total_pages + 1))
    assert all(len(r.parts) == 1 for r in result.index)  # each exhibit whole in one part
    index_text = footer_texts(result.parts[0][1])[1]
    assert "(part 2)" in index_text


def test_plan_cuts_an_exhibit_larger_than_a_part() -> None:
    plan = plan_parts([(1, 10), (10, 1000), (2, 10)], budget=300)
    pages = [sum(s.last - s.first for s in part) for part in plan]
    assert sum(pages) == 13 and all(p <= 4 for p in pages[1:-1])


def test_citation_only_exhibit_is_numbered(store, people) -> None:
    add(store, people, h.simple_pdf(1), "Summons")
    opened = cases.open_case(store, people.attorney, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.citations.append(
        Citation(
            element="objective_fear",
            report_id="rep1",
            passage_id=1,
            report_sha256="a" * 64,
            publisher="U.S. Dep't of State",
            title="2023 Country Report: Testland",
            accessed=date(2024, 6, 1),
            quote="Arbitrary arrests of students were reported.",
            by=people.attorney.id,
            at=opened.record.evidence[0].added_at,
        )
    )
    cases.save_record(
        store, people.attorney, people.case_id, record=record, base_version=opened.version
    )
    exhibits = exhibit_list(cases.open_case(store, people.attorney, people.case_id).record)
    assert [(e.tab, e.citation_only) for e in exhibits] == [("A", False), ("1", True)]
    result = packet.render_packet(store, people.attorney, people.case_id)
    pages = footer_texts(result.parts[0][1])
    assert result.total_pages == 1 + 1 + 2 + 1 + 1 and "Exhibit 1" in pages[4]
    assert "Cited, not attached" in pages[4] and "Testland" in pages[4]


def test_packet_needs_export_permission(store, people, other_people) -> None:
    add(store, people, h.simple_pdf(1), "Summons")
    for who in (people.applicant, people.translator, other_people.attorney):
        with pytest.raises(PermissionDenied):
            packet.render_packet(store, who, people.case_id)


def test_packet_is_audited_with_its_counts_only(store, people) -> None:
    from asylum_prep.services import audit

    add(store, people, h.simple_pdf(2), "Summons")
    result = packet.render_packet(store, people.paralegal, people.case_id)
    events = [e for e in audit.list_events(store, people.attorney, case_id=people.case_id)
              if e.action == "render_packet"]
    assert len(events) == 1 and events[0].actor_id == people.paralegal.id
    assert events[0].detail == f"exhibits=1 pages={result.total_pages} parts=1"
