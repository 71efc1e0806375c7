"""Word (.docx) and plain-text intake.

DOCX: the zip is checked (entry count, uncompressed size, compression ratio) and parsed with
python-docx. Refused: macro projects (vbaProject.bin, macro-enabled content types), ActiveX
controls, embedded OLE objects (.bin), and external relationships other than web links
(remote images and OLE links would fetch from the network when opened). Removed: the
document properties (docProps/core.xml and app.xml are replaced by empty ones; custom.xml
dropped: author, last editor, company, manager, template, dates, revision), an attached
template that points outside the file, and the names and initials of comment and
tracked-change authors (set to "Author"; the comments' text is kept because it may be part
of what the document says). The zip is rebuilt from the known parts only.

Plain text (UTF-8, or UTF-16 with a byte-order mark) is stored as UTF-8 without a BOM.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence.cleaned import Cleaned

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200

N_PROPS = N_("Document details (author, company, editing history) removed.")
N_AUTHORS = N_("Names of comment and change authors removed.")
N_TEMPLATE = N_("Link to an outside template removed.")

_CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
         b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>')
_APP = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties"/>')
_AUTHOR_ATTR = re.compile(rb'(w:(?:author|initials))="[^"]*"')
_EXTERNAL_REL = re.compile(rb"<Relationship\b[^>]*TargetMode=\"External\"[^>]*/>")
_CUSTOM_REL = re.compile(rb'<Relationship\b[^>]*Target="/?docProps/custom\.xml"[^>]*/>')
_TEMPLATE_EL = re.compile(rb"<w:attachedTemplate\b[^>]*/>")
_HYPERLINK = b"/relationships/hyperlink\""
_SAFE_TARGET = re.compile(rb'Target="(?:https?:|mailto:)', re.IGNORECASE)
_BROKEN = N_("This Word document is damaged or incomplete. Open it, save it again and add the "
             "new copy, or save it as PDF.")


def _refuse_macros(names: list[str], content_types: bytes) -> None:
    lowered = [n.lower() for n in names]
    if (any(n.endswith("vbaproject.bin") for n in lowered)
            or b"macroEnabled" in content_types or b"vbaProject" in content_types):
        raise InputRefused(N_("This Word document contains macros (small programs), which "
                              "cannot be added. Save it as a normal .docx or as PDF and add "
                              "that."))
    if any(n.startswith(("word/activex/", "word/embeddings/")) and n.endswith(".bin")
           for n in lowered) or any(n.startswith("word/activex/") for n in lowered):
        raise InputRefused(N_("This Word document contains embedded objects or controls, which "
                              "cannot be added. Save it as PDF and add the PDF."))


def _clean_rels(name: str, body: bytes, notices: set[str]) -> bytes:
    def fix(match: re.Match[bytes]) -> bytes:
        rel = match.group(0)
        if _HYPERLINK in rel and _SAFE_TARGET.search(rel):
            return rel
        if b"/attachedTemplate\"" in rel:
            notices.add(N_TEMPLATE)
            return b""
        raise InputRefused(N_("This Word document loads pictures or objects from outside the "
                              "file. Save it with everything embedded, or as PDF, and add "
                              "that."))
    return _EXTERNAL_REL.sub(fix, body)


def clean_docx(data: bytes) -> Cleaned:
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        infos = zin.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputRefused(_BROKEN) from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise InputRefused(N_("This Word document expands to far more data than it holds, "
                              "which is a sign of a harmful file. Save it as PDF and add the "
                              "PDF."))
    notices: set[str] = set()
    out = io.BytesIO()
    try:
        names = [i.filename for i in infos]
        _refuse_macros(names, zin.read("[Content_Types].xml"))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in infos:
                name = info.filename
                if info.is_dir() or name == "docProps/custom.xml":
                    if name == "docProps/custom.xml":
                        notices.add(N_PROPS)
                    continue
                body = zin.read(info)
                if name == "docProps/core.xml":
                    body = _CORE
                    notices.add(N_PROPS)
                elif name == "docProps/app.xml":
                    body = _APP
                    notices.add(N_PROPS)
                elif name.endswith(".rels"):
                    body = _clean_rels(name, body, notices)
                    body = _CUSTOM_REL.sub(b"", body)
                elif name == "[Content_Types].xml":
                    body = re.sub(rb'<Override PartName="/docProps/custom.xml"[^>]*/>', b"", body)
                elif name.startswith("word/") and name.endswith(".xml"):
                    if N_TEMPLATE in notices or b"w:attachedTemplate" in body:
                        body = _TEMPLATE_EL.sub(b"", body)
                    replaced = _AUTHOR_ATTR.sub(rb'\1="Author"', body)
                    if replaced != body:
                        notices.add(N_AUTHORS)
                    body = replaced
                zout.writestr(_fresh_info(name), body)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zipfile.LargeZipFile):
        raise InputRefused(_BROKEN) from None
    cleaned = out.getvalue()
    try:
        Document(io.BytesIO(cleaned))
    except Exception:  # noqa: BLE001 - python-docx raises many types for a bad package
        raise InputRefused(_BROKEN) from None
    return Cleaned(cleaned, Mime.docx, removed=sorted(notices))


def _fresh_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def clean_text(data: bytes) -> Cleaned:
    """Store text as UTF-8 (a BOM or UTF-16 input is normalised)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        text = data.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Cleaned(text.encode("utf-8"), Mime.text)
