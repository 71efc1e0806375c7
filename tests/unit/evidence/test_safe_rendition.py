"""Safe renditions with the real sandbox, poppler and LibreOffice: the packet's exhibit pages
are pictures with the words behind them, page sizes survive, bombs are stopped by the child's
limits and refused, a malformed stream from the child is refused, the child has no network."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zlib

import pikepdf
import pytest
from PIL import Image
from sqlmodel import select

from asylum_prep.domain.evidence import Mime
from asylum_prep.errors import InputRefused
from asylum_prep.evidence import render_frames as rf
from asylum_prep.evidence import safe_rendition, sandbox
from asylum_prep.services import cases
from asylum_prep.services import packet as packet_service
from asylum_prep.storage.tables import AuditEvent, EvidenceBlob

from . import hostile as h
from .rendition_helpers import add, pdftotext


def uncompressed(data: bytes) -> bytes:
    """The PDF with every stream decoded and no object streams, to search its bytes."""
    out = io.BytesIO()
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, qdf=True, compress_streams=False,
                 stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def drawn_images(page: pikepdf.Page) -> list[pikepdf.Object]:
    """The image XObjects the page's content draws (form XObjects are not images)."""
    xobjects = page.obj.Resources.get("/XObject", pikepdf.Dictionary())
    drawn = [ops[0] for ops, op in pikepdf.parse_content_stream(page)
             if str(op) == "Do"]
    return [xobjects[name] for name in drawn if xobjects[name].Subtype == "/Image"]


def bomb_pdf(side: int = 4000, draws: int = 60) -> bytes:
    """A small PDF whose one page draws a 4000 x 4000 picture of zeros 60 times: 200 kB that
    make a renderer decompress 2.9 GB."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(612, 792))
    img = pikepdf.Stream(pdf, zlib.compress(bytes(side * side * 3), 1))
    img.Filter, img.Type, img.Subtype = pikepdf.Name.FlateDecode, pikepdf.Name.XObject, \
        pikepdf.Name.Image
    img.Width, img.Height, img.BitsPerComponent = side, side, 8
    img.ColorSpace = pikepdf.Name.DeviceRGB
    page = pdf.pages[0]
    name = page.add_resource(img, pikepdf.Name.XObject, prefix="Im")
    page.contents_add(pdf.make_stream(f"q 612 0 0 792 0 0 cm {name} Do Q\n".encode() * draws))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_packet_pages_are_pictures_with_the_words_behind_them(store, people, tmp_path) -> None:
    add(store, people, h.hostile_pdf(), "Hostile")
    add(store, people, h.simple_pdf(2, "Warrant Velmorak"), "Warrant")
    add(store, people, h.jpeg_with_gps_and_comment(), "Photo")
    result = packet_service.render_packet(store, people.attorney, people.case_id)
    data = result.parts[0][1]
    exhibit_pages = [n for row in result.index for n in range(row.first_page + 1,
                                                               row.last_page + 1)]
    assert len(exhibit_pages) == 2 + 2 + 1
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            assert "/Annots" not in page.obj, n
            if n in exhibit_pages:
                assert len(drawn_images(page)) == 1, n
        assert "/OpenAction" not in pdf.Root and "/Names" not in pdf.Root
    flat = uncompressed(data)
    for needle in (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"app.alert",
                   b"/Helvetica"):
        assert needle not in flat, needle
    text = pdftotext(data)
    assert "Warrant Velmorak 1" in text and "Warrant Velmorak 2" in text
    assert "Hostile 1" in text  # the hostile PDF's words, without its scripts


def test_rendition_keeps_each_page_size_as_seen() -> None:
    pdf = pikepdf.Pdf.open(io.BytesIO(h.simple_pdf(4, "Sized")))
    pdf.pages[0].obj.CropBox = pikepdf.Array([50, 100, 500, 700])
    pdf.pages[1].obj.Rotate = 90
    pdf.pages[2].obj.MediaBox = pikepdf.Array([0, 0, 595.28, 841.89])  # A4
    buf = io.BytesIO()
    pdf.save(buf)
    made = safe_rendition.make(buf.getvalue(), Mime.pdf, pages=4)
    with pikepdf.Pdf.open(io.BytesIO(made.pdf)) as out:
        sizes = [tuple(round(float(v), 1) for v in page.mediabox) for page in out.pages]
        assert all("/Rotate" not in page.obj for page in out.pages)
    assert sizes == [(0, 0, 450, 600), (0, 0, 792, 612), (0, 0, 595.3, 841.9), (0, 0, 612, 792)]
    text = pdftotext(made.pdf)
    assert "Sized 3" in text and "Sized 4" in text
    assert made.peak_kb > 0


def test_pictures_are_fitted_on_the_case_page_and_have_no_text() -> None:
    made = safe_rendition.make(h.small_png((300, 200)), Mime.png, page_size="A4")
    with pikepdf.Pdf.open(io.BytesIO(made.pdf)) as out:
        page = out.pages[0]
        assert [round(float(v), 2) for v in page.mediabox] == [0, 0, 595.28, 841.89]
        assert len(drawn_images(page)) == 1 and "/Font" not in page.obj.Resources


def test_a_bomb_is_stopped_by_the_child_cpu_limit_and_refused(store, people, monkeypatch) -> None:
    with pytest.raises(sandbox.RenditionFailed) as caught:
        sandbox.render(bomb_pdf(), "pdf", limits=sandbox.Limits(cpu_seconds=2))
    assert "SIGXCPU" in caught.value.reason or "SIGKILL" in caught.value.reason
    # Through intake: a clear message, and nothing stored.
    monkeypatch.setattr(store, "settings",
                        store.settings.model_copy(update={"rendition_cpu_seconds": 1}))
    before = cases.open_case(store, people.attorney, people.case_id).version
    with pytest.raises(InputRefused, match="could not be redrawn safely"):
        add(store, people, bomb_pdf(), "Bomb")
    assert cases.open_case(store, people.attorney, people.case_id).version == before
    with store.session() as s:
        assert list(s.exec(select(EvidenceBlob))) == []
        actions = [e.action for e in s.exec(select(AuditEvent))]
    assert "evidence_refused" in actions and "evidence_stored" not in actions


def test_a_picture_too_large_for_the_memory_limit_is_refused() -> None:
    out = io.BytesIO()
    Image.new("RGB", (7000, 7000), (200, 10, 10)).save(out, "PNG")  # 150 kB, 147 MB of pixels
    with pytest.raises(sandbox.RenditionFailed) as caught:
        sandbox.render(out.getvalue(), "image", limits=sandbox.Limits(memory=192 << 20))
    assert "out of memory" in caught.value.reason


def test_the_timeout_kills_the_child_and_its_directory_goes(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sandbox, "RAM_DIR", tmp_path)
    with pytest.raises(sandbox.RenditionFailed) as caught:
        sandbox.render(bomb_pdf(), "pdf", limits=sandbox.Limits(cpu_seconds=600, timeout=1.0))
    assert caught.value.reason == "timeout"
    assert list(tmp_path.iterdir()) == []


def frames(*parts: tuple[bytes, bytes]) -> io.BytesIO:
    out = io.BytesIO()
    out.write(rf.MAGIC)
    for tag, payload in parts:
        rf.write_frame(out, tag, payload)
    out.seek(0)
    return out


def page(width: float = 72, height: float = 72, pixels: tuple[int, int] = (150, 150),
         words: list[list[object]] | None = None) -> tuple[bytes, bytes]:
    meta = {"width": width, "height": height, "dpi": 150, "pixels": list(pixels),
            "words": words or []}
    return rf.PAGE, json.dumps(meta).encode()


def test_a_malformed_stream_is_refused() -> None:
    pixels = (rf.PIXELS, bytes(150 * 150 * 3))
    end = (rf.END, b'{"pages": 1, "peak_kb": 1}')
    good = sandbox.read_stream(frames(page(words=[[1, 2, 30, 12, "Word"]]), pixels, end),
                               sandbox.Limits(), 5)
    assert [w.text for w in good.pages[0].words] == ["Word"] and good.pages[0].grey
    limits = sandbox.Limits()
    bad = {
        "no magic": io.BytesIO(b"P6\n1 1\n255\n\x00\x00\x00"),
        "pixels short": frames(page(), (rf.PIXELS, bytes(100)), end),
        "size lies": frames(page(width=612, height=792), pixels, end),
        "too many pixels": frames(page(width=7200, height=7200, pixels=(15000, 15000)),
                                  pixels, end),
        "pixels first": frames(pixels, page(), end),
        "no end": frames(page(), pixels),
        "wrong count": frames(page(), pixels, (rf.END, b'{"pages": 2}')),
        "after end": frames(page(), pixels, end, page()),
        "more pages": frames(page(), pixels, page(), pixels, end),
        "bad word": frames(page(words=[[1, 2, 3]]), pixels, end),
        "lone surrogate": frames(page(words=[[1, 2, 30, 12, "\ud800"]]), pixels, end),
        "not json": frames((rf.PAGE, b"{"), pixels, end),
        "unknown tag": frames((b"Q", b""), end),
        "refusal": frames((rf.ERROR, b'{"error": "unreadable"}')),
    }
    for name, stream in bad.items():
        with pytest.raises(rf.MalformedStream):
            sandbox.read_stream(stream, limits, 1)
        assert name


def test_the_child_has_no_network() -> None:
    prefix = sandbox.isolation_prefix()
    if not prefix:
        pytest.skip("this kernel refuses network namespaces (unshare -rn)")
    probe = "import socket; print(sorted(name for _, name in socket.if_nameindex()))"
    done = subprocess.run([*prefix, sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "['lo']"
