"""Reading report files: PDF (`pdf_layout`, `pdf_text`), HTML (`html_report`), text, Markdown.

`parse_file(name, data)` returns the text blocks and whatever metadata the file carries (PDF
document info and page labels, a web page's metadata, a `---` front-matter block in text and
Markdown). A heading that is the report's own title is left out (it is no section).
`resolve_metadata` lays the importer's options over it and validates: the country must be an
ISO 3166-1 alpha-2 code, publisher and title must be known. Anything wrong raises
`InputRefused` with a reason the importer can act on; nothing is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from asylum_prep import countries
from asylum_prep.country_info.passages import Block, plain_blocks
from asylum_prep.errors import N_, InputRefused
from asylum_prep.text import clean_line, index_form, search_tokens, strip_controls

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
    page_labels: list[str] | None = None  # a PDF's printed page labels, page 1 first


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


_EDITION_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "enero", "febrero",
    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre", "accessible", "version", "updated", "edition", "update"})


def series_key(publisher: str, country: str, title: str) -> str:
    """Editions of one series share publisher, country and title once dates are removed: years,
    month names (English, French, Spanish), day numbers and words such as "version" or
    "(accessible)" ("Country Policy and Information Note: Iran, May 2022" and "..., October
    2025" are one series)."""
    dates = re.compile(r"(1[89]|20)\d\d|\d{1,2}(st|nd|rd|th)?|v?\d+(\.\d+)*")
    title_words = " ".join(t for t in search_tokens(title)
                           if not dates.fullmatch(t) and t not in _EDITION_WORDS)
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


_PDF_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError, RecursionError,
    OSError, NotImplementedError, ZeroDivisionError, OverflowError)


def _parse_pdf(data: bytes) -> ParsedFile:
    import pikepdf
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    from asylum_prep.country_info.pdf_layout import read_facts
    from asylum_prep.country_info.pdf_text import pdf_blocks

    damaged: tuple[type[BaseException], ...] = (pikepdf.PikepdfError, *_PDF_ERRORS)
    unreadable: tuple[type[BaseException], ...] = (PDFException, PSException, *_PDF_ERRORS)
    try:
        facts = read_facts(data)
    except pikepdf.PasswordError:
        raise InputRefused(
            N_("This PDF is password-protected: save an unprotected copy.")) from None
    except damaged as exc:
        raise InputRefused(N_("This PDF could not be read: {detail}"),
                           detail=type(exc).__name__) from None
    try:
        blocks = pdf_blocks(data, facts.outline)
    except unreadable as exc:
        raise InputRefused(N_("This PDF could not be read: {detail}"),
                           detail=type(exc).__name__) from None
    if not blocks:
        raise InputRefused(
            N_("This PDF has no text layer (probably a scan): run text recognition first.")
        )
    return ParsedFile("pdf", blocks, title=facts.title, publisher=facts.author,
                      published=parse_date(facts.created), page_count=len(facts.labels),
                      page_labels=facts.labels)


def _parse_html(data: bytes) -> ParsedFile:
    from asylum_prep.country_info.html_report import read_page

    blocks, meta = read_page(_decode(data))
    return ParsedFile("html", blocks, title=meta["title"], publisher=meta["publisher"],
                      published=parse_date(meta["published"]), url=meta["url"],
                      country=meta["country"])


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
    if parsed.title:  # the report's own title is no section of it
        title = _words(parsed.title)
        parsed.blocks = [b for b in parsed.blocks if not (b.heading and _words(b.text) == title)]
    return parsed


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
