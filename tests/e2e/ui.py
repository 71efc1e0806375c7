"""Small Playwright helpers for Streamlit pages: find widgets by their stable keys."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

TIMEOUT = 30_000
FAILURES = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e" / "failures"


def key(page: Any, widget_key: str) -> Any:
    """Streamlit puts a widget's key in a class name, with other characters turned to '-'."""
    return page.locator(f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', widget_key)}")


IDLE_JS = (
    "() => { const a = document.querySelector('[data-testid=\"stApp\"]');"
    " return !!a && a.getAttribute('data-test-script-state') === 'notRunning'"
    " && a.getAttribute('data-test-connection-state') === 'CONNECTED'; }"
)


ASKS_WITHIN = 0.5  # s after an action in which the browser asks for a rerun, if it ever does
QUIET = 150  # ms without a message from the server that count as settled


def open_page(opener: Any, **options: Any) -> Any:
    """A new page (of a browser or a browser context) that counts the messages its Streamlit
    connection sends and receives, so `settle` waits for the run an action started instead of
    sleeping a fixed time."""
    page = opener.new_page(**options)
    counts = {"sent": 0, "received": 0}

    def watch(ws: Any) -> None:
        ws.on("framesent", lambda _payload: counts.__setitem__("sent", counts["sent"] + 1))
        ws.on("framereceived",
              lambda _payload: counts.__setitem__("received", counts["received"] + 1))

    page.on("websocket", watch)
    page._st_counts = counts  # noqa: SLF001 (our own attribute on the test's page)
    return page


def mark(page: Any) -> tuple[int, int] | None:
    """Messages sent and received so far; take it just before an action. None for a page
    not made by `open_page` (settle then waits a fixed moment)."""
    counts = getattr(page, "_st_counts", None)
    return None if counts is None else (counts["sent"], counts["received"])


def _counts(page: Any) -> tuple[int, int]:
    return mark(page) or (0, 0)


def _wait_until(page: Any, done: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(20)
    return True


def settle(page: Any, since: tuple[int, int] | None = None) -> None:
    """Wait until Streamlit is idle and the server has gone quiet. With `since` (a `mark` taken
    before the action): if the browser asked the server for a rerun, wait for the answer, so
    the page read next is the new one (typing into a form asks nothing). Without it (after a
    navigation), give the first run a moment to start."""
    if since is None:
        page.wait_for_timeout(250)
    elif _wait_until(page, lambda: _counts(page)[0] > since[0], ASKS_WITHIN):
        _wait_until(page, lambda: _counts(page)[1] > since[1], TIMEOUT / 1000)
    for _ in range(200):
        page.wait_for_function(IDLE_JS, timeout=TIMEOUT)
        received = _counts(page)[1]
        page.wait_for_timeout(QUIET)
        if _counts(page)[1] == received and page.evaluate(IDLE_JS):
            return
    raise AssertionError("Streamlit did not settle")


def _wait_visible(page: Any, locator: Any, what: str) -> None:
    try:
        locator.wait_for(timeout=TIMEOUT)
    except Exception:
        FAILURES.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(FAILURES / f"missing-{what}.png"), full_page=True)
        raise


def fill(page: Any, widget_key: str, value: str) -> None:
    box = key(page, widget_key).locator("input, textarea").first
    _wait_visible(page, box, widget_key)
    since = mark(page)
    box.fill(value)
    box.press("Tab")
    settle(page, since)


def click(page: Any, widget_key: str) -> None:
    button = key(page, widget_key).locator("button").first
    _wait_visible(page, button, widget_key)
    since = mark(page)
    button.click(timeout=TIMEOUT)
    settle(page, since)


def choose(page: Any, widget_key: str, option_text: str) -> None:
    box = key(page, widget_key).locator("input").first
    _wait_visible(page, box, widget_key)
    box.click(timeout=TIMEOUT)
    box.fill("")  # the combobox filters options by the text in its box
    option = page.get_by_role("option", name=re.compile(re.escape(option_text))).first
    _wait_visible(page, option, f"{widget_key}-option")
    since = mark(page)
    option.click(timeout=TIMEOUT)
    settle(page, since)


def shot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def text(page: Any) -> str:
    return str(page.inner_text("body"))


def nav(page: Any, title: str) -> None:
    """Follow the sidebar link with this title (a full reload would start a new session)."""
    since = mark(page)
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click(timeout=TIMEOUT)
    settle(page, since)
