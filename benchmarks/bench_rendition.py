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
import time

PAGES, RUNS = 10, 5


def text_pdf(pages: int, rng: random.Random) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for p in range(pages):
        pdf.add_blank_page(page_size=(612, 792))
        page = pdf.pages[-1]
        page.obj["/Resources"] = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        side = 40
        img = pikepdf.Stream(pdf, bytes(rng.getrandbits(8) for _ in range(side * side * 3)))
        img.Type, img.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        img.Width, img.Height, img.BitsPerComponent = side, side, 8
        img.ColorSpace = pikepdf.Name.DeviceRGB
        name = page.add_resource(img, pikepdf.Name.XObject, prefix="Im")
        lines = "".join(f"BT /F1 11 Tf 72 {700 - 14 * i} Td (Page {p + 1} line {i}: the "
                        f"applicant was questioned about the meeting) Tj ET\n" for i in range(40))
        page.contents_add(pdf.make_stream(
            (lines + f"q 120 0 0 120 400 80 cm {name} Do Q").encode()))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


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
