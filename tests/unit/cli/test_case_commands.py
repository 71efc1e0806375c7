"""`asylum-prep case ...` through the real entry point, on a real store in a temp dir."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlmodel import select

from asylum_prep.config import Settings
from asylum_prep.domain.record import CaseRecord
from asylum_prep.samples import load_sample, sample_json
from asylum_prep.services import audit
from asylum_prep.storage.engine import open_store
from asylum_prep.storage.tables import AuditEvent
from tests.unit.cli.conftest import PASS, Run

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _ids(cli: Run) -> list[str]:
    return [row["id"] for row in json.loads(cli("case", "list", "--json").ok().out)]


def _create_sample(cli: Run, title: str = "Sample client") -> str:
    case_id = cli("case", "create", "--title", title, "--sample").ok().out.strip()
    assert UUID.match(case_id)
    return case_id


def test_create_prints_only_the_new_id(cli: Run) -> None:
    result = cli("case", "create", "--title", "Client A", "--jurisdiction", "uk").ok()
    assert UUID.match(result.out.strip()) and result.out.count("\n") == 1
    rows = json.loads(cli("case", "list", "--json").ok().out)
    assert [(r["id"], r["title"], r["jurisdiction"], r["status"], r["version"]) for r in rows] == [
        (result.out.strip(), "Client A", "uk", "open", 1)
    ]
    assert set(rows[0]) == {"id", "title", "jurisdiction", "status", "version", "updated"}


def test_sample_case_is_shipped_and_shown(cli: Run) -> None:
    case_id = _create_sample(cli)
    shown = cli("case", "show", case_id, "--json").ok().out
    assert CaseRecord.model_validate_json(shown) == load_sample()
    summary = cli("case", "show", case_id).ok().out
    assert "FICTIONAL SAMPLE" in summary and "Daryan Mirel Kovelli" in summary
    assert "Incidents: 4" in summary and case_id in summary


def test_answers_round_trip_byte_identically(cli: Run, tmp_path: Path) -> None:
    first = cli("case", "show", _create_sample(cli), "--json").ok().out
    answers = tmp_path / "answers.json"
    answers.write_text(first, encoding="utf-8")
    copy_id = cli("case", "create", "--title", "Copy", "--answers", str(answers)).ok().out.strip()
    second = cli("case", "show", copy_id, "--json").ok().out
    assert second == first
    assert json.loads(second) == json.loads(first) == json.loads(sample_json())


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"about": {"family_name": "X", "shoe_size": 42}}', "about.shoe_size"),
        ('{"about": {"family_name": ', "Invalid JSON"),
        ('{"incidents": {"items": [{"detained": "perhaps"}]}}', "incidents.items.0.detained"),
        ('{"schema_version": "1"}', "schema_version"),  # strict: no string-to-int coercion
        ("[1, 2]", "top level"),
    ],
)
def test_bad_answers_are_one_line_and_create_nothing(
    cli: Run, tmp_path: Path, content: str, needle: str
) -> None:
    answers = tmp_path / "bad.json"
    answers.write_text(content, encoding="utf-8")
    result = cli("case", "create", "--title", "T", "--answers", str(answers)).failed()
    assert needle in result.err and "not a valid case record" in result.err
    assert _ids(cli) == []


def test_answers_file_missing_or_binary(cli: Run, tmp_path: Path) -> None:
    assert "No file at" in cli("case", "create", "--title", "T", "--answers",
                                 str(tmp_path / "nope.json")).failed().err
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "UTF-8" in cli("case", "create", "--title", "T", "--answers", str(binary)).failed().err
    assert _ids(cli) == []


def test_bad_title_and_jurisdiction(cli: Run) -> None:
    assert "title" in cli("case", "create", "--title", "   ").failed().err
    cli("case", "create", "--title", "T", "--jurisdiction", "fr").failed(code=2)
    cli("case", "create", "--title", "T", "--sample", "--answers", "x.json").failed(code=2)
    assert _ids(cli) == []


@pytest.mark.parametrize("command", [["show"], ["show", "--json"], ["delete", "--yes"]])
def test_unknown_id_is_a_clear_error(cli: Run, command: list[str]) -> None:
    _create_sample(cli)
    result = cli("case", command[0], "3f1b2c3d-0000-4000-8000-000000000000", *command[1:]).failed()
    assert "No case with id 3f1b2c3d" in result.err


def test_delete_needs_yes(cli: Run) -> None:
    case_id = _create_sample(cli)
    assert "--yes" in cli("case", "delete", case_id).failed().err
    assert _ids(cli) == [case_id]
    deleted = cli("case", "delete", case_id, "--yes").ok()
    assert deleted.out == "" and case_id in deleted.err
    assert _ids(cli) == []


def test_list_table_and_schema(cli: Run) -> None:
    empty = cli("case", "list").ok()
    assert empty.out == "" and "No cases yet." in empty.err  # a script reads no rows
    case_id = _create_sample(cli, title="Table client")
    table = cli("case", "list").ok().out
    assert case_id in table and "Table client" in table and " us " in table
    schema = json.loads(cli("case", "schema").ok().out)
    assert schema == CaseRecord.model_json_schema()
    assert {"about", "incidents", "leaving", "timing"} <= set(schema["properties"])


def test_export_then_import_restores_the_case(cli: Run, tmp_path: Path) -> None:
    case_id = _create_sample(cli)
    archive = tmp_path / "out" / "case.bin"
    archive.parent.mkdir()
    result = cli("case", "export", case_id, "--out", str(archive), "--passphrase-stdin",
                 stdin=PASS + "\n").ok()
    assert "1 versions" in result.err and result.out == ""
    assert archive.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in archive.parent.iterdir()] == ["case.bin"]  # no temp file left
    new_id = cli("case", "import", str(archive), "--passphrase-stdin", stdin=PASS + "\n").ok()
    new_id_text = new_id.out.strip()
    assert UUID.match(new_id_text) and new_id_text != case_id
    assert cli("case", "show", new_id_text, "--json").ok().out == cli(
        "case", "show", case_id, "--json").ok().out
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings)
    with store.session() as session:
        actions = {(e.action, e.case_id) for e in session.exec(select(AuditEvent))}
    assert ("case_export", case_id) in actions and ("case_import", new_id_text) in actions
    assert audit.verify_chain(store)
    store.close()


def test_import_refuses_wrong_passphrase_tampering_and_junk(cli: Run, tmp_path: Path) -> None:
    case_id = _create_sample(cli)
    archive = tmp_path / "case.bin"
    cli("case", "export", case_id, "--out", str(archive), "--passphrase-stdin",
        stdin=PASS + "\n").ok()
    before = _ids(cli)
    wrong = cli("case", "import", str(archive), "--passphrase-stdin", stdin="not it at all\n")
    assert "passphrase is wrong" in wrong.failed().err
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.bin"
    tampered.write_bytes(bytes(data))
    cli("case", "import", str(tampered), "--passphrase-stdin", stdin=PASS + "\n").failed()
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"PK\x03\x04 this is a zip, not ours")
    assert "not an asylum-prep case archive" in cli(
        "case", "import", str(junk), "--passphrase-stdin", stdin=PASS + "\n").failed().err
    cli("case", "import", str(tmp_path / "absent.bin"), "--passphrase-stdin",
        stdin=PASS + "\n").failed()
    cli("case", "import", str(archive), "--passphrase-stdin", stdin="").failed()
    assert _ids(cli) == before


def test_export_refusals(cli: Run, tmp_path: Path) -> None:
    case_id = _create_sample(cli)
    out = tmp_path / "a.bin"
    assert "at least" in cli("case", "export", case_id, "--out", str(out), "--passphrase-stdin",
                             stdin="short\n").failed().err
    cli("case", "export", case_id, "--out", str(out)).failed(code=2)  # passphrase flag required
    assert "folder" in cli("case", "export", case_id, "--out", str(tmp_path),
                           "--passphrase-stdin", stdin=PASS + "\n").failed().err
    assert not out.exists() and list(tmp_path.glob(".*tmp")) == []


def test_data_dir_from_env_or_after_the_command(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "elsewhere"
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(other))
    created = cli("case", "create", "--title", "Env", data=None).ok().out.strip()
    assert (other / "master.key").exists()
    listed = cli("case", "list", "--json", "--data-dir", str(other), data=None).ok().out
    assert [r["id"] for r in json.loads(listed)] == [created]
    assert _ids(cli) == []  # the default fixture dir is a different store


def test_usage_errors_are_one_line(cli: Run) -> None:
    assert "invalid choice" in cli("case", "frobnicate").failed(code=2).err
    cli("nonsense").failed(code=2)
    cli("case", "show").failed(code=2)


V1_ANSWERS = Path(__file__).resolve().parents[2] / "fixtures" / "records" / "case_v1.json"


def test_answers_in_the_version_1_format_are_accepted_and_upgraded(cli: Run) -> None:
    old = json.loads(V1_ANSWERS.read_text(encoding="utf-8"))
    assert old["schema_version"] == 1 and "injury_level" not in old["incidents"]["items"][0]
    case_id = cli("case", "create", "--title", "Old", "--answers", str(V1_ANSWERS)).ok().out
    shown = json.loads(cli("case", "show", case_id.strip(), "--json").ok().out)
    assert shown["schema_version"] == 2
    first = shown["incidents"]["items"][0]
    assert first["injuries"] == old["incidents"]["items"][0]["injuries"]
    assert first["injury_level"] == "unknown" and first["target_reasons"] == []
    new_fields = {"sex": "unknown", "marital_status": "unknown", "nationality_at_birth": "",
                  "english_fluent": "unknown", "passport_country": "", "passport_number": ""}
    assert shown["about"] == {**old["about"], **new_fields}  # new fields, their defaults
    assert shown["background"] == {"residences": [], "schools": [], "jobs": []}


def test_answers_newer_than_the_app_are_refused_and_create_nothing(
    cli: Run, tmp_path: Path
) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**json.loads(sample_json()), "schema_version": 99}),
                     encoding="utf-8")
    err = cli("case", "create", "--title", "T", "--answers", str(newer)).failed().err
    assert "newer version of asylum-prep (record version 99" in err
    assert _ids(cli) == []
