"""The official I-589 in a real browser: the admin imports the form on the Official forms page
(the copy in ../shared/forms), and an attorney makes the filled form for a case on the
documents page and downloads it; before the import, the page says none was imported and
points to the sheet. Screenshots in test-artifacts/e2e/<test>/."""

from __future__ import annotations

import subprocess

import pytest

from tests.e2e import steps
from tests.e2e.ui import choose, click, fill, key, open_page, settle, shot, text
from tests.unit.documents.form_pdfs import i589_path

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def test_admin_imports_the_form_and_an_attorney_fills_it(server, browser, shots):
    form = i589_path()
    page = open_page(browser, viewport={"width": 1280, "height": 1000})
    steps.set_up_admin(page, server.url)
    steps.create_staff(page, "daniel", "ttorney", "Daniel O.")

    steps.sign_out(page)
    steps.sign_in(page, server.url, "daniel")
    page.locator("[data-testid='stExpander'] summary", has_text="New case").first.click()
    fill(page, "w_case_new_title", "Form check (fictional)")
    click(page, "w_case_new_submit")
    steps.open_first_case(page)
    steps.go(page, "documents")
    choose(page, "w_doc_kind", "Form I-589, the official PDF filled in")
    click(page, "w_doc_render")
    assert "No edition of Form I-589 has been imported yet" in text(page)
    assert "i589-sheet" in text(page)
    shot(page, shots, "01-documents-before-import")
    steps.sign_out(page)

    steps.sign_in(page, server.url, "admin")
    steps.go(page, "forms")
    key(page, "w_forms_upload_0").locator("input[type='file']").set_input_files(str(form))
    settle(page)
    click(page, "w_forms_import")
    assert "edition 04/09/19, was imported: 448 fields" in text(page)
    shot(page, shots, "02-forms-imported")
    steps.sign_out(page)

    steps.sign_in(page, server.url, "daniel")
    steps.open_first_case(page)
    steps.go(page, "documents")
    choose(page, "w_doc_kind", "Form I-589, the official PDF filled in")
    click(page, "w_doc_render")
    shot(page, shots, "03-documents-filled")
    saved = steps.download(page, "w_doc_download", shots, "i589.pdf")
    pages = subprocess.run(["pdfinfo", str(saved)], capture_output=True, text=True, check=True)
    assert "Pages:           12" in pages.stdout
    page.close()
