"""End to end through the installed console script `.venv/bin/asylum-prep` in subprocesses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "asylum-prep"
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASYLUM_PREP_")}
    env["PYTHONWARNINGS"] = "ignore"
    return env


def _run(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, text=True, env=_env(), timeout=120, check=False)


def test_sample_export_import_and_refusals(tmp_path: Path) -> None:
    data = tmp_path / "data"
    created = _run(data, "case", "create", "--title", "Script client", "--sample")
    assert created.returncode == 0, created.stderr
    case_id = created.stdout.strip()
    archive = tmp_path / "c.bin"
    exported = _run(data, "case", "export", case_id, "--out", str(archive), "--passphrase-stdin",
                    stdin="a passphrase for tests\n")
    assert exported.returncode == 0, exported.stderr
    wrong = _run(data, "case", "import", str(archive), "--passphrase-stdin", stdin="nope nope\n")
    assert wrong.returncode == 1 and wrong.stdout == ""
    assert wrong.stderr.count("\n") == 1 and "Traceback" not in wrong.stderr
    imported = _run(data, "case", "import", str(archive), "--passphrase-stdin",
                    stdin="a passphrase for tests\n")
    assert imported.returncode == 0, imported.stderr
    ids = (case_id, imported.stdout.strip())
    shown = [_run(data, "case", "show", i, "--json").stdout for i in ids]
    assert shown[0] == shown[1] and "FICTIONAL SAMPLE" in shown[0]
    bad = _run(data, "case", "show")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_on_localhost(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603
        [str(SCRIPT), "--data-dir", str(tmp_path / "data"), "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=_env(), text=True,
    )
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/_stcore/health"
                with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                    status = response.status
                    break
            except OSError:
                time.sleep(0.5)
        assert status == 200, proc.stdout.read() if proc.poll() is not None and proc.stdout else ""
        assert (tmp_path / "data" / "master.key").exists()  # the store was opened before serving
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
