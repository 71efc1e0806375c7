"""Names and places read by OCR checked against the story, for real: generated scans go in
through the evidence service, the worker reads them with Tesseract, the words are kept in the
sealed record (`ExhibitText.words`, never in plaintext at rest) and the consistency check
flags a name or place spelled almost like the story's, naming both places."""

from __future__ import annotations

from pathlib import Path

import pytest

from asylum_prep.evidence import ocr as ocr_engine
from asylum_prep.services import answers, checks, ocr_worker
from asylum_prep.services import evidence as ev
from tests.unit.evidence.test_ocr_jobs import _add_scan, _item, _version

pytestmark = pytest.mark.skipif(not ocr_engine.available(), reason="tesseract is not installed")

RULES = ("document_name_vs_story", "document_place_vs_event")


def _story(store, people, *, native: str = "") -> str:
    """The applicant's names and one incident in Kermanshah; returns the incident id."""
    for path, value in (("about.family_name", "Rezaei"), ("about.given_names", "Dariush"),
                        ("about.name_native_script", native)):
        answers.save_answer(store, people.applicant, people.case_id, path=path, value=value,
                            base_version=_version(store, people))
    iid, v = answers.add_item(store, people.applicant, people.case_id,
                              list_path="incidents.items", base_version=_version(store, people))
    answers.save_answer(store, people.applicant, people.case_id,
                        path=f"incidents.items.{iid}.place", value="Kermanshah", base_version=v)
    return iid


def _linked_scan(store, people, lang: str, lines: list[str], iid: str) -> str:
    eid = _add_scan(store, people, lang, lines)
    ev.update_evidence(store, people.paralegal, people.case_id, eid,
                       base_version=_version(store, people), incidents=[iid])
    return eid


def _flags(store, people, *, open_only: bool = False) -> list:
    report = checks.run_checks(store, people.attorney, people.case_id)
    return [f for f in (report.open_flags if open_only else report.flags) if f.rule in RULES]


def test_a_misspelt_name_and_place_in_a_scan_are_flagged_the_exact_ones_not(store,
                                                                            people) -> None:
    iid = _story(store, people)
    wrong = _linked_scan(store, people, "en", [
        "SUMMONS", "Mr. Dariush Rezai is ordered to appear", "at the police station of",
        "Kermanshaw on Monday morning."], iid)
    right = _linked_scan(store, people, "en", [
        "SUMMONS", "Mr. Dariush Rezaei is ordered to appear", "at the police station of",
        "Kermanshah on Monday morning."], iid)
    assert _flags(store, people) == []  # not read yet: nothing to compare
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    assert {"rezai", "kermanshaw"} <= set(_item(store, people, wrong).text.words)
    assert {"rezaei", "kermanshah"} <= set(_item(store, people, right).text.words)

    name, place = sorted(_flags(store, people), key=lambda f: f.rule)
    assert name.places == (f"evidence.{wrong}.text", "about.family_name")
    assert name.message == 'The document "Summons" writes the name "Rezai", the story "Rezaei".'
    assert place.places == (f"evidence.{wrong}.text", f"incidents.items.{iid}.place")
    assert '"Kermanshaw", the story "Kermanshah"' in place.message

    checks.dismiss_flag(store, people.attorney, people.case_id, flag_id=name.id,
                        reason="Both spellings of the name are in use.",
                        base_version=_version(store, people))
    [still_open] = _flags(store, people, open_only=True)
    assert still_open.id == place.id

    # The words are applicant data: never in plaintext at rest.
    store.close()
    needles = [w.encode() for w in ("kermanshaw", "Kermanshaw", "rezai")]
    for path in Path(store.settings.data_dir).rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            assert not any(n in blob for n in needles), path


def test_a_persian_scan_is_compared_with_the_name_in_persian_only(store, people) -> None:
    iid = _story(store, people, native="رضایی")
    eid = _linked_scan(store, people, "fa", [
        "احضاریه", "آقای داریوش رزایی باید روز دوشنبه", "در دادسرای کرمانشاه حاضر شود"], iid)
    assert ocr_worker.drain(store, people.case_id, timeout=300)
    assert "رزایی" in _item(store, people, eid).text.words
    # The Latin names and place are in another script: only the Persian name is compared.
    [flag] = _flags(store, people)
    assert flag.places == (f"evidence.{eid}.text", "about.name_native_script")
    assert flag.message == 'The document "Summons" writes the name "رزایی", the story "رضایی".'
