"""Streamlit's own uploader words ("Drag and drop files here", "Limit 25MB per file",
"Browse files", "Upload") never show outside English: on the evidence page, the country
library and the applicant's own documents, in Persian, in a real browser. Screenshots in
test-artifacts/e2e/<test>/."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e import steps
from tests.e2e.steps import CODE_RE
from tests.e2e.ui import choose, click, fill, open_page, settle, shot, text

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

ENGLISH = re.compile(r"drag|drop|limit|browse|upload|per file|files? here", re.IGNORECASE)
LATIN = re.compile(r"[A-Za-z]{2,}")

# What a reader sees in each uploader: its visible text, and the words we put in with CSS.
SEEN_JS = """(root) => [...root.querySelectorAll('[data-testid="stFileUploaderDropzone"]')]
  .map(zone => {
    const pseudo = [];
    for (const el of [zone, ...zone.querySelectorAll('*')]) {
      if (!el.checkVisibility()) continue;
      for (const where of ['::before', '::after']) {
        const c = getComputedStyle(el, where).content;
        if (c && c !== 'none' && c !== 'normal') pseudo.push(c);
      }
    }
    const shown = [];  // visible text nodes, icons (ligature names like "upload") left out
    const walker = document.createTreeWalker(zone, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const parent = walker.currentNode.parentElement;
      if (parent.checkVisibility() && !parent.closest('[data-testid="stIconMaterial"]'))
        shown.push(walker.currentNode.textContent);
    }
    return {text: shown.join(' '), pseudo: pseudo.join(' ')};
  })"""


def _uploaders(page: Any) -> list[dict[str, str]]:
    return list(page.locator("[data-testid='stMain']").evaluate(SEEN_JS))


def _check(page: Any, where: str, problems: list[str]) -> None:
    seen = _uploaders(page)
    if not seen:
        problems.append(f"{where}: no uploader on the page")
    for zone in seen:
        words = f"{zone['text']} {zone['pseudo']}"
        if ENGLISH.search(words) or LATIN.search(zone["text"]):
            problems.append(f"{where}: English uploader text: {words!r}")
        if not re.search(r"[\u0600-\u06ff]", zone["pseudo"]):
            problems.append(f"{where}: no Persian words put over the uploader: {words!r}")


def test_uploaders_show_no_english_in_persian(server, browser, shots):
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    steps.set_up_admin(page, server.url)
    steps.create_staff(page, "daniel", "ttorney", "Daniel O.")
    steps.sign_out(page)

    steps.sign_in(page, server.url, "daniel")
    page.locator("[data-testid='stExpander'] summary", has_text="New case").first.click()
    fill(page, "w_case_new_title", "Uploader check (fictional)")
    click(page, "w_case_new_submit")
    steps.open_first_case(page)
    click(page, "w_invite_create")
    code = CODE_RE.search(text(page))
    assert code
    choose(page, "w_lang", "فارسی")

    steps.go(page, "evidence")
    shot(page, shots, "01-evidence-fa")
    _check(page, "evidence", problems)

    steps.go(page, "library")
    page.get_by_role("tab").nth(2).click()  # the Import tab holds the uploader
    settle(page)
    shot(page, shots, "02-library-fa")
    _check(page, "library", problems)
    steps.sign_out(page)

    steps.join(page, server.url, code.group(0))
    choose(page, "w_lang", "فارسی")
    page.locator("[data-testid='stSidebarNav'] a").first.click()  # her home page
    settle(page)
    page.locator("[data-testid='stFileUploaderDropzone']").first.scroll_into_view_if_needed()
    shot(page, shots, "03-applicant-home-fa")
    _check(page, "applicant documents", problems)
    page.close()
    assert not problems, "\n".join(problems)
