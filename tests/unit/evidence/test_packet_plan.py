"""The packet read back as a court clerk would: the numbers its own index and the stand-alone
exhibit index print are the real page positions and the Bates stamps on those pages; every
page is the jurisdiction's paper with nothing cropped; bookmarks, cover and certificate."""

from __future__ import annotations

import io
import re
import subprocess

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader

from asylum_prep.domain.paper import paper_points
from asylum_prep.evidence.fit import MAX_ENLARGE
from asylum_prep.services import cases, packet
from asylum_prep.services.render import render_document

from . import hostile as h
from .test_packet import add, qpdf_ok

A4 = (595.28, 841.89)
RANGE = re.compile(r"EX\d{6}(?:\u2013EX\d{6})?")


def framed_pdf(size: tuple[float, float], text: str) -> bytes:
    """One page of `size` with a black frame on its very edges and a word in the middle."""
    pdf = pikepdf.Pdf.open(io.BytesIO(h.simple_pdf(1, text, size=size)))
    w, h_ = size
    pdf.pages[0].contents_add(pdf.make_stream(
        b"0 g 0 0 %.2f 6 re f 0 %.2f %.2f 6 re f 0 0 6 %.2f re f %.2f 0 6 %.2f re f" % (
            w, h_ - 6, w, h_, w - 6, h_)))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _seen_size(page: pikepdf.Page) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
    w, h_ = x1 - x0, y1 - y0
    return (h_, w) if int(page.obj.get("/Rotate", 0)) % 180 else (w, h_)


@pytest.fixture
def several(store, people):
    """A US case with a name and A-number, and exhibits of every awkward size."""
    opened = cases.open_case(store, people.attorney, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.about.given_names, record.about.family_name = "Nasrin", "Ahmadi"
    record.about.a_number = "A123-456-789"
    cases.save_record(store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)
    add(store, people, h.simple_pdf(3, "Summons"), "Summons")
    add(store, people, framed_pdf(A4, "Scan"), "A4 scan")
    add(store, people, framed_pdf((842, 595), "Wide"), "Landscape table")
    add(store, people, framed_pdf((1224, 1584), "Huge"), "Oversized plan")
    add(store, people, framed_pdf((200, 300), "Receipt"), "Small receipt")
    add(store, people, h.jpeg_with_gps_and_comment(), "Photo of injuries")
    return people


def test_both_indexes_print_the_real_positions_and_the_bates_stamps(store, several, tmp_path):
    people = several
    result = packet.render_packet(store, people.attorney, people.case_id, bates_prefix="EX")
    data = result.parts[0][1]
    qpdf_ok(data, tmp_path)
    pages = _page_texts(data)
    assert len(pages) == result.total_pages
    for n, text in enumerate(pages, start=1):  # every page stamped with its own position
        assert f"EX{n:06d}" in text, n
    tabs = [n for n, text in enumerate(pages, start=1) if re.search(r"^Exhibit [A-Z]$", text,
                                                                   re.M)]
    cert = next(n for n, text in enumerate(pages, start=1) if "Certificate of Service" in text
                and "I certify" in text)
    ends = [t - 1 for t in tabs[1:]] + [cert - 1]
    real = [f"EX{a:06d}\u2013EX{b:06d}" if a != b else f"EX{a:06d}" for a, b in zip(
        tabs, ends, strict=True)] + [f"EX{cert:06d}"]
    assert len(tabs) == 6 and tabs[0] == 3  # cover, index, then Exhibit A
    # the packet's own index (page 2), less its own stamp
    in_packet = [r for r in RANGE.findall(pages[1]) if r != "EX000002"]
    assert in_packet == real
    standalone = render_document(store, people.attorney, people.case_id, doc="exhibit-index",
                                 fmt="pdf", bates_prefix="EX")
    text = "\n".join(_page_texts(standalone.content))
    assert RANGE.findall(text) == real
    # without Bates numbering both print plain page numbers, the same ones
    plain = packet.render_packet(store, people.attorney, people.case_id)
    assert [r.pages for r in plain.index] == [
        r.replace("EX", "").lstrip("0").replace("\u20130", "\u2013").lstrip("0")
        for r in [f"{a}\u2013{b}" if a != b else f"{a}" for a, b in zip(
            tabs + [cert], ends + [cert], strict=True)]]
    alone = "\n".join(_page_texts(render_document(
        store, people.attorney, people.case_id, doc="exhibit-index", fmt="pdf").content))
    for row in plain.index:
        assert row.pages in alone


def test_every_page_is_letter_and_nothing_is_cropped(store, several, tmp_path):
    people = several
    result = packet.render_packet(store, people.attorney, people.case_id)
    data = result.parts[0][1]
    # the evidence page of each exhibit (0-based): the page after its tab sheet
    page_of = {r.description.split(",")[0]: r.first_page for r in result.index if r.tab}
    letter = sorted(paper_points("us"))
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            assert sorted(_seen_size(page)) == pytest.approx(letter, abs=0.5), n
        wide = _seen_size(pdf.pages[page_of["Landscape table"]])
        assert wide[0] > wide[1]  # a landscape page stays landscape, on Letter
        for title in ("Small receipt", "Oversized plan", "A4 scan"):
            scale = [float(op.operands[0]) for op in
                     pikepdf.parse_content_stream(pdf.pages[page_of[title]])
                     if str(op.operator) == "cm"]
            assert scale and 0 < scale[0] <= MAX_ENLARGE, (title, scale)
    path = tmp_path / "packet.pdf"
    path.write_bytes(data)
    for title in ("Oversized plan", "A4 scan", "Landscape table", "Small receipt"):
        n = page_of[title] + 1
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", str(n), "-l", str(n), "-png",
                        str(path), str(tmp_path / "pg")], check=True)
        png = next(tmp_path.glob("pg*.png"))
        img = Image.open(png).convert("L")
        png.unlink()
        w, h_ = img.size
        dark = [(x, y) for y in range(h_) for x in range(w) if img.getpixel((x, y)) < 100]
        # the frame drawn on the evidence page's very edges is all on the packet page, inside
        # a margin: nothing was cut off
        xs, ys = [x for x, _ in dark], [y for _, y in dark]
        assert min(xs) >= 2 and max(xs) <= w - 3 and min(ys) >= 2, title
        left = [y for x, y in dark if x <= min(xs) + 1]
        assert max(left) - min(left) > h_ * 0.2, title  # the frame's left side is all there


def test_bookmarks_cover_and_certificate_of_service(store, several, tmp_path):
    people = several
    data = packet.render_packet(store, people.attorney, people.case_id).parts[0][1]
    pages = _page_texts(data)
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf, pdf.open_outline() as outline:
        marks = []
        for item in outline.root:
            page = item.destination[0] if isinstance(item.destination, pikepdf.Array) else None
            marks.append((item.title, next(i for i, p in enumerate(pdf.pages)
                                           if p.obj.objgen == page.objgen)))
    assert marks[0] == ("Index of Supporting Documents", 1)
    assert marks[1] == ("Exhibit A: Summons", 2) and "Exhibit A" in pages[2]
    assert [t for t, _ in marks[1:-1]][-1] == "Exhibit F: Photo of injuries"
    for title, i in marks[1:-1]:
        assert title.split(":")[0] in pages[i]
    assert marks[-1] == ("Certificate of Service", len(pages) - 1)
    cover = pages[0]
    assert "Nasrin Ahmadi" in cover and "A123-456-789" in cover and "A-number" in cover
    assert "Asylum Office" in cover  # the forum of an affirmative US case, from us.toml
    assert "____" in cover  # who submits it and when: blanks to fill in, never made up
    assert "I certify that on ____" in pages[-1] and "by ____" in pages[-1]


def test_a_translated_stand_alone_index_prints_the_same_numbers(store, several):
    people = several
    english = render_document(store, people.attorney, people.case_id, doc="exhibit-index",
                              fmt="pdf", bates_prefix="EX")
    persian = render_document(store, people.attorney, people.case_id, doc="exhibit-index",
                              fmt="pdf", bates_prefix="EX", lang="fa")
    en_text = "\n".join(_page_texts(english.content))
    fa_text = "\n".join(_page_texts(persian.content))
    assert "Certificate of Service" in en_text  # the legal text pack's title, in English
    assert "ابلاغ" in fa_text or "ابلاغ"[::-1] in fa_text  # translated in the Persian index
    assert sorted(RANGE.findall(fa_text)) == sorted(RANGE.findall(en_text))
    assert len(RANGE.findall(en_text)) == 7


def test_fit_respects_rotation_and_never_enlarges_past_the_limit(tmp_path):
    from asylum_prep.evidence.fit import fit_pages

    pdf = pikepdf.Pdf.open(io.BytesIO(framed_pdf(A4, "Turned")))
    pdf.pages[0].obj.Rotate = 90  # an A4 portrait page shown landscape
    pdf.pages.extend(pikepdf.Pdf.open(io.BytesIO(framed_pdf((100, 60), "Tiny"))).pages)
    assert fit_pages(pdf, paper_points("us")) == 2
    turned, tiny = pdf.pages
    assert "/Rotate" not in turned.obj
    assert [float(v) for v in turned.mediabox] == [0, 0, 792, 612]  # Letter, landscape
    scale = float(next(op for op in pikepdf.parse_content_stream(tiny)
                       if str(op.operator) == "cm").operands[0])
    assert scale == MAX_ENLARGE
    path = tmp_path / "fit.pdf"
    pdf.save(path)
    box = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    word = next(ln for ln in box.splitlines() if ">Turned<" in ln)
    x_min, x_max = (float(word.split(f'{k}="')[1].split('"')[0]) for k in ("xMin", "xMax"))
    assert 0 <= x_min < x_max <= 792  # on the page, as the reader sees it


def test_caption_shows_only_what_the_case_holds():
    from asylum_prep.domain.record import CaseRecord, Proceeding
    from asylum_prep.evidence.cover import BLANK, PacketTexts, caption, cover_context
    from asylum_prep.services.packet import packet_texts

    record = CaseRecord()
    record.about.a_number = "A123-456-789"
    record.filing.proceeding = Proceeding.defensive
    uk = caption(record, "uk", packet_texts("uk"))
    assert uk.forum.startswith("First-tier Tribunal") and uk.number == ""  # no A-number in UK
    us = caption(record, "us", packet_texts("us"))
    assert "Immigration Court" in us.forum and us.proceeding == "In removal proceedings"
    assert us.number == "A123-456-789" and us.applicant == ""
    shown = cover_context(record, "eu", packet_texts("eu"))
    assert shown["forum"] == shown["applicant"] == shown["number"] == BLANK  # lines to fill in
    record.filing.proceeding = Proceeding.other
    assert caption(record, "us", PacketTexts(forum_affirmative="X", forum_defensive="Y")).forum \
        == ""
