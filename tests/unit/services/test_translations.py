"""The translator's workflow on a real store: who may translate, stale after the applicant edits,
the answer language, and a certificate of translation that covers only current translations."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from asylum_prep.documents.build_certificates import TranslatorInfo, translation_certificate
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.model import block_texts
from asylum_prep.errors import InputRefused, PermissionDenied, StaleVersionError
from asylum_prep.i18n import SUPPORTED, Translator
from asylum_prep.services import answers, cases, translations
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.support import People

from ..documents.records import persian_record

WHO = "مأموران امنیتی"
WHY = "چون در اعتراضات شرکت کردم."


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _persian_answers(store: Store, people: People) -> str:
    """The attorney sets Persian; the applicant answers two questions and one incident."""
    translations.set_answer_language(store, people.attorney, people.case_id, language="fa",
                                     base_version=_version(store, people))
    for path, value in (("fear.who", WHO), ("fear.why", WHY)):
        answers.save_answer(store, people.applicant, people.case_id, path=path, value=value,
                            base_version=_version(store, people))
    item_id, _ = answers.add_item(store, people.applicant, people.case_id,
                                  list_path="incidents.items",
                                  base_version=_version(store, people))
    answers.save_answer(store, people.applicant, people.case_id,
                        path=f"incidents.items.{item_id}.place", value="دانشگاه نمونه",
                        base_version=_version(store, people))
    return item_id


def test_translator_member_lists_and_saves(store: Store, people: People) -> None:
    item_id = _persian_answers(store, people)
    items = translations.list_translation_items(store, people.translator, people.case_id)
    by_path = {i.path: i for i in items}
    # free text only: no item ids, codes or choices
    assert set(by_path) == {"fear.who", "fear.why", f"incidents.items.{item_id}.place"}
    assert all(i.status == "missing" and i.language == "fa" for i in items)
    place = by_path[f"incidents.items.{item_id}.place"]
    assert place.label.entry == 1 and place.label.question == "Where did it happen?"
    assert place.label.text(Translator("en")) == (
        "What happened to you, entry 1: Where did it happen?")

    version = translations.save_translation(
        store, people.translator, people.case_id, path="fear.who", text="Security agents",
        base_version=_version(store, people))
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert record.translations["fear.who"].text == "Security agents"
    assert record.translations["fear.who"].source_sha256 == translations.source_hash(WHO)
    assert record.fear.who == WHO  # the original is untouched
    now = {i.path: i for i in translations.list_translation_items(store, people.translator,
                                                                  people.case_id)}
    assert now["fear.who"].status == "current"
    assert now["fear.who"].translated_by == people.translator.username
    seen_by_paralegal = translations.list_translation_items(store, people.paralegal,
                                                            people.case_id)
    assert sorted(i.status for i in seen_by_paralegal) == ["current", "missing", "missing"]
    with store.session() as session:
        actions = [e.action for e in session.exec(
            select(AuditEvent).where(AuditEvent.case_id == people.case_id)
            .order_by(col(AuditEvent.id)))]
        details = " ".join(e.detail for e in session.exec(select(AuditEvent)))
    assert "translation_save" in actions and "translations_view" in actions
    assert "Security" not in details and WHO not in details  # no applicant data in the log
    assert version == _version(store, people)


def test_non_member_and_applicant_are_refused(store: Store, people: People,
                                              other_people: People) -> None:
    _persian_answers(store, people)
    base = _version(store, people)
    for actor in (other_people.translator, other_people.attorney, people.applicant):
        with pytest.raises(PermissionDenied):
            translations.list_translation_items(store, actor, people.case_id)
        with pytest.raises(PermissionDenied):
            translations.save_translation(store, actor, people.case_id, path="fear.who",
                                          text="x", base_version=base)
    assert _version(store, people) == base


def test_refused_paths_and_texts_change_nothing(store: Store, people: People) -> None:
    item_id = _persian_answers(store, people)
    base = _version(store, people)
    for path in ("fear.nothing", "fear.what_harm", f"incidents.items.{item_id}.id",
                 "filing.answer_language", "translations"):
        with pytest.raises(InputRefused):
            translations.save_translation(store, people.translator, people.case_id, path=path,
                                          text="x", base_version=base)
    with pytest.raises(InputRefused):
        translations.save_translation(store, people.translator, people.case_id,
                                      path="fear.who", text="   ", base_version=base)
    assert _version(store, people) == base


def test_applicant_edit_makes_the_translation_stale(store: Store, people: People) -> None:
    _persian_answers(store, people)
    seen = _version(store, people)
    translations.save_translation(store, people.translator, people.case_id, path="fear.why",
                                  text="Because I took part in the protests.", base_version=seen)
    answers.save_answer(store, people.applicant, people.case_id, path="fear.why",
                        value="چون در اعتراضات دانشگاه شرکت کردم.",
                        base_version=_version(store, people))
    items = {i.path: i for i in translations.list_translation_items(store, people.attorney,
                                                                    people.case_id)}
    assert items["fear.why"].status == "stale"
    assert items["fear.why"].translation == "Because I took part in the protests."
    # a translation typed against the old wording is refused; the translator sees the new one
    with pytest.raises(StaleVersionError):
        translations.save_translation(store, people.translator, people.case_id,
                                      path="fear.why", text="old", base_version=seen)
    translations.save_translation(store, people.translator, people.case_id, path="fear.why",
                                  text="Because I took part in the university protests.",
                                  base_version=_version(store, people))
    items = {i.path: i for i in translations.list_translation_items(store, people.attorney,
                                                                    people.case_id)}
    assert items["fear.why"].status == "current"


def test_answer_language(store: Store, people: People) -> None:
    base = _version(store, people)
    # the applicant may choose before writing anything; any ISO 639-1 code via Babel
    version = translations.set_answer_language(store, people.applicant, people.case_id,
                                               language="TI", base_version=base)
    assert cases.open_case(store, people.attorney, people.case_id).record.filing \
        .answer_language == "ti"
    with pytest.raises(InputRefused):
        translations.set_answer_language(store, people.attorney, people.case_id,
                                         language="xx", base_version=version)
    with pytest.raises(PermissionDenied):
        translations.set_answer_language(store, people.translator, people.case_id,
                                         language="fa", base_version=version)
    answers.save_answer(store, people.applicant, people.case_id, path="fear.who", value=WHO,
                        base_version=version)
    with pytest.raises(PermissionDenied):  # after her first answer, only the team changes it
        translations.set_answer_language(store, people.applicant, people.case_id,
                                         language="fa", base_version=_version(store, people))
    translations.set_answer_language(store, people.paralegal, people.case_id, language="fa",
                                     base_version=_version(store, people))
    assert cases.open_case(store, people.attorney, people.case_id).record.filing \
        .answer_language == "fa"
    offered = translations.answer_languages()
    assert offered[: len(SUPPORTED)] == list(SUPPORTED) and {"fa", "ti", "am"} <= set(offered)


def test_certificate_covers_only_current_translations() -> None:
    record = persian_record(stale=("fear.why",))
    del record.translations["fear.who"]
    decl = build_declaration(record, jurisdiction="us", lang="en")
    cert = translation_certificate(record, jurisdiction="us", declaration=decl, version=3,
                                   info=TranslatorInfo("Reza", "1 Street", "+1 555"))
    uncovered = {n.params["path"]: n.params["number"] for n in cert.notices
                 if "does not cover" in n.template}
    assert set(uncovered) == {"fear.why", "fear.who"}
    assert uncovered["fear.why"] == str(decl.paragraphs["fear.why"])
    text = "\n".join(block_texts(cert.document))
    numbers = sorted({decl.paragraphs["fear.why"], decl.paragraphs["fear.who"]})
    assert "covers only the answers with a current English translation" in text
    assert ", ".join(str(n) for n in numbers) in text
    # all current: no exclusion sentence, no notices
    full = persian_record()
    decl = build_declaration(full, jurisdiction="us", lang="en")
    cert = translation_certificate(full, jurisdiction="us", declaration=decl, version=3,
                                   info=TranslatorInfo("Reza", "1 Street", "+1 555"))
    assert cert.notices == []
    assert "does not cover" not in "\n".join(block_texts(cert.document))
