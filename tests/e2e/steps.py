"""Steps shared by the browser journeys: set-up, accounts, signing in and out, pages."""

from __future__ import annotations

import re
from typing import Any

from asylum_prep.i18n import native_name
from tests.e2e.ui import choose, click, fill, key, mark, settle, text

PASSWORD = "a long e2e password"
CODE_RE = re.compile(r"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b")


def go(page: Any, page_id: str) -> None:
    """Follow the sidebar link to a page by its id (its URL path)."""
    since = mark(page)
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{page_id}']").first.click()
    settle(page, since)


def set_up_admin(page: Any, url: str) -> None:
    page.goto(url)
    settle(page)
    fill(page, "w_setup_user", "admin")
    fill(page, "w_setup_password", PASSWORD)
    fill(page, "w_setup_password2", PASSWORD)
    click(page, "w_setup_submit")


def create_staff(page: Any, username: str, role_label: str, name: str) -> None:
    fill(page, "w_admin_user", username)
    fill(page, "w_admin_name", name)
    choose(page, "w_admin_role", role_label)
    fill(page, "w_admin_password", PASSWORD)
    fill(page, "w_admin_password2", PASSWORD)
    click(page, "w_admin_submit")
    assert username in text(page)


def sign_in(page: Any, url: str, username: str) -> None:
    page.goto(url)
    settle(page)
    fill_sign_in(page, username, PASSWORD)


def fill_sign_in(page: Any, username: str, password: str) -> None:
    """Sign in on the sign-in form already shown."""
    fill(page, "w_signin_user", username)
    fill(page, "w_signin_password", password)
    click(page, "w_signin_submit")


def choose_language(page: Any, lang: str) -> None:
    """Pick `lang` in the sidebar's language list (shown before and after signing in)."""
    key(page, "w_lang").locator("input").first.click()
    since = mark(page)
    page.get_by_role("option", name=native_name(lang), exact=True).first.click()
    settle(page, since)


def sign_out(page: Any) -> None:
    go(page, "account")
    click(page, "w_sign_out")


def open_first_case(page: Any) -> None:
    since = mark(page)
    page.locator("[class*='st-key-w_case_open_'] button").first.click()
    settle(page, since)


def join(page: Any, url: str, code: str) -> None:
    page.goto(url)
    settle(page)
    go(page, "join")
    fill(page, "w_join_code", code)
    fill(page, "w_join_password", PASSWORD)
    fill(page, "w_join_password2", PASSWORD)
    click(page, "w_join_submit")


def download(page: Any, widget_key: str, folder: Any, name: str) -> Any:
    """Click a download button and save the file under `folder`; returns its path."""
    from tests.e2e.ui import key

    with page.expect_download(timeout=120_000) as info:
        key(page, widget_key).locator("button").first.click()
    target = folder / name
    info.value.save_as(str(target))
    return target
