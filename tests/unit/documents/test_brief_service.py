"""The brief and the worksheet through the render service and the CLI: a final brief needs
current English translations and names the questions that lack one (in the reader's language
on the page); a draft is made and marked; --unjudged alternative; the worksheet is always
marked NOT FOR FILING, in PDF and DOCX."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
import pytest

from asylum_prep.cli import main
from asylum_prep.domain.review import ElementJudgment
from asylum_prep.errors import InputRefused
from asylum_prep.i18n import Translator
from asylum_prep.services import cases
from asylum_prep.services.render import render_document

from .helpers import pdf_text
from .records import persian_record


def _save(store, people, record):
    case = cases.open_case(store, people.attorney, people.case_id)
    return cases.save_record(store, people.attorney, people.case_id, record=record,
                             base_version=case.version)


def _judged(record):
    record.element_judgments.append(ElementJudgment(
        element="harm", verdict="agree", by=1, at=datetime(2024, 6, 1, tzinfo=UTC)))
    return record


def test_final_brief_needs_english_translations_and_a_draft_shows_the_gaps(store, people):
    _save(store, people, _judged(persian_record(translate=False)))
    with pytest.raises(InputRefused) as err:
        render_document(store, people.paralegal, people.case_id, doc="brief", fmt="pdf")
    assert "current English translation" in err.value.message()
    assert "Who are you afraid of?" in err.value.message()
    fa = Translator("fa")
    with pytest.raises(InputRefused) as err:
        render_document(store, people.paralegal, people.case_id, doc="brief", fmt="pdf",
                        translate=fa)
    persian = err.value.message(fa)
    assert "current English translation" not in persian and fa("Who are you afraid of?") in persian
    draft = render_document(store, people.paralegal, people.case_id, doc="brief", fmt="docx",
                            draft=True)
    header = docx.Document(io.BytesIO(draft.content)).sections[0].header._element.xml
    assert 'string="DRAFT"' in header


def test_unjudged_elements_by_choice_and_an_unknown_choice_refused(store, people):
    _save(store, people, _judged(persian_record()))
    plain = render_document(store, people.paralegal, people.case_id, doc="brief", fmt="pdf")
    alt = render_document(store, people.paralegal, people.case_id, doc="brief", fmt="pdf",
                          brief_unjudged="alternative")
    assert "Argued in the alternative" not in pdf_text(plain.content)
    assert "Argued in the alternative" in pdf_text(alt.content)
    assert any("no attorney has judged it yet" in w for w in plain.warnings)
    with pytest.raises(InputRefused):
        render_document(store, people.paralegal, people.case_id, doc="brief", fmt="pdf",
                        brief_unjudged="sometimes")


def test_worksheet_is_always_marked_not_for_filing(store, people):
    _save(store, people, persian_record())
    for fmt in ("pdf", "docx"):
        res = render_document(store, people.paralegal, people.case_id, doc="worksheet", fmt=fmt)
        assert res.filename.endswith(f"-worksheet.{fmt}")
        if fmt == "pdf":
            assert "NOT FOR FILING" in " ".join(pdf_text(res.content).split())
        else:
            header = docx.Document(io.BytesIO(res.content)).sections[0].header._element.xml
            assert 'string="NOT FOR FILING"' in header


def test_cli_unjudged_and_worksheet(store, people, settings, tmp_path, capsys):
    if settings.database_url:
        pytest.skip("the CLI opens the data directory's SQLite store")
    _save(store, people, _judged(persian_record()))
    base = ["--data-dir", str(settings.data_dir), "render", people.case_id, "--format", "pdf"]
    out = tmp_path / "b.pdf"
    assert main([*base, "--doc", "brief", "--unjudged", "alternative", "--out", str(out)]) == 0
    assert "Argued in the alternative" in pdf_text(out.read_bytes())
    sheet = tmp_path / "w.pdf"
    assert main([*base, "--doc", "worksheet", "--out", str(sheet)]) == 0
    assert "Attorney work product: not for filing" in pdf_text(sheet.read_bytes())
    capsys.readouterr()
