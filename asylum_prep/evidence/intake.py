"""One uploaded file in, one cleaned copy (and a PDF rendition where needed) out, or a refusal.

Pure: no storage, no access checks (the service does those). The type comes from the bytes
only; the file name is never looked at here.
"""

from __future__ import annotations

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence import detect, docx_clean, image_clean, pdf_clean, rendition
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
            language: str = "und") -> Cleaned:
    """Detect, clean and (for DOCX and text) render `data`; InputRefused with a reason."""
    check_size(len(data), max_bytes)
    mime = detect.detect(data)
    if mime is Mime.pdf:
        return pdf_clean.clean_pdf(data)
    if mime.is_image:
        return image_clean.clean_image(data, mime)
    if mime is Mime.docx:
        cleaned = docx_clean.clean_docx(data)
        pdf = rendition.docx_to_pdf(cleaned.data)
        if pdf is None:
            cleaned.warnings.append(rendition.W_NO_RENDITION)
            return cleaned
        render = pdf_clean.clean_pdf(pdf)
        cleaned.rendition, cleaned.page_count = render.data, render.page_count
        return cleaned
    cleaned = docx_clean.clean_text(data)
    pdf = rendition.text_to_pdf(cleaned.data.decode("utf-8"), lang=language,
                                page_size=page_size)
    cleaned.rendition, cleaned.page_count = pdf, pdf_clean.page_count(pdf)
    return cleaned
