"""PDF intake: open with qpdf (pikepdf), refuse what cannot be read safely, strip active content.

Every dictionary and stream reachable from the trailer is inspected, direct objects included
(an annotation written straight into a page's /Annots array, an action chained through
another's /Next, a form field's /AA, an outline item, a form XObject's nested resources), and
so is every indirect object that nothing reaches. Removed: the document's open action and
additional actions (document, page, annotation and form-field level), the JavaScript and
EmbeddedFiles name trees, associated files (/AF), embedded-file streams of file specifications,
file-attachment / sound / movie / screen / rich-media annotations, actions that launch
programs, run scripts, submit or import form data, open other files (GoToR/GoToE) or play
media, links whose URI is not http(s) or mailto, every action chained after another (/Next),
XFA forms, the document information dictionary, XMP metadata on every object, PieceInfo
(private application data), and the EXIF, XMP, comments and thumbnails of JPEG photos
(evidence/pdf_photos.py; the picture itself is kept byte for byte). Page content, plain web
links and internal links are kept.
The result is read back and checked before it is accepted.
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused, IntegrityError
from asylum_prep.evidence import pdf_photos
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
# Entries that hold only numbers, or point back up the tree: never walked into.
SKIP_KEYS = frozenset({"/Parent", "/P", "/Widths", "/W", "/W2", "/MediaBox", "/CropBox",
                       "/BleedBox", "/TrimBox", "/ArtBox", "/Rect", "/Matrix", "/BBox",
                       "/QuadPoints", "/Length", "/Differences"})

N_SCRIPTS = N_("Scripts removed.")
N_ACTIONS = N_("Automatic actions removed.")
N_ATTACHMENTS = N_("Attached files removed.")
N_LINKS = N_("Links that open programs or files removed.")
N_DETAILS = N_("Document details (author, software, dates) removed.")
N_XFA = N_("Interactive form layer (XFA) removed.")
N_REPAIRED = N_("The file's structure was damaged and has been repaired; check the pages.")


def _is_bad_action(action: object) -> bool:
    if not isinstance(action, Dictionary | Stream):
        return False
    kind = str(action.get("/S", ""))
    if kind in BAD_ACTIONS:
        return True
    if kind == "/URI":
        uri = str(action.get("/URI", "")).strip().lower()
        return not uri.startswith(SAFE_URI)
    return False


def _action_notice(action: object) -> str:
    assert isinstance(action, Dictionary | Stream)
    return N_SCRIPTS if action.get("/S") == Name.JavaScript else N_LINKS


def _root_findings(pdf: pikepdf.Pdf, *, fix: bool) -> set[str]:
    """What the catalog and the trailer carry: open action, name trees, XFA, document details."""
    found: set[str] = set()
    root = pdf.Root
    if "/OpenAction" in root or "/AA" in root:
        found.add(N_ACTIONS)
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        if "/JavaScript" in names:
            found.add(N_SCRIPTS)
        if "/EmbeddedFiles" in names:
            found.add(N_ATTACHMENTS)
    acro = root.get("/AcroForm")
    if isinstance(acro, Dictionary) and "/XFA" in acro:
        found.add(N_XFA)
        if fix:
            del acro["/XFA"]
    if "/Info" in pdf.trailer or "/Metadata" in root or "/PieceInfo" in root:
        found.add(N_DETAILS)
    if fix:
        for key in ROOT_KEYS:
            if key in root:
                del root[key]
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
    return found


def _inspect(pdf: pikepdf.Pdf, obj: Dictionary | Stream, *, fix: bool) -> set[str]:
    """Notices for one dictionary or stream; with `fix`, what they name is removed from it.
    Called before its children are visited, so a removed entry is never walked."""
    found: set[str] = set()

    def drop(key: str, notice: str) -> None:
        if key in obj:
            found.add(notice)
            if fix:
                del obj[key]

    drop("/AA", N_ACTIONS)
    drop("/OpenAction", N_ACTIONS)
    drop("/AF", N_ATTACHMENTS)
    drop("/EF", N_ATTACHMENTS)
    drop("/Metadata", N_DETAILS)
    drop("/PieceInfo", N_DETAILS)
    drop("/JavaScript", N_SCRIPTS)  # a name tree, wherever it hangs
    for key in NAME_TREES[1:]:
        drop(key, N_ATTACHMENTS)
    action = obj.get("/A")
    if _is_bad_action(action):
        drop("/A", _action_notice(action))
    if "/S" in obj and "/Next" in obj:  # an action's chain: the next ones are dropped whole
        nexts = obj.get("/Next")
        chained = list(nexts) if isinstance(nexts, Array) else [nexts]
        bad = [a for a in chained if _is_bad_action(a)]
        if bad:
            found.add(_action_notice(bad[0]))
        if fix:
            del obj["/Next"]
    annots = obj.get("/Annots")
    if isinstance(annots, Array):
        kept = [a for a in annots if not (isinstance(a, Dictionary)
                                          and a.get("/Subtype") in BAD_ANNOTS)]
        if len(kept) != len(annots):
            found.add(N_ATTACHMENTS)
            if fix:
                obj["/Annots"] = Array(kept)
    hostile = "/JS" in obj or _is_bad_action(obj)
    attached = (obj.get("/Subtype") in BAD_ANNOTS and "/Rect" in obj) or (
        obj.get("/Type") == Name.EmbeddedFile)
    if hostile or attached:
        found.add(_action_notice(obj) if hostile else N_ATTACHMENTS)
        if fix:
            if isinstance(obj, Stream):
                obj.write(b"")
            for key in list(obj.keys()):
                if key not in ("/Type", "/Length") or key == "/Type" and attached:
                    del obj[key]
    elif isinstance(obj, Stream) and pdf_photos.is_jpeg_image(obj):
        found |= pdf_photos.inspect(pdf, obj, fix=fix)
    return found


def _walk(pdf: pikepdf.Pdf, *, fix: bool) -> set[str]:
    """Visit every dictionary and stream reachable from the trailer, direct objects included
    (an annotation written inside a page's /Annots array, an action inside another), then
    every indirect object not reached that way. Each indirect object is visited once."""
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [pdf.trailer, *reversed(list(pdf.objects))]
    while stack:
        obj = stack.pop()
        if not isinstance(obj, Dictionary | Stream | Array):
            continue
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, Array):
            stack.extend(item for item in obj if isinstance(item, Dictionary | Stream | Array))
            continue
        found |= _inspect(pdf, obj, fix=fix)
        for key in obj.keys():
            if key not in SKIP_KEYS:
                stack.append(obj.get(key))
    return found


def findings(pdf: pikepdf.Pdf) -> set[str]:
    """Notices for the active or identifying content present in `pdf` (empty when clean)."""
    return _root_findings(pdf, fix=False) | _walk(pdf, fix=False)


def _strip(pdf: pikepdf.Pdf) -> None:
    _root_findings(pdf, fix=True)
    _walk(pdf, fix=True)


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
