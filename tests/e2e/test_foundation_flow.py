"""The foundation in a real browser: first-run set-up, staff account, a case and an invite,
the applicant joining and switching to Persian (right-to-left), quick exit."""

from __future__ import annotations

import re

import pytest

from tests.e2e.ui import choose, click, fill, key, nav, settle, shot, text

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PASSWORD = "a long e2e password"
CODE_RE = re.compile(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b")


def sign_in(page, url, username, password=PASSWORD):
    page.goto(url)
    settle(page)
    fill(page, "w_signin_user", username)
    fill(page, "w_signin_password", password)
    click(page, "w_signin_submit")


def sign_out(page):
    nav(page, "Your account")
    click(page, "w_sign_out")


def test_setup_case_invite_join_persian(server, browser, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    settle(page)
    assert "Create the first administrator account" in text(page)
    fill(page, "w_setup_user", "admin")
    fill(page, "w_setup_password", PASSWORD)
    fill(page, "w_setup_password2", PASSWORD)
    shot(page, shots, "01-setup")
    click(page, "w_setup_submit")

    nav(page, "Administration")
    fill(page, "w_admin_user", "daniel")
    fill(page, "w_admin_name", "Daniel Ortiz")
    choose(page, "w_admin_role", "ttorney")
    fill(page, "w_admin_password", PASSWORD)
    fill(page, "w_admin_password2", PASSWORD)
    click(page, "w_admin_submit")
    shot(page, shots, "02-admin-created-attorney")
    assert "daniel" in text(page)
    sign_out(page)

    sign_in(page, server.url, "daniel")
    page.locator("[data-testid='stExpander'] summary", has_text="New case").first.click()
    fill(page, "w_case_new_title", "Nasrin K. (fictional)")
    click(page, "w_case_new_submit")
    shot(page, shots, "03-case-created")
    assert "Nasrin K. (fictional)" in text(page)
    page.locator("[class*='st-key-w_case_open_'] button").first.click()
    settle(page)
    click(page, "w_invite_create")
    shot(page, shots, "04-invite")
    code = CODE_RE.search(text(page))
    assert code, "the invite code is shown"
    sign_out(page)

    nav(page, "Join with an invite code")
    fill(page, "w_join_code", code.group(0))
    fill(page, "w_join_password", PASSWORD)
    fill(page, "w_join_password2", PASSWORD)
    click(page, "w_join_submit")
    shot(page, shots, "05-welcome")
    assert "quick" in text(page).lower()

    choose(page, "w_lang", "فارسی")
    shot(page, shots, "06-persian")
    direction = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stMain\"]') "
        "|| document.querySelector('section.main') || document.body).direction")
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
    page.close()
