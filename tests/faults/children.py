"""Helpers for fault tests: child processes we start, read and kill, and store checks.

Every wait is bounded; every child is killed and reaped by the fixture that made it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from asylum_prep.storage.engine import Store

SAVER = Path(__file__).with_name("saver.py")
REPO = Path(__file__).resolve().parents[2]


class Child:
    """A running child process whose stdout lines are collected by a reader thread."""

    def __init__(self, cmd: list[str], *, env: dict[str, str] | None = None) -> None:
        self._stderr = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=self._stderr, text=True, cwd=REPO,
            env={**os.environ, **(env or {})},
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, ready: Callable[[list[str]], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if ready(self.lines):
                return
            if self.proc.poll() is not None:
                self._reader.join(5)
                if ready(self.lines):
                    return
                raise AssertionError(f"child exited ({self.proc.returncode}): {self.stderr()}")
            time.sleep(0.02)
        raise AssertionError(f"child not ready after {timeout}s: {self.lines[-3:]} {self.stderr()}")

    def kill(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(timeout=30)
        self._reader.join(10)
        return code

    def finish(self, timeout: float = 120) -> int:
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = self.kill()
        self._reader.join(10)
        return code

    def stderr(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read()[-3000:]

    def acks(self) -> list[tuple[int, str, str]]:
        out = []
        for line in self.lines:
            if line.startswith("ACK "):
                _, version, field, value = line.split(" ", 3)
                out.append((int(version), field, value))
        return out


def saver(data_dir: Path, case_id: str, username: str, password: str, field: str, tag: str,
          count: int = 100_000, database_url: str | None = None,
          prefix: list[str] | None = None) -> Child:
    cmd = [*(prefix or []), sys.executable, str(SAVER), str(data_dir), case_id, username,
           password, field, tag, str(count)]
    if database_url:
        cmd.append(database_url)
    return Child(cmd)


def sqlite_integrity(store: Store) -> str:
    with store.engine.connect() as conn:
        return str(conn.execute(text("PRAGMA integrity_check")).scalar())
