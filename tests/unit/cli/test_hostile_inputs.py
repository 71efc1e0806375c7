"""Bad input to the command line: a device as an input file, nan/inf/negative numbers, bad
settings in the environment, a damaged master key, a store locked by another process. Each
gives one line on stderr and a non-zero exit, never a traceback, and changes nothing.

In-process through `main` (the `cli` fixture); test_streams.py runs the installed script."""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.unit.cli.conftest import Run

ZERO = "/dev/zero"


@pytest.fixture
def case_id(cli: Run) -> str:
    return cli("case", "create", "--title", "Client").ok().out.strip()


def _ids(cli: Run) -> list[str]:
    return [row["id"] for row in json.loads(cli("case", "list", "--json").ok().out)]


@pytest.mark.parametrize("command", [
    ["evidence", "add", "{id}", ZERO],
    ["case", "create", "--title", "T", "--answers", ZERO],
    ["case", "import", ZERO, "--passphrase-stdin"],
])
def test_a_device_as_input_file_is_refused_at_once(cli: Run, case_id: str,
                                                   command: list[str]) -> None:
    args = [a.replace("{id}", case_id) for a in command]
    result = cli(*args, stdin="a passphrase for tests\n").failed()
    assert "/dev/zero is not a file that can be read" in result.err
    assert _ids(cli) == [case_id]


def test_coi_import_skips_a_device(cli: Run) -> None:
    result = cli("coi", "import", ZERO)
    assert result.code == 1 and "Traceback" not in result.err
    assert "skipped" in result.out and "/dev/zero is not a file that can be read" in result.out
    assert result.err.strip().splitlines()[-1] == "0 imported, 0 duplicates, 1 skipped"


@pytest.mark.parametrize("args", [
    ["coi", "search", "x", "--limit", "nan"],
    ["coi", "search", "x", "--limit", "inf"],
    ["coi", "search", "x", "--limit", "-3"],
    ["coi", "search", "x", "--limit", "0"],
    ["coi", "search", "x", "--since", "-1"],
    ["coi", "search", "x", "--since", "1e9"],
    ["coi", "cite", "{id}", "-5", "--element", "harm"],
    ["evidence", "packet", "{id}", "--out-dir", "out", "--max-part-mb", "nan"],
    ["evidence", "packet", "{id}", "--out-dir", "out", "--max-part-mb", "inf"],
    ["evidence", "packet", "{id}", "--out-dir", "out", "--max-part-mb", "-1"],
    ["evidence", "packet", "{id}", "--out-dir", "out", "--max-part-mb", "0"],
    ["serve", "--port", "-1"],
    ["serve", "--port", "nan"],
])
def test_bad_numbers_are_usage_errors(cli: Run, case_id: str, args: list[str]) -> None:
    cli(*[a.replace("{id}", case_id) for a in args]).failed(code=2)


@pytest.mark.parametrize(("variable", "value"), [
    ("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "abc"),
    ("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "-1"),
    ("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "0"),
    ("ASYLUM_PREP_LOCKOUT_MINUTES", "nan"),
    ("ASYLUM_PREP_MAX_FAILED_SIGN_INS", "inf"),
    ("ASYLUM_PREP_INVITE_VALID_DAYS", "-30"),
    ("ASYLUM_PREP_MAX_EVIDENCE_BYTES", "0"),
    ("ASYLUM_PREP_MAX_CASE_EVIDENCE_BYTES", "-5"),
    ("ASYLUM_PREP_MAX_ANSWER_CHARS", "1e400"),
    ("ASYLUM_PREP_LOCK_WAIT_SECONDS", "0"),
    ("ASYLUM_PREP_DATABASE_URL", "nonsense"),
    ("ASYLUM_PREP_DATABASE_URL", "mysql://user@host/db"),
    ("ASYLUM_PREP_DATABASE_URL", "postgresql://user@host:port/db"),
])
def test_a_bad_setting_is_named(cli: Run, monkeypatch: pytest.MonkeyPatch, data_dir: Path,
                                variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    result = cli("case", "list").failed()
    assert f"The setting {variable} is not valid" in result.err
    assert not data_dir.exists()  # refused before anything was opened or created


def test_an_unreachable_database_is_one_line(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASYLUM_PREP_DATABASE_URL", "sqlite:////nonexistent/folder/x.sqlite3")
    assert "cannot be opened" in cli("case", "list").failed().err


@pytest.mark.parametrize("key", [
    "not base64 at all!",
    base64.b64encode(b"too short").decode(),
    '{"keys": []}',
    '{"primary": "a", "keys": {"a": 5}}',
    '{"primary": "a", "keys": null}',
    "[1, 2, 3]",
])
def test_a_bad_master_key_in_the_environment(cli: Run, monkeypatch: pytest.MonkeyPatch,
                                             key: str) -> None:
    monkeypatch.setenv("ASYLUM_PREP_MASTER_KEY", key)
    assert "ASYLUM_PREP_MASTER_KEY cannot be read" in cli("case", "list").failed().err


@pytest.mark.parametrize("content", [
    b"garbage", b'{"keys": []}', b'{"primary": 1, "keys": {"1": "AAAA"}}', b"{", b"\xff\xfe{}",
])
def test_a_damaged_key_file(cli: Run, case_id: str, data_dir: Path, content: bytes) -> None:
    (data_dir / "master.key").write_bytes(content)
    result = cli("case", "list").failed()
    assert "master key file" in result.err and "cannot be read" in result.err


@contextmanager
def _locked(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another connection holds an exclusive lock; the CLI waits one second (the setting)
    where the default wait is 30 seconds, then gives up."""
    monkeypatch.setenv("ASYLUM_PREP_LOCK_WAIT_SECONDS", "1")
    other = sqlite3.connect(data_dir / "asylum-prep.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize("command", [["case", "list"], ["case", "create", "--title", "New"]])
def test_a_locked_store_is_one_line_and_changes_nothing(
        cli: Run, case_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        command: list[str]) -> None:
    with _locked(data_dir, monkeypatch):
        result = cli(*command).failed()
    assert "locked by another program" in result.err and result.out == ""
    assert _ids(cli) == [case_id]
