"""Exhibit translations on a real store: the case's translator translates a Persian summons
page by page; the packet, read back, puts the English translation and the translator's
certificate right after the exhibit, with the index's page numbers on the very pages; replacing
the exhibit makes the translation stale and warned about; only the translator saves; the audit
trail carries ids and counts, never the words."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pikepdf
import pytest
from sqlmodel import col, select

from asylum_prep.cli import main
from asylum_prep.config import Settings
from asylum_prep.errors import InputRefused, NotFoundError, PermissionDenied, StaleVersionError
from asylum_prep.evidence.html_pdf import html_to_pdf
from asylum_prep.evidence.packet import N_UNTRANSLATED
from asylum_prep.services import cases, checks, exhibit_translations, packet, render
from asylum_prep.services import evidence as ev
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.support import People
from tests.unit.evidence import hostile

SUMMONS = ("احضاریه", "دادگاه انقلاب تهران", "تاریخ: ۲۴ اردیبهشت ۱۴۰۱")
PAGE_ONE = "Summons. Revolutionary Court of Tehran. Date: 14 May 2022 (24 Ordibehesht 1401)."
PAGE_TWO = "You must appear at Branch 15 at 9 a.m. Failure to appear will lead to arrest."


def persian_pdf(pages: int = 2) -> bytes:
    """A born-digital Persian document of `pages` pages, drawn with our Noto fonts."""
    body = "".join(
        f'<section style="break-after: page"><h1>{SUMMONS[0]}</h1><p>{SUMMONS[1]}</p>'
        f"<p>{SUMMONS[2]}</p><p>صفحه {n + 1}</p></section>"
        for n in range(pages))
    return html_to_pdf(
        '<html lang="fa" dir="rtl"><head><meta charset="utf-8"><style>'
        '@page { size: letter; } body { font-family: "Noto Naskh Arabic"; font-size: 16pt; }'
        f"</style></head><body>{body}</body></html>")


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _add(store: Store, people: People, data: bytes, name: str, title: str,
         language: str = "", replaces: str = "") -> str:
    evidence_id, _, _ = ev.add_evidence(
        store, people.attorney, people.case_id, data=data, filename=name, title=title,
        language=language, replaces=replaces, base_version=_version(store, people))
    return evidence_id


def _translate(store: Store, people: People, evidence_id: str,
               pages: list[str] | None = None) -> int:
    return exhibit_translations.save_exhibit_translation(
        store, people.translator, people.case_id, evidence_id=evidence_id,
        pages=pages or [PAGE_ONE, PAGE_TWO], translator_name="Maryam Karimi",
        translator_address="12 Elm Street, Springfield, IL 62701",
        competence="Native speaker of Persian; ATA-certified Persian-English translator",
        base_version=_version(store, people))


def _page_texts(data: bytes) -> list[str]:
    """The text of every page of a PDF, as pdftotext reads it."""
    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                         check=True).stdout.decode()
    return out.split("\f")[: len(pikepdf.Pdf.open(io.BytesIO(data)).pages)]


@pytest.fixture
def summons(store: Store, people: People) -> str:
    """Exhibit A: a two-page Persian summons; exhibit B: an English photo after it."""
    evidence_id = _add(store, people, persian_pdf(), "summons.pdf", "Summons", language="fa")
    _add(store, people, hostile.small_png((900, 700)), "photo.png", "Photo of the injury")
    return evidence_id


def test_the_packet_puts_translation_and_certificate_after_the_exhibit(
        store: Store, people: People, summons: str) -> None:
    version, items = exhibit_translations.list_exhibit_translations(
        store, people.translator, people.case_id)
    [item] = items
    assert (item.item.id, item.pages, item.status, item.translation) == (summons, 2, "missing",
                                                                        None)
    assert item.ocr == ()  # no OCR in this code yet: the seam returns nothing
    pages_pdf = exhibit_translations.exhibit_pages(store, people.translator, people.case_id,
                                                   summons)
    assert len(pikepdf.Pdf.open(io.BytesIO(pages_pdf)).pages) == 2
    before = packet.render_packet(store, people.paralegal, people.case_id)
    assert N_UNTRANSLATED in before.warnings

    assert _translate(store, people, summons) == version + 1
    record = cases.open_case(store, people.attorney, people.case_id).record
    saved = record.exhibit_translations[summons]
    stored_sha = next(it.stored_sha256 for it in record.evidence if it.id == summons)
    assert (saved.pages, saved.exhibit_sha256, saved.revision) == (
        [PAGE_ONE, PAGE_TWO], stored_sha, 1)

    result = packet.render_packet(store, people.paralegal, people.case_id)
    assert N_UNTRANSLATED not in result.warnings
    texts = _page_texts(result.content)
    assert len(texts) == result.total_pages
    rows = {r.description.split(".")[0]: r for r in result.index}
    exhibit_a = next(r for r in result.index if r.tab == "A")
    translation = rows["English translation of Exhibit A"]
    certificate = rows["Translator's certificate for Exhibit A"]
    exhibit_b = next(r for r in result.index if r.tab == "B")
    # A's tab sheet, its two pages, then its translation and certificate, then B's tab sheet
    assert exhibit_a.last_page == exhibit_a.first_page + 2
    assert translation.first_page == exhibit_a.last_page + 1
    assert certificate.first_page == translation.last_page + 1
    assert exhibit_b.first_page == certificate.last_page + 1
    assert "Exhibit A" in texts[exhibit_a.first_page - 1]
    first = " ".join(texts[translation.first_page - 1].split())
    assert "English Translation of Exhibit A" in first and "Date: 14 May 2022" in first
    tr_text = " ".join(" ".join(texts[p - 1].split())
                       for p in range(translation.first_page, translation.last_page + 1))
    assert "Page 2 of 2 of Exhibit A" in tr_text and "Failure to appear" in tr_text
    cert = " ".join(" ".join(texts[p - 1].split())
                    for p in range(certificate.first_page, certificate.last_page + 1))
    for words in ("Translator's Certificate", "I, Maryam Karimi, certify that I am competent to "
                  "translate from Persian into English", "complete and accurate",
                  "Exhibit A, Summons, 2 pages", stored_sha, "8 C.F.R. § 1003.33",
                  "Native speaker of Persian", "12 Elm Street", "Signature:", "Date:"):
        assert words in cert, words
    assert "Exhibit B" in texts[exhibit_b.first_page - 1]
    # the packet's own index prints those very ranges
    index = " ".join(" ".join(texts[p].split()) for p in range(1, exhibit_a.first_page - 1))
    assert f"English translation of Exhibit A {translation.pages}" in index
    assert f"Translator's certificate for Exhibit A {certificate.pages}" in index
    # and so does the stand-alone exhibit index
    alone = render.render_document(store, people.paralegal, people.case_id,
                                   doc="exhibit-index", fmt="pdf")
    alone_text = " ".join(" ".join(t.split()) for t in _page_texts(alone.content))
    assert f"English translation of Exhibit A {translation.pages}" in alone_text
    assert f"Translator's certificate for Exhibit A {certificate.pages}" in alone_text


def test_replacing_the_exhibit_makes_the_translation_stale(
        store: Store, people: People, summons: str) -> None:
    _translate(store, people, summons)
    assert checks.run_checks(store, people.attorney, people.case_id).untranslated == []
    _add(store, people, persian_pdf(pages=1), "summons-2.pdf", "", language="fa",
         replaces=summons)
    record = cases.open_case(store, people.attorney, people.case_id).record
    item = next(it for it in record.evidence if it.id == summons)
    assert item.title == "Summons" and item.page_count == 1  # same exhibit, new file
    _, [listed] = exhibit_translations.list_exhibit_translations(
        store, people.translator, people.case_id)
    assert listed.status == "stale" and listed.pages == 1

    [gap] = checks.run_checks(store, people.attorney, people.case_id).untranslated
    assert (gap.evidence_id, gap.status) == (summons, "stale")
    codes = {w.code: w for w in ev.warnings_for(store, people.paralegal, people.case_id)}
    assert "was replaced after it was translated" in codes["translation_stale"].message()
    result = packet.render_packet(store, people.paralegal, people.case_id)
    assert N_UNTRANSLATED in result.warnings
    assert not any("translation" in r.description for r in result.index)
    sheet = render.render_document(store, people.attorney, people.case_id, doc="worksheet",
                                   fmt="pdf")
    text = " ".join(" ".join(t.split()) for t in _page_texts(sheet.content))
    assert "Exhibit translations" in text and "was replaced after it was translated" in text

    _translate(store, people, summons, [PAGE_ONE])  # translated again: current, revision 2
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert record.exhibit_translations[summons].revision == 2
    assert checks.run_checks(store, people.attorney, people.case_id).untranslated == []


def test_only_the_case_translator_saves(store: Store, people: People, other_people: People,
                                        summons: str) -> None:
    version = _version(store, people)
    for actor in (people.attorney, people.paralegal, people.applicant, other_people.translator):
        with pytest.raises(PermissionDenied):
            exhibit_translations.save_exhibit_translation(
                store, actor, people.case_id, evidence_id=summons, pages=[PAGE_ONE, PAGE_TWO],
                translator_name="X", translator_address="", competence="", base_version=version)
    for actor in (people.applicant, other_people.translator, other_people.attorney):
        with pytest.raises(PermissionDenied):
            exhibit_translations.list_exhibit_translations(store, actor, people.case_id)
        with pytest.raises(PermissionDenied):
            exhibit_translations.exhibit_pages(store, actor, people.case_id, summons)
    assert _version(store, people) == version
    # the applicant never sees the team's translations in her record
    _translate(store, people, summons)
    mine = cases.open_case(store, people.applicant, people.case_id).record
    assert mine.exhibit_translations == {}


def test_a_translation_is_refused_when_it_does_not_fit(store: Store, people: People,
                                                       summons: str) -> None:
    version = _version(store, people)
    with pytest.raises(InputRefused):
        _translate(store, people, summons, [PAGE_ONE])  # two pages, one box
    with pytest.raises(InputRefused):
        _translate(store, people, summons, ["  ", ""])
    english = next(it.id for it in cases.open_case(store, people.attorney, people.case_id)
                   .record.evidence if it.id != summons)
    with pytest.raises(NotFoundError):
        _translate(store, people, english, [PAGE_ONE])
    assert _version(store, people) == version


def test_the_audit_trail_names_the_exhibit_never_the_words(store: Store, people: People,
                                                           summons: str) -> None:
    _translate(store, people, summons)
    exhibit_translations.list_exhibit_translations(store, people.paralegal, people.case_id)
    with store.session() as session:
        events = session.exec(select(AuditEvent).where(
            col(AuditEvent.case_id) == people.case_id)).all()
    actions = {e.action: e for e in events}
    assert f"evidence={summons}" in actions["exhibit_translation_save"].detail
    assert "pages=2 revision=1" in actions["exhibit_translation_save"].detail
    assert "exhibit_translations_view" in actions
    for e in events:
        for words in ("Summons", "Maryam", "Elm Street", "Persian", "14 May"):
            assert words not in (e.detail or ""), (e.action, words)
    # nothing of the translation lies in the data directory (the SQLite store) in plaintext
    files = [p for p in store.settings.data_dir.rglob("*") if p.is_file()]
    assert files
    for path in files:
        if path.is_file():
            data = path.read_bytes()
            assert b"Failure to appear" not in data and b"Maryam Karimi" not in data, path


def test_the_command_line_warns_about_untranslated_exhibits(
        store: Store, people: People, summons: str, settings: Settings,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(settings.data_dir))
    if settings.database_url:
        monkeypatch.setenv("ASYLUM_PREP_DATABASE_URL", settings.database_url)
    assert main(["check", people.case_id]) == 0
    assert f"  - Summons: none yet ({summons})" in capsys.readouterr().out
    assert main(["render", people.case_id, "--doc", "packet", "--format", "pdf",
                 "--out", str(tmp_path / "packet.pdf")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {N_UNTRANSLATED}" in err
    assert "warning: “Summons” is not in English" in err

    _translate(store, people, summons)
    assert main(["check", people.case_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exhibit_translations"] == []
    _add(store, people, persian_pdf(pages=1), "new.pdf", "", language="fa", replaces=summons)
    assert main(["check", people.case_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exhibit_translations"] == [
        {"evidence_id": summons, "title": "Summons", "status": "stale"}]
    assert main(["render", people.case_id, "--doc", "packet", "--format", "pdf",
                 "--out", str(tmp_path / "packet.pdf")]) == 0
    assert "warning: “Summons” was replaced after it was translated" in capsys.readouterr().err


def test_removing_the_exhibit_removes_its_translation(store: Store, people: People,
                                                      summons: str) -> None:
    _translate(store, people, summons)
    ev.remove_evidence(store, people.attorney, people.case_id, summons,
                       base_version=_version(store, people))
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert record.exhibit_translations == {}
    _, items = exhibit_translations.list_exhibit_translations(store, people.translator,
                                                              people.case_id)
    assert items == []


def test_a_save_made_on_the_replaced_pages_is_refused(store: Store, people: People,
                                                      summons: str) -> None:
    seen = _version(store, people)  # the translator's page was drawn from this version
    _add(store, people, persian_pdf(pages=3), "again.pdf", "", language="fa", replaces=summons)
    with pytest.raises(StaleVersionError):
        exhibit_translations.save_exhibit_translation(
            store, people.translator, people.case_id, evidence_id=summons,
            pages=[PAGE_ONE, PAGE_TWO], translator_name="", translator_address="",
            competence="", base_version=seen)
    assert cases.open_case(store, people.attorney, people.case_id).record \
        .exhibit_translations == {}


def test_a_document_set_to_english_prints_no_translation(store: Store, people: People,
                                                         summons: str) -> None:
    _translate(store, people, summons)
    ev.update_evidence(store, people.attorney, people.case_id, summons, language="en",
                       base_version=_version(store, people))
    result = packet.render_packet(store, people.paralegal, people.case_id)
    assert [r.tab for r in result.index] == ["A", "B", ""]
    assert not any("translation" in r.description for r in result.index)
    assert checks.run_checks(store, people.attorney, people.case_id).untranslated == []


def test_a_split_packet_names_the_part_of_each_translation(store: Store, people: People,
                                                           summons: str) -> None:
    _translate(store, people, summons)
    result = packet.render_packet(store, people.paralegal, people.case_id,
                                  max_part_bytes=60 * 1024)
    assert len(result.parts) > 1
    part_of: list[int] = []  # packet page - 1 -> part, from the parts themselves
    for number, (_, data) in enumerate(result.parts, start=1):
        part_of += [number] * len(pikepdf.Pdf.open(io.BytesIO(data)).pages)
    assert len(part_of) == result.total_pages
    for row in result.index:
        assert row.parts == tuple(sorted({part_of[n - 1]
                                          for n in range(row.first_page, row.last_page + 1)}))
