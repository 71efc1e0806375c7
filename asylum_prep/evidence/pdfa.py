"""PDF/A-2b output for the packet, through pikepdf's PDF/A module (pikepdf.pdfa).

`pdfa.save` prepares each part (one sRGB output intent with the ICC profile pikepdf ships,
XMP metadata declaring pdfaid:part 2, conformance B, no JavaScript, printable annotations),
writes it, reopens what it wrote and approves it only if every construct it finds is one it
knows conforms (an allowlist: a refusal may be over-cautious, an approval is not). Fonts are
not embedded by it: every font in the packet already is (Noto Sans subsets, WeasyPrint's
subsets, the text layer's font), and a part with one that is not is refused, never written.
A packet that cannot pass is refused with the validator's reasons; never a plain PDF instead.
"""

from __future__ import annotations

from typing import BinaryIO

import pikepdf
from pikepdf import Name

from asylum_prep.errors import N_, InputRefused

FLAVOUR = "2b"
N_UNAVAILABLE = N_("The packet cannot be made as PDF/A-2b on this installation ({reason}). "
                   "Make it without PDF/A, or install pikepdf's PDF/A support.")
N_REFUSED = N_("The packet could not be made as PDF/A-2b, so it was not made: {reason}")


def require() -> None:
    """InputRefused, with the reason, when pikepdf's PDF/A module cannot be loaded."""
    try:
        import pikepdf.pdfa  # noqa: F401 - its optional dependencies are checked on import
    except ImportError as exc:
        raise InputRefused(N_UNAVAILABLE, reason=str(exc)) from None


def reasons(findings: list[str], most: int = 3) -> str:
    shown = "; ".join(findings[:most])
    return shown + (f" (and {len(findings) - most} more)" if len(findings) > most else "")


_EMPTY_ALLOWED = (Name.Pattern, Name.Shading, Name.XObject, Name.ExtGState, Name.ColorSpace)


def _prune(resources: pikepdf.Object) -> None:
    for key in _EMPTY_ALLOWED:
        value = resources.get(key)
        if isinstance(value, pikepdf.Dictionary) and len(value.keys()) == 0:
            del resources[key]


def prune_empty_resources(pdf: pikepdf.Pdf) -> None:
    """Drop the empty /Pattern, /Shading... dictionaries WeasyPrint writes into resources: the
    validator does not know patterns and shadings, even none of them."""
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            resources = obj.get(Name.Resources)
            if isinstance(resources, pikepdf.Dictionary):
                _prune(resources)
    for page in pdf.pages:
        resources = page.obj.get(Name.Resources)
        if isinstance(resources, pikepdf.Dictionary):
            _prune(resources)


def save(pdf: pikepdf.Pdf, out: BinaryIO) -> None:
    """Write `pdf` to `out` as validated PDF/A-2b, or raise InputRefused naming why not."""
    require()
    from pikepdf import pdfa

    prune_empty_resources(pdf)

    try:
        pdfa.save(pdf, out, FLAVOUR, output_intent="sRGB")
    except pdfa.PdfaError as exc:
        found = [f"{f.message} ({f.where})" for f in exc.report.findings]
        raise InputRefused(N_REFUSED, reason=reasons(found)) from None
