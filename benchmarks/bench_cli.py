"""Command line: how long a command takes from exec to exit, in fresh processes.

A small store (the fictional sample case, the three sample country reports) is made once;
then each command runs RUNS times as a new process of the installed `asylum-prep` script, the
commands interleaved round by round with `python -c pass` (the reference: the interpreter's
own start), so load from others on the shared machine falls on all alike. Rows: the median
wall time of each command beside the median of `python -c pass`, with the target, and each
command's median peak memory (ru_maxrss of that child alone, from wait4).

Targets (on an idle machine): `--help` and `case list` under 0.5 s; `coi search` and `check`
under 1 s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 9
SCRIPT = Path(sys.executable).parent / "asylum-prep"
SAMPLES = Path(__file__).resolve().parent.parent / "asylum_prep" / "samples" / "coi"
TARGETS = {"--help": 0.5, "case list": 0.5, "coi search": 1.0, "check": 1.0}


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASYLUM_PREP_")}
    return {**env, "ASYLUM_PREP_DATA_DIR": str(data), "PYTHONWARNINGS": "ignore"}


def _timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one child process, which must succeed."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,  # noqa: S603
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} exited with {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024


def _seed(data: Path) -> str:
    env = _env(data)

    def cli(*args: str) -> str:
        return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True,
                              check=True).stdout.strip()

    case_id = cli("case", "create", "--title", "Bench client", "--sample")
    cli("coi", "import", str(SAMPLES))
    return case_id


def run() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        case_id = _seed(data)
        env = _env(data)
        commands = {
            "--help": ["--help"],
            "case list": ["case", "list"],
            "coi search": ["coi", "search", "students police"],
            "check": ["check", case_id],
        }
        reference: list[tuple[float, float]] = []
        ours: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(RUNS):
            reference.append(_timed([sys.executable, "-c", "pass"], env))
            for name, args in commands.items():
                ours[name].append(_timed([str(SCRIPT), *args], env))
    ref = statistics.median(s for s, _ in reference)
    rows: list[dict[str, object]] = []
    for name, samples in ours.items():
        wall = statistics.median(s for s, _ in samples)
        rss = statistics.median(m for _, m in samples)
        label = f"cli: asylum-prep {name}"
        rows += [
            {"name": label, "metric": f"wall time, median of {RUNS} fresh processes",
             "unit": "s", "ours": wall, "reference": ref, "reference_label": "python -c pass",
             "target": f"< {TARGETS[name]:g} s", "ok": wall < TARGETS[name]},
            {"name": label, "metric": "peak RSS", "unit": "MB", "ours": rss, "reference": None,
             "reference_label": "", "target": "report only", "ok": True},
        ]
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
