"""`md_escape` against the real frontend: each hostile text of tests/hostile/markup.py, drawn
by Chromium in every kind of Markdown element (markdown, caption, alert, button, checkbox and
radio labels, table cell, expander and tab labels), reads exactly as typed and is nothing but
text: no link, picture, icon, formula, formatting or heading, and no request leaves 127.0.0.1.

The other half (every page shows user text only through `md_escape` or as plain text) is
tests/ui/test_hostile_markup.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import CHROMIUM, Server, start_server, stop_server
from tests.e2e.ui import open_page, settle
from tests.hostile.markup import BEACON, MARKUP

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

APP = Path(__file__).resolve().parent / "markup_app.py"
# What Markdown builds; none may appear inside a container of user text.
BUILT = ("a", "img", "svg", "picture", "video", "audio", "iframe", "code", "pre", "strong",
         "em", "del", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
         "table", "sup", ".katex", "span[role=img]", "span[style]", "input[type=checkbox]")
SCAN = """(root) => {
  const boxes = root.querySelectorAll(
    '[data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"]');
  return Array.from(boxes, (box) => ({
    text: box.innerText,
    built: BUILT.filter((sel) => box.querySelector(sel) !== null),
  }));
}""".replace("BUILT", repr(list(BUILT)))


@pytest.fixture(scope="module")
def markup_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    base = tmp_path_factory.mktemp("markup")
    srv = start_server(base / "data", base / "server.log", app=APP)
    yield srv
    stop_server(srv)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2060", "").replace("\u00a0", " ").split())


def test_user_text_reads_as_typed_and_is_only_text(markup_server: Server, browser) -> None:
    page = open_page(browser)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(markup_server.url)
    settle(page)
    page.locator(".st-key-markup-backslash").wait_for()
    page.wait_for_timeout(1500)  # lazily loaded Markdown plugins (KaTeX, emoji) have arrived
    checked = 0
    for name, text in MARKUP.items():
        boxes = page.locator(f".st-key-markup-{name}").evaluate(SCAN)
        ours = {_plain(name), "cell"}  # the radio's label, the table's column
        user_boxes = [b for b in boxes if _plain(b["text"]) not in ours]
        assert len(user_boxes) >= 8, (name, boxes)  # each kind of element was drawn
        for box in user_boxes:
            assert box["built"] == [], (name, box)
            assert _plain(box["text"]) == _plain(text), (name, box["text"])
            checked += 1
    assert checked >= 8 * len(MARKUP)
    foreign = [u for u in requests if urlsplit(u).hostname != "127.0.0.1"
               or urlsplit(u).port == 9 or re.search(r"/beacon\b", u)]
    assert foreign == [], foreign
    assert not any(BEACON in u for u in requests)
    page.close()
