"""Documents: a 30-page declaration.

Rows: DOCX build time (median of N, target < 0.3 s); our PDF render time beside LibreOffice
headless converting the same DOCX in the same run, the two interleaved (ours, LibreOffice,
ours, ...) so load from others on the shared machine falls on both alike, medians of N each
(target: ours <= 0.6x LibreOffice); peak
memory of a full build + PDF + DOCX in a fresh subprocess (ru_maxrss, target < 300 MB).
The record is fictional and generated (`long_record`).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.domain.record import CaseRecord

N = 5
SENTENCE = (
    "The officers asked again about the student paper, the names of the other writers "
    "and the meetings in the library, and they said my family would pay for it. "
)


def long_record(incidents: int = 34, sentences: int = 10) -> CaseRecord:
    items = [
        {
            "id": f"b{i}",
            "date": {"iso": date(2015 + i % 8, 1 + i % 12, 1 + i % 27).isoformat()},
            "place": f"Fictional town {i}",
            "perpetrator": "police",
            "perpetrator_detail": f"Officers of precinct {i}",
            "what_happened": f"Event {i}. " + SENTENCE * sentences,
            "words_said": "We know who you are and what you wrote.",
            "detained": "yes",
            "injuries": "Bruises and a cut on my forehead. " * 3,
            "treatment": "A neighbour helped me.",
            "reported": "no",
            "state_protection": "not_sought_dangerous",
            "why_targeted": "Because of my writing for the student paper. " * 3,
        }
        for i in range(incidents)
    ]
    return CaseRecord.model_validate(
        {
            "filing": {"answer_language": "en"},
            "about": {
                "given_names": "Bench",
                "family_name": "Applicant",
                "a_number": "A000-000-000",
            },
            "beliefs": {"beliefs_description": SENTENCE * 6},
            "incidents": {"items": items},
            "fear": {
                "who": "The police.",
                "what_harm": SENTENCE * 3,
                "why": SENTENCE * 3,
                "relocation_why_not": SENTENCE * 2,
            },
            "timing": {"why_now": SENTENCE},
        }
    )


def _median(fn, n: int = N) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _pages(pdf: bytes) -> int:
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as p:
        return len(p.pages)


def _pdf_beside_libreoffice(doc: object, docx_bytes: bytes) -> tuple[float, float | None]:
    """Medians of N of our PDF render and of LibreOffice converting the DOCX, interleaved."""
    soffice = shutil.which("soffice")
    pdf_renderer.render(doc)  # warm fonts, as LibreOffice is warmed below
    if not soffice:
        return _median(lambda: pdf_renderer.render(doc)), None
    ours: list[float] = []
    theirs: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "decl.docx"
        src.write_bytes(docx_bytes)
        cmd = [
            soffice,
            f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(src),
        ]
        env = {**os.environ, "HOME": tmp}
        subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=300)  # warm profile
        for _ in range(N):
            t0 = time.perf_counter()
            pdf_renderer.render(doc)
            t1 = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env, timeout=300)
            t2 = time.perf_counter()
            ours.append(t1 - t0)
            theirs.append(t2 - t1)
    return statistics.median(ours), statistics.median(theirs)


_MEMORY_SCRIPT = """
import resource, sys
sys.path.insert(0, {root!r})
from benchmarks.bench_documents import long_record
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents import docx, pdf
doc = build_declaration(long_record(), jurisdiction="us").document
pdf.render(doc); docx.render(doc)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_mb() -> float:
    root = str(Path(__file__).resolve().parents[1])
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY_SCRIPT.format(root=root)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # ru_maxrss is KiB on Linux


def run() -> list[dict[str, object]]:
    doc = build_declaration(long_record(), jurisdiction="us").document
    pdf_bytes, _ = pdf_renderer.render(doc)
    docx_bytes, _ = docx_renderer.render(doc)
    pages = _pages(pdf_bytes)
    build_docx = _median(
        lambda: docx_renderer.render(build_declaration(long_record(), jurisdiction="us").document)
    )
    ours_pdf, lo = _pdf_beside_libreoffice(doc, docx_bytes)
    peak = _peak_mb()
    ratio = ours_pdf / lo if lo else None
    return [
        {
            "name": f"declaration ({pages} pages): build + DOCX",
            "metric": "median time",
            "unit": "s",
            "ours": round(build_docx, 3),
            "reference": None,
            "reference_label": "",
            "target": "< 0.3 s",
            "ok": build_docx < 0.3,
        },
        {
            "name": f"declaration ({pages} pages): PDF (WeasyPrint)",
            "metric": "median time",
            "unit": "s",
            "ours": round(ours_pdf, 3),
            "reference": round(lo, 3) if lo else None,
            "reference_label": "LibreOffice headless DOCX->PDF, same DOCX, same run",
            "target": "<= 0.6x reference" + (f" (ratio {ratio:.2f})" if ratio else ""),
            "ok": bool(ratio is not None and ratio <= 0.6),
        },
        {
            "name": f"declaration ({pages} pages): build + PDF + DOCX",
            "metric": "peak RSS",
            "unit": "MB",
            "ours": round(peak, 1),
            "reference": None,
            "reference_label": "",
            "target": "< 300 MB",
            "ok": peak < 300,
        },
    ]


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
