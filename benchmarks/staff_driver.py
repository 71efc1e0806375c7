"""The staff-screens driver: N members of the legal team, each a Streamlit websocket session
(benchmarks/streamlit_client.py) signed in as the attorney of one case seeded from the sample
case, working through the screens at once against one `streamlit run` on loopback.

Used by benchmarks/bench_staff.py. Each session, after signing in and opening its case from
the case list, repeats until the time is up:
    open the case dashboard (menu)                       -> "dashboard"
    open the review page (menu), switch the part shown   -> "review_part"
    open the first answer's comment box, if it is closed -> "request_box" (report only)
    request a change on that answer                      -> "request"  (must say it was sent)
    open the documents page (menu)                       -> "documents"
    open "Your story" (menu), type an answer             -> "wizard_save" (must say "Saved.")
    open the account page (menu)                         -> "account" (the floor: a light page
                                                            under the same load, the reference)
Each time is click -> the run that answers it finished (the screen settled), as the existing
load driver measures edit -> saved. Moves not listed (opening the review page, the wizard) are
not timed. Bounded: every wait, the run and the driver have time limits; only 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "benchmarks"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from load_driver import _cpu_s, _Gate, _loadavg, peak_rss_mb  # noqa: E402
from load_store import PASSWORD  # noqa: E402
from streamlit_client import Run, StreamlitClient  # noqa: E402

from tests.e2e.conftest import start_server, stop_server  # noqa: E402

WAIT_S = 60.0
INTERACTIONS = ("dashboard", "review_part", "request", "documents", "wizard_save")
REFERENCE = "account"
REQUESTED = "The change was requested. Your client will see it."


@dataclass
class StaffResult:
    sessions: int
    seconds: float
    times: dict[str, list[float]] = field(default_factory=dict)  # interaction -> ms
    errors: list[str] = field(default_factory=list)
    server_peak_rss_mb: float = 0.0
    server_cpu_s: float = 0.0
    window_s: float = 0.0
    loadavg_start: str = ""
    loadavg_end: str = ""


def seed(data_dir: Path, n: int) -> list[tuple[str, str]]:
    """n attorneys, each with one case holding the sample answers: [(case_id, user name)]."""
    from asylum_prep.config import Settings
    from asylum_prep.forms.registry import STEPS
    from asylum_prep.samples import load_sample
    from asylum_prep.services import cases, review, users
    from asylum_prep.services.actor import Role
    from asylum_prep.storage.engine import open_store

    store = open_store(Settings(data_dir=data_dir))
    try:
        admin = users.create_first_admin(store, username="admin", password=PASSWORD)
        out = []
        for i in range(n):
            name = f"attorney{i}"
            lawyer = users.create_user(store, admin, username=name, password=PASSWORD,
                                       role=Role.attorney)
            case_id = cases.create_case(store, lawyer, title=f"Staff case {i}",
                                        jurisdiction="us", record=load_sample())
            version = 1
            for step in STEPS:  # every part with the team, so a change can be requested
                version = review.submit_section(store, lawyer, case_id, section=step.key,
                                                base_version=version)
            out.append((case_id, name))
        return out
    finally:
        store.close()


class _Session:
    def __init__(self, client: StreamlitClient, n: int, case_id: str,
                 result: StaffResult) -> None:
        self.client, self.n, self.case_id, self.result = client, n, case_id, result

    def check(self, run: Run, where: str) -> Run:
        for text in run.errors:
            self.result.errors.append(f"session {self.n} {where}: {text[:200]}")
        return run

    async def timed(self, name: str, action: object) -> Run:
        t0 = time.perf_counter()
        run = await action  # type: ignore[misc]
        self.result.times.setdefault(name, []).append((run.finished_at - t0) * 1000)
        return self.check(run, name)

    async def sign_in(self, username: str) -> None:
        c = self.client
        self.check(await c.rerun(), "first page")
        self.check(await c.submit_form({"w_signin_user": username,
                                        "w_signin_password": PASSWORD}, "w_signin_submit"),
                   "sign-in")
        self.check(await c.click(f"w_case_open_{self.case_id}"), "open case")

    async def round(self, step: int, think_s: float) -> None:
        c = self.client
        await self.timed("dashboard", c.goto("case"))
        await asyncio.sleep(think_s)
        self.check(await c.goto("review"), "review page")
        await asyncio.sleep(think_s)
        parts = c.widget("w_rv_section").options
        await self.timed("review_part", c.select("w_rv_section", 1 + step % (len(parts) - 1)))
        await asyncio.sleep(think_s)
        boxes = sorted(k for k in c.last.widgets if k.startswith("w_rv_more_"))
        if boxes:  # the answer's comment box is drawn once opened
            path = boxes[0][len("w_rv_more_"):]
            if not c.has("w_rv_request_" + path):
                await self.timed("request_box", c.open_expander(boxes[0]))
        request = sorted(k for k in c.last.widgets if k.startswith("w_rv_request_"))
        if request:
            path = request[0][len("w_rv_request_"):]
            await c.select("w_rv_template_" + path, 1 + step % 3)  # a template, not timed
            run = await self.timed("request", c.click("w_rv_request_" + path))
            if ("success", REQUESTED) not in run.alerts:
                self.result.errors.append(f"session {self.n}: request on {path} not confirmed")
            await asyncio.sleep(think_s)
        await self.timed("documents", c.goto("documents"))
        await asyncio.sleep(think_s)
        self.check(await c.goto("story"), "wizard")
        boxes = sorted(k for k, w in c.last.widgets.items()
                       if k.startswith("w_wz_a_") and w.kind in ("text_input", "text_area"))
        if boxes:
            run = await self.timed("wizard_save", c.type_text(
                boxes[0], f"Staff s{self.n} e{step} {time.time():.3f}"))
            if ("success", "Saved.") not in run.alerts:
                self.result.errors.append(f"session {self.n}: wizard save not confirmed")
        else:  # the sample's answers open the wizard on its last screen, a text box
            self.result.errors.append(f"session {self.n}: no text box on the wizard screen")
        await asyncio.sleep(think_s)
        await self.timed(REFERENCE, c.goto("account"))
        await asyncio.sleep(think_s)


async def _one(url: str, n: int, person: tuple[str, str], sem: asyncio.Semaphore,
               ready: _Gate, start: list[float], seconds: float, think_s: float,
               result: StaffResult) -> None:
    case_id, username = person
    async with StreamlitClient(url, timeout_s=WAIT_S) as client:
        s = _Session(client, n, case_id, result)
        try:
            async with sem:  # a few at a time: password hashing is heavy
                await s.sign_in(username)
        finally:
            await ready.wait()
        step = 0
        while time.monotonic() < start[0] + seconds:
            await s.round(step, think_s)
            step += 1


async def _drive(url: str, people: list[tuple[str, str]], seconds: float, think_s: float,
                 result: StaffResult, server_pid: int) -> None:
    sem = asyncio.Semaphore(4)
    start: list[float] = []

    def begin() -> None:  # the last session to sign in starts the clock
        start.append(time.monotonic())
        result.loadavg_start = _loadavg()
        result.server_cpu_s = -_cpu_s([server_pid])

    ready = _Gate(len(people), begin)
    outcomes = await asyncio.gather(
        *(_one(url, n, p, sem, ready, start, seconds, think_s, result)
          for n, p in enumerate(people)), return_exceptions=True)
    result.window_s = time.monotonic() - start[0] if start else 0.0
    result.server_cpu_s += _cpu_s([server_pid])
    result.loadavg_end = _loadavg()
    for n, out in enumerate(outcomes):
        if isinstance(out, BaseException):
            result.errors.append(f"session {n}: {type(out).__name__}: {str(out)[:300]}")


def run_staff(sessions: int, seconds: float, *, think_s: float = 1.0,
              log_dir: Path | None = None) -> StaffResult:
    """Seed, serve, drive, stop. The whole run is bounded by seconds + 10 minutes."""
    result = StaffResult(sessions, seconds)
    with tempfile.TemporaryDirectory(prefix="asylum-staff-") as tmp:
        data_dir = Path(tmp) / "data"
        people = seed(data_dir, sessions)
        log = (log_dir or Path(tmp)) / "staff-server.log"
        server = start_server(data_dir, log)
        try:
            asyncio.run(asyncio.wait_for(
                _drive(server.url, people, seconds, think_s, result, server.process.pid),
                timeout=seconds + 600))
            result.server_peak_rss_mb = peak_rss_mb(server.process.pid)
        finally:
            stop_server(server)
    return result
