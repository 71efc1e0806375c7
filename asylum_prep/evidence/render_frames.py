"""The stream a rendition child (evidence.render_child) writes on its stdout and its parent
(evidence.sandbox) reads: the magic line, then frames of

    tag (1 byte) | length of the payload (4 bytes, big-endian) | payload

    D  the PDF a Word document became (Word documents only; the parent cleans it again)
    P  one page's description, JSON: {"width": pt, "height": pt, "dpi": n,
       "pixels": [w, h], "words": [[x0, y0, x1, y1, "text"], ...]} (word boxes in points from
       the top-left corner of the page as seen, rotation applied)
    R  that page's pixels: w * h * 3 bytes of RGB, row by row from the top
    Z  the end, JSON: {"pages": n, "peak_kb": k} (k: the largest resident set of the child and
       the tools it ran)
    X  a refusal, JSON: {"error": code}

Pixels, never an image file format: the parent encodes the pictures itself and so never
parses a format the sandboxed side chose (the approach Dangerzone takes).
"""

from __future__ import annotations

import json
import struct
from typing import IO

MAGIC = b"ASYLUM-PREP-RENDITION-1\n"
_HEAD = struct.Struct(">cI")

PDF, PAGE, PIXELS, END, ERROR = b"D", b"P", b"R", b"Z", b"X"
TAGS = frozenset({PDF, PAGE, PIXELS, END, ERROR})

# Refusal codes a child may send.
NO_CONVERTER = "no_converter"  # LibreOffice is missing or failed on this document
UNREADABLE = "unreadable"  # the renderer could not read the file
TOO_LARGE = "too_large"  # the input or a page is larger than the limits allow


class MalformedStream(Exception):
    """The child's output does not follow the format (a broken or hostile child)."""


def write_frame(out: IO[bytes], tag: bytes, payload: bytes | bytearray | memoryview) -> None:
    out.write(_HEAD.pack(tag, len(payload)))
    out.write(payload)


def write_json(out: IO[bytes], tag: bytes, value: object) -> None:
    write_frame(out, tag, json.dumps(value, separators=(",", ":")).encode())


def read_exactly(stream: IO[bytes], n: int) -> bytes:
    data = stream.read(n)
    if data is None or len(data) != n:
        raise MalformedStream("the stream ended inside a frame")
    return data


def read_magic(stream: IO[bytes]) -> None:
    if stream.read(len(MAGIC)) != MAGIC:
        raise MalformedStream("no rendition stream")


def read_head(stream: IO[bytes]) -> tuple[bytes, int] | None:
    """(tag, length) of the next frame, or None at a clean end of the stream."""
    head = stream.read(_HEAD.size)
    if not head:
        return None
    if len(head) != _HEAD.size:
        raise MalformedStream("the stream ended inside a frame header")
    tag, length = _HEAD.unpack(head)
    if tag not in TAGS:
        raise MalformedStream(f"unknown frame {tag!r}")
    return tag, int(length)


def read_json(stream: IO[bytes], length: int, limit: int) -> object:
    if length > limit:
        raise MalformedStream("a description frame is too long")
    try:
        return json.loads(read_exactly(stream, length))
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedStream("a description frame is not JSON") from exc
