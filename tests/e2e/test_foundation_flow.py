"""The foundation in a real browser: first-run set-up, staff account, a case and an invite,
the applicant joining and switching to Persian (right-to-left), quick exit."""

from __future__ import annotations

import re

import pytest

from tests.e2e import steps
from tests.e2e.steps import CODE_RE
from tests.e2e.ui import choose, click, fill, key, open_page, settle, shot, text

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_setup_case_invite_join_persian(server, browser, shots):
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    settle(page)
    assert "Create the first administrator account" in page.inner_text("body")
    steps.set_up_admin(page, server.url)
    shot(page, shots, "01-admin-home")
    steps.create_staff(page, "daniel", "ttorney", "Daniel Ortiz")
    shot(page, shots, "02-admin-created-attorney")
    steps.sign_out(page)

    steps.sign_in(page, server.url, "daniel")
    page.locator("[data-testid='stExpander'] summary", has_text="New case").first.click()
    fill(page, "w_case_new_title", "Nasrin K. (fictional)")
    click(page, "w_case_new_submit")
    shot(page, shots, "03-case-created")
    assert "Nasrin K. (fictional)" in text(page)
    steps.open_first_case(page)
    click(page, "w_invite_create")
    shot(page, shots, "04-invite")
    code = CODE_RE.search(text(page))
    assert code, "the invite code is shown"
    steps.sign_out(page)

    steps.join(page, server.url, code.group(0))
    shot(page, shots, "05-welcome")
    assert "quick" in text(page).lower()

    choose(page, "w_lang", "فارسی")
    shot(page, shots, "06-persian")
    direction = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stMain\"]')).direction")
    assert direction == "rtl"
    assert not re.search(r"\b(the|and|your|you)\b", page.inner_text("[data-testid='stMain']"))

    key(page, "w_quick_exit").locator("button").first.click()
    page.wait_for_url(lambda url: not url.startswith(server.url), timeout=30_000)
    shot(page, shots, "07-after-quick-exit")
    assert "Nasrin" not in page.content() and code.group(0) not in page.content()
    page.go_back()
    page.wait_for_timeout(3000)
    shot(page, shots, "08-back-button-after-quick-exit")
    assert code.group(0) not in page.inner_text("body")
