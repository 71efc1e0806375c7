"""Prepare an official PDF form a firm imports (e.g. the USCIS I-589) so the app can fill it.

What is done, in order, and what is refused (nothing is kept from a refused file):

- Refused: a file over `MAX_FORM_BYTES`, one that is not a PDF, one that needs a password to
  open, one whose permissions do not allow filling its form (the flags are respected, not
  worked around), one with more than `MAX_PAGES` pages, and one without AcroForm fields.
- Decrypted: a form encrypted with an empty user password that allows form filling is saved
  without encryption, so that the filled copy opens everywhere.
- The XFA layer is dropped (`/AcroForm /XFA`, `/NeedsRendering`), so every viewer shows the
  AcroForm fields the app fills, and so is the usage-rights signature (`/Perms`), which the
  filled copy would break anyway. An XFA form's own version-check scripts (the document-level
  JavaScript named "!ADBE::..." that Adobe's designer adds to ask for a newer Reader) belong to
  the XFA layer and go with it.
- Refused: any other script or active content (document-level JavaScript, open actions,
  additional actions on a page or field, launch, submit, import or reset actions, embedded
  files). A form that computes or submits anything is not a form the app should file.
- The edition printed in the footer (e.g. "Form I-589 (Rev. 04/09/19)", "Form I-589 Edition
  01/20/25") is read from the page text with pypdf; a file where it cannot be found is
  refused: it is not the form asked for.

The fields are listed (`pdf_form_fields.inventory`) and the names a caller says it knows are
checked against them: those the file does not have are returned, in the caller's order.
Pure: no storage, no audit (`services/forms.py` does both).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

from asylum_prep.documents.pdf_form_fields import NOT_PDF, FieldInfo, inventory
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence.pdf_clean import BAD_ACTIONS

MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_PAGES = 100
ADOBE_VERSION_CHECK = "!ADBE::"
_EDITION_PAGES = 3  # the footer is read from the first pages (and the last one)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")

TOO_BIG = N_("This file is too large to be an official form.")
NEEDS_PASSWORD = N_("This form is protected with a password. Import a copy that opens "
                    "without one, as published.")
NO_FILLING = N_("This form's permissions do not allow filling it in. Import the copy as "
                "published, which allows filling.")
NO_FIELDS = N_("This PDF has no fillable fields: import the fillable edition of the form.")
SCRIPTS = N_("This form contains scripts or automatic actions, which are not accepted. "
             "Import the copy as published.")
NO_EDITION = N_("The edition printed at the foot of the form could not be found. Check that "
                "this is Form {form}.")


@dataclass(frozen=True)
class PreparedForm:
    pdf: bytes  # decrypted, without the XFA layer
    edition: str  # as printed, e.g. "04/09/19"
    fields: list[FieldInfo]
    unplaced: list[str]  # the known names the file does not have
    page_count: int


def _open(data: bytes) -> pikepdf.Pdf:
    if len(data) > MAX_FORM_BYTES:
        raise InputRefused(TOO_BIG)
    if b"%PDF-" not in data[:1024]:
        raise InputRefused(NOT_PDF)
    try:
        return pikepdf.open(io.BytesIO(data), password="")
    except pikepdf.PasswordError:
        raise InputRefused(NEEDS_PASSWORD) from None
    except (pikepdf.PdfError, ValueError, RuntimeError):
        raise InputRefused(NOT_PDF) from None


def _drop_version_check(pdf: pikepdf.Pdf) -> None:
    """Remove the document-level scripts when every one is an XFA version check; leave any
    other in place for `_check_inert` to refuse."""
    names = pdf.Root.get("/Names")
    if not isinstance(names, Dictionary) or "/JavaScript" not in names:
        return
    try:
        keys = list(pikepdf.NameTree(names.JavaScript).keys())
    except (TypeError, ValueError, pikepdf.PdfError):
        return
    if keys and all(str(k).startswith(ADOBE_VERSION_CHECK) for k in keys):
        del names["/JavaScript"]
        if not names.keys():
            del pdf.Root["/Names"]


def _strip_xfa(pdf: pikepdf.Pdf) -> None:
    acroform = pdf.Root.get("/AcroForm")
    if isinstance(acroform, Dictionary):
        for key in ("/XFA", "/NeedAppearances"):
            if key in acroform:
                del acroform[key]
    for key in ("/NeedsRendering", "/Perms"):
        if key in pdf.Root:
            del pdf.Root[key]
    _drop_version_check(pdf)


def _check_inert(pdf: pikepdf.Pdf) -> None:
    """Refuse a document that still carries any script or automatic action."""
    root = pdf.Root
    names = root.get("/Names")
    if "/OpenAction" in root or "/AA" in root or (
        isinstance(names, Dictionary) and ("/JavaScript" in names or "/EmbeddedFiles" in names)
    ):
        raise InputRefused(SCRIPTS)
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | pikepdf.Stream):
            continue
        if "/AA" in obj or "/JS" in obj or str(obj.get("/S", "")) in BAD_ACTIONS:
            raise InputRefused(SCRIPTS)
        if obj.get("/Type") == Name.Filespec or obj.get("/Subtype") == Name.FileAttachment:
            raise InputRefused(SCRIPTS)


def _field_count(pdf: pikepdf.Pdf) -> int:
    acroform = pdf.Root.get("/AcroForm")
    fields = acroform.get("/Fields") if isinstance(acroform, Dictionary) else None
    return len(fields) if isinstance(fields, Array) else 0


def page_text(data: bytes, pages: Iterable[int]) -> str:
    """The text of some pages (0-based; those that do not exist are skipped), read by pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        return "\n".join(reader.pages[i].extract_text() or "" for i in dict.fromkeys(pages)
                         if 0 <= i < count)
    except (PyPdfError, ValueError, KeyError, TypeError, RecursionError):
        return ""


def find_edition(text: str, form_number: str) -> str | None:
    """The edition date printed after the form number ("Rev. 04/09/19", "Edition 01/20/25",
    "Ed. 1/20/2025"), as printed; None when there is none."""
    text = " ".join(_DASHES.sub("-", text).split())
    number = r"\s*-?\s*".join(re.escape(p) for p in form_number.split("-"))
    pattern = (rf"Form\s+{number}\b[^/\n]{{0,40}}?(?:Rev\.?|Revision|Edition|Ed\.)\s*"
               r"(\d{1,2}/\d{1,2}/\d{2,4})")
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(1) if found else None


def prepare_form(data: bytes, *, form_number: str,
                 known_fields: Iterable[str] = ()) -> PreparedForm:
    """The file, decrypted and without XFA, with its fields, edition and the known names it
    lacks; InputRefused (nothing kept) for anything listed in the module docstring."""
    with _open(data) as pdf:
        if pdf.is_encrypted and not pdf.allow.modify_form:
            raise InputRefused(NO_FILLING)
        if len(pdf.pages) > MAX_PAGES:
            raise InputRefused(TOO_BIG)
        if _field_count(pdf) == 0:
            raise InputRefused(NO_FIELDS)
        _strip_xfa(pdf)
        out = io.BytesIO()
        try:
            pdf.save(out, encryption=False, deterministic_id=True)
        except (pikepdf.PdfError, ValueError, RuntimeError):
            raise InputRefused(NOT_PDF) from None
    prepared = out.getvalue()
    with pikepdf.open(io.BytesIO(prepared)) as saved:  # what was written: nothing unreferenced
        _check_inert(saved)
        fields = inventory(saved)
        page_count = len(saved.pages)
    if not fields:
        raise InputRefused(NO_FIELDS)
    pages = [*range(_EDITION_PAGES), page_count - 1]
    edition = find_edition(page_text(prepared, pages), form_number)
    if edition is None:
        raise InputRefused(NO_EDITION, form=form_number)
    names = {f.name for f in fields}
    unplaced = [n for n in dict.fromkeys(known_fields) if n not in names]
    return PreparedForm(prepared, edition, fields, unplaced, page_count)
