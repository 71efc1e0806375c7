"""Born-digital PDFs for the benchmarks: Letter pages of 40 lines of Helvetica text and a small
noise picture each (the picture keeps renditions and packets from being all text)."""

from __future__ import annotations

import io
import random
from collections.abc import Callable


def text_pdf(pages: int, rng: random.Random, line: Callable[[int, int], str]) -> bytes:
    """`pages` pages; `line(page, i)` is the text of line i of a page (both from 0)."""
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
        lines = "".join(f"BT /F1 11 Tf 72 {700 - 14 * i} Td ({line(p, i)}) Tj ET\n"
                        for i in range(40))
        page.contents_add(pdf.make_stream(
            (lines + f"q 120 0 0 120 400 80 cm {name} Do Q").encode()))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
