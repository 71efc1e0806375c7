"""Document -> PDF through an autoescaped Jinja2 template and WeasyPrint.

User text enters HTML only as autoescaped template data. Page-margin content (running header,
"Page X of Y") is emitted as CSS strings in which every character but ASCII letters, digits and
spaces is a hex escape, so no text can end the string or the style element. WeasyPrint only
loads through `RestrictedFetcher`. Returns (bytes, notices); soft problems become notices.

A 30-page render allocates so many container objects that Python's cyclic collector makes
hundreds of passes during it, and usually a full one that walks every tracked object in the
process (in the app: Streamlit, SQLAlchemy, the session's data): 50-90 ms even in a bare
benchmark process. `_collector_paused` switches the cyclic collector off for the render and back
on after it. Nothing leaks: what the render drops is freed by reference counting as it goes, and
its few cycles are collected by the next pass after the render (RSS flat over 12 renders in a
row). gc.freeze was tried first and was as fast, but it kept each render's cycles, which passes
during the render had moved to the oldest generation, out of reach: +8 MB per render. Renders
overlapping in two threads stay correct: the first to finish switches the collector back on and
the other merely runs the rest of its render with it.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

import jinja2
from markupsafe import Markup
from weasyprint import CSS, HTML

from asylum_prep.documents.fetcher import RestrictedFetcher
from asylum_prep.documents.legal_texts import TEMPLATES_DIR
from asylum_prep.documents.model import Document, Notice, Text, joiner, plural

PDF_DIR = TEMPLATES_DIR / "pdf"


# What `white-space: normal` collapses (WeasyPrint: CR/LF, tabs, spaces; not NBSP and the like).
_COLLAPSIBLE = re.compile(r"[ \t\n\r]+")


def one_run(parts: Sequence[Text]) -> str | None:
    """The parts as one string, spaces collapsed as `white-space: normal` would show them, when
    they share one language and direction; None when some part needs its own span.

    The template sets such paragraphs `white-space: pre-wrap` (class "run", see document.css):
    the same rendering, but WeasyPrint then skips a second shaping of every line."""
    if any(t.lang != parts[0].lang or t.direction != parts[0].direction for t in parts[1:]):
        return None
    return _COLLAPSIBLE.sub(" ", joiner(parts[0].lang).join(t.text for t in parts)).strip(" ")


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PDF_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
    )
    env.filters["one_run"] = one_run
    env.globals["joiner"] = joiner
    return env


@lru_cache(maxsize=1)
def _stylesheet() -> CSS:
    """document.css, parsed once per process (through RestrictedFetcher, like every load).

    A WeasyPrint CSS object holds parsed rules and compiled selectors, no document state, so
    renders share it; parsing it for every render cost about 10 ms of 780. Passed to write_pdf
    it is a user-origin sheet: its rules lose only to author rules, i.e. the template's own
    @page block, which sets other properties (content, sizes), so nothing changes."""
    return CSS(
        url=(PDF_DIR / "document.css").as_uri(),
        url_fetcher=RestrictedFetcher(),
        media_type="print",
    )


def css_string(text: str) -> Markup:
    """A CSS string literal safe in any context: only ASCII letters and digits appear unescaped
    (a space is escaped too: CSS swallows one space after a hex escape)."""
    body = "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}" for c in text)
    return Markup(f'"{body}"')  # noqa: S704 - only safe characters, see above


def page_content(template: str) -> Markup:
    """'Page {page} of {pages}' (translated) -> CSS content with page counters."""
    pieces: list[str] = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            pieces.append("counter(page)")
        elif piece == "{pages}":
            pieces.append("counter(pages)")
        elif piece:
            pieces.append(str(css_string(piece)))
    return Markup(" ".join(pieces) or '""')  # noqa: S704 - built from css_string and keywords


def render_html(doc: Document) -> str:
    header = doc.running.header
    return (
        _env()
        .get_template("document.html.j2")
        .render(
            doc=doc,
            page_size="letter" if doc.page_size == "letter" else "A4",
            header_left=css_string(header[0].text if header else ""),
            header_right=css_string(" · ".join(h.text for h in header[1:])),
            page_content=page_content(doc.running.page_template),
            footer_note=css_string(doc.running.footer_note.text)
            if doc.running.footer_note
            else None,
        )
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while WeasyPrint renders (see above)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def render(
    doc: Document, *, fetcher: RestrictedFetcher | None = None, pdf_a: bool = False
) -> tuple[bytes, list[Notice]]:
    fetcher = fetcher or RestrictedFetcher()
    notices: list[Notice] = []
    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    options: dict[str, object] = {"uncompressed_pdf": False, "stylesheets": [_stylesheet()]}
    if pdf_a:
        options["pdf_variant"] = "pdf/a-2b"
    try:
        with _collector_paused():
            html = HTML(
                string=render_html(doc), base_url=PDF_DIR.as_uri() + "/", url_fetcher=fetcher
            )
            data = html.write_pdf(**options)
    finally:
        logger.removeHandler(capture)
    if fetcher.refused:
        notices.append(
            Notice.counted(
                plural(
                    "{n} outside resource was refused while making the PDF.",
                    "{n} outside resources were refused while making the PDF.",
                ),
                len(fetcher.refused),
            )
        )
    if capture.count:
        notices.append(
            Notice.counted(
                plural(
                    "The PDF engine reported {n} layout warning.",
                    "The PDF engine reported {n} layout warnings.",
                ),
                capture.count,
            )
        )
    return bytes(data or b""), notices
