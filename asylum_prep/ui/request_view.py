"""How a request from the legal team reads: a request template in the reader's language with
the answer it concerns named in that language, then the team's own words, marked "Written in
English", or (for the applicant, when the case translator has translated them) the
translation, marked as such. Used by the applicant's wizard and the team's review page.

The team's own words and their translation are blocks in their own direction and language
(`html.show_answer`): English words read left to right on a Persian screen, and a screen
reader reads them as English."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import Comment
from asylum_prep.forms.requests import request_text
from asylum_prep.i18n import Translator
from asylum_prep.ui.html import show_answer


def show_request(box: Any, t: Translator, record: CaseRecord, comment: Comment, *,
                 applicant: bool) -> None:
    """Draw `comment` into `box` (a Streamlit container or the `st` module)."""
    templated = request_text(t, record, comment.template, comment.path)
    if templated:
        box.text(templated)
    if not comment.text:
        return
    if applicant and comment.translation:
        box.caption(t("Translated by your legal team's translator"))
        show_answer(comment.translation, lang=record.filing.answer_language or t.lang,
                    where=box)
        return
    box.caption(t("Written in English"))
    show_answer(comment.text, lang="en", where=box)
