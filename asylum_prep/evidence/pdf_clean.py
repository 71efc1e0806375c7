"""PDF intake: open with qpdf (pikepdf), refuse what cannot be read safely, strip active content.

Removed: the document's open action and additional actions (document, page, annotation and
form-field level), the JavaScript and EmbeddedFiles name trees, associated files (/AF),
embedded-file streams of file specifications, file-attachment / sound / movie / screen /
rich-media annotations, actions that launch programs, run scripts, submit or import form
data, open other files (GoToR/GoToE) or play media, links whose URI is not http(s) or mailto,
XFA forms, the document information dictionary, XMP metadata on every object, PieceInfo
(private application data). Page content, plain web links and internal links are kept.
The result is read back and checked before it is accepted.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Stream

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused, IntegrityError
from asylum_prep.evidence.cleaned import Cleaned

MAX_PAGES = 5000
BAD_ACTIONS = frozenset({
    "/Launch", "/JavaScript", "/ImportData", "/SubmitForm", "/ResetForm", "/GoToR", "/GoToE",
    "/Rendition", "/Sound", "/Movie", "/RichMediaExecute", "/GoTo3DView",
})
BAD_ANNOTS = frozenset({"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"})
SAFE_URI = ("http://", "https://", "mailto:")
ROOT_KEYS = ("/OpenAction", "/AA", "/Metadata", "/AF", "/Collection", "/PieceInfo",
             "/SpiderInfo", "/Perms", "/URI")
NAME_TREES = ("/JavaScript", "/EmbeddedFiles", "/Renditions", "/AlternatePresentations")

N_SCRIPTS = N_("Scripts removed.")
N_ACTIONS = N_("Automatic actions removed.")
N_ATTACHMENTS = N_("Attached files removed.")
N_LINKS = N_("Links that open programs or files removed.")
N_DETAILS = N_("Document details (author, software, dates) removed.")
N_XFA = N_("Interactive form layer (XFA) removed.")
N_REPAIRED = N_("The file's structure was damaged and has been repaired; check the pages.")


def _is_bad_action(action: object) -> bool:
    if not isinstance(action, Dictionary):
        return False
    kind = str(action.get("/S", ""))
    if kind in BAD_ACTIONS:
        return True
    if kind == "/URI":
        uri = str(action.get("/URI", "")).strip().lower()
        return not uri.startswith(SAFE_URI)
    return False


def findings(pdf: pikepdf.Pdf) -> set[str]:
    """Notices for the active or identifying content present in `pdf` (empty when clean)."""
    found: set[str] = set()
    root = pdf.Root
    names = root.get("/Names")
    if "/OpenAction" in root or "/AA" in root:
        found.add(N_ACTIONS)
    if isinstance(names, Dictionary):
        if "/JavaScript" in names:
            found.add(N_SCRIPTS)
        if "/EmbeddedFiles" in names:
            found.add(N_ATTACHMENTS)
    acro = root.get("/AcroForm")
    if isinstance(acro, Dictionary) and "/XFA" in acro:
        found.add(N_XFA)
    if "/Info" in pdf.trailer or "/Metadata" in root or "/PieceInfo" in root:
        found.add(N_DETAILS)
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | Stream):
            continue
        if "/AA" in obj:
            found.add(N_ACTIONS)
        if "/JS" in obj:
            found.add(N_SCRIPTS)
        if "/AF" in obj or "/EF" in obj or obj.get("/Subtype") in BAD_ANNOTS:
            found.add(N_ATTACHMENTS)
        if "/Metadata" in obj or "/PieceInfo" in obj:
            found.add(N_DETAILS)
        for key in ("/A", "/Next"):
            if _is_bad_action(obj.get(key)):
                found.add(N_SCRIPTS if obj[key].get("/S") == "/JavaScript" else N_LINKS)
    return found


def _strip(pdf: pikepdf.Pdf) -> None:
    root = pdf.Root
    for key in ROOT_KEYS:
        if key in root:
            del root[key]
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key in NAME_TREES:
            if key in names:
                del names[key]
    acro = root.get("/AcroForm")
    if isinstance(acro, Dictionary) and "/XFA" in acro:
        del acro["/XFA"]
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if isinstance(annots, Array):
            kept = [a for a in annots
                    if not (isinstance(a, Dictionary) and a.get("/Subtype") in BAD_ANNOTS)]
            page.obj["/Annots"] = Array(kept)
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | Stream):
            continue
        for key in ("/AA", "/AF", "/EF", "/Metadata", "/PieceInfo"):
            if key in obj:
                del obj[key]
        if "/Next" in obj and "/S" in obj:
            del obj["/Next"]
        if _is_bad_action(obj.get("/A")):
            del obj["/A"]
        if "/JS" in obj or _is_bad_action(obj):
            for key in list(obj.keys()):
                if key != "/Type":
                    del obj[key]


def _open(data: bytes) -> pikepdf.Pdf:
    try:
        pdf = pikepdf.Pdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise InputRefused(N_(
            "This PDF is protected by a password, so it cannot be checked or numbered. Open "
            "it, print it to a new PDF without a password (\"Print to PDF\"), and add that "
            "copy, or ask whoever sent it for an unprotected copy.")) from None
    except pikepdf.PdfError:
        raise InputRefused(N_("This PDF is damaged or incomplete and cannot be read. Download "
                              "or scan it again and add the new copy.")) from None
    if pdf.is_encrypted:
        raise InputRefused(N_(
            "This PDF is encrypted (it restricts printing or copying). Print it to a new PDF "
            "without a password (\"Print to PDF\") and add that copy, or ask whoever sent it "
            "for an unprotected copy."))
    return pdf


def clean_pdf(data: bytes) -> Cleaned:
    pdf = _open(data)
    with pdf:
        repaired = bool(pdf.get_warnings())
        try:
            problems = pdf.check_pdf_syntax()
            count = len(pdf.pages)
        except pikepdf.PdfError:
            problems, count = ["unreadable"], 0
        if problems or count == 0:
            raise InputRefused(N_("This PDF is damaged or incomplete and cannot be read. "
                                  "Download or scan it again and add the new copy."))
        if count > MAX_PAGES:
            raise InputRefused(N_("This PDF has {n} pages; at most {max} pages can be added "
                                  "as one file. Split it into parts."), n=count, max=MAX_PAGES)
        notices = sorted(findings(pdf))
        _strip(pdf)
        out = io.BytesIO()
        pdf.save(out, fix_metadata_version=False, compress_streams=True)
    cleaned = out.getvalue()
    with pikepdf.Pdf.open(io.BytesIO(cleaned)) as check:
        left = findings(check)
        if left or len(check.pages) != count:
            raise IntegrityError(N_("The PDF could not be cleaned completely, so it was not "
                                    "added."))
    if repaired:
        notices.append(N_REPAIRED)
    return Cleaned(cleaned, Mime.pdf, page_count=count, removed=notices)


def page_count(data: bytes) -> int:
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)
