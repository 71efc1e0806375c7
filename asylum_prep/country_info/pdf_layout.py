"""What a PDF says about itself beyond its text: printed page labels, the outline, metadata.

Read with pikepdf. `page_labels` gives each page's printed label ("ii", "2") when the PDF has
/PageLabels, else the page numbers; `outline_titles` gives the bookmark titles per page
(headings are found from them when there are any). Nothing here reads the text itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf

MAX_OUTLINE = 5000


@dataclass
class PdfFacts:
    labels: list[str]
    outline: dict[int, list[str]] = field(default_factory=dict)  # page number -> titles
    title: str = ""
    author: str = ""
    created: str = ""


def _page_number(pdf: pikepdf.Pdf, dest: Any) -> int | None:
    """The 1-based page a destination points to (explicit or named), or None."""
    if isinstance(dest, pikepdf.String | pikepdf.Name):
        name = str(dest).lstrip("/")
        try:
            names = pdf.Root.get("/Names")
            tree = pikepdf.NameTree(names.Dests) if names is not None and "/Dests" in names \
                else None
            dest = tree[name] if tree is not None and name in tree else None
            if dest is None and "/Dests" in pdf.Root:
                dest = pdf.Root.Dests.get(pikepdf.Name("/" + name))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
    if isinstance(dest, pikepdf.Dictionary) and "/D" in dest:
        dest = dest.D
    if isinstance(dest, pikepdf.Array) and len(dest) > 0:
        try:
            return pdf.pages.index(pikepdf.Page(dest[0])) + 1
        except (ValueError, TypeError, AttributeError):
            return None
    return None


def _outline(pdf: pikepdf.Pdf) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    seen = 0
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack and seen < MAX_OUTLINE:
            item = stack.pop()
            seen += 1
            dest: Any = item.destination
            if dest is None and item.action is not None and item.action.get("/S") == "/GoTo":
                dest = item.action.get("/D")
            page = _page_number(pdf, dest)
            if page is not None and str(item.title).strip():
                out.setdefault(page, []).append(str(item.title).strip())
            stack.extend(reversed(item.children))
    return out


def _info(pdf: pikepdf.Pdf, key: str) -> str:
    try:
        value = pdf.docinfo.get(key)
    except (KeyError, TypeError, ValueError):
        return ""
    return str(value).strip() if value is not None else ""


def read_facts(data: bytes) -> PdfFacts:
    """Labels, outline and document info. Raises pikepdf.PdfError (incl. PasswordError) and
    the errors of a damaged file; the caller turns them into a refusal."""
    import io

    with pikepdf.open(io.BytesIO(data)) as pdf:
        labels = []
        for number, page in enumerate(pdf.pages, 1):
            try:
                label = str(page.label).strip()
            except (ValueError, TypeError, AttributeError, pikepdf.PikepdfError):
                label = ""
            labels.append(label[:32] or str(number))
        try:
            outline = _outline(pdf)
        except (pikepdf.PikepdfError, ValueError, TypeError, AttributeError, RecursionError):
            outline = {}
        return PdfFacts(labels, outline, _info(pdf, "/Title"), _info(pdf, "/Author"),
                        _info(pdf, "/CreationDate"))
