"""The app's start (its store being opened) removes the scratch directories of a killed run:
an applicant's document must not wait in RAM for the next Word conversion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from asylum_prep import scratch
from asylum_prep.config import Settings
from asylum_prep.ui import store as ui_store


def test_opening_the_store_removes_leftovers(app_settings: Settings, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "shm"
    base.mkdir()
    monkeypatch.setattr(scratch, "RAM_DIR", base)
    left = base / f"{scratch.PREFIX}4242-killed"
    left.mkdir(mode=0o700)
    (left / scratch.LOCK_NAME).touch()
    (left / "document.docx").write_bytes(b"a statement")
    other = base / "not-ours"
    other.mkdir()
    ui_store._open(ui_store.cache_key(app_settings), app_settings)
    assert not left.exists() and other.exists()
    assert os.listdir(base) == ["not-ours"]
