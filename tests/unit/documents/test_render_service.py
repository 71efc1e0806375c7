"""The render service and CLI on a real store: permissions, audit, neutral names, version stamp."""

from __future__ import annotations

import pytest
from sqlmodel import select

from asylum_prep.cli import main
from asylum_prep.documents.build_certificates import TranslatorInfo
from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.services import cases
from asylum_prep.services.render import render_document
from asylum_prep.storage.tables import AuditEvent

from .helpers import docx_paragraphs, pdf_text
from .records import persian_record


@pytest.fixture
def filled(store, people):
    case = cases.open_case(store, people.attorney, people.case_id)
    version = cases.save_record(
        store, people.attorney, people.case_id, record=persian_record(), base_version=case.version
    )
    return people, version


def test_paralegal_renders_every_document_kind(store, filled):
    people, version = filled
    for doc in (
        "declaration",
        "translation-certificate",
        "interpretation-certificate",
        "exhibit-index",
        "brief",
        "worksheet",
    ):
        for fmt in ("pdf", "docx"):
            res = render_document(
                store,
                people.paralegal,
                people.case_id,
                doc=doc,
                fmt=fmt,
                lang="en" if doc == "declaration" else None,
                translator_info=TranslatorInfo("R. T.", "Addr", "555"),
            )
            assert res.filename.startswith(f"document-{people.case_id[:8]}-{doc}")
            assert "asylum" not in res.filename.lower()
            assert res.content[:4] in (b"%PDF", b"PK\x03\x04")
            assert res.version == version
    cert = render_document(
        store,
        people.paralegal,
        people.case_id,
        doc="translation-certificate",
        fmt="pdf",
        translator_info=TranslatorInfo("R. T.", "Addr", "555"),
    )
    decl = render_document(
        store, people.paralegal, people.case_id, doc="declaration", fmt="docx", lang="en"
    )
    text = "".join(pdf_text(cert.content).split())
    assert f"caseversion{version}" in text
    digest = text.split("SHA-256")[1][:64]
    # the declaration's footer carries the same version and the start of the same hash
    import io

    import docx

    footer = docx.Document(io.BytesIO(decl.content)).sections[0].footer
    assert f"v{version} · SHA-256 {digest[:16]}" in "\n".join(p.text for p in footer.paragraphs)
    assert "Officers took me out of class" in "\n".join(docx_paragraphs(decl.content))


def test_bilingual_and_warnings(store, filled):
    people, _ = filled
    res = render_document(
        store,
        people.attorney,
        people.case_id,
        doc="declaration",
        fmt="pdf",
        bilingual=True,
        draft=True,
    )
    assert res.filename.endswith("-declaration-bilingual.pdf")
    text = " ".join(pdf_text(res.content).split())
    assert "Officers took me out of class" in text and "بازجویی" in text
    assert any("No answer" in w for w in res.warnings)


def test_who_may_render_and_what_is_audited(store, filled):
    people, _ = filled
    for actor in (people.translator, people.applicant):
        with pytest.raises(PermissionDenied):
            render_document(store, actor, people.case_id, doc="declaration", fmt="pdf")
    with pytest.raises(InputRefused):
        render_document(store, people.attorney, people.case_id, doc="declaration", fmt="odt")
    render_document(store, people.attorney, people.case_id, doc="brief", fmt="docx")
    with store.session() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "render")).all()
    assert [e.detail for e in events] == ["doc=brief format=docx"]


def test_cli_render(store, filled, settings, tmp_path, capsys):
    people, _ = filled
    if settings.database_url:
        pytest.skip("the CLI opens the data directory's SQLite store")
    out = tmp_path / "x.pdf"
    code = main(
        [
            "--data-dir",
            str(settings.data_dir),
            "render",
            people.case_id,
            "--doc",
            "declaration",
            "--format",
            "pdf",
            "--lang",
            "en",
            "--out",
            str(out),
        ]
    )
    assert code == 0 and out.read_bytes()[:4] == b"%PDF"
    code = main(
        [
            "--data-dir",
            str(settings.data_dir),
            "render",
            people.case_id,
            "--doc",
            "declaration",
            "--format",
            "pdf",
            "--lang",
            "ru",
            "--out",
            str(out),
        ]
    )
    assert code == 1
    assert "answer language" in capsys.readouterr().err


def test_packet_dispatches_to_the_evidence_packet(store, filled):
    people, _ = filled
    res = render_document(store, people.paralegal, people.case_id, doc="packet", fmt="pdf")
    assert res.filename == f"document-{people.case_id[:8]}-packet.pdf"
    assert res.content[:4] == b"%PDF"
    with pytest.raises(InputRefused):
        render_document(store, people.paralegal, people.case_id, doc="packet", fmt="docx")
