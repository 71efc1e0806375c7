"""Word (.docx) and plain-text intake.

DOCX: the zip is checked (entry count, uncompressed size, compression ratio) and parsed with
python-docx. Refused: macro projects (vbaProject.bin, macro-enabled content types), ActiveX
controls and embedded OLE objects (.bin). Removed: every relationship that points outside
the file and the references to it (evidence/docx_links.py: remote pictures, templates,
frames, OLE links; web links keep their text), the document properties (docProps/core.xml
and app.xml are replaced by empty ones; custom.xml dropped: author, last editor, company,
manager, template, dates, revision), the names and initials of comment and tracked-change
authors (set to "Author"; the comments' text is kept because it may be part of what the
document says), and the EXIF (GPS position, camera), comments and other hidden details of
the JPEG, PNG and TIFF pictures inside (rebuilt from their pixels like an uploaded photo,
evidence/image_clean.py). Every XML part that is changed is parsed and written back with
lxml (no DTD, no entities, no network). The zip is rebuilt from its parts.

Plain text (UTF-8, or UTF-16 with a byte-order mark) is stored as UTF-8 without a BOM.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused, IntegrityError
from asylum_prep.evidence import docx_links, image_clean
from asylum_prep.evidence.cleaned import Cleaned

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200

N_PROPS = N_("Document details (author, company, editing history) removed.")
N_AUTHORS = N_("Names of comment and change authors removed.")

_CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
         b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>')
_APP = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties"/>')
_CUSTOM = "docProps/custom.xml"
_PEOPLE_ATTRS = {"author": "Author", "initials": "A", "userId": ""}
_BROKEN = docx_links.BROKEN


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


def _clean_part(body: bytes, dropped: set[str], notices: set[str]) -> bytes:
    """A Word XML part without references to dropped links and without people's names."""
    body = docx_links.unhook(body, dropped)
    if b"author" not in body and b"initials" not in body and b"userId" not in body:
        return body
    root = docx_links.parse(body)
    changed = False
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local in _PEOPLE_ATTRS and value != _PEOPLE_ATTRS[local]:
                el.attrib[name] = _PEOPLE_ATTRS[local]
                changed = True
    if not changed:
        return body
    notices.add(N_AUTHORS)
    return docx_links.serialize(root)


def _content_types(body: bytes) -> bytes:
    root = docx_links.parse(body)
    gone = [el for el in root if isinstance(el.tag, str)
            and (el.get("PartName") or "").lstrip("/") == _CUSTOM]
    for el in gone:
        root.remove(el)
    return docx_links.serialize(root) if gone else body


def _clean_parts(zin: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                 notices: set[str]) -> dict[str, bytes]:
    """Every kept part, cleaned: relationships first (their dropped ids are needed by the
    parts that used them), then the XML parts, properties and pictures."""
    bodies = {i.filename: zin.read(i) for i in infos if not i.is_dir()}
    if _CUSTOM in bodies:
        del bodies[_CUSTOM]
        notices.add(N_PROPS)
    dropped: dict[str, set[str]] = {}
    for name in [n for n in bodies if n.endswith(".rels")]:
        bodies[name], ids = docx_links.clean_rels(bodies[name], notices, drop_target=_CUSTOM)
        dropped[docx_links.owner_of(name)] = ids
    for name, body in bodies.items():
        if name.endswith(".rels"):
            continue
        if name == "docProps/core.xml":
            bodies[name] = _CORE
            notices.add(N_PROPS)
        elif name == "docProps/app.xml":
            bodies[name] = _APP
            notices.add(N_PROPS)
        elif name == "[Content_Types].xml":
            bodies[name] = _content_types(body)
        elif name.endswith(".xml"):
            bodies[name] = _clean_part(body, dropped.get(name, set()), notices)
        else:
            picture = image_clean.clean_embedded(body)
            if picture is not None:
                bodies[name], removed = picture
                notices.update(removed)
    if docx_links.outside_left([b for n, b in bodies.items() if n.endswith(".rels")]):
        raise IntegrityError(N_("The Word document could not be cleaned completely, so it was "
                                "not added."))
    return bodies


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
        _refuse_macros([i.filename for i in infos], zin.read("[Content_Types].xml"))
        bodies = _clean_parts(zin, infos, notices)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for name, body in bodies.items():
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
