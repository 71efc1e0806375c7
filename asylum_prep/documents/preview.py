"""First pages of a rendered case document as PNG images for an on-screen preview, through
the one pdftoppm wrapper (`asylum_prep.pdf_png`: pipes only, the PDF never touches a file)."""

from __future__ import annotations

from asylum_prep import pdf_png


def preview_pages(pdf: bytes, *, pages: int = 2, dpi: int = 60) -> list[bytes]:
    """Up to `pages` first pages as PNG; none when pdftoppm is not installed. A broken PDF
    raises subprocess.CalledProcessError (our own renderer made it: that is a bug to see)."""
    if not pdf_png.available():
        return []
    images = []
    for page in range(1, pages + 1):
        png = pdf_png.page_png(pdf, page, dpi=dpi)
        if png is None:
            break
        images.append(png)
    return images
