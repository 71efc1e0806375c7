"""Search within the case on the evidence page (services.case_search): the answers and the
exhibits' text holding the words typed, each with where it is and the words around it."""

from __future__ import annotations

import streamlit as st

from asylum_prep.domain.record import CaseRecord
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.services.case_search import search_case
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape


def render(ctx: PageContext, record: CaseRecord) -> None:
    t = ctx.t
    st.subheader(t("Search this case"))
    query = st.text_input(t("Words to find in the answers and the documents' text"),
                          key=state.W_EV_SEARCH, max_chars=200)
    if not query.strip():
        return
    with shown_errors(t):
        hits = search_case(ctx.store, ctx.actor, str(ctx.case_id), query)
        if not hits:
            st.info(t("Nothing in this case holds these words."))
        for hit in hits:
            where = (answer_label(record, hit.path).text(t) if hit.kind == "answer"
                     else f"{hit.title} \u2014 {t('Page {n}', n=hit.page)}")
            st.markdown(f"**{md_escape(where)}**")
            st.caption(md_escape(hit.snippet))
