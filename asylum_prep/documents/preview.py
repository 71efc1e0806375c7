"""First pages of a PDF as PNG images for an on-screen preview (poppler's pdftoppm).

WeasyPrint cannot rasterise and pypdfium2 is not a dependency; pdftoppm (poppler-utils) is.
Runs in a private temporary directory that is removed afterwards; the PDF never touches a
shared location.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def available() -> bool:
    return shutil.which("pdftoppm") is not None


def preview_pages(pdf: bytes, *, pages: int = 2, dpi: int = 60) -> list[bytes]:
    if not available():
        return []
    with tempfile.TemporaryDirectory(prefix="preview-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-png",
                "-f",
                "1",
                "-l",
                str(pages),
                str(src),
                str(Path(tmp) / "p"),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p-*.png"))]
