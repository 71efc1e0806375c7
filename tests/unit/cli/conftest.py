"""Running the real `asylum-prep` command in-process against a store in a temp data dir."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from asylum_prep.cli import main

PASS = "correct horse battery staple"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def ok(self) -> Result:
        """Success: exit 0; stderr holds at most notes for the person, never an error."""
        assert self.code == 0, self.err
        assert "Traceback" not in self.err and not self.err.startswith("asylum-prep:"), self.err
        return self

    def failed(self, code: int = 1) -> Result:
        """A refusal: the expected exit code and exactly one line on stderr, no traceback."""
        assert self.code == code, (self.code, self.out, self.err)
        assert len(self.err.strip().splitlines()) == 1, self.err
        assert self.err.startswith("asylum-prep"), self.err
        assert "Traceback" not in self.err
        return self


Run = Callable[..., Result]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    for var in ("ASYLUM_PREP_MASTER_KEY", "ASYLUM_PREP_DATABASE_URL", "ASYLUM_PREP_DATA_DIR"):
        monkeypatch.delenv(var, raising=False)

    def run(*args: str, stdin: str = "", data: Path | None = data_dir) -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        prefix = ["--data-dir", str(data)] if data is not None else []
        try:
            code = main([*prefix, *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
