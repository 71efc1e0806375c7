"""The rendition child: run by evidence.sandbox as `python -m asylum_prep.evidence.render_child`
in a process of its own, without network, under resource limits. It reads one cleaned file
on stdin and writes its pages as pixels, with each page's words and their boxes, in the
stream described in evidence.render_frames.

It sets its limits itself (`resource.setrlimit`) before it reads a byte: memory (address
space), CPU seconds, the size of any file it may write (0, except for LibreOffice, which needs
files: those go to the private directory the parent made and removes), no core dumps. Tools it
starts (pdftotext, pdftoppm, LibreOffice) inherit them. Limits are set here and not in the
parent's `preexec_fn`, which CPython documents as unsafe in a process with threads (the web
app serves every session on a thread).

    kind   pdf: pages drawn by poppler's pdftoppm, words from pdftotext -bbox
           image: the picture, made no larger than the page box at the given resolution
           docx: LibreOffice makes a PDF first (evidence.rendition.docx_to_pdf), sent back
           to the parent, then as pdf
"""

from __future__ import annotations

import argparse
import html
import io
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from asylum_prep.evidence import render_frames as rf

_PAGE_OR_WORD = re.compile(
    r'<page width="([0-9.]+)" height="([0-9.]+)">'
    r'|<word xMin="(-?[0-9.]+)" yMin="(-?[0-9.]+)" xMax="(-?[0-9.]+)" yMax="(-?[0-9.]+)">'
    r"(.*?)</word>",
    re.S,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_WORDS = 20_000  # per page
MAX_WORD_CHARS = 100


class Refused(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code, self.detail = code, detail


def failed(code: int) -> Refused:
    """A tool's non-zero exit: killed by a signal (its limits) or refusing the file."""
    if code < 0:
        return Refused(rf.TOO_LARGE, f"tool killed by {signal.Signals(-code).name}")
    return Refused(rf.UNREADABLE, f"tool exit status {code}")


def set_limits(args: argparse.Namespace) -> None:
    def cap(which: int, soft: int, hard: int) -> None:
        _, allowed = resource.getrlimit(which)
        if allowed != resource.RLIM_INFINITY:
            soft, hard = min(soft, allowed), min(hard, allowed)
        resource.setrlimit(which, (soft, hard))

    cap(resource.RLIMIT_AS, args.memory, args.memory)
    cap(resource.RLIMIT_CPU, args.cpu, args.cpu + 2)  # SIGXCPU, then SIGKILL 2 s later
    cap(resource.RLIMIT_FSIZE, args.file_size, args.file_size)
    cap(resource.RLIMIT_CORE, 0, 0)


def feed(stream: IO[bytes] | None, data: bytes) -> threading.Thread:
    def write() -> None:
        try:
            if stream is not None:
                stream.write(data)
                stream.close()
        except OSError:
            pass  # the tool stopped reading: its exit status tells why

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise Refused(rf.UNREADABLE)
    return path


def page_words(data: bytes, timeout: float) -> list[tuple[float, float, list[list[object]]]]:
    """(width, height, words) of every page, from pdftotext -bbox (crop box, points)."""
    try:
        done = subprocess.run(
            [tool("pdftotext"), "-q", "-bbox", "-cropbox", "-enc", "UTF-8", "-", "-"],
            input=data, capture_output=True, timeout=timeout, check=True,
        )
    except subprocess.CalledProcessError as exc:
        raise failed(exc.returncode) from None
    except (subprocess.TimeoutExpired, OSError):
        raise Refused(rf.UNREADABLE, "pdftotext timed out or could not start") from None
    pages: list[tuple[float, float, list[list[object]]]] = []
    for m in _PAGE_OR_WORD.finditer(done.stdout.decode("utf-8", "replace")):
        if m.group(1) is not None:
            pages.append((float(m.group(1)), float(m.group(2)), []))
            continue
        if not pages or len(pages[-1][2]) >= MAX_WORDS:
            continue
        text = _CONTROL.sub("", html.unescape(m.group(7)))[:MAX_WORD_CHARS]
        if text.strip():
            box = [round(float(m.group(i)), 2) for i in range(3, 7)]
            pages[-1][2].append([*box, text])
    return pages


def page_dpi(width: float, height: float, dpi: int, max_pixels: int) -> int:
    """`dpi`, lowered for a page so large that it would have more than `max_pixels`."""
    while dpi > 10 and (width * dpi / 72 + 1) * (height * dpi / 72 + 1) > max_pixels:
        dpi = dpi * 9 // 10
    return dpi


def pnm_header(stream: IO[bytes], magic_word: bytes = b"P6") -> tuple[int, int] | None:
    """(width, height) of the next picture pdftoppm writes (P6: colour, P5: grey), or None
    at the end of its output."""
    magic = stream.readline()
    if not magic:
        return None
    size, depth = stream.readline().split(), stream.readline().strip()
    if magic.strip() != magic_word or len(size) != 2 or depth != b"255":
        raise Refused(rf.UNREADABLE)
    return int(size[0]), int(size[1])


def _near(pixels: int, points: float, dpi: int) -> bool:
    return abs(pixels - points * dpi / 72) <= 2


def render_pdf(data: bytes, out: IO[bytes], args: argparse.Namespace) -> int:
    pages = page_words(data, args.tool_timeout)
    if not pages:
        raise Refused(rf.UNREADABLE)
    groups: list[list[int]] = []  # [first, last, dpi], pages counted from 1
    for n, (width, height, _) in enumerate(pages, start=1):
        dpi = page_dpi(width, height, args.dpi, args.max_pixels)
        if groups and groups[-1][2] == dpi and groups[-1][1] == n - 1:
            groups[-1][1] = n
        else:
            groups.append([n, n, dpi])
    sent = 0
    for first, last, dpi in groups:
        proc = subprocess.Popen(
            [tool("pdftoppm"), "-q", "-cropbox", "-r", str(dpi), "-f", str(first), "-l",
             str(last), "-"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        assert proc.stdout is not None
        feeder = feed(proc.stdin, data)
        try:
            for n in range(first, last + 1):
                size = pnm_header(proc.stdout)
                if size is None:
                    break
                width, height, words = pages[n - 1]
                if not (_near(size[0], width, dpi) and _near(size[1], height, dpi)):
                    width, height = height, width  # a rotated page: pdftotext kept its size
                rf.write_json(out, rf.PAGE, {"width": width, "height": height, "dpi": dpi,
                                             "pixels": list(size), "words": words})
                rf.write_frame(out, rf.PIXELS, rf.read_exactly(proc.stdout, size[0] * size[1] * 3))
                sent += 1
        except rf.MalformedStream:
            raise Refused(rf.UNREADABLE) from None
        finally:
            proc.stdout.close()
            code = proc.wait()
            feeder.join(1)
        if code != 0:
            raise failed(code)
        if sent != last:
            raise Refused(rf.UNREADABLE, "pdftoppm drew fewer pages than the document has")
    return sent


def render_image(data: bytes, out: IO[bytes], args: argparse.Namespace) -> int:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = args.max_pixels * 5  # the cleaner allows 50 megapixels
    try:
        img: Image.Image = Image.open(io.BytesIO(data))
        img.load()
        if img.mode not in ("RGB", "L"):
            rgba = img.convert("RGBA")
            flat = Image.new("RGB", img.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            img = flat
        img = img.convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        raise Refused(rf.UNREADABLE) from None
    box = (int(args.box[0] * args.dpi / 72), int(args.box[1] * args.dpi / 72))
    if img.width > box[0] or img.height > box[1]:
        img.thumbnail(box, Image.Resampling.LANCZOS)
    w, h = img.size
    rf.write_json(out, rf.PAGE, {"width": w * 72 / args.dpi, "height": h * 72 / args.dpi,
                                 "dpi": args.dpi, "pixels": [w, h], "words": []})
    rf.write_frame(out, rf.PIXELS, img.tobytes())
    return 1


def convert_docx(data: bytes, workdir: str) -> bytes:
    from asylum_prep import scratch
    from asylum_prep.evidence import rendition

    # LibreOffice's scratch space goes inside the parent's private directory, which the
    # parent removes even when this process is killed.
    scratch.RAM_DIR = Path(workdir)
    tempfile.tempdir = workdir
    pdf = rendition.docx_to_pdf(data)
    if pdf is None:
        raise Refused(rf.NO_CONVERTER)
    return pdf


def peak_kb() -> int:
    """The largest resident set of this process or of a tool it ran, in KiB. This process's
    own is VmHWM: its ru_maxrss would start at its parent's peak (Linux keeps it across
    execve). A tool's ru_maxrss may include what it shared with this process when forked."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status") as fh:
            own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        pass
    tools = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return int(max(own, tools))


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="render_child")
    p.add_argument("kind", choices=("pdf", "image", "docx"))
    p.add_argument("--dpi", type=int, default=150)
    p.add_argument("--max-pixels", type=int, default=12_000_000)
    p.add_argument("--box", type=float, nargs=2, default=(540.0, 672.0))
    p.add_argument("--memory", type=int, default=1 << 30)
    p.add_argument("--cpu", type=int, default=60)
    p.add_argument("--file-size", type=int, default=0)
    p.add_argument("--max-input", type=int, default=64 << 20)
    p.add_argument("--tool-timeout", type=float, default=120.0)
    return p.parse_args(argv)


def answer(data: bytes, max_input: int, work: Callable[[bytes, IO[bytes]], int]) -> int:
    """The child's reply on stdout, framed (render_frames): the magic, what `work` writes for
    `data`, then END with the page count and peak memory, or ERROR with the refusal's code
    (exit status 2). The OCR child (ocr_child.py) answers the same way."""
    out = sys.stdout.buffer
    out.write(rf.MAGIC)
    try:
        if len(data) > max_input:
            raise Refused(rf.TOO_LARGE)
        pages = work(data, out)
    except Refused as exc:
        rf.write_json(out, rf.ERROR, {"error": exc.code, "detail": exc.detail})
        out.flush()
        return 2
    except MemoryError:
        rf.write_json(out, rf.ERROR, {"error": rf.TOO_LARGE, "detail": "out of memory"})
        out.flush()
        return 2
    rf.write_json(out, rf.END, {"pages": pages, "peak_kb": peak_kb()})
    out.flush()
    return 0


def _render(data: bytes, out: IO[bytes], args: argparse.Namespace) -> int:
    if args.kind == "image":
        return render_image(data, out, args)
    if args.kind == "docx":
        data = convert_docx(data, os.getcwd())
        rf.write_frame(out, rf.PDF, data)
    return render_pdf(data, out, args)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    set_limits(args)
    data = sys.stdin.buffer.read(args.max_input + 1)
    return answer(data, args.max_input, lambda d, out: _render(d, out, args))


if __name__ == "__main__":
    sys.exit(main())
