"""The legal team's home: their cases, with search by title, a status filter and sorting, and a
form for attorneys to create a case."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from asylum_prep.errors import N_
from asylum_prep.samples import load_sample
from asylum_prep.services import cases
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import CaseSummary, Jurisdiction
from asylum_prep.ui import case_deadlines, state
from asylum_prep.ui.case_deadlines import CaseFacts
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.labels import JURISDICTION_LABELS, ROLE_LABELS, STATUS_LABELS, label

ALL = "all"
SORTS = ("updated", "deadline", "title", "status")


def open_case(case_id: str) -> None:
    from asylum_prep.ui.navigation import go

    st.session_state[state.CASE_ID] = case_id
    go("case")


def filtered(items: list[CaseSummary], *, search: str, sort: str,
             facts: dict[str, CaseFacts] | None = None) -> list[CaseSummary]:
    needle = search.strip().casefold()
    out = [c for c in items if needle in c.title.casefold()] if needle else list(items)
    if sort == "deadline":
        known = facts or {}
        out.sort(key=lambda c: (case_deadlines.sort_key(known.get(c.id)), c.title.casefold()))
    elif sort == "title":
        out.sort(key=lambda c: c.title.casefold())
    elif sort == "status":
        out.sort(key=lambda c: (c.status, c.title.casefold()))
    else:
        out.sort(key=lambda c: c.updated_at or datetime.min, reverse=True)
    return out


def _create_form(ctx: PageContext) -> None:
    t = ctx.t
    with st.expander(t("New case"), icon=":material/add:"):
        with st.form("new_case_form", clear_on_submit=True):
            title = st.text_input(t("Case title (for example the client's name)"),
                                  key=state.W_CASE_NEW_TITLE)
            juris = st.selectbox(t("Jurisdiction"), [j.value for j in Jurisdiction],
                                 format_func=lambda j: label(t, JURISDICTION_LABELS, j),
                                 key=state.W_CASE_NEW_JURIS, placeholder=t("Choose an option"))
            submitted = st.form_submit_button(t("Create case"), key=state.W_CASE_NEW_SUBMIT)
        if submitted:
            with shown_errors(t):
                cases.create_case(ctx.store, ctx.actor, title=title, jurisdiction=juris)
                st.success(t("The case was created."))
        _sample_button(ctx)


SAMPLE_TITLE = N_("Fictional sample case: {name} (not a real person)")


def _sample_button(ctx: PageContext) -> None:
    """The shipped fictional case (as `case create --sample`), for demonstrations and training."""
    t = ctx.t
    st.caption(t(
        "For a demonstration or training, create a case filled with an invented person's "
        "answers. Every name, place and event in it is fictional."
    ))
    if st.button(t("Create a fictional sample case (for demonstrations and training)"),
                 key=state.W_CASE_NEW_SAMPLE, icon=":material/science:"):
        with shown_errors(t):
            record = load_sample()
            name = " ".join([*record.about.given_names.split()[:1], record.about.family_name])
            cases.create_case(ctx.store, ctx.actor, title=t(SAMPLE_TITLE, name=name),
                              jurisdiction="us", record=record)
            st.success(t("The fictional sample case was created. It is in the list below."))


def _row(ctx: PageContext, item: CaseSummary, facts: CaseFacts | None = None) -> None:
    t = ctx.t
    with st.container(border=True):
        left, right = st.columns([5, 1], vertical_alignment="center")
        left.markdown(f"**{md_escape(item.title)}**")
        left.caption(t(
            "{jurisdiction} · {status} · version {version} · your role: {role}",
            jurisdiction=label(t, JURISDICTION_LABELS, item.jurisdiction.value),
            status=label(t, STATUS_LABELS, item.status), version=item.version,
            role=label(t, ROLE_LABELS, item.role.value),
        ))
        with left:
            case_deadlines.render(ctx, facts)
        if right.button(t("Open case"), key=state.W_CASE_OPEN_PREFIX + item.id):
            open_case(item.id)


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Cases"))
    if ctx.actor.role is Role.attorney:
        _create_form(ctx)
    c1, c2, c3 = st.columns([3, 2, 2])
    search = c1.text_input(t("Search by title"), key=state.W_CASES_SEARCH)
    status = c2.selectbox(
        t("Status"), [ALL, *STATUS_LABELS], key=state.W_CASES_STATUS,
        format_func=lambda s: t("All") if s == ALL else label(t, STATUS_LABELS, s),
        placeholder=t("Choose an option"),
    )
    sort = c3.selectbox(t("Sort by"), SORTS, key=state.W_CASES_SORT, format_func=lambda s: {
        "updated": t("Last changed"), "deadline": t(case_deadlines.SORT_LABEL),
        "title": t("Title"), "status": t("Status")}[s], placeholder=t("Choose an option"))
    items: list[CaseSummary] = []
    facts: dict[str, CaseFacts] = {}
    with shown_errors(t):
        items = cases.list_cases(ctx.store, ctx.actor, status=None if status == ALL else status)
        facts = case_deadlines.load(ctx, items)
    shown = filtered(items, search=search, sort=sort, facts=facts)
    if not items:
        st.info(t("No cases yet."))
        return
    st.caption(t.plural("{n} case shown.", "{n} cases shown.", len(shown)))
    for item in shown:
        _row(ctx, item, facts.get(item.id))
