"""Continuation pages for an official form, in the manner of the I-589's Supplement B.

Text that did not fit its field (`pdf_form_fill.FillResult.overflow`) is printed here whole,
each under the item it continues ("Part A.I, item 13: City and country of birth"), in the
order given, after a caption with the applicant's name and A-Number, as the form's own
supplement asks. The pages are a `Document` rendered by the project's PDF renderer
(`documents.pdf`, WeasyPrint: every script is shaped, nothing is fetched) and appended to the
filled form with pikepdf (`append_pages`). The wording is English: the form is filed in
English, like the brief.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf

from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.model import (
    Block,
    Caption,
    Document,
    Heading,
    Paragraph,
    RunningText,
    Text,
)


@dataclass(frozen=True)
class ContinuedItem:
    label: str  # the item it continues, e.g. "Part B, question 1.A"
    text: str


def supplement_document(items: Sequence[ContinuedItem], *, name: str, a_number: str,
                        form_title: str = "Form I-589", supplement: str = "B") -> Document:
    """The continuation pages as a document (letter paper, English wording); `supplement`
    names the form's supplement they stand for ("A" for more children, "B" for more room)."""

    def en(text: str) -> Text:
        return Text(text=text, lang="en")

    title = f"Supplement {supplement}, {form_title}: additional information"
    blocks: list[Block] = [Caption(title=en(title), rows=(
        (en("Applicant's name:"), en(name or "—")),
        (en("A-Number (if available):"), en(a_number or "—")),
    ))]
    for item in items:
        blocks.append(Heading(text=en(f"Continuation of {item.label}"), level=2))
        for paragraph in (p for p in item.text.split("\n") if p.strip()):
            blocks.append(Paragraph(parts=(en(paragraph),)))
    return Document(
        title=title, lang="en", blocks=tuple(blocks), kind="form-supplement",
        page_size="letter",
        running=RunningText(header=(en(form_title), en(
            f"Supplement {supplement} · {name}" if name else f"Supplement {supplement}"))),
    )


def supplement_pages(items: Sequence[ContinuedItem], *, name: str, a_number: str,
                     form_title: str = "Form I-589", supplement: str = "B") -> bytes:
    """The continuation pages as PDF."""
    content, _notices = pdf_renderer.render(supplement_document(
        items, name=name, a_number=a_number, form_title=form_title, supplement=supplement))
    return content


def append_pages(form_pdf: bytes, extra_pdf: bytes) -> bytes:
    """`form_pdf` with every page of `extra_pdf` after its own, in order; the form's fields
    stay as they are."""
    with pikepdf.open(io.BytesIO(form_pdf)) as form, pikepdf.open(io.BytesIO(extra_pdf)) as extra:
        form.pages.extend(extra.pages)
        out = io.BytesIO()
        form.save(out, deterministic_id=True)
    return out.getvalue()
