"""Requests the applicant can read: templated requests stored by key, refused unknown keys,
and the case translator's rendering of the team's own words, on a real SQLite store."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from asylum_prep.errors import InputRefused, PermissionDenied
from asylum_prep.forms.requests import REQUEST_TEMPLATES, request_text
from asylum_prep.i18n import Translator
from asylum_prep.services import cases, review, translations
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.support import People

WORDS = "You left Iran on 2 December 2022, but this incident is dated 15 January 2023."
FARSI = "شما در ۲ دسامبر ۲۰۲۲ از ایران خارج شدید، اما این رویداد ۱۵ ژانویه ۲۰۲۳ است."


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def _submitted(store: Store, people: People) -> int:
    return review.submit_section(store, people.applicant, people.case_id, section="fear",
                                 base_version=_version(store, people))


def test_templated_request_is_stored_by_key_and_read_in_persian(store, people) -> None:
    v = review.request_changes(store, people.attorney, people.case_id, section="fear",
                               path="fear.who", template="who_did_this",
                               base_version=_submitted(store, people))
    record = cases.open_case(store, people.applicant, people.case_id).record
    [request] = review.open_requests(record, "fear")
    assert (request.template, request.text) == ("who_did_this", "")
    persian = request_text(Translator("fa"), record, request.template, request.path)
    english = request_text(Translator("en"), record, request.template, request.path)
    assert english.startswith("Please tell us more about who did this (")
    assert persian and persian != english and "Please" not in persian
    _, v2 = review.add_comment(store, people.paralegal, people.case_id, path="fear.who",
                               template="document", text="The police report, if you can.",
                               base_version=v)
    record = cases.open_case(store, people.attorney, people.case_id).record
    assert [(c.template, c.text) for c in record.comments] == [
        ("who_did_this", ""), ("document", "The police report, if you can.")]


@pytest.mark.parametrize("template", ["made_up", "Please check"])
def test_unknown_template_refused_and_nothing_saved(store, people, template) -> None:
    v = _submitted(store, people)
    with pytest.raises(InputRefused):
        review.request_changes(store, people.attorney, people.case_id, section="fear",
                               path="fear.who", template=template, base_version=v)
    with pytest.raises(InputRefused):
        review.add_comment(store, people.attorney, people.case_id, path="fear.who",
                           template=template, text="Also this.", base_version=v)
    with pytest.raises(InputRefused):  # neither a template nor words
        review.add_comment(store, people.attorney, people.case_id, path="fear.who",
                           base_version=v)
    assert _version(store, people) == v
    assert cases.open_case(store, people.attorney, people.case_id).record.comments == []


def test_every_template_names_its_item() -> None:
    assert len(REQUEST_TEMPLATES) >= 6
    assert all("{item}" in source for source in REQUEST_TEMPLATES.values())


def test_translator_translates_the_teams_words(store, people) -> None:
    comment_id, v = review.add_comment(store, people.attorney, people.case_id,
                                       path="fear.who", text=WORDS,
                                       base_version=_version(store, people))
    v = translations.translate_comment(store, people.translator, people.case_id,
                                 comment_id=comment_id, text=f"  {FARSI}\n", base_version=v)
    [comment] = cases.open_case(store, people.applicant, people.case_id).record.comments
    assert (comment.text, comment.translation) == (WORDS, FARSI)
    assert comment.translated_by == people.translator.id and comment.translated_at is not None
    assert v == _version(store, people)
    with store.session() as session:
        events = list(session.exec(select(AuditEvent).where(
            AuditEvent.case_id == people.case_id).order_by(col(AuditEvent.id))))
    assert "comment_translate" in [e.action for e in events]
    details = " ".join(e.detail for e in events)
    assert FARSI not in details and "Iran" not in details


@pytest.mark.parametrize("who", ["applicant"])
def test_non_translator_refused_and_nothing_saved(store, people, other_people, who) -> None:
    comment_id, v = review.add_comment(store, people.attorney, people.case_id,
                                       path="fear.who", text=WORDS,
                                       base_version=_version(store, people))
    for actor in (getattr(people, who), other_people.translator):
        with pytest.raises(PermissionDenied):
            translations.translate_comment(store, actor, people.case_id, comment_id=comment_id,
                                     text=FARSI, base_version=v)
    assert _version(store, people) == v
    [comment] = cases.open_case(store, people.attorney, people.case_id).record.comments
    assert comment.translation == "" and comment.translated_by is None


def test_templated_request_without_words_has_nothing_to_translate(store, people) -> None:
    comment_id, v = review.add_comment(store, people.attorney, people.case_id,
                                       path="fear.who", template="tell_more",
                                       base_version=_version(store, people))
    with pytest.raises(InputRefused):
        translations.translate_comment(store, people.translator, people.case_id,
                                 comment_id=comment_id, text=FARSI, base_version=v)
    with pytest.raises(InputRefused):
        translations.translate_comment(store, people.translator, people.case_id,
                                 comment_id=comment_id, text="   ", base_version=v)
    assert _version(store, people) == v


def test_translation_and_reply_saved_from_the_same_version_both_land(store, people) -> None:
    comment_id, v = review.add_comment(store, people.attorney, people.case_id,
                                       path="fear.who", text=WORDS,
                                       base_version=_version(store, people))
    review.reply_comment(store, people.applicant, people.case_id, comment_id=comment_id,
                         text="I will check my passport.", base_version=v)
    translations.translate_comment(store, people.translator, people.case_id,
                                   comment_id=comment_id, text=FARSI, base_version=v)
    [comment] = cases.open_case(store, people.attorney, people.case_id).record.comments
    assert (comment.reply, comment.translation) == ("I will check my passport.", FARSI)
