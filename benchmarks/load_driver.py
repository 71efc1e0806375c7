"""The load driver: N applicants editing their wizard answers at once in one real Chromium,
against a real `streamlit run` on loopback, then every acknowledged answer checked in storage.

Used by benchmarks/bench_load.py (25 sessions x 2 minutes) and tests/e2e/test_load_smoke.py
(3 sessions x 15 seconds); seeding and the checks live in load_store.py, the server's probe in
load_server.py. Each session signs in with its invite code, goes on with "Your story" and
walks the first three questions (given names -> family name -> name in own alphabet and back),
typing a new answer on every screen and pressing Tab. An edit is acknowledged when the page
shows "Saved." and Streamlit is idle again; edit->saved is timed in the page (Tab keydown to
that moment, watched by a MutationObserver). The server's share comes from the probe (when
the change arrived) and the `case_save` audit event (when the save was written).

Bounded: the run, every wait and the whole driver have time limits; the server and browser
are stopped in `finally`; the only traffic is to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from load_store import PASSWORD, Edit, LoadResult, seed, verify  # noqa: E402

from tests.e2e.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    free_port,
    stop_server,
)

PREFIX = "w_wz_a_"
MOVES = ("w_wz_next", "w_wz_next", "w_wz_back", "w_wz_back")
SCREENS = ("about.given_names", "about.family_name", "about.name_native_script",
           "about.family_name")  # the screen each move starts from
WAIT_MS = 30_000
FAILURES = ROOT / "test-artifacts" / "load"
IDLE = ("(() => { const a = document.querySelector('[data-testid=\"stApp\"]');"
        " return !!a && a.getAttribute('data-test-script-state') === 'notRunning'"
        " && a.getAttribute('data-test-connection-state') === 'CONNECTED'; })()")
# In every page: the time of the last Tab keydown (edit->saved is timed from it).
PAGE_INIT = """window.__tabAt = 0;
document.addEventListener('keydown', (e) => {
  if (e.key === 'Tab') window.__tabAt = performance.now(); }, true);"""
# Waits key on what the action must show, not on a "running" state: under load the browser
# may handle a run's start and end in one render, so the state never reads "running", and a
# wait for "idle" alone can end before the server has started the run.
READY = "(sel) => !!document.querySelector(sel) && IDLE".replace("IDLE", IDLE)
# Resolves with ms from the last Tab keydown to "Saved." shown with the app idle (-2: an error
# shown instead; -1: neither within the limit). Each edit is made on a screen just opened,
# which shows no notice yet.
WAIT_SAVED_JS = """(limit) => new Promise((resolve) => {
  const result = () => {
    if (!IDLE) return null;
    const ok = [...document.querySelectorAll('[data-testid=stAlertContentSuccess]')]
      .some((e) => e.innerText.includes('Saved.'));
    if (ok) return performance.now() - window.__tabAt;
    return document.querySelector('[data-testid=stAlertContentError]') ? -2 : null;
  };
  const first = result();
  if (first !== null) { resolve(first); return; }
  const obs = new MutationObserver(() => {
    const got = result();
    if (got === null) return;
    obs.disconnect(); clearTimeout(timer); resolve(got);
  });
  obs.observe(document.body,
              {subtree: true, childList: true, attributes: true, characterData: true});
  const timer = setTimeout(() => { obs.disconnect(); resolve(-1); }, limit);
})""".replace("IDLE", IDLE)
STATE_JS = ("() => { const a = document.querySelector('[data-testid=stApp]');"
            " return [a && a.getAttribute('data-test-script-state'),"
            " a && a.getAttribute('data-test-connection-state')]; }")
ERRORS_JS = ("() => [...document.querySelectorAll('[data-testid=stAlertContentError], "
             "[data-testid=stException]')].map((e) => e.innerText.slice(0, 200))")


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


# --- one browser session -------------------------------------------------------------------------

def _sel(widget_key: str) -> str:
    """Streamlit puts a widget's key in a class name, other characters turned to '-'."""
    return f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', widget_key)}"


def _key(page: Any, widget_key: str) -> Any:
    return page.locator(_sel(widget_key))


async def _settle(page: Any, ready: str) -> None:
    """`ready` (a CSS selector) is on the page with the app idle, and it stays idle a moment
    (a page switch runs the script twice)."""
    await page.wait_for_function(READY, arg=ready, timeout=WAIT_MS, polling=50)
    calm = 0
    for _ in range(200):
        await page.wait_for_function(IDLE, timeout=WAIT_MS, polling=50)
        calm += 1
        if calm >= 3:
            return
        await page.wait_for_timeout(100)
        if not await page.evaluate(IDLE):
            calm = 0


async def _click(page: Any, locator: Any, ready: str) -> None:
    await locator.click(timeout=WAIT_MS)
    await _settle(page, ready)


async def _check_errors(page: Any, where: str, result: LoadResult, n: int) -> None:
    for text in await page.evaluate(ERRORS_JS):
        result.errors.append(f"session {n} {where}: {text}")


async def _sign_in(page: Any, url: str, username: str) -> None:
    await page.goto(url, timeout=60_000)
    await _settle(page, _sel("w_signin_submit"))
    for widget_key, value in (("w_signin_user", username), ("w_signin_password", PASSWORD)):
        await _key(page, widget_key).locator("input").first.fill(value, timeout=WAIT_MS)  # a form
    await _click(page, _key(page, "w_signin_submit").locator("button").first,
                 _sel("w_applicant_continue"))
    await _click(page, _key(page, "w_applicant_continue").locator("button").first,
                 _sel(PREFIX + "about.given_names"))


async def _open(browser: Any, url: str, n: int, username: str) -> Any:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.add_init_script(PAGE_INIT)
    await _guarded(page, n, "sign-in", _sign_in(page, url, username))
    return page


async def _edit_loop(page: Any, n: int, case_id: str, deadline: float, think_s: float,
                     result: LoadResult) -> None:
    step = 0
    while time.monotonic() < deadline:
        box = page.locator(f"[class*='st-key-{PREFIX}']").first
        cls = await box.get_attribute("class", timeout=WAIT_MS) or ""
        found = re.search(rf"st-key-{PREFIX}(\S+)", cls)
        path = found.group(1).replace("-", ".") if found else "?"
        if path != SCREENS[step % len(SCREENS)]:
            result.errors.append(f"session {n}: on {path}, expected {SCREENS[step % 4]}")
        value = f"Load s{n} e{step} {time.time():.3f}"
        field_ = box.locator("input, textarea").first
        await field_.fill(value, timeout=WAIT_MS)
        sent = time.time()
        await field_.press("Tab")
        ms = await page.evaluate(WAIT_SAVED_JS, WAIT_MS)
        edit = Edit(n, case_id, path, value, sent, float(ms) if ms >= 0 else None)
        result.edits.append(edit)
        if ms == -1:
            result.errors.append(f"session {n}: no 'Saved.' within {WAIT_MS} ms for {path}")
        await _check_errors(page, f"edit {path}", result, n)
        if think_s:
            await asyncio.sleep(think_s)
        await _click(page, _key(page, MOVES[step % len(MOVES)]).locator("button").first,
                     _sel(PREFIX + SCREENS[(step + 1) % len(SCREENS)]))
        await _check_errors(page, "move", result, n)
        step += 1
        if think_s:
            await asyncio.sleep(think_s)


async def _guarded(page: Any, n: int, what: str, work: Any) -> Any:
    """Run `work`; on failure keep a screenshot of the page in test-artifacts/load/."""
    try:
        return await work
    except Exception as exc:
        try:
            state = await page.evaluate(STATE_JS)
        except Exception as inner:  # noqa: BLE001 - a page that is gone tells that too
            state = repr(inner)
        exc.args = (f"{exc.args[0] if exc.args else ''} [page: {state}]", *exc.args[1:])
        FAILURES.mkdir(parents=True, exist_ok=True)
        try:
            await page.screenshot(path=str(FAILURES / f"session{n}-{what}.png"), full_page=True,
                                  timeout=10_000)
        except Exception as exc:  # noqa: BLE001 - the screenshot is a courtesy
            print(f"no screenshot of session {n}: {exc}", file=sys.stderr)
        raise


async def _drive(url: str, people: list[tuple[str, str]], seconds: float, think_s: float,
                 result: LoadResult, server_pid: int) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            sem = asyncio.Semaphore(4)  # sign in a few at a time (password hashing is heavy)

            async def opened(n: int, username: str) -> Any:
                async with sem:
                    return await _open(browser, url, n, username)

            pages = await asyncio.gather(*(opened(n, name) for n, (_, name) in enumerate(people)))
            mine = [p for p in _tree(os.getpid()) if p != server_pid]
            cpu0 = (_cpu_s([server_pid]), _cpu_s(mine))
            result.loadavg_start = _loadavg()
            start = time.monotonic()
            deadline = start + seconds
            outcomes = await asyncio.gather(
                *(_guarded(page, n, "edit", _edit_loop(page, n, people[n][0], deadline, think_s,
                                                         result))
                  for n, page in enumerate(pages)), return_exceptions=True)
            result.window_s = time.monotonic() - start
            mine = [p for p in _tree(os.getpid()) if p != server_pid]
            result.server_cpu_s = _cpu_s([server_pid]) - cpu0[0]
            result.client_cpu_s = _cpu_s(mine) - cpu0[1]
            result.loadavg_end = _loadavg()
            for n, out in enumerate(outcomes):
                if isinstance(out, BaseException):
                    result.errors.append(f"session {n}: {type(out).__name__}: {str(out)[:300]}")
        finally:
            await browser.close()


def start_probed_server(data_dir: Path, log: Path, trace: Path) -> Server:
    """`streamlit run` of the app through benchmarks/load_server.py (one probe: arrival times
    of widget changes), on a free loopback port, polled until healthy."""
    port = free_port()
    env = {**os.environ, "ASYLUM_PREP_DATA_DIR": str(data_dir),
           "ASYLUM_PREP_LOAD_TRACE": str(trace)}
    cmd = [sys.executable, str(Path(__file__).with_name("load_server.py")),
           str(ROOT / "asylum_prep" / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", data_dir, proc, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as resp:  # noqa: S310 (loopback)
                if resp.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise RuntimeError("streamlit did not become healthy in 60 s")


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
