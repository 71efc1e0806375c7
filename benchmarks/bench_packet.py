"""Exhibit packet: 50 PDFs with 500 pages in all, beside a bare qpdf merge of the same files.

Ours: `services.packet.render_packet` (index, tab pages, stamping every page, saving) timed
inside a fresh child process, whose peak RSS is its own `ru_maxrss`. Reference: `qpdf --empty
--pages f1 ... f50 -- out.pdf` on the same (cleaned, stored) files, in the same run, also in a
child. Medians of three runs. Target: at most 3x the bare merge; peak memory under 500 MB.
"""

from __future__ import annotations

import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FILES, PAGES_EACH, RUNS = 50, 10, 3

CHILD = r"""
import json, resource, sys, time
from asylum_prep.config import Settings
from asylum_prep.storage.engine import open_store
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.packet import render_packet
data_dir, actor_id, case_id = sys.argv[1], int(sys.argv[2]), sys.argv[3]
store = open_store(Settings(data_dir=data_dir))
actor = Actor(actor_id, "bench", Role.attorney)
start = time.perf_counter()
result = render_packet(store, actor, case_id)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "pages": result.total_pages, "parts": len(result.parts),
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
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for p in range(PAGES_EACH):
        pdf.add_blank_page(page_size=(612, 792))
        page = pdf.pages[-1]
        page.obj["/Resources"] = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        side = 40
        img = pikepdf.Stream(pdf, bytes(rng.getrandbits(8) for _ in range(side * side * 3)))
        img.Type, img.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        img.Width, img.Height, img.BitsPerComponent = side, side, 8
        img.ColorSpace = pikepdf.Name.DeviceRGB
        name = page.add_resource(img, pikepdf.Name.XObject, prefix="Im")
        lines = "".join(f"BT /F1 11 Tf 72 {700 - 14 * i} Td (Document {n} page {p + 1} line {i}: "
                        f"lorem ipsum dolor sit amet) Tj ET\n" for i in range(40))
        page.contents_add(pdf.make_stream(
            (lines + f"q 120 0 0 120 400 80 cm {name} Do Q").encode()))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


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


def _child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def run() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "files").mkdir()
        actor_id, case_id, paths = _seed(root / "data", root / "files")
        ours, refs = [], []
        for _ in range(RUNS):
            refs.append(_child(REFERENCE, "qpdf", "--empty", "--pages",
                               *[str(p) for p in paths], "--", str(root / "merged.pdf")))
            ours.append(_child(CHILD, str(root / "data"), str(actor_id), case_id))
        pages = int(ours[0]["pages"])
    t_ours = statistics.median(r["seconds"] for r in ours)
    t_ref = statistics.median(r["seconds"] for r in refs)
    m_ours = statistics.median(r["rss_mb"] for r in ours)
    m_ref = statistics.median(r["rss_mb"] for r in refs)
    name = f"packet: {FILES} PDFs, {FILES * PAGES_EACH} pages (packet {pages} pages)"
    return [
        {"name": name, "metric": "time", "unit": "s", "ours": t_ours, "reference": t_ref,
         "reference_label": "qpdf --empty --pages merge", "target": "<= 3x reference",
         "ok": t_ours <= 3 * t_ref},
        {"name": name, "metric": "peak RSS", "unit": "MB", "ours": m_ours, "reference": m_ref,
         "reference_label": "qpdf --empty --pages merge", "target": "< 500 MB",
         "ok": m_ours < 500},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
