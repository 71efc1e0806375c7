"""OCR (evidence.ocr, evidence.ocr_child): generated scans in six scripts read back through the
sandbox, the text layer found by pdftotext, born-digital pages left alone, a broken file
refused."""

from __future__ import annotations

import io
import re
import subprocess

import pikepdf
import pytest

from asylum_prep.domain.evidence import Mime
from asylum_prep.evidence import ocr, pdf_clean, safe_rendition
from asylum_prep.evidence.sandbox import RenditionFailed
from tests import scans

pytestmark = pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed")


def _rendition(lang: str, pages: int = 1) -> tuple[bytes, list[list[str]]]:
    texts = [scans.page_lines(lang, p, count=8) for p in range(pages)]
    images = [scans.scan(lines, lang, seed=p, angle=1.5 + p) for p, lines in enumerate(texts)]
    pdf = pdf_clean.clean_pdf(scans.scanned_pdf(images)).data
    return safe_rendition.make(pdf, Mime.pdf, pages=pages).pdf, texts


def _share(found: str, expected: list[str], *, chars: bool = False) -> float:
    """The share of the expected words (or, for Chinese, characters) found (pdftotext marks
    right-to-left runs with bidi controls: dropped)."""
    found = re.sub("[\u200e\u200f\u202a-\u202e]", "", found)
    if chars:
        wanted = [c for line in expected for c in line if not c.isspace()]
        return sum(1 for c in wanted if c in found) / len(wanted)
    wanted = [w.strip(".,") for line in expected for w in line.split()]
    got = {w.strip(".,") for w in found.split()}
    return sum(1 for w in wanted if w in got) / len(wanted)


@pytest.mark.parametrize("lang", ["fa", "ar", "am", "zh_Hans", "ru", "en"])
def test_a_scan_in_each_script_is_read(lang: str) -> None:
    pdf, texts = _rendition(lang)
    done: list[int] = []
    reading = ocr.recognise(pdf, lang, pages=1, on_page=done.append)
    assert done == [1] and reading.pages_read == 1
    assert reading.models.split("+")[0] == ocr.MODELS[lang]
    assert _share(reading.pages[0].text, texts[0], chars=lang == "zh_Hans") >= 0.8


def test_the_text_layer_makes_the_pages_searchable_and_born_digital_pages_keep_theirs() -> None:
    pdf, texts = _rendition("fa", pages=2)
    assert subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.strip() == b""
    reading = ocr.recognise(pdf, "fa", pages=2, on_page=lambda n: None)
    searchable = ocr.with_text_layer(pdf, reading)
    for page, lines in enumerate(texts, start=1):
        found = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-", "-"],
                               input=searchable, capture_output=True, check=True).stdout.decode()
        assert _share(found, lines) >= 0.8, found
    # Drawn again (as a born-digital PDF is), every page has text: none is read again.
    again = safe_rendition.make(searchable, Mime.pdf, pages=2).pdf
    second = ocr.recognise(again, "fa", pages=2, on_page=lambda n: None)
    assert second.pages_read == 0 and all(p.own_text for p in second.pages)


def test_models_follow_the_documents_language() -> None:
    assert ocr.models_for("fa-AF") == "fas+eng"
    assert ocr.models_for("prs") == "fas+eng"
    assert ocr.models_for("zh-Hant") == "chi_tra+eng"
    assert ocr.models_for("") == "eng"
    assert ocr.models_for("xx") == "eng"


def test_a_broken_rendition_is_refused_not_read() -> None:
    with pytest.raises(RenditionFailed):
        ocr.recognise(b"%PDF-1.7 not really", "en", pages=1, on_page=lambda n: None)


def test_a_photo_page_is_read_from_its_own_picture_and_the_words_sit_on_it() -> None:
    lines = scans.page_lines("en", 3, count=4)
    photo = scans.png(scans.scan(lines, "en", seed=7))
    made = safe_rendition.make(photo, Mime.png)
    reading = ocr.recognise(made.pdf, "en", pages=1, on_page=lambda n: None)
    with pikepdf.open(io.BytesIO(made.pdf)) as doc:
        image = doc.pages[0].obj.Resources.XObject.Im0
        pixels = (int(image.Width), int(image.Height))
    x, y, w, h = safe_rendition.picture_box((612, 792), pixels)
    top = 792 - y - h  # the picture's top edge, from the top of the page
    words = reading.pages[0].words
    assert _share(reading.pages[0].text, lines) >= 0.8
    assert all(x - 1 <= wd.x0 < wd.x1 <= x + w + 1 and top - 1 <= wd.y0 < wd.y1 <= top + h + 1
               for wd in words)
