"""`asylum-prep evidence add/list/get/packet` against a real store."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from asylum_prep.cli import main

from . import hostile as h


@pytest.fixture
def cli_case(store, people, settings, monkeypatch):
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(settings.data_dir))
    if settings.database_url:
        monkeypatch.setenv("ASYLUM_PREP_DATABASE_URL", settings.database_url)
    return people.case_id


def test_add_list_get_and_refusal(cli_case, tmp_path, capsys) -> None:
    photo = tmp_path / "photo.pdf"  # a JPEG with a misleading name
    photo.write_bytes(h.jpeg_with_gps_and_comment())
    assert (
        main(["evidence", "add", cli_case, str(photo), "--title", "Injuries", "--kind", "photo"])
        == 0
    )
    captured = capsys.readouterr()
    eid = captured.out.strip()  # the id alone on stdout; what cleaning removed on stderr
    assert len(eid) == 12 and "Location removed" in captured.err

    bad = tmp_path / "report.pdf"
    bad.write_bytes(h.elf_as_pdf())
    assert main(["evidence", "add", cli_case, str(bad)]) == 1
    assert "program" in capsys.readouterr().err

    assert main(["evidence", "list", cli_case, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in listed["evidence"]] == [eid]
    assert (
        listed["evidence"][0]["mime"] == "image/jpeg" and listed["evidence"][0]["kind"] == "photo"
    )

    target = tmp_path / "out.jpg"
    assert main(["evidence", "get", cli_case, eid, "--out", str(target)]) == 0
    img = Image.open(target)
    assert len(img.getexif()) == 0 and "comment" not in img.info

    folder = tmp_path / "packet"
    assert main(["evidence", "packet", cli_case, "--out-dir", str(folder), "--bates", "EX"]) == 0
    assert [p.name for p in folder.iterdir()] == ["exhibits.pdf"]


def test_render_packet_prints_the_evidence_warnings_and_honours_bates_and_pdf_a(
        cli_case, tmp_path, capsys) -> None:
    import pikepdf
    from pypdf import PdfReader

    doc = tmp_path / "letter.txt"
    doc.write_bytes(b"Nama dari paman saya")
    assert main(["evidence", "add", cli_case, str(doc), "--title", "Uncle's letter",
                 "--language", "id"]) == 0
    capsys.readouterr()
    target = tmp_path / "packet.pdf"
    assert main(["render", cli_case, "--doc", "packet", "--format", "pdf", "--bates", "EX",
                 "--pdf-a", "--out", str(target)]) == 0
    err = capsys.readouterr().err
    # what the evidence page shows, on stderr: an untranslated document, unsupported elements
    assert "warning: “Uncle's letter” is not in English" in err
    assert "warning: No document supports the element" in err
    with pikepdf.Pdf.open(target) as pdf:
        assert pdf.open_metadata()["{http://www.aiim.org/pdfa/ns/id/}part"] == "2"
    assert "EX000001" in PdfReader(target).pages[0].extract_text()
    assert main(["render", cli_case, "--doc", "exhibit-index", "--format", "pdf", "--bates",
                 "EX", "--out", str(tmp_path / "index.pdf")]) == 0
    assert "warning: “Uncle's letter” is not in English" in capsys.readouterr().err


def test_ocr_reads_the_scans_here_with_wait_and_text_prints_them(cli_case, tmp_path,
                                                                  capsys) -> None:
    from asylum_prep.evidence import ocr as ocr_engine
    from tests import scans

    if not ocr_engine.available():
        pytest.skip("tesseract is not installed")
    scan = tmp_path / "scan.png"
    scan.write_bytes(scans.png(scans.scan(["The summons names the officer Colonel Rostami."],
                                          "en", seed=6)))
    assert main(["evidence", "add", cli_case, str(scan), "--language", "en"]) == 0
    eid = capsys.readouterr().out.strip()
    assert main(["evidence", "text", cli_case, eid]) == 0
    assert "not been read yet" in capsys.readouterr().err
    assert main(["evidence", "ocr", cli_case, "--wait"]) == 0
    captured = capsys.readouterr()
    assert "Queued 0 exhibit(s)" in captured.err  # queued when it was added
    assert f"{eid}  done     1/1" in captured.out
    assert main(["evidence", "text", cli_case, eid]) == 0
    assert "Rostami" in capsys.readouterr().out
    assert main(["evidence", "ocr", cli_case, "--evidence", eid, "--again"]) == 0
    assert "Queued 1 exhibit(s)" in capsys.readouterr().err
