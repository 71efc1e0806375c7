"""Issue 8's journey in a real browser: the team is set up, the applicant tells her
(fictional) story in Persian, the translator translates, the attorney reviews, cites country
evidence and renders the declaration, brief and packet, which are downloaded and read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document

from tests.e2e import steps
from tests.e2e.steps import CODE_RE
from tests.e2e.ui import choose, click, fill, key, settle, shot, text
from tests.e2e.wizard_driver import walk_part

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PARTS = 9
SAMPLES = Path(__file__).resolve().parents[2] / "asylum_prep" / "samples" / "coi"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_whole_journey(server, browser, shots, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    downloads: dict[str, Path] = {}
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
    steps.sign_out(page)

    # The attorney asks for one change, imports a country report and cites it.
    steps.sign_in(page, server.url, "daniel")
    steps.open_first_case(page)
    shot(page, shots, "05-dashboard")
    steps.go(page, "review")
    choose(page, "w_rv_section", "Part 7:")
    path = "fear.who"
    page.locator("[data-testid='stExpander']").filter(
        has=key(page, "w_rv_comment_" + path)).locator("summary").first.click()
    fill(page, "w_rv_comment_" + path, "Who exactly? Give the unit or names if you know them.")
    click(page, "w_rv_request_" + path)
    shot(page, shots, "06-change-requested")

    steps.go(page, "library")
    page.get_by_role("tab", name="Import").click()
    uploader = page.locator("[class*='st-key-w_coi_upload_'] input[type=file]").first
    uploader.set_input_files(str(SAMPLES / "veldania_students_briefing.html"))
    settle(page)
    fill(page, "w_coi_imp_country", "XV")
    fill(page, "w_coi_imp_publisher", "Fictional Rights Watch")
    click(page, "w_coi_import")
    shot(page, shots, "07-report-imported")
    assert "imported" in text(page)
    page.get_by_role("tab", name="Search").click()
    fill(page, "w_coi_query", "students detained")
    click(page, "w_coi_search")
    shot(page, shots, "08-search")
    page.locator("[class*='st-key-w_coi_attach_'] button").first.click()
    settle(page)
    shot(page, shots, "09-cited")

    # Documents, downloaded and read back as a reader would.
    steps.go(page, "documents")
    for doc, fmt, name in (("Declaration", "PDF", "declaration.pdf"),
                           ("Declaration", "Word", "declaration.docx"),
                           ("Brief", "PDF", "brief.pdf")):
        choose(page, "w_doc_kind", doc)
        key(page, "w_doc_format").locator("label", has_text=fmt).first.click()
        settle(page)
        click(page, "w_doc_render")
        saved = steps.download(page, "w_doc_download", tmp_path, name)
        assert "asylum" not in saved.name.lower()
        shot(page, shots, f"10-{name}")
        downloads[name] = saved
    page.close()

    declaration = pdf_text(downloads["declaration.pdf"])
    assert "کریمی" in declaration and "نسرین" in declaration
    assert "penalty of perjury" in declaration
    assert re.search(r"Page 1 of \d+", declaration)
    docx_text = "\n".join(p.text for p in Document(str(downloads["declaration.docx"])).paragraphs)
    assert "کریمی" in docx_text
    brief = pdf_text(downloads["brief.pdf"])
    assert "Fictional Rights Watch" in brief
