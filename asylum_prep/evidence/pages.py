"""First-page thumbnails: pictures with Pillow in memory; PDFs with poppler's pdftoppm through
stdin/stdout pipes (nothing decrypted is written to disk)."""

from __future__ import annotations

import io
import shutil
import subprocess

from PIL import Image

from asylum_prep.errors import N_, InputRefused

TIMEOUT = 60


def first_page_png(data: bytes, mime: str, *, width: int = 240) -> bytes:
    if mime.startswith("image/"):
        img = Image.open(io.BytesIO(data))
        img.thumbnail((width, width * 2))
        out = io.BytesIO()
        img.convert("RGB").save(out, "PNG")
        return out.getvalue()
    if mime != "application/pdf":
        raise InputRefused(N_("There is no preview for this kind of file."))
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise InputRefused(N_("Previews need poppler-utils (pdftoppm), which is not installed."))
    try:
        done = subprocess.run(
            [tool, "-png", "-f", "1", "-l", "1", "-scale-to-x", str(width),
             "-scale-to-y", "-1", "-"],  # no output root: the PNG goes to stdout
            input=data, capture_output=True, timeout=TIMEOUT, check=True,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        raise InputRefused(N_("No preview could be made of this file.")) from None
    return done.stdout
