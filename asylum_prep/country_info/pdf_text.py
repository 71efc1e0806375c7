"""A PDF's text as paragraphs and headings, without its page furniture.

pdfminer.six gives each text line with its position and its characters' fonts. Then:

- **Page furniture**: a line among the top or bottom three of a page, in the outer eighth of
  the page and set apart from the body by a gap wider than a line, whose text, with its
  digits made alike ("... Labor 1", "... Labor 2"), recurs at the same height on at least
  half of the pages (two at least), is a running header or footer; a bare page number ("4",
  "Page 4 of 9", "iv") there is one too. They never enter a passage.
- **Headings**: the outline's titles when the PDF has an outline that matches its text (a
  line, or up to three together, whose words are a title's on its page, for at least half of
  the titles); otherwise lines in a larger font than the body text, or wholly bold and
  short. A lone section number ("1.a") and the words after it are one heading.
- **Paragraphs**: lines come in pdfminer's reading order (one column after the other); a new
  paragraph starts at a vertical gap wider than the lines' own spacing, after a short line
  that ends a sentence, or at the top of the next column after a finished sentence. A
  paragraph that reaches the bottom of a page without ending a sentence goes on at the top of
  the next page: it is one block from its first page to its last (`page_end`, and
  `break_at`, where the next page's text begins).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from asylum_prep.country_info.passages import MAX_HEADING, Block, clean
from asylum_prep.text import collapse_spaces

ZONE = 3  # lines at the top and the bottom of a page where furniture is looked for
MARGIN = 0.125  # ... and only in this share of the page's height at its top or bottom
_BOLD = re.compile(r"bold|black|heavy|semibold|demibold", re.I)
_PAGE_NUMBER = re.compile(
    r"^(page\s+)?(\d{1,4}|[ivxlcdm]{1,8})(\s*(/|of)\s*\d{1,4})?$", re.I)
_SECTION_NUMBER = re.compile(r"^(section\s+)?(\d{1,3}(\.\w{1,3})*\.?|[A-Z]\.|[IVX]{1,5}\.)$",
                             re.I)
_ENDS = re.compile(r"[.!?…:;؟。]['\"”’)\]]*$")


@dataclass
class Line:
    text: str
    top: float  # distance from the top of the page
    bottom: float
    x0: float
    size: float
    bold: bool
    page_height: float = 0.0


def _lines_of(layout: object) -> list[Line]:
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    height = float(getattr(layout, "height", 0.0))
    lines: list[Line] = []

    def visit(item: object) -> None:
        if isinstance(item, LTTextLine):
            chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
            text = collapse_spaces(item.get_text())
            if not text or not chars:
                return
            size = Counter(round(c.size, 1) for c in chars).most_common(1)[0][0]
            bold = sum(bool(_BOLD.search(c.fontname)) for c in chars) >= 0.9 * len(chars)
            lines.append(Line(text, height - item.y1, height - item.y0, item.x0, size, bold,
                              height))
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            for child in item:
                visit(child)

    visit(layout)  # pdfminer's reading order: columns one after the other
    return _join_same_row(lines)


def _join_same_row(lines: list[Line]) -> list[Line]:
    """A section number laid out apart from its words ("1.a" ... "Arbitrary Arrest") on the
    same row becomes one line with them."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and abs(prev.top - line.top) < 0.5 * line.size
                and _SECTION_NUMBER.match(prev.text) and line.x0 > prev.x0):
            out[-1] = Line(f"{prev.text} {line.text}", min(prev.top, line.top),
                           max(prev.bottom, line.bottom), prev.x0, line.size, line.bold,
                           line.page_height)
        else:
            out.append(line)
    return out


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", collapse_spaces(text).lower())


def _zone(lines: list[Line]) -> dict[int, tuple[str, int]]:
    """The lines where furniture may be: index -> (side, height bucket). Those at the top
    above a clear gap (wider than a line) before the body, and those at the bottom below
    one, in the outer eighth of the page; a page whose text has no such gap has none."""
    order = sorted(range(len(lines)), key=lambda i: (lines[i].top, lines[i].x0))
    n = len(order)
    out: dict[int, tuple[str, int]] = {}

    def clear(k: int) -> bool:  # a clear gap between the k-th and (k+1)-th line down the page
        a, b = lines[order[k]], lines[order[k + 1]]
        return b.top - a.bottom > max(a.size, b.size)

    tops = [k for k in range(min(ZONE, n - 1)) if clear(k)]
    bottoms = [k + 1 for k in range(max(0, n - 1 - ZONE), n - 1) if clear(k)]
    for k in range(tops[-1] + 1 if tops else 0):
        ln = lines[order[k]]
        if ln.top <= MARGIN * ln.page_height:
            out[order[k]] = ("top", round(ln.top / 6))
    for k in range(bottoms[0] if bottoms else n, n):
        ln = lines[order[k]]
        if ln.page_height - ln.bottom <= MARGIN * ln.page_height:
            out[order[k]] = ("bottom", round((ln.page_height - ln.bottom) / 6))
    return out


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without their running headers, footers and page numbers."""
    counts: Counter[tuple[str, str, int]] = Counter()
    for lines in pages:
        counts.update({(_shape(lines[i].text), *where) for i, where in _zone(lines).items()})
    needed = max(2, (len(pages) + 1) // 2)
    furniture = {key for key, n in counts.items() if n >= needed}
    out = []
    for lines in pages:
        zone = _zone(lines)
        out.append([ln for i, ln in enumerate(lines) if not (
            i in zone and ((_shape(ln.text), *zone[i]) in furniture
                           or _PAGE_NUMBER.match(ln.text.strip())))])
    return out


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


class _Headings:
    """Decides which lines are headings: from the outline, or from the fonts."""

    def __init__(self, pages: list[list[Line]], outline: dict[int, list[str]]) -> None:
        self.outline = {page: [_words(t) for t in titles] for page, titles in outline.items()}
        sizes: Counter[float] = Counter()
        for lines in pages:
            for ln in lines:
                sizes[ln.size] += len(ln.text)
        self.body = sizes.most_common(1)[0][0] if sizes else 0.0

    def by_font(self, line: Line) -> bool:
        text = line.text.strip()
        if len(text) > MAX_HEADING or not any(ch.isalpha() for ch in text):
            return _SECTION_NUMBER.match(text) is not None and line.bold
        if _ENDS.search(text) and not _SECTION_NUMBER.match(text.split()[0]):
            return False
        return line.size >= self.body * 1.15 or (line.bold and len(text) <= MAX_HEADING)

    def titles(self, page: int) -> list[str] | None:
        if not self.outline:
            return None
        return self.outline.get(page, [])


def _heading_runs(lines: list[Line], page: int, heads: _Headings) -> tuple[list[bool], int]:
    """Which lines of a page are (part of) a heading, and how many outline titles of the page
    were found among them."""
    titles = heads.titles(page)
    marks = [False] * len(lines)
    if titles is None:
        for i, ln in enumerate(lines):
            marks[i] = heads.by_font(ln)
        return marks, 0
    found = 0
    for title in titles:  # a title may be laid out over up to three lines
        hit = False
        for i in range(len(lines)):
            joined = ""
            for j in range(i, min(i + 3, len(lines))):
                joined = f"{joined} {_words(lines[j].text)}".strip()
                if joined == title:
                    for k in range(i, j + 1):
                        marks[k] = True
                    hit = True
                    break
                if not title.startswith(joined):
                    break
        found += hit
    return marks, found


def _page_blocks(lines: list[Line], marks: list[bool], page: int) -> list[tuple[Block, bool]]:
    """(block, ends_open) per paragraph or heading of one page, in order; `ends_open` is true
    for the last paragraph when it does not end a sentence (it may go on overleaf)."""
    widths = sorted(len(ln.text) for ln in lines) or [0]
    typical = widths[int(len(widths) * 0.8)]
    out: list[tuple[Block, bool]] = []
    current: list[Line] = []
    heading = False

    def flush() -> None:
        if current:
            text = clean("\n".join(ln.text for ln in current))
            if text:
                out.append((Block(text, page, heading), False))
            current.clear()

    for i, (line, is_heading) in enumerate(zip(lines, marks, strict=True)):
        prev = lines[i - 1] if i else None
        gap = line.top - prev.bottom if prev is not None else 0.0
        # back up the page: the next column (or box); it goes on only an unfinished sentence
        column = prev is not None and gap < -max(line.size, prev.size)
        new_para = (
            prev is None or is_heading != heading
            or gap > 0.6 * max(line.size, prev.size)
            or (column and _ENDS.search(prev.text) is not None)
            or (not heading and _ENDS.search(prev.text) is not None
                and len(prev.text) < 0.75 * typical)
            or (is_heading and heading and abs(line.size - prev.size) > 0.5)
        )
        if new_para:
            flush()
            heading = is_heading
        current.append(line)
    flush()
    if out and not out[-1][0].heading and not _ENDS.search(out[-1][0].text):
        out[-1] = (out[-1][0], True)
    return out


def pdf_blocks(data: bytes, outline: dict[int, list[str]]) -> list[Block]:
    """The paragraphs and headings of a PDF in reading order, furniture left out. Raises
    pdfminer's errors for a damaged file (the caller refuses it)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    pages = [_lines_of(layout) for layout in extract_pages(io.BytesIO(data), laparams=LAParams())]
    pages = drop_furniture(pages)
    heads = _Headings(pages, outline)
    runs = [_heading_runs(lines, number, heads) for number, lines in enumerate(pages, 1)]
    if heads.outline and 2 * sum(found for _, found in runs) < sum(map(len, outline.values())):
        heads.outline = {}  # an outline that does not match the text: the fonts decide
        runs = [_heading_runs(lines, number, heads) for number, lines in enumerate(pages, 1)]
    blocks: list[Block] = []
    open_end = False
    for number, lines in enumerate(pages, 1):
        page_blocks = _page_blocks(lines, runs[number - 1][0], number)
        if open_end and page_blocks and not page_blocks[0][0].heading:
            first, first_open = page_blocks.pop(0)
            prev = blocks.pop()
            joined = clean(f"{prev.text}\n{first.text}")
            blocks.append(Block(joined, prev.page, False, number,
                                len(joined) - len(first.text)))
            open_end = first_open and not page_blocks
        if page_blocks:
            blocks.extend(b for b, _ in page_blocks)
            open_end = page_blocks[-1][1]
    return blocks
