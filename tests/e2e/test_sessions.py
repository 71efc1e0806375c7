"""Sessions and language in a real browser (issue 14): a reload or a new tab keeps the
signed-in session and the language (Persian); quick exit, then Back, shows nothing of the case
and a reload asks for sign-in; a deep link while signed out leads to sign-in and, after it, to
the page asked for; on a phone (390x844) the language is chosen on the first screen without
opening the menu; discreet mode is remembered by the device too. The app is served as
`asylum-prep serve` serves it (asylum_prep/serve_app.py, with its cookie route); screenshots
go to test-artifacts/e2e/<test>/."""

from __future__ import annotations

from typing import Any

import pytest

from asylum_prep.i18n import translator
from asylum_prep.samples import load_sample
from asylum_prep.ui import device_cookies, state
from tests.e2e.ui import choose, click, fill, key, mark, open_page, settle, shot, text
from tests.support import PASSWORD, People

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

FA = translator("fa")
NOT_FOUND = "Page not found"
NO_CASE = "Open a case first."


def _cookies(context: Any) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in context.cookies()}


def _sign_in(page: Any, username: str) -> None:
    fill(page, state.W_SIGNIN_USER, username)
    fill(page, state.W_SIGNIN_PASSWORD, PASSWORD)
    click(page, state.W_SIGNIN_SUBMIT)


def _signed_in(page: Any) -> bool:
    return key(page, state.W_TOP_SIGN_OUT).count() > 0


def _fresh(browser: Any, url: str, **options: Any) -> tuple[Any, Any]:
    """A browser of its own (no cookies yet) with a page opened at `url`."""
    context = browser.new_context(**(options or {"viewport": {"width": 1280, "height": 900}}))
    page = open_page(context)
    page.goto(url)
    settle(page)
    return context, page


def _reload(page: Any) -> None:
    page.reload()
    settle(page)
    page.wait_for_timeout(500)  # a resumed session draws its page on the first run
    settle(page)


def test_reload_and_a_new_tab_keep_the_session_and_the_language(server, browser, shots,
                                                                seeded: People) -> None:
    context, page = _fresh(browser, server.url)
    choose(page, state.W_LANG, "فارسی")  # before signing in, at the top of the page
    _sign_in(page, seeded.applicant.username)
    shot(page, shots, "01-signed-in-persian")
    assert _signed_in(page)
    assert FA("Welcome back") in text(page)
    page.wait_for_timeout(500)  # the page's request that sets the cookies
    jar = _cookies(context)
    session = jar[device_cookies.SESSION]
    assert session["httpOnly"] and session["sameSite"] == "Strict" and session["path"] == "/"
    assert session["expires"] == -1  # no Max-Age: gone when the browser closes
    assert jar[device_cookies.LANG]["value"] == "fa"
    assert jar[device_cookies.LANG]["sameSite"] == "Strict"
    assert not page.evaluate("() => document.cookie").count(device_cookies.SESSION)

    _reload(page)
    shot(page, shots, "02-after-reload")
    assert _signed_in(page), "a reload keeps the session"
    assert FA("Welcome back") in text(page) and NOT_FOUND not in text(page)
    assert page.evaluate("() => document.querySelector('#ap-rtl') !== null")

    tab = open_page(context)
    tab.goto(server.url + "/story")
    settle(tab)
    tab.wait_for_timeout(500)
    settle(tab)
    shot(tab, shots, "03-new-tab-story")
    assert _signed_in(tab), "a new tab of the same browser is signed in too"
    assert FA("Your story") in text(tab) and NOT_FOUND not in text(tab)

    # Discreet mode, switched on in one tab, is what the device opens with from then on.
    toggle = key(tab, state.W_DISCREET).locator("label").first
    since = mark(tab)
    toggle.click()
    settle(tab, since)
    tab.wait_for_timeout(500)
    assert _cookies(context)[device_cookies.DISCREET]["value"] == "1"
    _reload(page)
    shot(page, shots, "04-discreet-after-reload")
    assert "asylum" not in page.title().lower()
    assert key(page, state.W_DISCREET).locator("input").first.is_checked()

    click(tab, state.W_TOP_SIGN_OUT)  # sign-out ends the session for every tab
    _reload(page)
    shot(page, shots, "05-other-tab-after-sign-out")
    assert not _signed_in(page)
    assert key(page, state.W_SIGNIN_USER).count() == 1
    assert FA("Sign in") in text(page), "the device keeps its language after sign-out"
    assert "asylum" not in page.title().lower(), "and its discreet mode"
    assert device_cookies.SESSION not in _cookies(context)
    context.close()


def test_quick_exit_then_back_shows_nothing_and_a_reload_needs_sign_in(server, browser, shots,
                                                                       seeded: People) -> None:
    context, page = _fresh(browser, server.url)
    _sign_in(page, seeded.applicant.username)
    click(page, state.W_APPLICANT_CONTINUE)  # the wizard, with her answers
    shot(page, shots, "01-wizard")
    family = load_sample().about.family_name
    assert key(page, state.W_WZ_PART).count() == 1
    page.wait_for_timeout(500)
    assert device_cookies.SESSION in _cookies(context)

    key(page, state.W_QUICK_EXIT).locator("button").first.click()
    page.wait_for_url("about:blank", timeout=15_000)
    assert device_cookies.SESSION not in _cookies(context), "quick exit clears the cookie"

    page.go_back()
    settle(page)
    page.wait_for_timeout(1000)
    settle(page)
    shot(page, shots, "02-back")
    body = page.content()
    assert key(page, state.W_WZ_PART).count() == 0 and (not family or family not in body)
    assert not _signed_in(page)
    assert key(page, state.W_SIGNIN_USER).count() == 1

    _reload(page)
    shot(page, shots, "03-reload")
    assert not _signed_in(page) and key(page, state.W_SIGNIN_USER).count() == 1
    context.close()


def test_a_deep_link_signed_out_leads_through_sign_in_to_the_page(server, browser, shots,
                                                                  seeded: People) -> None:
    context, page = _fresh(browser, server.url + "/story")
    shot(page, shots, "01-deep-link-signed-out")
    assert NOT_FOUND not in text(page)
    assert key(page, state.W_SIGNIN_USER).count() == 1
    _sign_in(page, seeded.applicant.username)
    page.wait_for_url("**/story", timeout=15_000)
    settle(page)
    shot(page, shots, "02-landed")
    assert NOT_FOUND not in text(page)
    assert key(page, state.W_WZ_PART).count() == 1  # the wizard itself
    context.close()

    # A page the role may not open: sign-in, then the role's own home.
    context, page = _fresh(browser, server.url + "/home")
    assert NOT_FOUND not in text(page)
    _sign_in(page, seeded.attorney.username)
    settle(page)
    shot(page, shots, "03-attorney-home")
    assert NOT_FOUND not in text(page)
    assert key(page, state.W_CASES_SEARCH).count() == 1  # the case list

    # A case page names its case in its address: a reload reopens it ...
    click(page, state.W_CASE_OPEN_PREFIX + seeded.case_id)
    page.wait_for_url(f"**/case?case={seeded.case_id}", timeout=15_000)
    _reload(page)
    shot(page, shots, "04-case-after-reload")
    assert NO_CASE not in text(page) and key(page, state.W_INVITE_CREATE).count() == 1
    address = page.url
    context.close()

    # ... and so does the same address opened signed out, after sign-in.
    context, page = _fresh(browser, address)
    assert NOT_FOUND not in text(page) and key(page, state.W_SIGNIN_USER).count() == 1
    _sign_in(page, seeded.attorney.username)
    page.wait_for_url(f"**/case?case={seeded.case_id}", timeout=15_000)
    settle(page)
    shot(page, shots, "05-case-deep-link")
    assert NO_CASE not in text(page) and key(page, state.W_INVITE_CREATE).count() == 1
    context.close()


def test_the_language_is_chosen_on_the_first_screen_of_a_phone(server, browser, shots,
                                                              seeded: People) -> None:
    context, page = _fresh(browser, server.url, viewport={"width": 390, "height": 844},
                           is_mobile=True, has_touch=True)
    shot(page, shots, "01-phone-first-screen")
    picker = key(page, state.W_LANG).locator("input").first
    assert picker.is_visible()
    box = picker.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844 and box["x"] >= 0
    assert page.locator("[data-testid='stSidebar'] .st-key-w_lang").count() == 0
    choose(page, state.W_LANG, "فارسی")
    shot(page, shots, "02-phone-persian")
    assert FA("Sign in") in text(page)
    assert page.evaluate("() => document.querySelector('#ap-rtl') !== null")
    page.wait_for_timeout(500)
    assert _cookies(context)[device_cookies.LANG]["value"] == "fa"

    _reload(page)  # the device remembers it, before anyone signs in
    shot(page, shots, "03-phone-reloaded")
    assert FA("Sign in") in text(page)
    context.close()
