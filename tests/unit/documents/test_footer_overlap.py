"""PDF footers never overlap: a long version/hash note gets its own line (wrapping when it is
longer than the page is wide) under the body and above nothing else; read back with
pdftotext -bbox from the real PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.model import Text
from asylum_prep.services.render import build

from .records import english_record

BOTTOM_MARGIN = 2.2 / 2.54 * 72  # document.css
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"(.*?)</word>")
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def _pages(data: bytes, tmp_path: Path) -> list[tuple[float, float, list[tuple]]]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        w, h = (float(v) for v in PAGE.match("<page " + chunk).groups())
        words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in
                 WORD.findall(chunk)]
        pages.append((w, h, words))
    return pages


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize("doc", ["translation-certificate", "declaration"])
def test_a_long_hash_note_never_overlaps_the_page_number_or_the_body(doc, tmp_path) -> None:
    record = english_record(n_incidents=4)
    document, _ = build(record, jurisdiction="us", version=12, doc=doc, lang="en")
    long_note = "Version 12 · SHA-256 " + "0123456789abcdef" * 8  # 128 hex: wider than a line
    running = document.running.model_copy(update={"footer_note": Text(text=long_note)})
    data, _ = pdf_renderer.render(document.model_copy(update={"running": running}))
    pages = _pages(data, tmp_path)
    assert len(pages) >= 1
    for width, height, words in pages:
        footer = [w for w in words if w[1] > height - BOTTOM_MARGIN]
        body = [w for w in words if w[3] <= height - BOTTOM_MARGIN]
        assert any(w[4] == "Page" for w in footer), "the page number is in the footer"
        assert any("0123456789" in w[4] for w in footer), "the note is printed"
        for i, a in enumerate(footer):
            assert 0 <= a[0] and a[2] <= width, a  # nothing runs off the page
            for b in footer[i + 1:] + body:
                assert not _overlap(a, b), (a, b)
        page_line = min(w[1] for w in footer if w[4] == "Page")
        hash_lines = [w for w in footer if "0123456789" in w[4]]
        assert all(w[3] <= page_line + 0.5 for w in hash_lines)  # the note above the number
