"""Every file the CLI writes is readable by its owner only (0600), whatever the umask, and an
existing file it overwrites is narrowed to 0600 before the new content goes in."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from asylum_prep.cli.common import write_private
from tests.unit.cli.conftest import Run


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask: any mode the CLI does not set itself shows up."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def sample_case(cli: Run, tmp_path: Path) -> tuple[str, str]:
    case_id = cli("case", "create", "--title", "Files", "--sample").ok().out.strip()
    letter = tmp_path / "letter.txt"
    letter.write_text("A letter from my employer, confirming the dates.\n")
    evidence_id = cli("evidence", "add", case_id, str(letter), "--title", "Letter").ok()
    return case_id, evidence_id.out.strip()


@pytest.mark.usefixtures("open_umask")
def test_evidence_get_render_and_packet_write_0600(cli: Run, sample_case: tuple[str, str],
                                                  tmp_path: Path) -> None:
    case_id, evidence_id = sample_case
    got = tmp_path / "copy.txt"
    result = cli("evidence", "get", case_id, evidence_id, "--out", str(got)).ok()
    assert result.out == "" and str(got) in result.err  # a note, not a result
    assert got.read_bytes().startswith(b"A letter") and _mode(got) == 0o600

    doc = tmp_path / "declaration.docx"
    cli("render", case_id, "--doc", "declaration", "--format", "docx", "--out", str(doc)).ok()
    assert doc.read_bytes()[:2] == b"PK" and _mode(doc) == 0o600

    folder = tmp_path / "packet"
    parts = cli("evidence", "packet", case_id, "--out-dir", str(folder)).ok().out.splitlines()
    assert parts == [str(folder / "exhibits.pdf")]  # the names we chose, for a script
    assert _mode(folder / "exhibits.pdf") == 0o600 and _mode(folder) == 0o700


@pytest.mark.usefixtures("open_umask")
def test_an_existing_file_is_narrowed_before_it_is_written(tmp_path: Path) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old content, readable by all")
    target.chmod(0o644)
    write_private(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o600


def test_a_symlink_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    (tmp_path / "link").symlink_to(victim)
    with pytest.raises(OSError):
        write_private(tmp_path / "link", b"overwritten")
    assert victim.read_bytes() == b"keep me"


def test_a_symlink_as_out_is_one_line(cli: Run, sample_case: tuple[str, str],
                                      tmp_path: Path) -> None:
    case_id, evidence_id = sample_case
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    cli("evidence", "get", case_id, evidence_id, "--out", str(tmp_path / "link")).failed()
    assert not (tmp_path / "elsewhere").exists()
