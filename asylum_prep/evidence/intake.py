"""One uploaded file in, one cleaned copy (and a PDF rendition where needed) out, or a refusal.

Every PDF, picture, Word document and text file also gets its safe rendition (each page
redrawn as a picture in a sandbox, evidence.safe_rendition), which the exhibit packet is built
from; a file the sandbox cannot draw is refused. A Word document is converted to PDF inside
that sandbox too: the PDF it sends back is cleaned like an upload and kept as the document's
rendition (previews, page count).

Pure: no storage, no access checks (the service does those). The type comes from the bytes
only; the file name is never looked at here.
"""

from __future__ import annotations

from functools import partial

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence import (
    detect,
    docx_clean,
    image_clean,
    pdf_clean,
    rendition,
    safe_rendition,
    sandbox,
)
from asylum_prep.evidence.cleaned import Cleaned

N_ORIGINAL_KEPT = N_("Your legal team also keeps the original file as it was sent, with the "
                     "details listed above still in it.")
N_ORIGINAL_KEPT_LOCATION = N_("Your legal team also keeps the original file as it was sent, "
                              "which still shows the location and the other details listed "
                              "above.")


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputRefused(N_("This file is {size_mb} MB; the limit is {max_mb} MB per file. "
                              "Split it or save a smaller copy."),
                           size_mb=_mb(size), max_mb=_mb(max_bytes))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}"


def kept_original_notices(removed: list[str]) -> list[str]:
    """What to add to the notices when the untouched original is kept beside the cleaned
    copy: the details were removed from the copy only, and the applicant must not be told
    otherwise (the location above all)."""
    if not removed:
        return []
    return [N_ORIGINAL_KEPT_LOCATION if image_clean.N_LOCATION in removed else N_ORIGINAL_KEPT]


def process(data: bytes, *, max_bytes: int, page_size: str = "letter",
            language: str = "und", memory_mb: int = 1024, cpu_seconds: int = 60) -> Cleaned:
    """Detect, clean and render `data`; InputRefused with a reason. `memory_mb` and
    `cpu_seconds` are the sandbox's limits (Settings.rendition_*)."""
    check_size(len(data), max_bytes)
    make = partial(safe_rendition.make, page_size=page_size, memory_mb=memory_mb,
                   cpu_seconds=cpu_seconds)
    mime = detect.detect(data)
    if mime is Mime.pdf or mime.is_image:
        cleaned = pdf_clean.clean_pdf(data) if mime is Mime.pdf else image_clean.clean_image(
            data, mime)
        made = make(cleaned.data, mime, pages=cleaned.page_count)
        cleaned.safe_rendition = made.pdf
        return cleaned
    if mime is Mime.docx:
        cleaned = docx_clean.clean_docx(data)
        try:
            made = make(cleaned.data, mime)
        except sandbox.NoConverter:
            cleaned.warnings.append(rendition.W_NO_RENDITION)
            return cleaned
        assert made.converted_pdf is not None
        render = pdf_clean.clean_pdf(made.converted_pdf)
        if render.page_count != made.pages:
            raise sandbox.RenditionFailed("the Word document's PDF changed when cleaned")
        cleaned.rendition, cleaned.page_count = render.data, render.page_count
        cleaned.safe_rendition = made.pdf
        return cleaned
    cleaned = docx_clean.clean_text(data)
    pdf = rendition.text_to_pdf(cleaned.data.decode("utf-8"), lang=language,
                                page_size=page_size)
    cleaned.rendition, cleaned.page_count = pdf, pdf_clean.page_count(pdf)
    cleaned.safe_rendition = make(pdf, Mime.pdf, pages=cleaned.page_count).pdf
    return cleaned
