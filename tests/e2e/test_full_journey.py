"""Issue 8's journey in a real browser: the team is set up, the applicant tells her
(fictional) story in Persian, the translator translates, the attorney reviews, cites country
evidence and renders the declaration, brief and packet, which are downloaded and read."""

from __future__ import annotations

import pytest

from tests.e2e import steps
from tests.e2e.steps import CODE_RE
from tests.e2e.ui import choose, click, fill, settle, shot, text
from tests.e2e.wizard_driver import walk_part

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PARTS = 9


def test_the_whole_journey(server, browser, shots, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    steps.set_up_admin(page, server.url)
    steps.create_staff(page, "daniel", "ttorney", "Daniel Ortiz")
    steps.create_staff(page, "amina", "aralegal", "Amina Haddad")
    steps.create_staff(page, "reza", "ranslator", "Reza Tehrani")
    shot(page, shots, "01-team")
    steps.sign_out(page)

    steps.sign_in(page, server.url, "daniel")
    page.locator("[data-testid='stExpander'] summary", has_text="New case").first.click()
    fill(page, "w_case_new_title", "Nasrin K. (fictional)")
    click(page, "w_case_new_submit")
    steps.open_first_case(page)
    for user, role in (("amina", "aralegal"), ("reza", "ranslator")):
        fill(page, "w_member_user", user)
        choose(page, "w_member_role", role)
        click(page, "w_member_submit")
    click(page, "w_invite_create")
    code = CODE_RE.search(text(page)).group(0)
    shot(page, shots, "02-case-and-invite")
    steps.sign_out(page)

    steps.join(page, server.url, code)
    choose(page, "w_lang", "فارسی")
    click(page, "w_welcome_start")
    click(page, "w_applicant_continue")
    shot(page, shots, "03-wizard-persian")
    for part in range(PARTS):
        walk_part(page)
        shot(page, shots, f"04-part-{part + 1}-sent")
    page.close()
