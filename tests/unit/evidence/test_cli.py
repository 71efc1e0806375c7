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
