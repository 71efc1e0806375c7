"""User text can never add markup, fetch a URL, read a local file or attach anything."""

from __future__ import annotations

import http.server
import io
import socket
import threading

import pikepdf
import pytest

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import pdf as pdf_renderer
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.fetcher import RefusedURL, RestrictedFetcher
from asylum_prep.documents.legal_texts import TEMPLATES_DIR

from .helpers import docx_paragraphs, pdf_text
from .records import english_record


@pytest.fixture
def trap():
    """A tiny HTTP server on a free local port that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield port, hits
    server.shutdown()
    server.server_close()


def hostile(port: int) -> list[str]:
    return [
        '<img src="file:///etc/passwd">',
        '<link rel="attachment" href="file:///etc/hostname">',
        "{{ 7*7 }}",
        "http://127.0.0.1:9/x.png",
        f'<img src="http://127.0.0.1:{port}/img.png"><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">',
        f'</p><style>@import url("http://127.0.0.1:{port}/i.css");</style>',
    ]


def hostile_record(port: int):
    record = english_record(n_incidents=1)
    texts = hostile(port)
    record.incidents.items[0].what_happened = texts[0]
    record.incidents.items[0].words_said = texts[1]
    record.fear.who = texts[2]
    record.fear.what_harm = texts[3]
    record.fear.why = texts[4]
    record.about.given_names = texts[5]
    return record, texts


def test_pdf_prints_hostile_text_literally_and_fetches_nothing(trap):
    port, hits = trap
    record, texts = hostile_record(port)
    decl = build_declaration(record, jurisdiction="us")
    fetcher = RestrictedFetcher()
    data, _ = pdf_renderer.render(decl.document, fetcher=fetcher)
    flat = "".join(pdf_text(data).split())  # lines may wrap after "/": compare without spaces
    rest = flat
    for t in texts:
        assert "".join(t.split()) in flat
        rest = rest.replace("".join(t.split()), "")
    assert "49" not in rest  # {{ 7*7 }} never evaluated (the trap's random port may hold "49")
    assert hits == []
    # nothing was asked for (the app's stylesheet is parsed once per process, see pdf._stylesheet)
    # and nothing was refused
    assert fetcher.requested == []
    assert fetcher.refused == []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = pdf.Root.get("/Names")
        assert names is None or "/EmbeddedFiles" not in names
        assert "/AF" not in pdf.Root
        for page in pdf.pages:
            assert not [
                a for a in page.get("/Annots", []) if a.get("/Subtype") == "/FileAttachment"
            ]
            xobjects = page.Resources.get("/XObject", {})
            assert not [k for k in xobjects.keys() if xobjects[k].get("/Subtype") == "/Image"]


def test_docx_prints_hostile_text_literally(trap):
    port, hits = trap
    record, texts = hostile_record(port)
    data, _ = docx_renderer.render(build_declaration(record, jurisdiction="us").document)
    body = "\n".join(docx_paragraphs(data))
    for t in texts:
        assert t in body
    assert hits == []
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
    assert (
        "127.0.0.1" not in rels and "file:///" not in rels and 'TargetMode="External"' not in rels
    )


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///etc/hostname",
        "http://127.0.0.1:9/x.png",
        "https://example.org/a.css",
        "data:image/png;base64,iVBORw0KGgo=",
        (TEMPLATES_DIR / "pdf" / ".." / ".." / "pyproject.toml").as_uri(),
        (TEMPLATES_DIR / "legal" / "us.toml").as_uri(),
        "memimg:unregistered",
    ],
)
def test_fetcher_refuses_everything_else(url):
    fetcher = RestrictedFetcher()
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_serves_own_assets_and_registered_images():
    fetcher = RestrictedFetcher()
    css = fetcher.fetch((TEMPLATES_DIR / "pdf" / "document.css").as_uri())
    assert b"@page" in css.read()
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 10
    url = fetcher.register_image(png, "image/png")
    assert fetcher.fetch(url).read() == png
    with pytest.raises(RefusedURL):
        fetcher.register_image(b"<svg/>", "image/svg+xml")
