"""Reading report files: PDF (text per page), HTML (headings become sections), text, Markdown.

`parse_file(name, data)` returns the text blocks and whatever metadata the file carries (PDF
document info, HTML <title>/<meta>, a `---` front-matter block in text and Markdown).
`resolve_metadata` lays the importer's options over it and validates: the country must be an
ISO 3166-1 alpha-2 code, publisher and title must be known. Anything wrong raises
`InputRefused` with a reason the importer can act on; nothing is written here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from asylum_prep import countries
from asylum_prep.country_info.passages import Block, plain_blocks
from asylum_prep.errors import N_, InputRefused
from asylum_prep.text import clean_line, collapse_spaces, index_form, search_tokens, strip_controls

MAX_FILE_BYTES = 200 * 1024 * 1024
KINDS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "txt",
         ".text": "txt", ".md": "md", ".markdown": "md"}
def valid_country(code: str | None) -> str:
    """A report's country code, upper case: a country's, or a user-assigned one (a fictional
    country for training uses one)."""
    value = (code or "").strip().upper()
    if value not in countries.library_codes():
        raise InputRefused(
            N_("{code} is not an ISO 3166 country code: use two letters such as IR or SV."),
            code=(code or "")[:20] or "-",
        )
    return value


def parse_date(value: object) -> date | None:
    """ISO dates (YYYY-MM-DD, YYYY-MM, YYYY), PDF dates (D:YYYYMMDD...), '22 April 2024',
    'April 22, 2024'. None when nothing usable is found."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if text.startswith("D:"):
        text = text[2:]
        if re.match(r"^\d{8}", text):
            text = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    if m := re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$", text):
        try:
            return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return None
    for fmt in ("%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%B %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


@dataclass
class ParsedFile:
    kind: str
    blocks: list[Block]
    title: str = ""
    publisher: str = ""
    published: date | None = None
    url: str = ""
    country: str = ""
    page_count: int | None = None


@dataclass(frozen=True)
class ImportOptions:
    """What the importer says about the report; given values win over the file's own."""

    country: str | None = None
    publisher: str | None = None
    title: str | None = None
    published: date | None = None
    url: str | None = None


@dataclass(frozen=True)
class ReportMeta:
    country: str
    publisher: str
    title: str
    published: date | None
    url: str
    series_key: str = field(default="")


def series_key(publisher: str, country: str, title: str) -> str:
    """Editions of one series share publisher, country and title once years are removed."""
    years = re.compile(r"(19|20)\d\d")
    title_words = " ".join(t for t in search_tokens(title) if not years.fullmatch(t))
    return f"{index_form(publisher)}|{country}|{title_words}"[:800]


def resolve_metadata(parsed: ParsedFile, options: ImportOptions, file_name: str) -> ReportMeta:
    country = valid_country(options.country or parsed.country)
    publisher = clean_line(options.publisher or parsed.publisher or "")[:200]
    if not publisher:
        raise InputRefused(
            N_("The file does not name its publisher: give it with the publisher option.")
        )
    title = clean_line(options.title or parsed.title or Path(file_name).stem)[:500]
    url = strip_controls(options.url or parsed.url or "").strip()[:1000]
    if url and not re.match(r"^https?://", url, re.I):
        raise InputRefused(N_("A report URL starts with http:// or https://."))
    published = options.published or parsed.published
    return ReportMeta(country, publisher, title, published, url,
                      series_key(publisher, country, title))


_FRONT = re.compile(r"\A\ufeff?---\s*\n(.*?)\n---\s*\n", re.S)


def _front_matter(text: str, parsed: ParsedFile) -> str:
    m = _FRONT.match(text)
    if not m:
        return text
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if key == "title":
            parsed.title = value
        elif key in ("publisher", "author"):
            parsed.publisher = parsed.publisher or value
        elif key in ("published", "date"):
            parsed.published = parse_date(value)
        elif key in ("url", "source"):
            parsed.url = value
        elif key == "country":
            parsed.country = value
    return text[m.end():]


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputRefused(N_("This is not a text file."))
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (
        "utf-8-sig",
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def _parse_text(data: bytes, kind: str) -> ParsedFile:
    parsed = ParsedFile(kind=kind, blocks=[])
    text = _front_matter(_decode(data), parsed)
    parsed.blocks = list(plain_blocks(text, markdown=kind == "md"))
    if not parsed.title:
        first_heading = next((b.text for b in parsed.blocks if b.heading), "")
        parsed.title = first_heading
    return parsed


def _parse_pdf(data: bytes) -> ParsedFile:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputRefused(N_("This PDF is password-protected: save an unprotected copy."))
        info = reader.metadata
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(info.title or "") if info else ""
        author = str(info.author or "") if info else ""
        created = parse_date(info.get("/CreationDate")) if info else None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, RecursionError, OSError, NotImplementedError) as exc:
        raise InputRefused(N_("This PDF could not be read: {detail}"),
                           detail=type(exc).__name__) from None
    if not any(p.strip() for p in pages):
        raise InputRefused(
            N_("This PDF has no text layer (probably a scan): run text recognition first.")
        )
    blocks = [b for number, text in enumerate(pages, 1) for b in plain_blocks(text, page=number)]
    return ParsedFile("pdf", blocks, title=title, publisher=author, published=created,
                      page_count=len(pages))


class _HTMLReader(HTMLParser):
    BLOCK = frozenset({"p", "li", "blockquote", "td", "th", "dd", "dt", "pre", "figcaption",
                       "caption", "div", "section", "article", "main", "aside", "table", "tr",
                       "ul", "ol", "dl", "header", "footer", "nav", "form", "hr", "body"})
    SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe",
                      "object"})
    HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical = ""
        self._buffer: list[str] = []
        self._skip = 0
        self._in_title = False
        self._in_heading = False

    def _flush(self, heading: bool = False) -> None:
        text = collapse_spaces("".join(self._buffer))
        self._buffer.clear()
        if text:
            self.blocks.append(Block(text, None, heading))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower():
            self.canonical = a.get("href", "")
        elif tag == "title":
            self._in_title = True
        elif tag in self.SKIP:
            self._skip += 1
        elif tag in self.HEADINGS:
            self._flush()
            self._in_heading = True
        elif tag in self.BLOCK:
            self._flush(self._in_heading)
        elif tag == "br":
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.HEADINGS:
            self._flush(heading=True)
            self._in_heading = False
        elif tag in self.BLOCK:
            self._flush(self._in_heading)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush(self._in_heading)


def _first(meta: dict[str, str], *keys: str) -> str:
    return next((meta[k].strip() for k in keys if meta.get(k, "").strip()), "")


def _parse_html(data: bytes) -> ParsedFile:
    reader = _HTMLReader()
    reader.feed(_decode(data))
    reader.close()
    meta = reader.meta
    title = _first(meta, "citation_title", "dc.title", "og:title") or collapse_spaces(reader.title)
    if not title:
        title = next((b.text for b in reader.blocks if b.heading), "")
    country = _first(meta, "coi:country", "country", "dc.coverage")
    return ParsedFile(
        "html", reader.blocks, title=title,
        publisher=_first(meta, "citation_publisher", "dc.publisher", "publisher", "og:site_name",
                         "author", "dc.creator"),
        published=parse_date(_first(meta, "citation_publication_date", "dcterms.issued",
                                    "dc.date", "article:published_time", "date",
                                    "citation_date")),
        url=_first(meta, "og:url") or reader.canonical,
        country=country if len(country) == 2 else "",
    )


def kind_of(name: str, data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    kind = KINDS.get(Path(name).suffix.lower())
    if kind is None:
        raise InputRefused(
            N_("Only PDF, HTML, text and Markdown reports can be imported (this is {suffix})."),
            suffix=Path(name).suffix or "-",
        )
    if kind == "pdf":
        raise InputRefused(N_("This file is named .pdf but is not a PDF."))
    return kind


def parse_file(name: str, data: bytes) -> ParsedFile:
    """Text blocks and metadata of one report file; InputRefused with the reason if unusable."""
    if len(data) > MAX_FILE_BYTES:
        raise InputRefused(N_("The file is larger than {mb} MB."), mb=MAX_FILE_BYTES // 2**20)
    kind = kind_of(name, data)
    if kind == "pdf":
        parsed = _parse_pdf(data)
    elif kind == "html":
        parsed = _parse_html(data)
    else:
        parsed = _parse_text(data, kind)
    if not any(not b.heading for b in parsed.blocks):
        raise InputRefused(N_("No text was found in the file."))
    return parsed
