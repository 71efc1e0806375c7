"""Photos inside a PDF: JPEG image XObjects lose their EXIF (GPS position, camera), XMP, ICC,
thumbnails and comments, losslessly (evidence/jpeg_meta.py), and the reader is told what was
there with the same notices as an uploaded photo (evidence/image_clean.py)."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Name, Stream
from PIL import Image, UnidentifiedImageError

from asylum_prep.evidence import image_clean, jpeg_meta


def _names(value: object) -> list[object]:
    if isinstance(value, Array):
        return list(value)
    return [] if value is None else [value]


def is_jpeg_image(obj: Stream) -> bool:
    filters = _names(obj.get("/Filter"))
    return obj.get("/Subtype") == Name.Image and bool(filters) and filters[-1] == Name.DCTDecode


def _jpeg_bytes(pdf: pikepdf.Pdf, obj: Stream) -> bytes:
    """The JPEG file inside the stream (any filters before DCTDecode undone)."""
    filters = _names(obj.get("/Filter"))
    if len(filters) == 1:
        return obj.read_raw_bytes()
    outer = Stream(pdf, obj.read_raw_bytes())
    outer.Filter = Array(filters[:-1])
    parms = _names(obj.get("/DecodeParms"))
    if len(parms) == len(filters):
        outer.DecodeParms = Array(parms[:-1])
    return outer.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized)


def _what(jpeg: bytes) -> set[str]:
    try:
        with Image.open(io.BytesIO(jpeg), formats=["JPEG"]) as img:
            found = set(image_clean.notices(img))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        found = set()
    return found or {image_clean.N_HIDDEN}


def inspect(pdf: pikepdf.Pdf, obj: Stream, *, fix: bool) -> set[str]:
    """Notices for the metadata of the JPEG in `obj` (a DCT image XObject); with `fix`, the
    metadata is removed. A stream that cannot be read is left alone (no viewer can show it)."""
    try:
        jpeg = _jpeg_bytes(pdf, obj)
        if not jpeg_meta.has_metadata(jpeg):
            return set()
        clean = jpeg_meta.strip(jpeg)
    except (pikepdf.PdfError, jpeg_meta.NotJpeg):
        return set()
    found = _what(jpeg)
    if fix:
        parms = _names(obj.get("/DecodeParms"))
        dct_parms = parms[-1] if len(parms) == len(_names(obj.get("/Filter"))) else None
        obj.write(clean, filter=Name.DCTDecode,
                  decode_parms=dct_parms if isinstance(dct_parms, pikepdf.Dictionary) else None)
    return found
