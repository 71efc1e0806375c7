"""Run every benchmarks/bench_*.py module and write benchmarks/RESULTS.md.

Each module's `run()` returns rows (see README.md). The report puts our median beside the
reference measured in the same run, with the ratio and the target, and the machine's facts,
so numbers from different machines are never compared bare.

Each module runs in a fresh Python process (`run.py --one bench_x ROWS.json`), so no benchmark
measures in the heap another one left behind: the declaration PDF, measured after the country
library's 200,000 passages in one process, took 0.76 s instead of 0.64 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
# A module is run from here (its siblings import as `bench_load`), and may also import
# `benchmarks.<module>` as the tests do: the project root is on the path too.
sys.path.insert(1, str(HERE.parent))


def machine_facts() -> list[str]:
    mem = "?"
    try:
        with open("/proc/meminfo") as fh:
            mem = f"{int(fh.readline().split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as fh:
            names = (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
            cpu = next(names, cpu)
    except OSError:
        pass
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=HERE.parent).stdout.strip() or "?"
    return [
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; commit {commit}",
        f"- cpu: {cpu}; cores: {os.cpu_count()}; memory: {mem}",
        f"- python {platform.python_version()} on {platform.platform()}",
    ]


def _fmt(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def run_one(stem: str, out: Path) -> int:
    """In this (fresh) process: run one module and write its rows to `out` as JSON."""
    path = HERE / f"{stem}.py"
    spec = importlib.util.spec_from_file_location(stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out.write_text(json.dumps(module.run()))
    return 0


def main(argv: list[str]) -> int:
    if argv[1:2] == ["--one"]:
        return run_one(argv[2], Path(argv[3]))
    only = set(argv[1:])
    rows: list[dict[str, object]] = []
    failures: list[str] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        print(f"== {path.stem}", flush=True)
        out = HERE / f".{path.stem}.rows.json"
        out.unlink(missing_ok=True)
        done = subprocess.run([sys.executable, __file__, "--one", path.stem, str(out)],
                              cwd=HERE.parent, check=False)
        try:
            if done.returncode != 0:
                raise RuntimeError(f"exit status {done.returncode}")
            got = json.loads(out.read_text())
            rows += got
            for row in got:
                print(f"   {row['name']} / {row['metric']}: {_fmt(row['ours'])} "
                      f"{row.get('unit', '')} (reference {_fmt(row.get('reference'))}) "
                      f"ok={row.get('ok')}", flush=True)
        except Exception:  # noqa: BLE001 - one broken bench must not hide the others
            failures.append(f"{path.stem}: {traceback.format_exc(limit=3)}")
            print(failures[-1], file=sys.stderr)
        finally:
            out.unlink(missing_ok=True)
    lines = ["# Benchmark results", "", "Written by `make bench` (benchmarks/run.py).", "",
             *machine_facts(), "",
             "| benchmark | metric | ours (median) | reference (same run) | ratio | target | met |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        ours, ref = r.get("ours"), r.get("reference")
        numbers = isinstance(ours, (int, float)) and isinstance(ref, (int, float))
        ratio = float(ours) / float(ref) if numbers and ref else None  # type: ignore[arg-type]
        unit = r.get("unit", "")
        label = r.get("reference_label", "")
        ref_label = f"{_fmt(ref)} {unit} ({label})" if ref is not None else "-"
        lines.append(f"| {r['name']} | {r['metric']} | {_fmt(ours)} {unit} | {ref_label} | "
                     f"{_fmt(ratio) + 'x' if ratio else '-'} | {r.get('target', '')} | "
                     f"{'yes' if r.get('ok') else 'NO'} |")
    if failures:
        lines += ["", "## Benchmarks that failed to run", ""]
        lines += [f"- {f.splitlines()[0]}" for f in failures]
    (HERE / "RESULTS.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {HERE / 'RESULTS.md'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
