"""The result every cleaner returns: the bytes to store and what a reader needs to know."""

from __future__ import annotations

from dataclasses import dataclass, field

from asylum_prep.domain.evidence import Mime


@dataclass
class Cleaned:
    data: bytes
    mime: Mime
    page_count: int | None = None
    width: int | None = None
    height: int | None = None
    removed: list[str] = field(default_factory=list)  # N_ notices, translated at the edge
    rendition: bytes | None = None  # a PDF for packets (DOCX and text)
    safe_rendition: bytes | None = None  # every page redrawn as a picture (safe_rendition)
    warnings: list[str] = field(default_factory=list)
