"""The one place on disk where this process may write temporary files.

Every temporary path the app makes (today: LibreOffice's working files when a Word document
is converted) lives inside one private directory per process:

- in RAM (/dev/shm, a tmpfs on Linux) when there is one, so an applicant's plaintext never
  reaches a disk that could keep it after deletion; the system's temporary directory only
  where /dev/shm is missing or not writable;
- named `asylum-prep-scratch-<pid>-<random>`, mode 0700, owned by us;
- removed when the process exits normally (atexit), and each job's own subdirectory is
  removed as soon as the job ends (`job()`, a try/finally);
- locked: the process holds an exclusive `flock` on a file inside it for as long as it lives.
  The kernel drops that lock when the process dies, however it dies (SIGKILL included), so
  at start-up every directory with our prefix, owned by our user and no longer locked, is a
  leftover of an earlier run that was killed, and is removed. A live process's directory is
  never touched, whatever its process id.
"""

from __future__ import annotations

import atexit
import fcntl
import logging
import os
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "asylum-prep-scratch-"
LOCK_NAME = ".lock"
UNLOCKED_GRACE_S = 60
RAM_DIR = Path("/dev/shm")  # noqa: S108 - chosen on purpose: memory-backed, see above

log = logging.getLogger(__name__)

_guard = threading.Lock()
_state: dict[str, object] = {}  # "dir": Path, "pid": int, "lock": int (an open fd)


def base_dir() -> Path:
    """Where the private directory is made: /dev/shm when usable, else the system temp dir."""
    if RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK | os.X_OK):
        return RAM_DIR
    return Path(tempfile.gettempdir())


def _is_leftover(path: Path) -> bool:
    """Ours (prefix, a real directory, owned by our user) and no live process holds its lock."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    try:
        fd = os.open(path / LOCK_NAME, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        # Killed between making the directory and locking it, or being made right now by
        # another process (a matter of microseconds): only an old one is a leftover.
        return time.time() - info.st_mtime > UNLOCKED_GRACE_S
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # a live process holds it
    finally:
        os.close(fd)  # closing releases the lock we may have taken
    return True


def remove_leftovers(base: Path | None = None) -> list[Path]:
    """Remove the scratch directories of earlier runs that were killed; returns them."""
    where = base or base_dir()
    mine = _state.get("dir")
    removed: list[Path] = []
    try:
        entries = list(where.iterdir())
    except OSError:
        return removed
    for path in entries:
        if not path.name.startswith(PREFIX) or path == mine or not _is_leftover(path):
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            removed.append(path)
            log.info("removed a leftover scratch directory of a killed run: %s", path.name)
    return removed


def root() -> Path:
    """This process's private scratch directory (made, locked and registered on first use;
    leftovers of killed runs are removed first)."""
    with _guard:
        current = _state.get("dir")
        if isinstance(current, Path) and _state.get("pid") == os.getpid() and current.is_dir():
            return current
        base = base_dir()
        remove_leftovers(base)
        path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
        os.chmod(path, 0o700)
        fd = os.open(path / LOCK_NAME, os.O_CREAT | os.O_RDWR | os.O_NOFOLLOW, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.set_inheritable(fd, False)
        _state.update(dir=path, pid=os.getpid(), lock=fd)
        return path


def cleanup() -> None:
    """Remove this process's scratch directory (registered with atexit)."""
    with _guard:
        path, pid, fd = _state.get("dir"), _state.get("pid"), _state.get("lock")
        if pid != os.getpid():
            return  # a forked child never removes its parent's directory
        _state.clear()
    if isinstance(path, Path):
        shutil.rmtree(path, ignore_errors=True)
    if isinstance(fd, int):
        try:
            os.close(fd)
        except OSError:
            pass


atexit.register(cleanup)


@contextmanager
def job(name: str = "job") -> Iterator[Path]:
    """A fresh private subdirectory (mode 0700) for one job, removed when the job ends."""
    path = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=root()))
    try:
        os.chmod(path, 0o700)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
