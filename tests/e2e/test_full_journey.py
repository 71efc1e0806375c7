"""Issue 8's journey in a real browser: the team is set up, the applicant tells her
(fictional) story in Persian, the translator translates, the attorney reviews, cites country
evidence and renders the declaration, brief and packet, which are downloaded and read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from docx import Document

from asylum_prep.domain.record import SectionKey
from tests.e2e import files, steps
from tests.e2e.steps import CODE_RE
from tests.e2e.ui import choose, click, fill, key, open_page, settle, shot, text
from tests.e2e.wizard_driver import walk_part

# The longest test (a third of the suite's wall time) has its own group, so it runs on one worker
# while the other browser tests run on the other: still one Chromium per worker.
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e-journey")]

PARTS = 9
SAMPLES = Path(__file__).resolve().parents[2] / "asylum_prep" / "samples" / "coi"


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_whole_journey(server, browser, shots, tmp_path):
    page = open_page(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True)
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
    choose(page, "w_ad_answer_language", "فارسی")
    click(page, "w_ad_answer_language_save")
    photo = files.photo_with_gps(tmp_path / "IMG_2041.jpg")
    page.locator("[class*='st-key-w_ad_upload_home_'] input[type=file]").first.set_input_files(
        str(photo)
    )
    settle(page)
    click(page, "w_ad_add_home")
    shot(page, shots, "03a-photo-attached")
    home = text(page)
    assert "IMG_2041" in home or "مکان" in home  # listed, and told what was removed
    click(page, "w_applicant_continue")
    shot(page, shots, "03-wizard-persian")
    for part in range(PARTS):
        walk_part(page)
        shot(page, shots, f"04-part-{part + 1}-sent")
    steps.sign_out(page)

    # The translator puts an answer into English.
    steps.sign_in(page, server.url, "reza")
    steps.open_first_case(page)
    steps.go(page, "translate")
    shot(page, shots, "04a-translations")
    first = page.locator("[class*='st-key-w_tr_text_'] textarea").first
    first.fill("Plain-clothes agents stopped me in the street and held me for three days.")
    first.press("Tab")
    settle(page)
    page.locator("[class*='st-key-w_tr_save_'] button").first.click()
    settle(page)
    shot(page, shots, "04b-translated")
    steps.sign_out(page)

    # The paralegal adds a document and builds the exhibit packet.
    steps.sign_in(page, server.url, "amina")
    steps.open_first_case(page)
    steps.go(page, "evidence")
    pdf = files.summons_pdf(tmp_path / "scan0001.pdf")
    page.locator("[class*='st-key-w_ev_upload_'] input[type=file]").first.set_input_files(str(pdf))
    settle(page)
    click(page, "w_ev_add")
    shot(page, shots, "04c-evidence")
    click(page, "w_ev_build")
    downloads["packet"] = steps.download(page, "w_ev_part_1", tmp_path, "packet.pdf")
    steps.sign_out(page)

    # The attorney asks for one change, imports a country report and cites it.
    steps.sign_in(page, server.url, "daniel")
    steps.open_first_case(page)
    shot(page, shots, "05-dashboard")
    steps.go(page, "review")
    choose(page, "w_rv_section", f"Part {list(SectionKey).index(SectionKey.fear) + 1}:")
    path = "fear.who"
    # the answer's comment box is drawn only once its expander is open
    key(page, "w_rv_more_" + path).locator("summary").first.click()
    settle(page)
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
    for doc, fmt, lang, name in (
        ("Declaration", "PDF", "Persian", "declaration-fa.pdf"),
        ("Declaration", "PDF", "English", "declaration-en.pdf"),
        ("Declaration", "Word", "English", "declaration-en.docx"),
        ("Brief", "PDF", None, "brief.pdf"),
    ):
        choose(page, "w_doc_kind", doc)
        key(page, "w_doc_format").locator("label", has_text=fmt).first.click()
        settle(page)
        if lang:
            key(page, "w_doc_lang").locator("label", has_text=lang).first.click()
            settle(page)
        if doc == "Brief":  # one answer is translated: a final brief would be refused
            key(page, "w_doc_draft").locator("label").first.click()
            settle(page)
        click(page, "w_doc_render")
        saved = steps.download(page, "w_doc_download", tmp_path, name)
        assert "asylum" not in saved.name.lower()
        shot(page, shots, f"10-{name}")
        downloads[name] = saved
    page.close()

    persian = pdf_text(downloads["declaration-fa.pdf"])
    assert "کریمی" in persian and "نسرین" in persian
    english = pdf_text(downloads["declaration-en.pdf"])
    assert "penalty of perjury" in english
    assert "Plain-clothes agents stopped me" in english  # the translator's words
    assert re.search(r"Page 1 of \d+", english)
    docx_text = "\n".join(
        p.text for p in Document(str(downloads["declaration-en.docx"])).paragraphs
    )
    assert "Plain-clothes agents stopped me" in docx_text and "penalty of perjury" in docx_text
    brief = pdf_text(downloads["brief.pdf"])
    assert "Fictional Rights Watch" in brief and "DRAFT" in brief
    assert "has no current English translation" in brief  # the untranslated answers
    with pikepdf.open(downloads["packet"]) as packet:
        assert len(packet.pages) >= 3  # index, tab pages and the exhibits
    packet_text = pdf_text(downloads["packet"])
    assert "Summons (fictional)" in packet_text
    assert (
        subprocess.run(
            ["qpdf", "--check", str(downloads["packet"])], capture_output=True
        ).returncode
        == 0
    )
