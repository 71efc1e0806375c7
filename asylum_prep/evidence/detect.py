"""What a file is, decided from its bytes (magic numbers, then a real parse elsewhere).

The uploaded file name is never consulted. Known-dangerous or unsupported types get a reason
the user can act on (for example: HEIC photos are refused with a hint to share as JPEG).
"""

from __future__ import annotations

import io
import zipfile

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import N_, InputRefused

_TEXT_SNIFF = 64 * 1024
_MARKUP = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")


def refuse(reason: str, **params: object) -> InputRefused:
    return InputRefused(reason, **params)


def _refuse_known(data: bytes) -> None:
    """Types we recognise and refuse, each with what to do instead."""
    head = data[:64]
    if head.startswith((b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")):
        raise refuse(N_("This file is a program, not a document. Only documents and photos "
                        "can be added."))
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"heim", b"heis", b"mif1",
                                               b"msf1", b"avif", b"hevc"):
        raise refuse(N_("HEIC/AVIF photos cannot be added yet. On the phone, share the photo "
                        "as JPEG (\"Most compatible\" in the camera settings) and add that."))
    if (head.startswith((b"ID3", b"OggS", b"fLaC", b"#!AMR"))
            or (head[:4] == b"RIFF" and head[8:12] == b"WAVE")
            or (head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"mp4", b"iso", b"qt ", b"3gp"))
            or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")):
        raise refuse(N_("Audio and video files cannot be added. Write down what is said in "
                        "the recording, or ask your legal team how to submit it."))
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return  # checked as DOCX below
    if head.startswith((b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        raise refuse(N_("This kind of file cannot be added. Save it as PDF and add the PDF."))


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refuse(N_("This file is damaged or incomplete. Save it again and add the new "
                        "copy.")) from None
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _decode_text(data: bytes) -> str | None:
    """Text if the bytes are UTF-8 (with or without BOM) or UTF-16 with a BOM, else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:_TEXT_SNIFF]:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    bad = sum(1 for ch in text[:_TEXT_SNIFF] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return None if bad else text


def detect(data: bytes) -> Mime:
    """The supported type of `data`, or InputRefused with a reason."""
    if not data:
        raise refuse(N_("The file is empty."))
    _refuse_known(data)
    if data.startswith(b"\xff\xd8\xff"):
        return Mime.jpeg
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Mime.png
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Mime.webp
    if b"%PDF-" in data[:1024]:
        return Mime.pdf
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return Mime.docx
        raise refuse(N_("Only Word documents (.docx) are accepted among zipped formats. Save "
                        "the document as PDF and add the PDF."))
    text = _decode_text(data)
    if text is not None:
        lowered = text[:2048].lstrip().lower().encode("utf-8", "ignore")
        if any(lowered.startswith(tag) for tag in _MARKUP) or b"<script" in lowered:
            raise refuse(N_("This file is a web page, which cannot be added safely. Print "
                            "it to PDF and add the PDF."))
        return Mime.text
    raise refuse(N_("This kind of file cannot be added. Accepted are PDF, JPEG, PNG, WebP, "
                    "Word (.docx) and plain text."))
