"""The translator page's section of declaration paragraphs to translate: each paragraph whose
wording in a language is missing or out of date, the words changed since the applicant last
confirmed it, and the way to the declaration page where it is translated beside the original."""

from __future__ import annotations

import streamlit as st

from asylum_prep.documents.build_certificates import language_name
from asylum_prep.services import declaration_confirm
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.navigation import go


def render(ctx: PageContext, case_id: str) -> None:
    t = ctx.t
    tasks = declaration_confirm.translation_queue(ctx.store, ctx.actor, case_id)
    if not tasks:
        return
    st.subheader(t("Declaration paragraphs to translate: {n}", n=len(tasks)))
    for task in tasks:
        with st.container(border=True):
            where = f"¶ {task.number}" if task.number else "§"
            st.markdown(f"{where} → " + html.md_escape(language_name(task.lang, t.lang)))
            if task.changed:
                st.caption(t("Words changed since the applicant last confirmed it: {words}",
                             words=html.md_escape(" ".join(task.changed))))
    if st.button(t("Declaration"), key=state.W_TR_TO_DECLARATION):
        go("declaration")
