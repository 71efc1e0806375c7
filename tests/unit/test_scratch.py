"""The private scratch directory: one per process, 0700, gone after use, and the leftovers of a
killed run (ours only: prefix, owner, lock no longer held) removed at the next start."""

from __future__ import annotations

import fcntl
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from asylum_prep import scratch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Scratch space based in `tmp_path`, as if this process had not used it yet."""
    monkeypatch.setattr(scratch, "RAM_DIR", tmp_path)
    monkeypatch.setattr(scratch, "_state", {})
    yield tmp_path
    scratch.cleanup()


def run_python(code: str, base: Path) -> subprocess.CompletedProcess[str]:
    script = f"from pathlib import Path\nfrom asylum_prep import scratch\n" \
             f"scratch.RAM_DIR = Path({str(base)!r})\n{code}"
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)


def test_private_directory_in_the_base_with_mode_0700(fresh: Path) -> None:
    root = scratch.root()
    assert root.parent == fresh and root.name.startswith(scratch.PREFIX)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert scratch.root() == root  # one per process
    with scratch.job("x") as job:
        assert job.parent == root and stat.S_IMODE(job.stat().st_mode) == 0o700
        (job / "plain.txt").write_text("statement")
    assert not job.exists()
    scratch.cleanup()
    assert not root.exists()


def test_job_directory_removed_when_the_job_fails(fresh: Path) -> None:
    with pytest.raises(RuntimeError), scratch.job() as job:
        (job / "half.pdf").write_bytes(b"%PDF-")
        raise RuntimeError("conversion failed")
    assert not job.exists()


def test_falls_back_to_the_temporary_directory_without_dev_shm(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scratch, "RAM_DIR", tmp_path / "no-shm")
    monkeypatch.setattr(scratch.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(scratch, "_state", {})
    try:
        assert scratch.root().parent == tmp_path
    finally:
        scratch.cleanup()
    assert list(tmp_path.iterdir()) == []


def test_nothing_remains_after_the_process_exits(tmp_path: Path) -> None:
    out = run_python("with scratch.job() as j:\n    (j / 'a').write_text('x')\n"
                     "print(scratch.root())", tmp_path)
    assert Path(out.stdout.strip()).parent == tmp_path
    assert list(tmp_path.iterdir()) == []


def _leftover(base: Path, name: str) -> Path:
    path = base / name
    path.mkdir(mode=0o700)
    (path / scratch.LOCK_NAME).touch()
    (path / "document.docx").write_bytes(b"the applicant's statement")
    return path


def test_leftovers_of_killed_runs_removed_at_start_and_nothing_else(fresh: Path) -> None:
    dead = _leftover(fresh, f"{scratch.PREFIX}999999-dead")
    alive = _leftover(fresh, f"{scratch.PREFIX}1-alive")
    other_user = _leftover(fresh, f"{scratch.PREFIX}2-other")
    not_ours = _leftover(fresh, "someone-elses-dir")
    target = _leftover(fresh, "target")
    link = fresh / f"{scratch.PREFIX}3-link"
    link.symlink_to(target)
    held = os.open(alive / scratch.LOCK_NAME, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as a live process holds its own
    if os.getuid() == 0:
        os.chown(other_user, 65534, 65534)
    try:
        root = scratch.root()
    finally:
        os.close(held)
    assert not dead.exists()
    assert alive.exists() and not_ours.exists() and link.is_symlink() and target.exists()
    if os.getuid() == 0:
        assert other_user.exists()
    assert sorted(p.name for p in fresh.iterdir()) == sorted(
        p.name for p in (alive, other_user, not_ours, target, link, root)
        if p.exists() or p.is_symlink())


def test_unlocked_directory_being_made_right_now_is_left_alone(fresh: Path) -> None:
    young = fresh / f"{scratch.PREFIX}4-young"
    young.mkdir()  # no lock file yet, just made: another process is about to lock it
    old = fresh / f"{scratch.PREFIX}5-old"
    old.mkdir()
    os.utime(old, (1, 1))
    scratch.root()
    assert young.exists() and not old.exists()
