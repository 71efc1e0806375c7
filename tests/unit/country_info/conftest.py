"""Fixtures for the country library: report files made by the tests, imported into a real
store (SQLite, and PostgreSQL when ASYLUM_PREP_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from asylum_prep.services import coi
from asylum_prep.storage.engine import Store
from tests.conftest import People

SAMPLES = Path(coi.__file__).resolve().parent.parent / "samples" / "coi"


def make_pdf(path: Path, pages: list[str], *, title: str = "", author: str = "",
             created: str = "") -> Path:
    """A real PDF with one page per entry (WeasyPrint), with document metadata."""
    from weasyprint import HTML

    head = f"<title>{title}</title>" if title else ""
    if author:
        head += f'<meta name="author" content="{author}">'
    if created:
        head += f'<meta name="dcterms.created" content="{created}">'
    body = "".join(
        f'<div style="page-break-after: always">{html}</div>' for html in pages
    )
    HTML(string=f"<html><head>{head}</head><body>{body}</body></html>").write_pdf(path)
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def report(country: str, publisher: str, title: str, published: str, *paragraphs: str) -> str:
    head = (f"---\ntitle: {title}\npublisher: {publisher}\ncountry: {country}\n"
            f"published: {published}\n---\n")
    return head + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def sample_library(store: Store, people: People) -> list[coi.ImportOutcome]:
    outcomes = coi.import_paths(store, people.paralegal, paths=[SAMPLES])
    assert [o.status for o in outcomes] == ["imported"] * 3, [o.reason for o in outcomes]
    return outcomes
