"""A final declaration or brief waits for the consistency flags; a draft never does, and says
DRAFT on every page (PDF and DOCX, read back)."""

from __future__ import annotations

import io

import docx
import pytest

from asylum_prep.cli import main
from asylum_prep.errors import InputRefused
from asylum_prep.i18n import Translator
from asylum_prep.services import cases, checks
from asylum_prep.services.render import render_document

from .helpers import pdf_text
from .records import persian_record


def _contradicting():
    record = persian_record()
    record.about.birth_date = record.incidents.items[0].date.model_copy(  # type: ignore[union-attr]
        update={"year": 2023})  # born after the incident of November 2022
    return record


@pytest.fixture
def flagged(store, people):
    case = cases.open_case(store, people.attorney, people.case_id)
    version = cases.save_record(store, people.attorney, people.case_id,
                                record=_contradicting(), base_version=case.version)
    return people, version


def test_final_declaration_is_refused_naming_each_open_flag_and_where(store, flagged):
    people, _ = flagged
    for doc in ("declaration", "brief"):
        with pytest.raises(InputRefused) as err:
            render_document(store, people.paralegal, people.case_id, doc=doc, fmt="pdf",
                            lang="en")
        text = err.value.message()
        assert "consistency flags are open" in text and "1. " in text
        assert "before" in text and "look at:" in text and "birth" in text.lower()
    # in the reader's language (the page passes its translator)
    with pytest.raises(InputRefused) as err:
        render_document(store, people.paralegal, people.case_id, doc="declaration", fmt="pdf",
                        lang="en", translate=Translator("fa"))
    assert "consistency flags" not in err.value.message(Translator("fa"))


def test_a_draft_is_always_made_and_watermarked_in_pdf_and_docx(store, flagged):
    people, _ = flagged
    pdf = render_document(store, people.paralegal, people.case_id, doc="declaration",
                          fmt="pdf", lang="en", draft=True)
    pages = pdf_text(pdf.content).split("\f")
    assert all("DRAFT" in page for page in pages if page.strip())
    fa = render_document(store, people.paralegal, people.case_id, doc="declaration",
                         fmt="pdf", lang="fa", draft=True)
    # text extraction drops the zero-width non-joiner of "پیش‌نویس"
    assert Translator("fa")("DRAFT").replace("\u200c", "") in pdf_text(fa.content)
    word = render_document(store, people.paralegal, people.case_id, doc="declaration",
                           fmt="docx", lang="en", draft=True)
    header = docx.Document(io.BytesIO(word.content)).sections[0].header._element.xml
    assert 'string="DRAFT"' in header and "textpath" in header


def test_dismissing_the_flags_lets_the_final_through_without_watermark(store, flagged):
    people, version = flagged
    report = checks.run_checks(store, people.attorney, people.case_id)
    for flag in report.open_flags:
        version = checks.dismiss_flag(store, people.attorney, people.case_id, flag_id=flag.id,
                                      reason="Born 1993; the year was mistyped.",
                                      base_version=version)
    final = render_document(store, people.paralegal, people.case_id, doc="declaration",
                            fmt="pdf", lang="en")
    assert "DRAFT" not in pdf_text(final.content)
    word = render_document(store, people.paralegal, people.case_id, doc="declaration",
                           fmt="docx", lang="en")
    assert "textpath" not in docx.Document(io.BytesIO(word.content)).sections[0].header._element.xml


def test_cli_says_why_and_how_to_make_a_draft(store, flagged, settings, tmp_path, capsys):
    people, _ = flagged
    if settings.database_url:
        pytest.skip("the CLI opens the data directory's SQLite store")
    args = ["--data-dir", str(settings.data_dir), "render", people.case_id, "--doc",
            "declaration", "--format", "pdf", "--lang", "en", "--out", str(tmp_path / "d.pdf")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "consistency flags are open" in err and "draft" in err
    assert not (tmp_path / "d.pdf").exists()
    assert main([*args, "--draft"]) == 0
    assert "DRAFT" in pdf_text((tmp_path / "d.pdf").read_bytes())
