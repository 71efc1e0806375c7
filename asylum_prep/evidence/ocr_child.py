"""The OCR child: run by evidence.ocr as `python -m asylum_prep.evidence.ocr_child` in the
sandbox (evidence.sandbox: its own process group, no network, a private directory the parent
removes), under the limits render_child sets. It reads a safe rendition (evidence.safe_rendition:
page pictures and nothing else, never the upload itself) on stdin and writes, per page, the
words Tesseract read with their boxes, in the frames of evidence.render_frames:

    P  {"page": n, "width": pt, "height": pt, "own_text": bool,
        "words": [[x0, y0, x1, y1, "text"], ...], "lines": ["text", ...]}
       (boxes in points from the top-left corner; a page that already has text of its own,
       the born-digital pages, is not read: own_text, no words, its own words as one line)
    Z  {"pages": n, "peak_kb": k}
    X  a refusal, as render_child's

A page's picture is read straight from the rendition (`own_picture`: the pixels the packet
shows, nothing drawn again); a page of another shape is drawn by pdftoppm (one per run of such
pages, in grey at the rendition's resolution, page after page into a pipe). Each picture is
piped to `tesseract stdin stdout -l <models> tsv`: no file is written. The words of a line keep
Tesseract's reading order (right to left for Arabic script).
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
from collections.abc import Iterator
from typing import IO

import pikepdf
from pikepdf import PdfImage
from pikepdf.models.image import UnsupportedImageTypeError

from asylum_prep.evidence import render_frames as rf
from asylum_prep.evidence.render_child import (
    MAX_WORD_CHARS,
    MAX_WORDS,
    Refused,
    answer,
    failed,
    feed,
    page_words,
    pnm_header,
    set_limits,
    tool,
)

MODEL_NAME = r"^[a-z_]{3,8}(\+[a-z_]{3,8}){0,3}$"
Placement = tuple[float, float, float, float]  # points per pixel (x, y), picture's top left
_IMAGE_DRAWN = re.compile(rb"^q ([0-9.]+) 0 0 ([0-9.]+) ([0-9.]+) ([0-9.]+) cm /Im0 Do Q")


def _run(command: list[str], data: bytes, timeout: float) -> bytes:
    try:
        return subprocess.run(command, input=data, capture_output=True, timeout=timeout,
                              check=True).stdout
    except subprocess.CalledProcessError as exc:
        raise failed(exc.returncode) from None
    except (subprocess.TimeoutExpired, OSError):
        raise Refused(rf.UNREADABLE, f"{command[0]} timed out or could not start") from None


def read_tsv(tsv: str, place: Placement) -> tuple[list[list[object]], list[str]]:
    """(words, lines) of Tesseract's TSV: word boxes moved from the picture's pixels to the
    page's points, the words of each line joined by spaces."""
    sx, sy, ox, oy = place
    words: list[list[object]] = []
    lines: dict[tuple[str, ...], list[str]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) != 12 or cols[0] != "5" or not cols[11].strip():
            continue
        text = cols[11].strip()[:MAX_WORD_CHARS]
        left, top, width, height = (int(c) for c in cols[6:10])
        if len(words) < MAX_WORDS:
            words.append([round(ox + left * sx, 2), round(oy + top * sy, 2),
                          round(ox + (left + width) * sx, 2), round(oy + (top + height) * sy, 2),
                          text])
        lines.setdefault(tuple(cols[1:5]), []).append(text)
    return words, [" ".join(line) for line in lines.values()]


def _runs(pages: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive page numbers: (first, last)."""
    runs: list[tuple[int, int]] = []
    for n in pages:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _pictures(data: bytes, first: int, last: int,
              args: argparse.Namespace) -> Iterator[tuple[int, bytes]]:
    """(page number, the page as a grey PGM) for pages first..last, from one pdftoppm that
    draws them in turn while Tesseract reads the previous one."""
    proc = subprocess.Popen(
        [tool("pdftoppm"), "-q", "-gray", "-r", str(args.dpi), "-f", str(first), "-l",
         str(last), "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    feeder = feed(proc.stdin, data)
    try:
        for n in range(first, last + 1):
            size = pnm_header(proc.stdout, b"P5")
            if size is None:
                raise Refused(rf.UNREADABLE, "pdftoppm drew fewer pages than asked")
            header = b"P5\n%d %d\n255\n" % size
            yield n, header + rf.read_exactly(proc.stdout, size[0] * size[1])
    except rf.MalformedStream:
        raise Refused(rf.UNREADABLE) from None
    finally:
        proc.stdout.close()
        code = proc.wait()
        feeder.join(1)
    if code != 0:
        raise failed(code)


def own_picture(doc: pikepdf.Pdf, n: int, height: float) -> tuple[bytes, Placement, int] | None:
    """Page n's picture as a grey PGM, where it lies on the page and its resolution, read
    straight from a safe rendition's page (one image, drawn by evidence.safe_rendition as
    `q w 0 0 h x y cm /Im0 Do Q`): Tesseract then reads exactly the pixels in the packet, and
    nothing is drawn again. None for a page of any other shape (drawn by pdftoppm instead)."""
    try:
        page = doc.pages[n - 1]
        contents = page.obj.Contents
        raw = contents.read_bytes() if isinstance(contents, pikepdf.Stream) else b""
        found = _IMAGE_DRAWN.match(raw)
        if found is None:
            return None
        w, h, x, y = (float(v) for v in found.groups())
        image = page.obj.Resources.XObject.Im0
        if not isinstance(image, pikepdf.Stream):
            return None
        picture = PdfImage(image).as_pil_image().convert("L")
    except (pikepdf.PdfError, AttributeError, KeyError, ValueError, OSError,
            NotImplementedError, UnsupportedImageTypeError):
        return None
    pw, ph = picture.size
    place = (w / pw, h / ph, x, height - y - h)
    header = b"P5\n%d %d\n255\n" % (pw, ph)
    return header + picture.tobytes(), place, max(round(pw * 72 / w), 1)


def read_pages(data: bytes, out: IO[bytes], args: argparse.Namespace) -> int:
    pages = page_words(data, args.tool_timeout)
    if not pages:
        raise Refused(rf.UNREADABLE)
    doc = pikepdf.open(io.BytesIO(data))
    own_pictures = {n: own_picture(doc, n, height)
                    for n, (_, height, own) in enumerate(pages, start=1) if not own}
    drawn = [n for n, found in own_pictures.items() if found is None]
    pictures = (pic for first, last in _runs(drawn)
                for pic in _pictures(data, first, last, args))
    for n, (width, height, own) in enumerate(pages, start=1):
        frame: dict[str, object] = {"page": n, "width": width, "height": height,
                                    "own_text": bool(own), "words": [],
                                    "lines": [" ".join(str(w[4]) for w in own)] if own else []}
        if not own:
            found = own_pictures[n]
            if found is None:
                number, pgm = next(pictures)
                assert number == n
                found = (pgm, (72 / args.dpi, 72 / args.dpi, 0.0, 0.0), args.dpi)
            pgm, place, dpi = found
            tsv = _run([tool("tesseract"), "stdin", "stdout", "-l", args.models,
                        "--dpi", str(dpi), "tsv"], pgm, args.tool_timeout)
            frame["words"], frame["lines"] = read_tsv(tsv.decode("utf-8", "replace"), place)
        rf.write_json(out, rf.PAGE, frame)
        out.flush()  # the parent counts pages as they come: the job's progress
    return len(pages)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="ocr_child")
    p.add_argument("--models", required=True)
    p.add_argument("--dpi", type=int, default=150)
    p.add_argument("--memory", type=int, default=1 << 30)
    p.add_argument("--cpu", type=int, default=600)
    p.add_argument("--file-size", type=int, default=0)
    p.add_argument("--max-input", type=int, default=256 << 20)
    p.add_argument("--tool-timeout", type=float, default=300.0)
    args = p.parse_args(argv)
    if not re.match(MODEL_NAME, args.models):
        p.error("bad model names")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    set_limits(args)
    data = sys.stdin.buffer.read(args.max_input + 1)
    return answer(data, args.max_input, lambda d, out: read_pages(d, out, args))


if __name__ == "__main__":
    sys.exit(main())
