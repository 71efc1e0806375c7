"""First pages of a PDF as PNG images for an on-screen preview (poppler's pdftoppm).

WeasyPrint cannot rasterise and pypdfium2 is not a dependency; pdftoppm (poppler-utils) is.
The PDF is a case document, so it never touches a file: pdftoppm reads it from a pipe and,
given no output name, writes the page's PNG to a pipe (one page per call: several pages would
come out as one stream of PNGs).
"""

from __future__ import annotations

import shutil
import subprocess

WRONG_PAGE_RANGE = 99  # pdftoppm's exit status for a page past the end


def available() -> bool:
    return shutil.which("pdftoppm") is not None


def _page_png(pdf: bytes, page: int, dpi: int) -> bytes | None:
    """Page `page` (from 1) as PNG; None past the last page."""
    done = subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-"],
        input=pdf, capture_output=True, timeout=60, check=False,
    )
    if done.returncode == WRONG_PAGE_RANGE:
        return None
    if done.returncode != 0 or not done.stdout:
        raise subprocess.CalledProcessError(done.returncode, "pdftoppm", stderr=done.stderr)
    return done.stdout


def preview_pages(pdf: bytes, *, pages: int = 2, dpi: int = 60) -> list[bytes]:
    if not available():
        return []
    images = []
    for page in range(1, pages + 1):
        png = _page_png(pdf, page, dpi)
        if png is None:
            break
        images.append(png)
    return images
