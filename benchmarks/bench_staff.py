"""Staff screens under load: 25 members of the legal team working at once for two minutes,
each a Streamlit websocket session (benchmarks/staff_driver.py does the work), against one
`streamlit run` on loopback, beside the applicants' load run (bench_load.py).

Reported per interaction, click -> settled screen (the run answering the click finished):
p50 and p95 for opening the case dashboard, switching the part shown on the review page,
sending a request (review page), opening the documents page (target p95 < 1 s) and a wizard
save (target p95 < 300 ms); and, report only, opening an answer's comment box on the review
page (drawn only once opened). The reference, measured in the same run by the same sessions, is
opening the account page: a light page through the same sign-in checks and menu, so the ratio
is what each screen costs above the floor of a page under the same load. Also: errors (an
error alert, a Streamlit exception, a request or save not confirmed, a broken session), the
server's peak RSS and CPU, and the load average before and after, to read the latency
honestly on a shared machine.

Environment: ASYLUM_PREP_STAFF_SESSIONS (25), ASYLUM_PREP_STAFF_SECONDS (120),
ASYLUM_PREP_STAFF_THINK_MS (pause after each action; default 1000).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import _pct  # noqa: E402
from staff_driver import INTERACTIONS, REFERENCE, StaffResult, run_staff  # noqa: E402

TARGET_MS = {"dashboard": 1000, "review_part": 1000, "request": 1000, "documents": 1000,
             "wizard_save": 300}
LABELS = {"dashboard": "open the case dashboard", "review_part": "review: switch the part",
          "request": "review: send a request", "documents": "open the documents page",
          "wizard_save": "wizard: save an answer",
          "request_box": "review: open an answer's comment box"}
EXTRA = ("request_box",)  # reported, no target: the comment box is drawn once opened


def rows_for(result: StaffResult, think_ms: int) -> list[dict[str, object]]:
    name = f"staff screens: {result.sessions} sessions x {result.seconds / 60:g} min"
    floor = result.times.get(REFERENCE, [])
    window = result.window_s or 1.0
    rows: list[dict[str, object]] = []
    for key in (*INTERACTIONS, *(k for k in EXTRA if k in result.times)):
        times = result.times.get(key, [])
        limit = TARGET_MS.get(key)
        for q, label in ((0.95, "p95"), (0.5, "p50")):
            ours, ref = _pct(times, q), _pct(floor, q)
            target = f"< {limit} ms on 2 cores" if label == "p95" and limit else (
                "report only" if limit is None else "-")
            ok = ours is not None and (label != "p95" or limit is None or ours < limit)
            rows.append({"name": f"{name}: {LABELS[key]}", "metric": f"{label}_ms ({len(times)})",
                         "unit": "ms", "ours": None if ours is None else round(ours, 1),
                         "reference": None if ref is None else round(ref, 1),
                         "reference_label": "open the account page, same sessions and run",
                         "target": target, "ok": ok})

    def row(metric: str, unit: str, ours: object, target: str, ok: bool) -> dict[str, object]:
        return {"name": name, "metric": metric, "unit": unit, "ours": ours, "reference": None,
                "reference_label": "", "target": target, "ok": ok}

    return [
        *rows,
        row("errors", "", len(result.errors), f"0 (think time {think_ms} ms after each action)",
            not result.errors),
        row("server_peak_rss_mb", "MB", round(result.server_peak_rss_mb, 1), "-", True),
        row("server_cpu", "cores busy", round(result.server_cpu_s / window, 2), "-", True),
        row("load_average", "1/5/15 min", f"{result.loadavg_start} -> {result.loadavg_end}",
            "machine shared: read the latency with it", True),
    ]


def run() -> list[dict[str, object]]:
    sessions = int(os.environ.get("ASYLUM_PREP_STAFF_SESSIONS", "25"))
    seconds = float(os.environ.get("ASYLUM_PREP_STAFF_SECONDS", "120"))
    think_ms = int(os.environ.get("ASYLUM_PREP_STAFF_THINK_MS", "1000"))
    result = run_staff(sessions, seconds, think_s=think_ms / 1000)
    for line in result.errors[:20]:
        print(f"   {line}", flush=True)
    return rows_for(result, think_ms)
