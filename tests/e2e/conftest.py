"""Browser end-to-end harness: a real `streamlit run` on a free loopback port, on a fresh data
dir, polled until healthy; Debian's Chromium driven by Playwright (no browser download).
Screenshots of every step go to test-artifacts/e2e/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support import People, make_people

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM = os.environ.get("ASYLUM_PREP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    log: Path


STREAMLIT_RUN = (sys.executable, "-m", "streamlit", "run")
APP = ROOT / "asylum_prep" / "serve_app.py"  # app.py as `asylum-prep serve` serves it


def start_server(data_dir: Path, log: Path, env_extra: dict[str, str] | None = None, *,
                 launcher: tuple[str, ...] = STREAMLIT_RUN, app: Path = APP) -> Server:
    """The app on a free loopback port, polled until healthy. `launcher` is the command that
    takes `streamlit run`'s arguments (the load benchmark's probed server, for one); `app` the
    script it serves (a test's own small script, for one)."""
    port = free_port()
    env = {**os.environ, "ASYLUM_PREP_DATA_DIR": str(data_dir), **(env_extra or {})}
    cmd = [*launcher, str(app),
           "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:  # noqa: S310 (loopback)
                if resp.status == 200:
                    return Server(url, data_dir, proc, log)
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy in 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    base = tmp_path_factory.mktemp("e2e")
    srv = start_server(base / "data", base / "server.log")
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    folder = ARTIFACTS / request.node.name.replace("/", "_")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def seeded(server: Server) -> People:
    """The people of a case with the fictional sample answers, on the server's data dir."""
    from asylum_prep.config import load_settings
    from asylum_prep.samples import load_sample
    from asylum_prep.services import cases
    from asylum_prep.storage.engine import open_store

    old = os.environ.get("ASYLUM_PREP_DATA_DIR")
    os.environ["ASYLUM_PREP_DATA_DIR"] = str(server.data_dir)
    try:
        store = open_store(load_settings())
        people = make_people(store)
        cases.save_record(store, people.attorney, people.case_id, record=load_sample(),
                          base_version=1)
        store.close()
    finally:
        if old is None:
            os.environ.pop("ASYLUM_PREP_DATA_DIR", None)
        else:
            os.environ["ASYLUM_PREP_DATA_DIR"] = old
    return people
