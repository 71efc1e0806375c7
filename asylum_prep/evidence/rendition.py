"""PDF renditions of Word documents and plain text, so they can be counted, previewed and filed.

Text is rendered with WeasyPrint from an escaped template (fast, no subprocess). DOCX is
converted by LibreOffice headless (evidence/office.py: private profile, no network, working
files only in the process's private scratch space in RAM, removed afterwards).
It is slow (seconds), so the rendition is made once at intake and stored as an encrypted
blob with purpose "rendition".
"""

from __future__ import annotations

from asylum_prep.errors import N_
from asylum_prep.evidence import office
from asylum_prep.evidence.html_pdf import html_to_pdf, render_template

W_NO_RENDITION = N_("This Word document could not be converted to PDF here, so it cannot be "
                    "counted or put in the exhibit packet. Save it as PDF and add the PDF.")


def text_to_pdf(text: str, *, lang: str = "und", page_size: str = "letter") -> bytes:
    return html_to_pdf(render_template("text.html", text=text, lang=lang or "und",
                                       page_size=page_size))


def soffice_path() -> str | None:
    return office.soffice_path()


def docx_to_pdf(data: bytes) -> bytes | None:
    """The PDF LibreOffice makes of `data`, or None when it is missing or fails."""
    return office.docx_to_pdf(data)
