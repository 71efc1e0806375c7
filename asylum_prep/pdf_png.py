"""PDF pages as PNG images, through poppler's pdftoppm: the one wrapper, used by the document
preview, the evidence thumbnails and the tests.

WeasyPrint cannot rasterise and pypdfium2 is not a dependency; pdftoppm (poppler-utils) is.
The PDF may be a decrypted case document or exhibit, so it never touches a file: pdftoppm
reads it from a pipe and, given no output name, writes the page's PNG to a pipe. One page per
call: several pages would come out as one stream of PNGs.
"""

from __future__ import annotations

import shutil
import subprocess

TOOL = "pdftoppm"
WRONG_PAGE_RANGE = 99  # pdftoppm's exit status for a page past the end
TIMEOUT = 60  # seconds per page


def available() -> bool:
    """Whether pdftoppm is installed."""
    return shutil.which(TOOL) is not None


def page_png(pdf: bytes, page: int = 1, *, dpi: int | None = None,
             width: int | None = None) -> bytes | None:
    """Page `page` (from 1) of `pdf` as PNG, at `dpi` (pdftoppm's default 150) or scaled to
    `width` pixels with its proportions kept; None past the last page.

    Raises subprocess.CalledProcessError when pdftoppm fails (a broken PDF) or writes
    nothing, subprocess.TimeoutExpired after `TIMEOUT` seconds, and OSError (FileNotFoundError)
    when pdftoppm is not installed."""
    args = [TOOL, "-png", "-f", str(page), "-l", str(page)]
    if dpi is not None:
        args += ["-r", str(dpi)]
    if width is not None:
        args += ["-scale-to-x", str(width), "-scale-to-y", "-1"]
    done = subprocess.run([*args, "-"], input=pdf, capture_output=True, timeout=TIMEOUT,
                          check=False)  # "-" reads stdin; no output root: the PNG goes to stdout
    if done.returncode == WRONG_PAGE_RANGE:
        return None
    if done.returncode != 0 or not done.stdout:
        raise subprocess.CalledProcessError(done.returncode, TOOL, stderr=done.stderr)
    return done.stdout
