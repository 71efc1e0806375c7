"""Safe renditions (evidence.safe_rendition): what redrawing every page in the sandbox costs.

Ours: `safe_rendition.make` on a cleaned 10-page born-digital PDF (40 lines of text and a small
picture a page), the whole path: child start under `unshare -rn`, pdftotext, pdftoppm at 150
dpi, pixels through the pipe, checked and encoded (JPEG or Flate) by the parent, the PDF with
its text layer. Reference: poppler alone drawing the same pages (`pdftoppm -r 150`, pixels to a
pipe), in the same run. Per page, medians of five runs. Also a 12-megapixel photograph, and the
child's peak resident set (its own VmHWM, or a tool's ru_maxrss) against its 1 GiB limit.
"""

from __future__ import annotations

import io
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sample_pdf  # noqa: E402

PAGES, RUNS = 10, 5


def text_pdf(pages: int, rng: random.Random) -> bytes:
    return sample_pdf.text_pdf(
        pages, rng, lambda p, i: f"Page {p + 1} line {i}: the applicant was questioned about "
                                 f"the meeting")


def photo(rng: random.Random) -> bytes:
    from PIL import Image, ImageFilter

    img = Image.frombytes("RGB", (400, 300), rng.randbytes(400 * 300 * 3))
    img = img.resize((4000, 3000)).filter(ImageFilter.GaussianBlur(3))  # smooth, like a photo
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run() -> list[dict[str, object]]:
    from asylum_prep.domain.evidence import Mime
    from asylum_prep.evidence import image_clean, pdf_clean, safe_rendition, sandbox

    rng = random.Random(11)  # noqa: S311 - reproducible test content
    pdf = pdf_clean.clean_pdf(text_pdf(PAGES, rng)).data
    picture = image_clean.clean_image(photo(rng), Mime.jpeg).data
    ours, refs, peaks, sizes, photos = [], [], [], [], []
    for _ in range(RUNS):
        refs.append(_timed(lambda: subprocess.run(["pdftoppm", "-r", "150", "-"], input=pdf,
                                                  capture_output=True, check=True)))
        start = time.perf_counter()
        made = safe_rendition.make(pdf, Mime.pdf, pages=PAGES)
        ours.append(time.perf_counter() - start)
        peaks.append(made.peak_kb / 1024)
        sizes.append(len(made.pdf))
        photos.append(_timed(lambda: safe_rendition.make(picture, Mime.jpeg)))
    per_page, ref_page = statistics.median(ours) / PAGES, statistics.median(refs) / PAGES
    name = f"safe rendition: born-digital PDF, {PAGES} pages"
    limit_mb = sandbox.Limits().memory / 1048576
    return [
        {"name": name, "metric": "time per page", "unit": "s", "ours": per_page,
         "reference": ref_page, "reference_label": "pdftoppm -r 150 alone, same pages",
         "target": "report only (the sandbox, pipes, encoding and text layer on top)",
         "ok": True},
        {"name": name, "metric": "rendition size per page", "unit": "kB",
         "ours": statistics.median(sizes) / PAGES / 1000, "reference": len(pdf) / PAGES / 1000,
         "reference_label": "the cleaned PDF", "target": "report only", "ok": True},
        {"name": name, "metric": "child peak RSS", "unit": "MB",
         "ours": statistics.median(peaks), "reference": None, "reference_label": "",
         "target": f"< {limit_mb:.0f} MB (its limit)",
         "ok": statistics.median(peaks) < limit_mb},
        {"name": "safe rendition: 12-megapixel photo", "metric": "time", "unit": "s",
         "ours": statistics.median(photos), "reference": None, "reference_label": "",
         "target": "report only", "ok": True},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
