"""First-page thumbnails: pictures with Pillow in memory; PDFs through the one pdftoppm
wrapper (`asylum_prep.pdf_png`: stdin/stdout pipes, nothing decrypted is written to disk)."""

from __future__ import annotations

import io
import subprocess

from PIL import Image

from asylum_prep import pdf_png
from asylum_prep.errors import N_, InputRefused


def first_page_png(data: bytes, mime: str, *, width: int = 240) -> bytes:
    if mime.startswith("image/"):
        img = Image.open(io.BytesIO(data))
        img.thumbnail((width, width * 2))
        out = io.BytesIO()
        img.convert("RGB").save(out, "PNG")
        return out.getvalue()
    if mime != "application/pdf":
        raise InputRefused(N_("There is no preview for this kind of file."))
    if not pdf_png.available():
        raise InputRefused(N_("Previews need poppler-utils (pdftoppm), which is not installed."))
    try:
        png = pdf_png.page_png(data, 1, width=width)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        png = None
    if png is None:
        raise InputRefused(N_("No preview could be made of this file."))
    return png
