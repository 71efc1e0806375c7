"""Small Playwright helpers for Streamlit pages: find widgets by their stable keys."""

from __future__ import annotations

import re
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


def settle(page: Any) -> None:
    """Wait until Streamlit is idle, and stays idle: a page switch starts a second run right
    after the first, so one idle reading is not enough."""
    page.wait_for_timeout(250)
    calm = 0
    for _ in range(200):
        page.wait_for_function(IDLE_JS, timeout=TIMEOUT)
        calm += 1
        if calm >= 3:
            return
        page.wait_for_timeout(150)
        if not page.evaluate(IDLE_JS):
            calm = 0


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
    box.fill(value)
    box.press("Tab")
    settle(page)


def click(page: Any, widget_key: str) -> None:
    button = key(page, widget_key).locator("button").first
    _wait_visible(page, button, widget_key)
    button.click(timeout=TIMEOUT)
    settle(page)


def choose(page: Any, widget_key: str, option_text: str) -> None:
    box = key(page, widget_key).locator("input").first
    _wait_visible(page, box, widget_key)
    box.click(timeout=TIMEOUT)
    box.fill("")  # the combobox filters options by the text in its box
    option = page.get_by_role("option", name=re.compile(re.escape(option_text))).first
    _wait_visible(page, option, f"{widget_key}-option")
    option.click(timeout=TIMEOUT)
    settle(page)


def shot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def text(page: Any) -> str:
    return str(page.inner_text("body"))


def nav(page: Any, title: str) -> None:
    """Follow the sidebar link with this title (a full reload would start a new session)."""
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click(timeout=TIMEOUT)
    settle(page)
