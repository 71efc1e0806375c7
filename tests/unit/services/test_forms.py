"""Official forms on a real store: an admin imports the I-589 (audited, stored prepared),
hostile files store nothing, and `--doc i589` fills the imported edition from the case, or
says that none was imported and points to the item-by-item sheet."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest
from sqlmodel import func, select

from asylum_prep.cli import main
from asylum_prep.documents.pdf_form_import import SCRIPTS
from asylum_prep.domain.people import Sex
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.i18n import Translator
from asylum_prep.services import cases, forms
from asylum_prep.services.render import render_document
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent, OfficialForm
from tests.support import People
from tests.unit.documents import form_pdfs
from tests.unit.documents.records import persian_record


def _text(data: bytes, first: int = 1, last: int = 1) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(first), "-l", str(last), "-", "-"],
                          input=data, capture_output=True, check=True).stdout.decode()


def _stored(store: Store) -> int:
    with store.session() as session:
        return session.exec(select(func.count()).select_from(OfficialForm)).one()


def _events(store: Store, action: str) -> list[AuditEvent]:
    with store.session() as session:
        return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


def _save(store: Store, people: People, record: CaseRecord) -> None:
    opened = cases.open_case(store, people.attorney, people.case_id)
    cases.save_record(store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)


def _record(family: str = "Kovelli", given: str = "Daryan Mirel") -> CaseRecord:
    return CaseRecord.model_validate({"about": {
        "family_name": family, "given_names": given, "sex": Sex.female.value,
        "birth_date": {"iso": "1990-04-06"}, "nationalities": ["IR"], "a_number": "A-201-234-567",
    }})


@pytest.fixture
def imported(store: Store, people: People) -> forms.FormSummary:
    return forms.import_form(store, people.admin, kind="i589", data=form_pdfs.i589_bytes(),
                             file_name="/tmp/secret/i-589.pdf")


def test_an_admin_imports_the_form_once_and_the_team_sees_its_edition(
        store: Store, people: People, imported: forms.FormSummary) -> None:
    assert imported.edition == "04/09/19" and imported.field_count == 448
    assert imported.unplaced == [] and imported.file_name == "i-589.pdf"
    listed = forms.list_forms(store, people.paralegal, kind="i589")
    assert [(f.id, f.imported_by) for f in listed] == [(imported.id, "admin")]
    [event] = _events(store, "form_import")
    assert event.detail == "kind=i589 edition=04/09/19 fields=448 unplaced=0"
    with store.session() as session:
        row = session.get(OfficialForm, imported.id)
        assert row is not None
        with pikepdf.open(io.BytesIO(row.data)) as pdf:
            assert not pdf.is_encrypted and "/XFA" not in pdf.Root.AcroForm


def test_only_an_admin_imports(store: Store, people: People) -> None:
    with pytest.raises(PermissionDenied):
        forms.import_form(store, people.attorney, kind="i589", data=form_pdfs.small_form())
    assert _stored(store) == 0


@pytest.mark.parametrize("data", [b"hello", form_pdfs.small_form(javascript=True),
                                  form_pdfs.small_form(fields=False),
                                  form_pdfs.encrypted(form_pdfs.small_form(), user="pw")])
def test_a_hostile_file_is_refused_and_nothing_is_stored(store: Store, people: People,
                                                         data: bytes) -> None:
    with pytest.raises(InputRefused):
        forms.import_form(store, people.admin, kind="i589", data=data)
    assert _stored(store) == 0 and _events(store, "form_import") == []


def test_a_refusal_is_a_translated_sentence(store: Store, people: People) -> None:
    with pytest.raises(InputRefused) as refused:
        forms.import_form(store, people.admin, kind="i589",
                          data=form_pdfs.small_form(javascript=True))
    assert refused.value.template == SCRIPTS
    assert refused.value.message(Translator("es")) != SCRIPTS


def test_an_unknown_kind_is_refused(store: Store, people: People) -> None:
    with pytest.raises(InputRefused):
        forms.import_form(store, people.admin, kind="i-130", data=form_pdfs.small_form())


def test_without_an_imported_edition_the_form_is_refused_pointing_to_the_sheet(
        store: Store, people: People) -> None:
    with pytest.raises(forms.NotImported) as refused:
        render_document(store, people.paralegal, people.case_id, doc="i589", fmt="pdf")
    assert "i589-sheet" in refused.value.message()
    assert "i589-sheet" in refused.value.message(Translator("fa"))
    assert [e for e in _events(store, "render") if "i589" in e.detail] == []


def test_the_form_is_filled_from_the_case_and_audited(store: Store, people: People,
                                                      imported: forms.FormSummary) -> None:
    _save(store, people, _record())
    result = render_document(store, people.paralegal, people.case_id, doc="i589", fmt="pdf")
    assert result.filename == f"document-{people.case_id[:8]}-i589.pdf"
    assert result.warnings == []
    page = _text(result.content)
    for shown in ("Kovelli", "Daryan Mirel", "04/06/1990", "Iran", "201234567"):
        assert shown in page
    values = form_pdfs.field_values(result.content)
    assert values[form_pdfs.FEMALE] == "/F" and values[form_pdfs.MALE] == "/Off"
    assert [e.detail for e in _events(store, "render")] == ["doc=i589 format=pdf edition=04/09/19"]
    with pytest.raises(InputRefused):
        render_document(store, people.paralegal, people.case_id, doc="i589", fmt="docx")
    with pytest.raises(PermissionDenied):
        render_document(store, people.translator, people.case_id, doc="i589", fmt="pdf")


def test_a_name_too_long_continues_on_a_supplement_page(store: Store, people: People,
                                                        imported: forms.FormSummary) -> None:
    long_name = "Abd al-Rahman ibn Muhammad ibn Abd al-Aziz ibn Saud al-Qahtani al-Harbi"
    _save(store, people, _record(family=long_name))
    result = render_document(store, people.paralegal, people.case_id, doc="i589", fmt="pdf",
                             translate=Translator("en"))
    assert len(result.warnings) == 1 and "Part A.I, item 4" in result.warnings[0]
    assert "See Supplement B" in _text(result.content)
    supplement = _text(result.content, 13, 13)
    assert "Continuation of Part A.I, item 4" in supplement and long_name in supplement
    assert "201-234-567" in supplement  # the A-Number as the case has it, in the caption


def test_a_name_only_in_persian_script_is_left_for_the_team(store: Store, people: People,
                                                            imported: forms.FormSummary) -> None:
    _save(store, people, persian_record(translate=False))
    result = render_document(store, people.attorney, people.case_id, doc="i589", fmt="pdf")
    [warning] = [w for w in result.warnings if "Part A.I, item 4" in w]
    assert "Latin" in warning and "Part A.I, item 4" in warning and "item 5" in warning
    values = form_pdfs.field_values(result.content)
    assert values[form_pdfs.LAST] is None


def test_the_command_line_imports_and_lists(store: Store, people: People,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = form_pdfs.i589_path()
    if store.settings.database_url:
        pytest.skip("the CLI opens the data directory's SQLite store")
    data_dir = str(store.settings.data_dir)
    store.close()
    assert main(["--data-dir", data_dir, "forms", "import", "i589", str(path)]) == 0
    assert "edition=04/09/19  fields=448" in capsys.readouterr().out
    assert main(["--data-dir", data_dir, "forms", "list"]) == 0
    assert "i589  edition=04/09/19" in capsys.readouterr().out
    assert main(["--data-dir", data_dir, "forms", "fields", "i589"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 448
    assert lines[0].startswith(
        "form1[0].#subform[0].PtAILine1_ANumber[0]  text  page=1  on=-  max=9  size=9.0  Part.")
    assert any(line.startswith(f"{form_pdfs.FEMALE}  checkbox  page=1  on=F  ") for line in lines)


def test_without_an_import_the_command_line_says_so(
        store: Store, people: People, capsys: pytest.CaptureFixture[str]) -> None:
    if store.settings.database_url:
        pytest.skip("the CLI opens the data directory's SQLite store")
    data_dir = str(store.settings.data_dir)
    store.close()
    out = str(data_dir) + "/form.pdf"
    assert main(["--data-dir", data_dir, "render", people.case_id, "--doc", "i589",
                 "--format", "pdf", "--out", out]) == 1
    assert "i589-sheet" in capsys.readouterr().err
