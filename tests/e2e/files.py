"""Real files the journeys upload: a phone photo carrying GPS and a comment, a small PDF."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def photo_with_gps(path: Path) -> Path:
    """A JPEG like a phone's: EXIF with a GPS position, a camera model and a comment."""
    image = Image.new("RGB", (1200, 900), (200, 180, 160))
    exif = Image.Exif()
    exif[0x0110] = "Fictional Phone 12"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (35.0, 41.0, 0.0)  # latitude
    gps[3], gps[4] = "E", (51.0, 25.0, 0.0)  # longitude
    buf = io.BytesIO()
    image.save(buf, "JPEG", exif=exif, comment=b"taken at home")
    path.write_bytes(buf.getvalue())
    return path


def summons_pdf(path: Path) -> Path:
    from weasyprint import HTML

    HTML(string="<h1>Summons (fictional)</h1><p>Report to the Revolutionary Court.</p>").write_pdf(
        path
    )
    return path
