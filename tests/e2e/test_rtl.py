"""Right-to-left in a real browser: the applicant's wizard in Arabic and Persian mirrors (main
area right-to-left, sidebar on the right, progress bar filling from the right, a Latin answer
left-aligned in its box), with screenshots saved to test-artifacts/e2e/<test>/."""

from __future__ import annotations

import pytest

from asylum_prep.domain.record import SectionKey
from asylum_prep.i18n import native_name, translator
from tests.e2e.ui import click, fill, key, open_page, settle, shot
from tests.support import PASSWORD, People

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

DIRECTION = "(sel) => getComputedStyle(document.querySelector(sel)).direction"


def _sign_in_in(page, server, people: People, lang: str) -> None:
    page.goto(server.url)
    settle(page)
    fill(page, "w_signin_user", people.applicant.username)
    fill(page, "w_signin_password", PASSWORD)
    click(page, "w_signin_submit")
    key(page, "w_lang").locator("input").first.click()
    page.get_by_role("option", name=native_name(lang), exact=True).first.click()
    settle(page)


def _go_to_part(page, number: int) -> None:
    key(page, "w_wz_part").locator("input").first.click()
    page.get_by_role("option").nth(number - 1).click()
    settle(page)


def _assert_mirrored(page) -> None:
    assert page.evaluate(DIRECTION, "[data-testid='stMain']") == "rtl"
    assert page.evaluate(DIRECTION, "[data-testid='stSidebar']") == "rtl"
    main = page.locator("[data-testid='stMain']").bounding_box()
    side = page.locator("[data-testid='stSidebar']").bounding_box()
    assert side["x"] > main["x"], (side, main)
    assert side["x"] + side["width"] >= main["x"] + main["width"] - 2


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_wizard_mirrors(server, browser, shots, seeded: People, lang: str) -> None:
    t = translator(lang)
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    _sign_in_in(page, server, seeded, lang)
    assert page.evaluate("() => document.querySelector('#ap-rtl') !== null")
    _assert_mirrored(page)
    shot(page, shots, f"{lang}-01-home")

    page.locator("[data-testid='stSidebarNav'] a", has_text=t("Your story")).first.click()
    settle(page)
    _go_to_part(page, 1)
    _assert_mirrored(page)
    bar = page.locator("[data-testid='stProgress'] [role='progressbar']").first
    assert "matrix(-1" in bar.evaluate("(el) => getComputedStyle(el).transform")
    box = page.locator("[class*='st-key-w_wz_a_'] input").first
    box.fill("Nasrin Karimi")
    # The box is right-to-left, but a Latin answer follows its own direction (dir=auto).
    assert box.evaluate("(el) => getComputedStyle(el).unicodeBidi") == "plaintext"
    shot(page, shots, f"{lang}-02-wizard-latin-answer")

    _go_to_part(page, list(SectionKey).index(SectionKey.incidents) + 1)
    click(page, "w_wz_back")  # from the end of the part back to the list of incidents
    _assert_mirrored(page)
    shot(page, shots, f"{lang}-03-wizard-incidents")
    page.close()


def test_sidebar_stays_on_the_right_on_a_phone(server, browser, shots, seeded: People) -> None:
    page = open_page(browser, viewport={"width": 400, "height": 850})
    page.goto(server.url)
    settle(page)
    fill(page, "w_signin_user", seeded.applicant.username)
    fill(page, "w_signin_password", PASSWORD)
    click(page, "w_signin_submit")
    page.locator("[data-testid='stExpandSidebarButton']").first.click()
    page.wait_for_timeout(600)
    key(page, "w_lang").locator("input").first.click()
    page.get_by_role("option", name=native_name("fa"), exact=True).first.click()
    settle(page)
    if not page.locator("[data-testid='stSidebarCollapseButton'] button").first.is_visible():
        page.locator("[data-testid='stExpandSidebarButton']").first.click()
        page.wait_for_timeout(600)
    side = page.locator("[data-testid='stSidebar']").bounding_box()
    assert side["x"] + side["width"] >= 398 and side["x"] > 0, side
    shot(page, shots, "fa-phone-sidebar-open")
    page.locator("[data-testid='stSidebarCollapseButton'] button").first.click()
    page.wait_for_timeout(800)
    side = page.locator("[data-testid='stSidebar']").bounding_box()
    assert side["width"] <= 2, side  # collapsed: nothing of it lies over the page
    shot(page, shots, "fa-phone-sidebar-closed")
    page.close()
