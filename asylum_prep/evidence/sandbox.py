"""Runs the rendition child (evidence.render_child) and reads back what it drew, trusting none
of it.

The child is a separate process, in a session of its own (so the whole group, LibreOffice
included, can be killed), without network where the kernel allows it (`unshare -rn`: new user
and network namespaces, only a loopback that is down; where that is refused the child still
gets an environment without proxy settings, and renders with tools that open no connection),
under the limits it sets before reading its input (render_child), with a wall-clock timeout.
The file goes in through stdin and the pages come out through stdout; the child's only
directory is a private one (mode 0700, in RAM under /dev/shm when there is one) that this side
removes in `finally`, killed child or not.

The parent refuses a malformed stream: unknown or oversized frames, pages whose pixel count
does not match their declared size and resolution, more pages than expected, a missing end.
It encodes the pixels itself, grey when the page has no colour, as JPEG or as
Flate-compressed pixels (in 256 colours for a page in colour), whichever is smaller: Flate wins
on pages of text, by far, and keeps them sharp; JPEG wins on photographs and scans.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar

from PIL import Image

import asylum_prep
from asylum_prep.errors import N_, InputRefused
from asylum_prep.evidence import render_frames as rf

RAM_DIR = Path("/dev/shm")  # noqa: S108 - memory-backed on purpose, see above
JPEG_QUALITY = 80
FLATE, DCT = "/FlateDecode", "/DCTDecode"
MAX_PAGES = 5000
MAX_JSON = 4 << 20
MAX_PDF = 256 << 20

T = TypeVar("T")

N_REFUSED = N_("This file could not be redrawn safely as page images, so it was not added. "
               "It may be damaged, or built to overload the computer. Save or scan it again "
               "and add the new copy.")


class RenditionFailed(InputRefused):
    """The child failed, was killed by its limits or timeout, or sent a malformed stream.
    `reason` says which, for logs and tests; the user sees the template."""

    template = N_REFUSED

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class NoConverter(Exception):
    """LibreOffice is missing or could not convert the Word document."""


@dataclass(frozen=True)
class Limits:
    memory: int = 1 << 30  # address space of the child and of each tool it runs
    cpu_seconds: int = 60
    timeout: float = 120.0  # wall clock, for the whole rendition
    dpi: int = 150
    max_pixels: int = 12_000_000  # per page; larger pages are drawn at a lower resolution
    file_size: int = 0  # the largest file the child may write (LibreOffice needs files)

    @classmethod
    def for_document(cls, pages: int | None, *, word: bool = False, memory_mb: int = 1024,
                     cpu_seconds: int = 60) -> Limits:
        """Limits scaled to the document: 2 more CPU seconds a page; a Word document gets
        LibreOffice's share (three times the CPU, twice the memory, files in its directory)."""
        cpu = cpu_seconds * (3 if word else 1) + 2 * (pages or 0)
        return cls(memory=(memory_mb << 20) * (2 if word else 1), cpu_seconds=cpu,
                   timeout=2.0 * cpu + 30, file_size=(512 << 20) if word else 0)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    width: float  # points, as the page is seen (rotation applied)
    height: float
    data: bytes  # the encoded pixels, see `encoding`
    encoding: str  # FLATE or DCT
    pixels: tuple[int, int]
    grey: bool
    words: list[Word] = field(default_factory=list)
    palette: bytes | None = None  # 256 RGB colours the Flate pixels index


@dataclass
class Rendered:
    pages: list[Page]
    converted_pdf: bytes | None = None  # what LibreOffice made of a Word document
    peak_kb: int = 0  # the child's (or its tools') largest resident set


@functools.cache
def isolation_prefix() -> tuple[str, ...]:
    """`unshare -rn --` when this kernel lets us make a network namespace, else nothing."""
    tool = shutil.which("unshare")
    if tool is None:
        return ()
    try:
        subprocess.run([tool, "-rn", "true"], check=True, timeout=10,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        return ()
    return (tool, "-rn", "--")


def _workdir() -> str:
    in_ram = RAM_DIR.is_dir() and os.access(RAM_DIR, os.W_OK | os.X_OK)
    path = tempfile.mkdtemp(prefix="ap-render-", dir=RAM_DIR if in_ram else None)
    os.chmod(path, 0o700)
    return path


def _command(kind: str, limits: Limits, box: tuple[float, float], max_input: int) -> list[str]:
    return [
        "asylum_prep.evidence.render_child", kind, "--dpi", str(limits.dpi),
        "--max-pixels", str(limits.max_pixels),
        "--box", f"{box[0]:.2f}", f"{box[1]:.2f}", "--memory", str(limits.memory),
        "--cpu", str(limits.cpu_seconds), "--file-size", str(limits.file_size),
        "--max-input", str(max_input), "--tool-timeout", str(limits.timeout),
    ]


def _env(workdir: str) -> dict[str, str]:
    root = str(Path(asylum_prep.__file__).resolve().parents[1])
    # OMP_THREAD_LIMIT: Tesseract (evidence.ocr_child) reads a page on one core, so the
    # server's other core stays free for the people using it.
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
            "HOME": workdir, "TMPDIR": workdir, "PYTHONPATH": root,
            "PYTHONDONTWRITEBYTECODE": "1", "OMP_THREAD_LIMIT": "1"}


def number(value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise rf.MalformedStream("a number out of range")
    return float(value)


def checked_words(raw: object, width: float, height: float) -> list[Word]:
    if not isinstance(raw, list) or len(raw) > 20_000:
        raise rf.MalformedStream("bad word list")
    out = []
    for item in raw:
        if not isinstance(item, list) or len(item) != 5 or not isinstance(item[4], str):
            raise rf.MalformedStream("bad word")
        x0, y0, x1, y1 = (number(v, -1e4, 1e5) for v in item[:4])
        text = item[4][:100]
        try:
            text.encode("utf-16-be")
        except UnicodeEncodeError:  # a lone surrogate: pdftotext's output never has one
            raise rf.MalformedStream("bad word text") from None
        if text.strip() and x1 > x0 and y1 > y0:
            out.append(Word(x0, y0, x1, y1, text))
    return out


def _page_meta(raw: object, limits: Limits) -> tuple[float, float, int, int, list[Word]]:
    if not isinstance(raw, dict) or set(raw) != {"width", "height", "dpi", "pixels", "words"}:
        raise rf.MalformedStream("bad page description")
    width = number(raw["width"], 1, 14400 * 75)  # PDF allows user units up to 75
    height = number(raw["height"], 1, 14400 * 75)
    dpi = int(number(raw["dpi"], 1, limits.dpi))
    pixels = raw["pixels"]
    if not isinstance(pixels, list) or len(pixels) != 2:
        raise rf.MalformedStream("bad pixel size")
    w, h = (int(number(v, 1, 1e6)) for v in pixels)
    if w * h > limits.max_pixels or abs(w - width * dpi / 72) > 2 or abs(h - height * dpi / 72) > 2:
        raise rf.MalformedStream("pixel size does not match the page size")
    return width, height, w, h, checked_words(raw["words"], width, height)


def _encode(raw: bytes, size: tuple[int, int]) -> tuple[bytes, str, bool, bytes | None]:
    """(data, encoding, grey, palette): the smaller of JPEG and Flate-compressed pixels, grey
    when the page has no colour; a page in colour is reduced to 256 colours for Flate (pages
    of text with a coloured stamp or signature: a third of the JPEG's size)."""
    img = Image.frombytes("RGB", size, raw)
    r, g, b = img.split()
    grey = r.tobytes() == g.tobytes() == b.tobytes()
    out = io.BytesIO()
    (r if grey else img).save(out, "JPEG", quality=JPEG_QUALITY)
    palette: bytes | None = None
    if grey:
        flate = zlib.compress(r.tobytes(), 6)
    else:
        indexed = img.quantize(256, method=Image.Quantize.FASTOCTREE)
        palette = bytes((indexed.getpalette() or [])[:768]).ljust(768, b"\0")
        flate = zlib.compress(indexed.tobytes(), 6)
    if len(flate) < len(out.getvalue()):
        return flate, FLATE, grey, palette
    return out.getvalue(), DCT, grey, None

def read_stream(stream: IO[bytes], limits: Limits, max_pages: int) -> Rendered:
    """Every page of a rendition stream, checked; MalformedStream or NoConverter otherwise."""
    rf.read_magic(stream)
    result = Rendered([])
    meta: tuple[float, float, int, int, list[Word]] | None = None
    while (head := rf.read_head(stream)) is not None:
        tag, length = head
        if tag == rf.PDF and result.converted_pdf is None and not result.pages and meta is None:
            if length > MAX_PDF:
                raise rf.MalformedStream("the converted PDF is too large")
            result.converted_pdf = rf.read_exactly(stream, length)
        elif tag == rf.PAGE and meta is None:
            if len(result.pages) >= max_pages:
                raise rf.MalformedStream("more pages than expected")
            meta = _page_meta(rf.read_json(stream, length, MAX_JSON), limits)
        elif tag == rf.PIXELS and meta is not None:
            width, height, w, h, words = meta
            if length != w * h * 3:
                raise rf.MalformedStream("the pixels do not match the page")
            data, encoding, grey, palette = _encode(rf.read_exactly(stream, length), (w, h))
            result.pages.append(Page(width, height, data, encoding, (w, h), grey, words,
                                     palette))
            meta = None
        elif tag == rf.END and meta is None:
            end = rf.read_json(stream, length, 1024)
            if not isinstance(end, dict) or end.get("pages") != len(result.pages):
                raise rf.MalformedStream("the page count at the end does not match")
            result.peak_kb = int(number(end.get("peak_kb", 0), 0, 1e9))
            if stream.read(1):
                raise rf.MalformedStream("data after the end")
            return result
        elif tag == rf.ERROR:
            error = rf.read_json(stream, length, 1024)
            code, detail = (error.get("error"), error.get("detail")) if isinstance(
                error, dict) else (None, None)
            if code == rf.NO_CONVERTER:
                raise NoConverter()
            raise rf.MalformedStream(f"the child refused: {str(code)[:40]} ({str(detail)[:80]})")
        else:
            raise rf.MalformedStream(f"frame {tag!r} out of place")
    raise rf.MalformedStream("the stream ended before its end frame")


class _Child:
    """The child process and the one way to stop it: kill its whole process group, only while
    the group's leader is not yet reaped (so its id cannot belong to anyone else)."""

    def __init__(self, command: list[str], workdir: str) -> None:
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=workdir, env=_env(workdir), start_new_session=True, close_fds=True,
        )
        self._lock = threading.Lock()
        self._reaped = False
        self.timed_out = False

    def kill(self, *, timed_out: bool = False) -> None:
        with self._lock:
            if self._reaped:
                return
            self.timed_out = self.timed_out or timed_out
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def reap(self) -> int:
        """Wait for the child to exit, kill what it left behind in its group, collect it."""
        try:
            os.waitid(os.P_PID, self.proc.pid, os.WEXITED | os.WNOWAIT)
        except ChildProcessError:
            pass
        self.kill()
        with self._lock:
            self._reaped = True
        return self.proc.wait()


def run_child(command: list[str], data: bytes, limits: Limits,
              read: Callable[[IO[bytes]], T]) -> T:
    """Start `command` (a child module's arguments after `python -s -m`) in the sandbox, feed
    it `data` on stdin and return what `read` makes of its stdout. RenditionFailed when the
    child fails, is killed or times out, or `read` finds the stream malformed; NoConverter
    passes through."""
    workdir = _workdir()
    child: _Child | None = None
    timer: threading.Timer | None = None
    try:
        child = _Child([*isolation_prefix(), sys.executable, "-s", "-m", *command], workdir)
        timer = threading.Timer(limits.timeout, child.kill, kwargs={"timed_out": True})
        timer.daemon = True
        timer.start()
        assert child.proc.stdin is not None and child.proc.stdout is not None
        try:
            child.proc.stdin.write(data)
            child.proc.stdin.close()
        except OSError:
            pass  # the child died early: its stream and status say why
        try:
            result = read(child.proc.stdout)
            error = None
        except rf.MalformedStream as exc:
            error = str(exc)
        child.proc.stdout.close()
        code = child.reap()
        if child.timed_out:
            raise RenditionFailed("timeout")
        if code < 0:
            raise RenditionFailed(f"killed by {signal.Signals(-code).name}")
        if error is not None or code != 0:
            raise RenditionFailed(error or f"exit status {code}")
        return result
    finally:
        if timer is not None:
            timer.cancel()
        if child is not None:
            if child.proc.returncode is None:
                child.kill()
                child.reap()
            for pipe in (child.proc.stdin, child.proc.stdout):
                if pipe is not None:
                    pipe.close()
        shutil.rmtree(workdir, ignore_errors=True)


def render(
    data: bytes,
    kind: str,
    *,
    limits: Limits | None = None,
    box: tuple[float, float] = (540.0, 672.0),
    max_pages: int = MAX_PAGES,
) -> Rendered:
    """The pages of `data` (kind: pdf, image or docx) drawn in the sandbox.

    RenditionFailed when the child fails, is killed or sends anything malformed; NoConverter
    when a Word document cannot be converted (LibreOffice missing or failing)."""
    limits = limits or Limits()
    return run_child(_command(kind, limits, box, len(data)), data, limits,
                     lambda stream: read_stream(stream, limits, max_pages))
