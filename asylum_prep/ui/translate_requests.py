"""The translator page's section of requests to the applicant: each request with words of the
team's own (written in English), and a box for the translation the applicant will read.
Saves are button callbacks through services.translations.translate_comment."""

from __future__ import annotations

import streamlit as st

from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import Comment
from asylum_prep.errors import AsylumPrepError
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.services import review, translations
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext


def to_translate(record: CaseRecord) -> list[Comment]:
    """Open requests with the team's own words, the untranslated first."""
    return sorted((c for c in review.open_requests(record) if c.text),
                  key=lambda c: bool(c.translation))


def _on_save(ctx: PageContext, case_id: str, comment_id: str) -> None:
    t = ctx.t
    notices = st.session_state.setdefault(state.TR_REQ_NOTICE, {})
    text = str(st.session_state.get(state.W_TR_REQ_TEXT_PREFIX + comment_id) or "")
    base = int(st.session_state.setdefault(state.TR_BASE, {}).get(case_id, 0))
    try:
        version = translations.translate_comment(ctx.store, ctx.actor, case_id,
                                                 comment_id=comment_id, text=text,
                                                 base_version=base)
    except AsylumPrepError as exc:
        notices[comment_id] = ("error", exc.message(t))
        return
    st.session_state[state.TR_BASE][case_id] = version
    notices[comment_id] = ("success", t("The translation was saved."))


def render(ctx: PageContext, case_id: str, record: CaseRecord) -> None:
    t = ctx.t
    comments = to_translate(record)
    if not comments:
        return
    st.subheader(t("Requests to the applicant"))
    for comment in comments:
        with st.container(border=True):
            st.markdown(html.md_escape(answer_label(record, comment.path).text(t)))
            st.caption(t("Written in English"))
            st.text(comment.text)
            key = state.W_TR_REQ_TEXT_PREFIX + comment.id
            if key not in st.session_state:
                st.session_state[key] = comment.translation
            st.text_area(t("Translation for the applicant"), key=key, height=100)
            st.button(t("Save translation"), key=state.W_TR_REQ_SAVE_PREFIX + comment.id,
                      on_click=_on_save, args=(ctx, case_id, comment.id))
            notice = st.session_state.get(state.TR_REQ_NOTICE, {}).pop(comment.id, None)
            if notice is not None:
                kind, text = notice
                if kind == "error":
                    st.error(html.md_escape(text), icon=":material/error:")
                else:
                    st.success(html.md_escape(text), icon=":material/check_circle:")
