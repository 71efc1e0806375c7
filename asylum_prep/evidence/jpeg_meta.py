"""JPEG metadata segments, found and removed without touching the compressed picture.

A JPEG is a series of marker segments. The picture itself is in the frame, table and scan
segments; EXIF (GPS position, camera make, model and serial number, dates), XMP, ICC
profiles, Photoshop/IPTC records, thumbnails and free-text comments live in the application
segments APP1..APP15 and in COM. Removing those is lossless: the scans are copied byte for
byte. Kept: a JFIF APP0 header (rewritten without its thumbnail) and the 12-byte Adobe APP14
segment, which says how the colours are encoded (dropping it would change CMYK pictures).
Anything after the end-of-image marker is dropped too.
"""

from __future__ import annotations

from collections.abc import Iterator

SOI, EOI, SOS, COM, APP0, APP14 = 0xD8, 0xD9, 0xDA, 0xFE, 0xE0, 0xEE
_STANDALONE = {0x01, *range(0xD0, 0xD8)}  # TEM and RST0..7 carry no length


class NotJpeg(ValueError):
    """The bytes are not a JPEG whose segments can be followed."""


def _scan_end(data: bytes, pos: int) -> int:
    """The offset of the first marker after entropy-coded data starting at `pos`."""
    while True:
        i = data.find(b"\xff", pos)
        if i < 0 or i + 1 >= len(data):
            raise NotJpeg("scan without an end")
        following = data[i + 1]
        if following == 0x00 or following in _STANDALONE or following == 0xFF:
            pos = i + 1 if following == 0xFF else i + 2  # stuffed byte, restart, or fill
            continue
        return i


def segments(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(marker, start, end) of every segment, scans included, up to and with EOI."""
    if not data.startswith(b"\xff\xd8"):
        raise NotJpeg("no start-of-image marker")
    yield SOI, 0, 2
    pos = 2
    while True:
        if pos + 2 > len(data) or data[pos] != 0xFF:
            raise NotJpeg("expected a marker")
        while pos + 1 < len(data) and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes before a marker
        if pos + 2 > len(data):
            raise NotJpeg("truncated")
        marker = data[pos + 1]
        if marker == EOI:
            yield marker, pos, pos + 2
            return
        if marker in _STANDALONE:
            yield marker, pos, pos + 2
            pos += 2
            continue
        if pos + 4 > len(data):
            raise NotJpeg("truncated")
        end = pos + 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
        if end > len(data) or end < pos + 4:
            raise NotJpeg("bad segment length")
        if marker == SOS:
            end = _scan_end(data, end)
        yield marker, pos, end
        pos = end


def _is_metadata(marker: int, body: bytes) -> bool:
    if marker == COM:
        return True
    if marker == APP14:
        return not (body.startswith(b"Adobe") and len(body) <= 12)
    if marker == APP0:
        return not body.startswith(b"JFIF\x00")  # JFXX thumbnails and others
    return 0xE1 <= marker <= 0xEF


def _jfif_without_thumbnail(segment: bytes) -> bytes:
    body = segment[4:18]  # identifier, version, units, densities; thumbnail size set to 0
    if len(body) < 14:
        return segment
    body = body[:12] + b"\x00\x00"
    return b"\xff\xe0" + (len(body) + 2).to_bytes(2, "big") + body


def has_metadata(data: bytes) -> bool:
    """True when the JPEG holds metadata segments, a JFIF thumbnail or bytes after its end."""
    last = 0
    for marker, start, end in segments(data):
        body = data[start + 4:end]
        if _is_metadata(marker, body):
            return True
        if marker == APP0 and len(body) >= 14 and body[12:14] != b"\x00\x00":
            return True
        last = end
    return last < len(data)


def strip(data: bytes) -> bytes:
    """The same JPEG without its metadata segments (the picture is copied byte for byte)."""
    kept: list[bytes] = []
    for marker, start, end in segments(data):
        segment = data[start:end]
        if _is_metadata(marker, segment[4:]):
            continue
        kept.append(_jfif_without_thumbnail(segment) if marker == APP0 else segment)
    return b"".join(kept)
