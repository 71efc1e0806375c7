"""Exhibit packet: 50 PDFs with 500 pages in all, beside a bare qpdf merge of the same files,
and what safe renditions (every page redrawn as a picture in a sandbox) cost the packet.

Ours: `services.packet.render_packet` (index, tab pages, stamping every page, saving) timed
inside a fresh child process, whose peak RSS is its own `ru_maxrss`. Three ways:
- from the originals' own pages, as before renditions existed (the rendition step replaced by
  the stored file itself): beside `qpdf --empty --pages f1 ... f50 -- out.pdf` on the same
  (cleaned, stored) files, in the same run, also in a child. Target: at most 3x the bare merge;
  peak memory under 500 MB.
- from the stored safe renditions (made at intake): beside the packet from the originals.
- the one-off backfill: no rendition stored yet, all 50 drawn while the packet is built.
Medians of three runs (the backfill: one run).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sample_pdf  # noqa: E402

FILES, PAGES_EACH, RUNS = 50, 10, 3

CHILD = r"""
import json, resource, sys, time
from asylum_prep.config import Settings
from asylum_prep.storage.engine import open_store
from asylum_prep.services.actor import Actor, Role
from asylum_prep.evidence import packet as layout
from asylum_prep.services import packet
data_dir, actor_id, case_id, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
if mode == "originals":  # the packet as it was: each exhibit's own pages, nothing drawn
    packet.store_missing_renditions = lambda *args: 0
    packet.packet_files = lambda record: {
        item.id: layout.rendition_source(item) for item in record.evidence}
store = open_store(Settings(data_dir=data_dir))
actor = Actor(actor_id, "bench", Role.attorney)
start = time.perf_counter()
result = packet.render_packet(store, actor, case_id)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "pages": result.total_pages, "parts": len(result.parts),
                  "mb": sum(len(data) for _, data in result.parts) / 1e6,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

REFERENCE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def _pdf(n: int, rng: random.Random) -> bytes:
    return sample_pdf.text_pdf(
        PAGES_EACH, rng, lambda p, i: f"Document {n} page {p + 1} line {i}: lorem ipsum dolor "
                                      f"sit amet")


def _seed(data_dir: Path, files_dir: Path) -> tuple[int, str, list[Path]]:
    from asylum_prep.config import Settings
    from asylum_prep.services import cases, users
    from asylum_prep.services import evidence as ev
    from asylum_prep.services.actor import Role
    from asylum_prep.storage.engine import open_store

    store = open_store(Settings(data_dir=data_dir))
    password = "a long bench password"  # noqa: S105 - a throwaway store
    admin = users.create_first_admin(store, username="admin", password=password)
    attorney = users.create_user(store, admin, username="attorney", password=password,
                                 role=Role.attorney)
    case_id = cases.create_case(store, attorney, title="Bench case")
    rng = random.Random(7)  # noqa: S311 - reproducible test content
    paths = []
    for n in range(FILES):
        version = cases.open_case(store, attorney, case_id, audit_view=False).version
        eid, _, _ = ev.add_evidence(store, attorney, case_id, data=_pdf(n, rng),
                                    filename=f"f{n}.pdf", title=f"Document {n}",
                                    base_version=version)
        data, _ = ev.get_evidence_file(store, attorney, case_id, eid)
        path = files_dir / f"f{n:02d}.pdf"
        path.write_bytes(data)  # benchmark data only: fictional pages
        paths.append(path)
    store.close()
    return attorney.id, case_id, paths


def _forget_renditions(data_dir: Path, actor_id: int, case_id: str) -> None:
    """A new version in which no exhibit links a safe rendition (as before they existed)."""
    from asylum_prep.config import Settings
    from asylum_prep.services import cases
    from asylum_prep.services.actor import Actor, Role
    from asylum_prep.storage.engine import open_store

    store = open_store(Settings(data_dir=data_dir))
    actor = Actor(actor_id, "bench", Role.attorney)
    opened = cases.open_case(store, actor, case_id, audit_view=False)
    record = opened.record.model_copy(deep=True)
    for item in record.evidence:
        item.safe_rendition_blob = ""
    cases.save_record(store, actor, case_id, record=record, base_version=opened.version)
    store.close()


def _child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def run() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "files").mkdir()
        data = root / "data"
        actor_id, case_id, paths = _seed(data, root / "files")
        args = (str(data), str(actor_id), case_id)
        safe, refs, originals = [], [], []
        for _ in range(RUNS):
            refs.append(_child(REFERENCE, "qpdf", "--empty", "--pages",
                               *[str(p) for p in paths], "--", str(root / "merged.pdf")))
            safe.append(_child(CHILD, *args, "renditions"))
        _forget_renditions(data, actor_id, case_id)
        for _ in range(RUNS):
            originals.append(_child(CHILD, *args, "originals"))
        backfill = _child(CHILD, *args, "backfill")
        pages = int(originals[0]["pages"])
    t_orig, t_ref, t_safe = (_median(r, "seconds") for r in (originals, refs, safe))
    m_orig, m_ref, m_safe = (_median(r, "rss_mb") for r in (originals, refs, safe))
    name = f"packet: {FILES} PDFs, {FILES * PAGES_EACH} pages (packet {pages} pages)"
    qpdf, before = "qpdf --empty --pages merge", "the same packet from the originals' own pages"
    return [
        {"name": f"{name}, from the originals", "metric": "time", "unit": "s", "ours": t_orig,
         "reference": t_ref, "reference_label": qpdf, "target": "<= 3x reference",
         "ok": t_orig <= 3 * t_ref},
        {"name": f"{name}, from the originals", "metric": "peak RSS", "unit": "MB",
         "ours": m_orig, "reference": m_ref, "reference_label": qpdf, "target": "< 500 MB",
         "ok": m_orig < 500},
        {"name": f"{name}, from safe renditions", "metric": "time", "unit": "s", "ours": t_safe,
         "reference": t_orig, "reference_label": before, "target": "report only", "ok": True},
        {"name": f"{name}, from safe renditions", "metric": "peak RSS", "unit": "MB",
         "ours": m_safe, "reference": m_orig, "reference_label": before, "target": "< 500 MB",
         "ok": m_safe < 500},
        {"name": f"{name}, from safe renditions", "metric": "packet size", "unit": "MB",
         "ours": _median(safe, "mb"), "reference": _median(originals, "mb"),
         "reference_label": before,
         "target": f"report only ({int(safe[0]['parts'])} parts of at most 25 MB)", "ok": True},
        {"name": f"{name}, drawing all 50 renditions (one-off backfill)", "metric": "time",
         "unit": "s", "ours": backfill["seconds"], "reference": t_orig, "reference_label": before,
         "target": "report only (once per case; at intake otherwise)", "ok": True},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
