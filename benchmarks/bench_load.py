"""Load: 25 applicants editing their wizard answers at once for two minutes, each a Streamlit
websocket session (benchmarks/streamlit_client.py), against one `streamlit run` on loopback
(benchmarks/load_driver.py does the work).

Reported: p50/p95 edit->saved (the change sent until the run answering it has finished having
shown "Saved."), the number of acknowledged edits, errors (an error alert or
Streamlit exception on a page, a save never confirmed, a session that broke), lost edits (an
acknowledged value missing from the version history, or not the current answer at the end),
the server's peak RSS, and, to read the latency honestly on a shared 2-core machine, the
server's own share (the change reaching the server -> the save's audit timestamp; the server
runs through benchmarks/load_server.py, which records arrivals), change sent -> save written,
the CPU used by the server and by the clients during the run, and the load average before and
after.

Environment: ASYLUM_PREP_LOAD_SESSIONS (25), ASYLUM_PREP_LOAD_SECONDS (120),
ASYLUM_PREP_LOAD_THINK_MS (pause after each action; default 1000: a person reads the
confirmation before going on, and types for longer than that).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_driver import LoadResult, run_load  # noqa: E402


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def rows_for(result: LoadResult, think_ms: int) -> list[dict[str, object]]:
    name = f"load: {result.sessions} sessions x {result.seconds / 60:g} min"
    saved = [e.saved_ms for e in result.acknowledged if e.saved_ms is not None]
    p50, p95 = _pct(saved, 0.5), _pct(saved, 0.95)
    window = result.window_s or 1.0

    def row(metric: str, unit: str, ours: object, target: str, ok: bool) -> dict[str, object]:
        return {"name": name, "metric": metric, "unit": unit, "ours": ours, "reference": None,
                "reference_label": "", "target": target, "ok": ok}

    return [
        row("p95_ms", "ms", p95, "< 500 ms on 2 cores", p95 is not None and p95 < 500),
        row("p50_ms", "ms", p50, "-", True),
        row("edits", "acknowledged", len(saved),
            f"> 0 (think time {think_ms} ms after each action)", bool(saved)),
        row("errors", "", len(result.errors), "0", not result.errors),
        row("lost_edits", "", len(result.lost), "0", not result.lost and bool(saved)),
        row("server_peak_rss_mb", "MB", round(result.server_peak_rss_mb, 1), "-", True),
        row("server_side_p95_ms", "ms (change reaches server -> save written)",
            _pct(result.server_ms, 0.95), "-", True),
        row("server_side_p50_ms", "ms (change reaches server -> save written)",
            _pct(result.server_ms, 0.5), "-", True),
        row("send_to_save_p95_ms", "ms (change sent -> save written)", _pct(result.send_ms, 0.95),
            "-", True),
        row("server_cpu", "cores busy", round(result.server_cpu_s / window, 2), "-", True),
        row("client_cpu", "cores busy (all the websocket clients)",
            round(result.client_cpu_s / window, 2), "-", True),
        row("load_average", "1/5/15 min", f"{result.loadavg_start} -> {result.loadavg_end}",
            "machine shared: read the latency with it", True),
    ]


def run() -> list[dict[str, object]]:
    sessions = int(os.environ.get("ASYLUM_PREP_LOAD_SESSIONS", "25"))
    seconds = float(os.environ.get("ASYLUM_PREP_LOAD_SECONDS", "120"))
    think_ms = int(os.environ.get("ASYLUM_PREP_LOAD_THINK_MS", "1000"))
    result = run_load(sessions, seconds, think_s=think_ms / 1000)
    for line in (result.errors + result.lost)[:20]:
        print(f"   {line}", flush=True)
    return rows_for(result, think_ms)
