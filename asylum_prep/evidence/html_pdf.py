"""HTML to PDF for evidence pages (index, tabs, footer, text renditions) with WeasyPrint.

Templates live in templates/packet/ and are rendered by an autoescaping Jinja environment, so
user text reaches HTML only escaped. The fetcher refuses every URL: nothing is loaded from
the network or the file system while rendering. One FontConfiguration per thread is reused
across renders (building a new one per document re-creates Pango's font map every time).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "packet"


class NoFetch(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """Refuses every URL (WeasyPrint skips the resource)."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        raise ValueError("external resources are not loaded")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


_local = threading.local()


def font_config() -> FontConfiguration:
    """This thread's font configuration (Pango objects are not shared between threads)."""
    config = getattr(_local, "font_config", None)
    if config is None:
        config = _local.font_config = FontConfiguration()
    return config


def html_to_document(html: str) -> Document:
    """The laid-out document (pages, anchors); `.write_pdf()` makes the bytes."""
    return HTML(string=html, base_url=None, url_fetcher=NoFetch()).render(font_config=font_config())


def html_to_pdf(html: str) -> bytes:
    pdf = html_to_document(html).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
