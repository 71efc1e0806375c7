"""Nothing calls out: the server started exactly as `asylum-prep serve` starts it, and pages
in Chromium, reach nothing but 127.0.0.1. Also when a page of another site opens a WebSocket to
the app (Streamlit once looked up this machine's addresses on the network to judge it).

The server's Python records, and refuses, every name lookup and every connection or datagram
off the machine (tests/e2e/outbound_hook/sitecustomize.py, on PYTHONPATH for this server
only); the browser records, and aborts, every request not to the server. The tab's icon is the
app's own, not a picture from a font site."""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from asylum_prep.cli.commands_admin import serve_command
from asylum_prep.config import load_settings
from asylum_prep.samples import load_sample
from asylum_prep.services import cases
from asylum_prep.storage.engine import open_store
from asylum_prep.ui import state
from asylum_prep.ui.chrome import APP_ICON
from tests.e2e.conftest import CHROMIUM, free_port
from tests.e2e.ui import click, fill, open_page, settle
from tests.support import PASSWORD, People, make_people

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

HOOK = Path(__file__).resolve().parent / "outbound_hook"
ATTACKER = "http://attacker.example"
CROSS_ORIGIN_PAGE = """<!doctype html><script>
window.outcome = "pending";
const ws = new WebSocket("WS_URL");
ws.onopen = () => { window.outcome = "open"; };
ws.onerror = () => { if (window.outcome === "pending") window.outcome = "refused"; };
ws.onclose = () => { if (window.outcome === "pending") window.outcome = "refused"; };
</script>"""


@dataclass
class Served:
    url: str
    people: People
    net_log: Path


def _lines(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    base = tmp_path_factory.mktemp("outbound")
    data, net_log = base / "data", base / "net.log"
    store = open_store(load_settings(data_dir=data))
    people = make_people(store)
    cases.save_record(store, people.attorney, people.case_id, record=load_sample(),
                      base_version=1)  # dated events: the dashboard draws its timeline
    store.close()
    port = free_port()
    argv, env, cwd = serve_command(argparse.Namespace(port=port, address="127.0.0.1",
                                                      data_dir=str(data)))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HOOK), env.get("PYTHONPATH")]))
    env["ASYLUM_PREP_TEST_NET_LOG"] = str(net_log)
    # The hook works: a lookup of another host, in a Python started like the server, is
    # refused and written down.
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo("
                            "'example.org', 80)"], env=env, capture_output=True, check=False)
    assert probe.returncode != 0 and _lines(net_log) == [["getaddrinfo", "'example.org'"]]
    net_log.unlink()
    log = base / "server.log"
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()[-2000:]
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):  # noqa: S310
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not become healthy"
                time.sleep(0.3)
        yield Served(url, people, net_log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _handshake(url: str, origin: str) -> str:
    """A WebSocket handshake with the app's stream, as a page of `origin` would send it: the
    status line of the answer."""
    parts = urlsplit(url)
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: {parts.netloc}\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
               f"Sec-WebSocket-Protocol: streamlit\r\nOrigin: {origin}\r\n\r\n")
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as conn:
        conn.sendall(request.encode())
        return conn.recv(4096).decode("latin-1").split("\r\n")[0]


def test_nothing_leaves_the_machine(served: Served, browser) -> None:
    app_origin = urlsplit(served.url)
    foreign: list[str] = []
    context = browser.new_context()

    def route(r) -> None:  # type: ignore[no-untyped-def]
        parts = urlsplit(r.request.url)
        if (parts.hostname, parts.port) == (app_origin.hostname, app_origin.port):
            r.continue_()
        elif r.request.url.startswith(ATTACKER):
            ws_url = served.url.replace("http://", "ws://") + "/_stcore/stream"
            r.fulfill(status=200, content_type="text/html",
                      body=CROSS_ORIGIN_PAGE.replace("WS_URL", ws_url))
        else:
            foreign.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = open_page(context)
    page.goto(served.url)
    settle(page)
    icon = page.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\").href")
    assert icon == APP_ICON, icon  # our own picture, inside the page: nothing is fetched
    fill(page, state.W_SIGNIN_USER, served.people.applicant.username)
    fill(page, state.W_SIGNIN_PASSWORD, PASSWORD)
    click(page, state.W_SIGNIN_SUBMIT)
    click(page, state.W_APPLICANT_CONTINUE)  # the wizard: icons, progress, notices
    page.wait_for_timeout(1000)

    # The attorney's case dashboard (tables, expanders, a chart), in a browser of her own: a
    # new tab of the applicant's would open signed in as the applicant.
    staff_context = browser.new_context()
    staff_context.route("**/*", route)
    staff = open_page(staff_context)
    staff.goto(served.url)
    settle(staff)
    fill(staff, state.W_SIGNIN_USER, served.people.attorney.username)
    fill(staff, state.W_SIGNIN_PASSWORD, PASSWORD)
    click(staff, state.W_SIGNIN_SUBMIT)
    staff.locator("[class*='st-key-w_case_open_'] button").first.click()
    settle(staff)
    staff.locator("[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']") \
        .first.wait_for(timeout=30_000)
    staff.wait_for_timeout(1000)

    assert _handshake(served.url, ATTACKER).startswith("HTTP/1.1 403")  # CORS protection is on
    other = open_page(context)  # another web site tries to talk to the app, in a browser
    other.goto(ATTACKER + "/")
    other.wait_for_function("() => window.outcome !== 'pending'", timeout=15_000)
    assert other.evaluate("() => window.outcome") == "refused"
    other.wait_for_timeout(2000)  # the server has judged the origin by now
    context.close()
    staff_context.close()

    assert foreign == []
    assert _lines(served.net_log) == []
