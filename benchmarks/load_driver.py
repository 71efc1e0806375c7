"""The load driver: N applicants editing their wizard answers at once, each a Streamlit
websocket session (benchmarks/streamlit_client.py: the frontend's protocol without a browser),
against a real `streamlit run` on loopback; then every acknowledged answer checked in storage.

Used by benchmarks/bench_load.py (25 sessions x 2 minutes) and tests/e2e/test_load_smoke.py
(3 sessions x 15 seconds); seeding and the checks live in load_store.py, the server's probe in
load_server.py. Each session signs in with its invite code, goes on with "Your story" and
walks the first three questions (given names -> family name -> name in own alphabet and back),
typing a new answer on every screen and leaving the box, as a browser's Tab would. An edit is
acknowledged when the run that answers it finishes having shown "Saved."; edit->saved is the
time from sending the change to that run's end (the page idle again). The server's share comes
from the probe (when the change arrived) and the `case_save` audit event (when the save was
written).

Why not browsers: 25 Chromium pages took 1.7 of the machine's 2 cores, so they measured the
browsers' CPU starvation rather than the server (benchmarks/RESULTS.md of 2026-11-21). The
browser itself is proven by the end-to-end journey (tests/e2e/test_full_journey.py).

Bounded: the run, every wait and the whole driver have time limits; the server is stopped in
`finally`; the only traffic is to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from load_store import PASSWORD, Edit, LoadResult, seed, verify  # noqa: E402
from streamlit_client import Run, StreamlitClient  # noqa: E402

from tests.e2e.conftest import Server, start_server, stop_server  # noqa: E402

PREFIX = "w_wz_a_"
MOVES = ("w_wz_next", "w_wz_next", "w_wz_back", "w_wz_back")
SCREENS = ("about.given_names", "about.family_name", "about.name_native_script",
           "about.family_name")  # the screen each move starts from
WAIT_S = 30.0


# --- processes -----------------------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return out


def _status_kb(pid: int, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_s(pids: list[int]) -> float:
    total = 0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    return sum(_status_kb(p, "VmHWM") for p in _tree(pid)) / 1024


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --- one session ---------------------------------------------------------------------------

def _screen(run: Run) -> str:
    """The answer the wizard screen asks for: its box's key without the prefix."""
    keys = [k for k in run.widgets if k.startswith(PREFIX)]
    return keys[0][len(PREFIX):] if len(keys) == 1 else f"? {keys}"


def _check(run: Run, n: int, where: str, result: LoadResult) -> None:
    for text in run.errors:
        result.errors.append(f"session {n} {where}: {text[:200]}")


async def _sign_in(client: StreamlitClient, username: str, n: int, result: LoadResult) -> None:
    _check(await client.rerun(), n, "first page", result)
    run = await client.submit_form({"w_signin_user": username, "w_signin_password": PASSWORD},
                                   "w_signin_submit")
    _check(run, n, "sign-in", result)
    _check(await client.click("w_applicant_continue"), n, "welcome", result)


async def _edit_loop(client: StreamlitClient, n: int, case_id: str, deadline: float,
                     think_s: float, result: LoadResult) -> None:
    step = 0
    while time.monotonic() < deadline:
        path = _screen(client.last)
        if path != SCREENS[step % len(SCREENS)]:
            result.errors.append(f"session {n}: on {path}, expected {SCREENS[step % 4]}")
            return
        value = f"Load s{n} e{step} {time.time():.3f}"
        sent = time.time()
        t0 = time.perf_counter()
        run = await client.type_text(PREFIX + path, value)
        saved = ("success", "Saved.") in run.alerts
        ms = (run.finished_at - t0) * 1000 if saved else None
        result.edits.append(Edit(n, case_id, path, value, sent, ms))
        if not saved:
            result.errors.append(f"session {n}: the run after editing {path} showed no 'Saved.'")
        _check(run, n, f"edit {path}", result)
        if think_s:
            await asyncio.sleep(think_s)
        _check(await client.click(MOVES[step % len(MOVES)]), n, "move", result)
        step += 1
        if think_s:
            await asyncio.sleep(think_s)


class _Gate:
    """Waits until all `parties` arrived; the last one runs `action` first."""

    def __init__(self, parties: int, action: Callable[[], None]) -> None:
        self.left, self.action, self.open = parties, action, asyncio.Event()

    async def wait(self) -> None:
        self.left -= 1
        if self.left == 0:
            self.action()
            self.open.set()
        await self.open.wait()


async def _session(url: str, n: int, person: tuple[str, str], signed_in: _Gate,
                   sem: asyncio.Semaphore, start: list[float], seconds: float, think_s: float,
                   result: LoadResult) -> None:
    case_id, username = person
    async with StreamlitClient(url, timeout_s=WAIT_S) as client:
        try:
            async with sem:  # sign in a few at a time (password hashing is heavy)
                await _sign_in(client, username, n, result)
        finally:
            await signed_in.wait()  # everyone starts editing together
        await _edit_loop(client, n, case_id, start[0] + seconds, think_s, result)


async def _drive(url: str, people: list[tuple[str, str]], seconds: float, think_s: float,
                 result: LoadResult, server_pid: int) -> None:
    sem = asyncio.Semaphore(4)
    start: list[float] = []

    def begin() -> None:  # the last session to sign in starts the clock
        start.append(time.monotonic())
        result.loadavg_start = _loadavg()
        result.server_cpu_s = -_cpu_s([server_pid])
        result.client_cpu_s = -_cpu_s([os.getpid()])

    signed_in = _Gate(len(people), begin)
    outcomes = await asyncio.gather(
        *(_session(url, n, person, signed_in, sem, start, seconds, think_s, result)
          for n, person in enumerate(people)), return_exceptions=True)
    result.window_s = time.monotonic() - start[0] if start else 0.0
    result.server_cpu_s += _cpu_s([server_pid])
    result.client_cpu_s += _cpu_s([os.getpid()])
    result.loadavg_end = _loadavg()
    for n, out in enumerate(outcomes):
        if isinstance(out, BaseException):
            result.errors.append(f"session {n}: {type(out).__name__}: {str(out)[:300]}")


def start_probed_server(data_dir: Path, log: Path, trace: Path) -> Server:
    """`streamlit run` of the app through benchmarks/load_server.py (one probe: arrival times
    of widget changes), on a free loopback port, polled until healthy."""
    probed = (sys.executable, str(Path(__file__).with_name("load_server.py")))
    return start_server(data_dir, log, {"ASYLUM_PREP_LOAD_TRACE": str(trace)}, launcher=probed)


def run_load(sessions: int, seconds: float, *, think_s: float = 0.0,
             log_dir: Path | None = None) -> LoadResult:
    """Seed, serve, drive, stop, verify. The whole run is bounded by seconds + 10 minutes."""
    result = LoadResult(sessions, seconds)
    with tempfile.TemporaryDirectory(prefix="asylum-load-") as tmp:
        data_dir = Path(tmp) / "data"
        people = seed(data_dir, sessions)
        result.users = dict(people)
        log = (log_dir or Path(tmp)) / "load-server.log"
        trace = Path(tmp) / "arrivals.txt"
        server = start_probed_server(data_dir, log, trace)
        try:
            asyncio.run(asyncio.wait_for(
                _drive(server.url, people, seconds, think_s, result, server.process.pid),
                timeout=seconds + 600))
            result.server_peak_rss_mb = peak_rss_mb(server.process.pid)
        finally:
            stop_server(server)
        verify(data_dir, result, trace)
    return result
