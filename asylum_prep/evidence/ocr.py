"""Reading scanned pages: Tesseract over a safe rendition's page pictures, in the sandbox
(evidence.ocr_child), and the words it read laid back on the rendition as an invisible text
layer (evidence.text_layer), so the packet's pages can be searched like born-digital ones.

Which models read a document follows the language chosen for it at intake (`models_for`),
always with English beside it (names, numbers and stamps in Latin letters are common on any
document). Pages that already carry text (born-digital pages, whose words the rendition took
from the file) are not read again and keep their own text.

Pure: no storage; the caller decrypts the rendition into memory and stores the results.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

import pikepdf
from pikepdf import Dictionary, Name

from asylum_prep.evidence import render_frames as rf
from asylum_prep.evidence.sandbox import (
    Limits,
    RenditionFailed,
    Word,
    checked_words,
    number,
    run_child,
)
from asylum_prep.evidence.text_layer import TextLayer

# Tesseract's models for the languages a document may be in (the primary BCP 47 subtag, or
# the whole code where the script decides): the interface languages and their neighbours.
MODELS: dict[str, str] = {
    "en": "eng", "es": "spa", "fr": "fra", "ht": "hat", "pt": "por", "ar": "ara", "fa": "fas",
    "prs": "fas", "ps": "pus", "ur": "urd", "ru": "rus", "uk": "ukr", "tr": "tur",
    "zh": "chi_sim", "zh_Hans": "chi_sim", "zh_Hant": "chi_tra", "zh_TW": "chi_tra",
    "ti": "tir", "am": "amh",
}
DPI = 150  # the resolution safe renditions draw pages at
MAX_LINES = 5000  # per page


@dataclass(frozen=True)
class PageText:
    number: int  # from 1
    width: float
    height: float
    own_text: bool  # a born-digital page: not read, its text is its own
    words: list[Word] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Reading:
    pages: list[PageText]
    models: str
    peak_kb: int

    @property
    def pages_read(self) -> int:
        return sum(1 for page in self.pages if not page.own_text)


@functools.cache
def installed_models() -> frozenset[str]:
    """The Tesseract models on this machine (empty when Tesseract is missing)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30,
                             check=True).stdout.decode()
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def models_for(language: str) -> str:
    """Tesseract's `-l` for a document in `language` (a BCP 47 code, or ""): its model, when
    installed, then English."""
    code = language.replace("-", "_")
    model = MODELS.get(code) or MODELS.get(code.split("_")[0], "eng")
    installed = installed_models()
    chosen = [m for m in dict.fromkeys((model, "eng")) if m in installed]
    return "+".join(chosen) or "eng"


def available() -> bool:
    return "eng" in installed_models()


def _page(raw: object, expected: int) -> PageText:
    if not isinstance(raw, dict) or set(raw) != {"page", "width", "height", "own_text", "words",
                                                 "lines"}:
        raise rf.MalformedStream("bad page description")
    if raw["page"] != expected or not isinstance(raw["own_text"], bool):
        raise rf.MalformedStream("pages out of order")
    lines = raw["lines"]
    if not isinstance(lines, list) or len(lines) > MAX_LINES or not all(
            isinstance(line, str) for line in lines):
        raise rf.MalformedStream("bad lines")
    width, height = number(raw["width"], 1, 14400 * 75), number(raw["height"], 1, 14400 * 75)
    words = checked_words(raw["words"], width, height)
    return PageText(expected, width, height, raw["own_text"], words,
                    [line[:2000] for line in lines])


def _reader(on_page: Callable[[int], None]) -> Callable[[IO[bytes]], tuple[list[PageText], int]]:
    def read(stream: IO[bytes]) -> tuple[list[PageText], int]:
        rf.read_magic(stream)
        pages: list[PageText] = []
        while (head := rf.read_head(stream)) is not None:
            tag, length = head
            if tag == rf.PAGE:
                pages.append(_page(rf.read_json(stream, length, 4 << 20), len(pages) + 1))
                on_page(len(pages))
            elif tag == rf.END:
                end = rf.read_json(stream, length, 1024)
                if not isinstance(end, dict) or end.get("pages") != len(pages):
                    raise rf.MalformedStream("the page count at the end does not match")
                if stream.read(1):
                    raise rf.MalformedStream("data after the end")
                return pages, int(number(end.get("peak_kb", 0), 0, 1e9))
            elif tag == rf.ERROR:
                raise rf.MalformedStream("the child refused the file")
            else:
                raise rf.MalformedStream(f"frame {tag!r} out of place")
        raise rf.MalformedStream("the stream ended before its end frame")

    return read


def recognise(pdf: bytes, language: str, *, pages: int, on_page: Callable[[int], None] = print,
              memory_mb: int = 1024, cpu_seconds: int = 60) -> Reading:
    """Read every page of the safe rendition `pdf` (of `pages` pages) that has no text of its
    own. `on_page(n)` is called as page n is done. RenditionFailed when the child fails, is
    killed (its limits: `cpu_seconds` plus 20 a page), or sends anything malformed."""
    models = models_for(language)
    cpu = cpu_seconds + 20 * pages
    limits = Limits(memory=memory_mb << 20, cpu_seconds=cpu, timeout=2.0 * cpu + 30)
    command = ["asylum_prep.evidence.ocr_child", "--models", models, "--dpi", str(DPI),
               "--memory", str(limits.memory), "--cpu", str(cpu), "--max-input", str(len(pdf)),
               "--tool-timeout", str(limits.timeout)]
    found, peak = run_child(command, pdf, limits, _reader(on_page))
    if len(found) != pages:
        raise RenditionFailed(f"{len(found)} pages read, {pages} expected")
    return Reading(found, models, peak)


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def visual(word: str) -> str:
    """A word as drawn: a right-to-left word's characters from the left (the text layer
    takes words in the order they appear on the page, see evidence.text_layer)."""
    return word[::-1] if _RTL.search(word) else word


def with_text_layer(pdf: bytes, reading: Reading) -> bytes:
    """The rendition `pdf` with the words read on each page laid over it, invisible."""
    doc = pikepdf.open(io.BytesIO(pdf))
    layer = TextLayer(doc)
    for page, text in zip(doc.pages, reading.pages, strict=True):
        if text.own_text or not text.words:
            continue
        resources = page.obj.get(Name.Resources)
        if not isinstance(resources, Dictionary):
            resources = page.obj.Resources = Dictionary()
        if Name.Font not in resources:
            resources.Font = Dictionary()
        resources.Font.TOcr = layer.font
        ops = layer.operators(Name.TOcr, ((w.x0, w.y0, w.x1, w.y1, visual(w.text))
                                          for w in text.words), text.height)
        page.contents_add(doc.make_stream(ops), prepend=False)
    if layer.codes:
        layer.finish()
    out = io.BytesIO()
    doc.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
