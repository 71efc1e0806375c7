"""Splitting report text into passages of about a paragraph, each knowing its page and section.

Importers hand over `Block`s (a paragraph, or a heading) in reading order; `to_passages` sets
each paragraph's section from the last heading seen, merges scraps shorter than `MIN_CHARS`
into the next paragraph of the same page and section, and splits paragraphs longer than
`MAX_CHARS` at sentence ends. A paragraph that runs over a page break is one block from its
first page to `page_end` (`break_at`: where in its text the last page begins); the pieces of
a long one get the page or pages their own text is on. Plain text goes through `plain_blocks`,
which finds paragraphs (blank lines, or short lines ending a sentence) and headings (short
unpunctuated lines: numbered, Title Case or CAPITALS; Markdown `#` lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from asylum_prep.text import collapse_spaces, strip_controls

MIN_CHARS = 80
MAX_CHARS = 1500
MAX_HEADING = 120

_SENTENCE_END = re.compile(r"(?<=[.!?…؟。])[\"'”’)\]]*\s+")
_NUMBERED = re.compile(r"^(section\s+)?(\d+(\.\d+)*\.?[a-z]?\.?|[A-Z]\.|[IVX]+\.)\s+\S", re.I)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^([-*+]|\d+[.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…:;,؟،]['\"”’)\]]*$")


@dataclass(frozen=True)
class Block:
    text: str
    page: int | None = None
    heading: bool = False
    page_end: int | None = None  # the last page, when the paragraph runs over a page break
    break_at: int | None = None  # where in `text` that page begins


@dataclass(frozen=True)
class Passage:
    ordinal: int
    page: int | None
    section: str
    text: str
    page_end: int | None = None
    page_label: str = ""
    page_end_label: str = ""


def with_labels(passages: list[Passage], labels: list[str] | None) -> list[Passage]:
    """The passages with the printed label of their pages (PDF /PageLabels)."""
    if not labels:
        return passages

    def label(page: int | None) -> str:
        return labels[page - 1] if page is not None and 0 < page <= len(labels) else ""

    return [replace(p, page_label=label(p.page), page_end_label=label(p.page_end))
            for p in passages]


def clean(text: str) -> str:
    """Whitespace collapsed, words broken at line ends joined again."""
    return collapse_spaces(re.sub(r"(\w)-\n(\w)", r"\1\2", strip_controls(text)))


def looks_like_heading(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > MAX_HEADING or _ENDS_SENTENCE.search(line):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    if _NUMBERED.match(line) or line.isupper():
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return bool(words) and len(line.split()) <= 12 and all(w[0].isupper() for w in words)


def plain_blocks(text: str, *, markdown: bool = False) -> Iterator[Block]:
    """Paragraphs and headings of plain text or Markdown (PDFs: `pdf_text`)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    para: list[str] = []

    def flush() -> Iterator[Block]:
        if para:
            body = clean("\n".join(para))
            para.clear()
            if body:
                heading = len(body) <= MAX_HEADING and not markdown and looks_like_heading(body)
                yield Block(body, None, heading)

    for raw in lines:
        line = raw.strip()
        if markdown and (m := _MD_HEADING.match(raw)):
            yield from flush()
            yield Block(clean(m.group(2)), None, True)
            continue
        if not line:
            yield from flush()
            continue
        if markdown:
            if _MD_ITEM.match(line):  # a list item is its own paragraph
                yield from flush()
                line = _MD_ITEM.sub("", line)
            line = re.sub(r"[*_`]+", "", line)
        para.append(line)
    yield from flush()


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_CHARS:
        return [text]
    sentences = _SENTENCE_END.split(text)
    chunks: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > MAX_CHARS:  # one enormous "sentence": cut at a space
            cut = sentence.rfind(" ", 0, MAX_CHARS)
            cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
            if current:
                chunks.append(current)
                current = ""
            chunks.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > MAX_CHARS * 2 // 3:
            chunks.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        chunks.append(current)
    return [c for c in chunks if c]


def to_passages(blocks: Iterable[Block]) -> list[Passage]:
    out: list[Passage] = []
    section = ""
    pending: Block | None = None
    pending_section = ""

    def emit(block: Block, sec: str) -> None:
        start = 0
        for piece in _split_long(block.text):
            found = block.text.find(piece[:40], start)
            start = found if found >= 0 else start
            end = start + len(piece)
            page, page_end = block.page, block.page_end
            if block.break_at is not None and block.page_end is not None:
                if end <= block.break_at:  # wholly on the first page
                    page_end = None
                elif start >= block.break_at:  # wholly on the last page
                    page, page_end = block.page_end, None
            out.append(Passage(len(out) + 1, page, sec[:500], piece, page_end))
            start = end

    for block in blocks:
        text = clean(block.text)
        if not text:
            continue
        if block.heading:
            if pending is not None:
                emit(pending, pending_section)
                pending = None
            section = text[:500]
            continue
        shift = len(text) - len(block.text)
        block = Block(text, block.page, False, block.page_end,
                      None if block.break_at is None else max(0, block.break_at + shift))
        if pending is not None:
            if pending.page == block.page and pending_section == section:
                extra = len(pending.text) + 1
                block = Block(f"{pending.text} {block.text}", block.page, False, block.page_end,
                              None if block.break_at is None else block.break_at + extra)
            else:
                emit(pending, pending_section)
            pending = None
        if len(block.text) < MIN_CHARS:
            pending, pending_section = block, section
        else:
            emit(block, section)
    if pending is not None:
        emit(pending, pending_section)
    return out
