"""The documented multi-server deployment, shown working on loopback: one PostgreSQL database,
two replicas started by deploy/run-replicas.sh, nginx running deploy/nginx.conf (its TLS,
redirect and path sections swapped for loopback ones by their markers).

Checks: health and the app page answer through nginx; the WebSocket upgrade to
/_stcore/stream passes through; both replicas serve; a browser keeping its ap_route cookie
always reaches the same replica while new browsers are spread over both (read from nginx's
access log, which records $upstream_addr); and a case saved through one replica's settings
is read through the other's (one database, one master key).

Needs nginx (`apt-get install -y nginx-light`) and ASYLUM_PREP_TEST_POSTGRES_URL; skipped,
saying which, otherwise."""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import pytest

from asylum_prep.config import Settings
from asylum_prep.services import cases, users
from asylum_prep.services.actor import Role
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import open_store
from tests.conftest import _fresh_pg_database, _postgres_url
from tests.faults.children import REPO, Child

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
TEMPLATE = REPO / "deploy" / "nginx.conf"
SCRIPT = REPO / "deploy" / "run-replicas.sh"

pytestmark = [
    pytest.mark.skipif(NGINX is None,
                       reason="nginx is not installed (apt-get install -y nginx-light)"),
    pytest.mark.skipif(not _postgres_url(), reason="needs ASYLUM_PREP_TEST_POSTGRES_URL"),
    pytest.mark.xdist_group("deployment"),  # one worker starts the servers once
]


def _free_port_run(n: int) -> int:
    """A first port such that it and the n - 1 after it are free (run-replicas.sh counts up)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + n > 65535:
            continue
        socks = []
        try:
            for port in range(first, first + n):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise AssertionError("no run of free ports")


def _get(url: str, cookie: str | None = None, timeout: float = 10) -> tuple[int, str, Message]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback
        return response.status, response.read().decode("utf-8", "replace"), response.headers


def _wait_ok(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            if _get(url, timeout=3)[0] == 200:
                return
        except OSError as exc:
            last = exc
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {timeout}s: {last}")


def _section(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"^[ \t]*# BEGIN {name}\n.*?^[ \t]*# END {name}\n", re.S | re.M)
    assert pattern.search(text), f"deploy/nginx.conf lost its '# BEGIN {name}' markers"
    return pattern.sub(lambda _m: body + "\n", text)


def render_nginx_conf(prefix: Path, listen: int, replicas: list[int]) -> str:
    """deploy/nginx.conf for loopback: plain HTTP, private paths, the given replicas."""
    text = TEMPLATE.read_text()
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach the temp dirs
    text = _section(text, "paths",
                    f"{user}pid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;")
    temp = "\n".join(f"    {kind}_temp_path {prefix}/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    text = _section(text, "http-paths", f"    access_log {prefix}/access.log routed;\n{temp}")
    text = _section(text, "replicas", "\n".join(
        f"        server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;" for port in replicas))
    text = _section(text, "redirect", "")
    text = _section(text, "listen",
                    f"        listen 127.0.0.1:{listen};\n        server_name localhost;")
    return _section(text, "tls", "")


@pytest.fixture(scope="module")
def deployment(tmp_path_factory) -> Iterator[dict]:
    tmp = tmp_path_factory.mktemp("deploy")
    url = _fresh_pg_database(_postgres_url() or "")
    key = base64.b64encode(crypto.new_key()).decode()
    first = _free_port_run(3)
    proxy_port, replicas = first + 2, [first, first + 1]
    env = {**os.environ, "ASYLUM_PREP_DATABASE_URL": url, "ASYLUM_PREP_MASTER_KEY": key,
           "ASYLUM_PREP_RUN_DIR": str(tmp / "run"),
           "ASYLUM_PREP_BIN": str(Path(sys.executable).with_name("asylum-prep"))}
    script = subprocess.Popen(["bash", str(SCRIPT), str(len(replicas)), str(replicas[0])],
                              cwd=REPO, env=env, start_new_session=True,
                              stdout=open(tmp / "replicas.out", "w"), stderr=subprocess.STDOUT)
    nginx: Child | None = None
    try:
        yield_data = {"tmp": tmp, "url": url, "key": key, "proxy": proxy_port,
                      "replicas": replicas}
        for port in yield_data["replicas"]:
            _wait_ok(f"http://127.0.0.1:{port}/_stcore/health")
        prefix = tmp / "nginx"
        for kind in ("", "client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / kind).mkdir(parents=True, exist_ok=True)
        conf = prefix / "nginx.conf"
        conf.write_text(render_nginx_conf(prefix, proxy_port, yield_data["replicas"]))
        check = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(prefix)],
                               capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr
        nginx = Child([NGINX, "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"])
        _wait_ok(f"http://127.0.0.1:{proxy_port}/_stcore/health", timeout=30)
        yield_data["access_log"] = prefix / "access.log"
        yield yield_data
    finally:
        if nginx is not None:
            nginx.proc.send_signal(signal.SIGQUIT)
            try:
                nginx.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                nginx.kill()
        if script.poll() is None:
            os.killpg(script.pid, signal.SIGTERM)
            try:
                script.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(script.pid, signal.SIGKILL)
                script.wait(timeout=10)


def _upstreams(log: Path, since: int, path: str = "/_stcore/health") -> list[str]:
    """The replicas that answered GET `path` since line `since`. Only that path: nginx logs a
    WebSocket when it closes, so another test's stream can land in the lines read here."""
    time.sleep(0.2)  # nginx writes the line when the response is done
    lines = log.read_text().splitlines()[since:]
    return [m.group(1) for line in lines if f'"GET {path}"' in line
            and (m := re.search(r"upstream=(\S+)", line))]


def _log_len(log: Path) -> int:
    return len(log.read_text().splitlines())


def test_health_and_app_page_through_nginx(deployment):
    base = f"http://127.0.0.1:{deployment['proxy']}"
    status, body, headers = _get(f"{base}/_stcore/health")
    assert (status, body.strip()) == (200, "ok")
    status, body, headers = _get(f"{base}/")
    assert status == 200 and '<div id="root">' in body
    assert headers.get("X-Frame-Options") == "DENY"
    assert any(c.startswith("ap_route=") for c in headers.get_all("Set-Cookie") or [])
    assert "nginx/" not in headers.get("Server", "")  # server_tokens off


def test_both_replicas_serve_the_app(deployment):
    for port in deployment["replicas"]:
        status, body, _ = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and '<div id="root">' in body


def test_websocket_upgrade_passes_through_nginx(deployment):
    with socket.create_connection(("127.0.0.1", deployment["proxy"]), timeout=10) as sock:
        sock.sendall(
            b"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: streamlit\r\n"
            b"Cookie: ap_route=websocket-client\r\n\r\n")
        head = sock.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 101"), head[:200]


def test_sessions_are_sticky_and_new_browsers_are_spread(deployment):
    base = f"http://127.0.0.1:{deployment['proxy']}/_stcore/health"
    log = deployment["access_log"]
    start = _log_len(log)
    for _ in range(20):
        _get(base, cookie="ap_route=one-browser")
    same = _upstreams(log, start)
    assert len(same) == 20 and len(set(same)) == 1, Counter(same)

    start = _log_len(log)
    for i in range(30):
        _get(base, cookie=f"ap_route=browser-{i}")
    spread = Counter(_upstreams(log, start))
    expected = {f"127.0.0.1:{port}" for port in deployment["replicas"]}
    assert set(spread) == expected, spread  # every replica takes new browsers

    # A browser without the cookie gets one, and keeps its replica with it.
    start = _log_len(log)
    _, _, headers = _get(base)
    route = next(c for c in headers.get_all("Set-Cookie") or [] if c.startswith("ap_route="))
    cookie = route.split(";")[0].split("=", 1)[1]
    for _ in range(10):
        _get(base, cookie=f"ap_route={cookie}")
    first, *rest = _upstreams(log, start)
    assert rest and set(rest) == {first}


def test_a_case_saved_through_one_replica_is_read_through_the_other(deployment):
    def replica_store(port: int):
        return open_store(Settings(data_dir=deployment["tmp"] / "run" / f"replica-{port}",
                                   database_url=deployment["url"], master_key=deployment["key"]))

    one, two = (replica_store(port) for port in deployment["replicas"])
    try:
        if users.needs_first_admin(one):
            users.create_first_admin(one, username="admin", password="a long test password")
        admin = users.sign_in(two, username="admin", password="a long test password")
        attorney = users.create_user(two, admin, username="attorney",
                                     password="a long test password", role=Role.attorney)
        case_id = cases.create_case(one, attorney, title="Replicated case")
        opened = cases.open_case(one, attorney, case_id)
        record = opened.record.model_copy(deep=True)
        record.about.family_name = "Karimi"
        cases.save_record(one, attorney, case_id, record=record, base_version=opened.version)
        seen = cases.open_case(two, attorney, case_id)
        assert (seen.title, seen.record.about.family_name, seen.version) == (
            "Replicated case", "Karimi", 2)
        replica_dir = deployment["tmp"] / "run" / f"replica-{deployment['replicas'][0]}"
        assert not (replica_dir / "master.key").exists()  # the key came from the environment
    finally:
        one.close()
        two.close()
