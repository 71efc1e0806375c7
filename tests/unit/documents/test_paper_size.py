"""Each jurisdiction's documents come out on its paper: Letter in the US and Canada (RPD Rules
r. 31), A4 in the UK and the EU; read back from the real PDF and DOCX."""

from __future__ import annotations

import io

import docx
import pikepdf
import pytest

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.domain.paper import A4, LETTER, paper_name, paper_points
from asylum_prep.services.render import build

from .records import english_record

KINDS = ("declaration", "translation-certificate", "interpretation-certificate",
         "exhibit-index", "brief")


def test_paper_per_jurisdiction() -> None:
    assert [paper_name(j) for j in ("us", "ca", "uk", "eu")] == ["letter", "letter", "A4", "A4"]
    assert paper_points("ca") == LETTER and paper_points("uk") == A4


@pytest.mark.parametrize("jurisdiction", ["ca", "uk"])
def test_every_document_is_on_the_jurisdictions_paper(jurisdiction: str) -> None:
    record = english_record(n_incidents=1)
    width, height = paper_points(jurisdiction)
    for kind in KINDS:
        document, _ = build(record, jurisdiction=jurisdiction, version=3, doc=kind, lang="en")
        data, _ = pdf_renderer.render(document)
        with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                box = [float(v) for v in page.mediabox]
                assert box[2] - box[0] == pytest.approx(width, abs=0.5), (kind, box)
                assert box[3] - box[1] == pytest.approx(height, abs=0.5), (kind, box)
        word, _ = docx_renderer.render(document)
        section = docx.Document(io.BytesIO(word)).sections[0]
        assert section.page_width.pt == pytest.approx(width, abs=1), kind
        assert section.page_height.pt == pytest.approx(height, abs=1), kind
