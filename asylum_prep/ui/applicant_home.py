"""The applicant's home: opens their single case and shows where they are.

HOW TO ADD A SECTION (wizard engineer): write `fn(ctx: PageContext, case: OpenCase) -> None`
and add it to `SECTIONS` below; "progress" is the placeholder meant to be replaced by the
wizard's progress over the ten parts.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from asylum_prep.services import cases
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors

Section = Callable[[PageContext, OpenCase], None]


def the_case_id(ctx: PageContext) -> str | None:
    """The applicant's case: the one in session state, else their only membership."""
    if ctx.case_id:
        return ctx.case_id
    items = cases.list_cases(ctx.store, ctx.actor)
    if not items:
        return None
    st.session_state[state.CASE_ID] = items[0].id
    return items[0].id


def render_continue(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    from asylum_prep.ui.navigation import go

    if st.button(t("Continue your story"), key=state.W_APPLICANT_CONTINUE, type="primary"):
        go("story")


def _wizard_progress(ctx: PageContext, case: OpenCase) -> None:
    from asylum_prep.ui.wizard.page import render_progress_summary

    render_progress_summary(ctx, case)


def _documents(ctx: PageContext, case: OpenCase) -> None:
    from asylum_prep.ui.applicant_documents import render_home_section

    render_home_section(ctx, case)


def _answer_language(ctx: PageContext, case: OpenCase) -> None:
    from asylum_prep.ui.applicant_documents import render_answer_language

    render_answer_language(ctx, case)


SECTIONS: list[tuple[str, Section]] = [
    ("answer_language", _answer_language),
    ("progress", _wizard_progress),
    ("continue", render_continue),
    ("documents", _documents),
]


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Welcome back"))
    with shown_errors(t):
        case_id = the_case_id(ctx)
        if case_id is None:
            st.info(t("Your legal team has not opened your case yet. Please come back later."))
            return
        case = cases.open_case(ctx.store, ctx.actor, case_id)
        for _name, section in SECTIONS:
            section(ctx, case)
