"""The case dashboard: a column of small sections, each `fn(ctx, case) -> None`.

HOW TO ADD A SECTION
    Write `def render_<thing>(ctx: PageContext, case: OpenCase) -> None` in your own ui module
    (check roles with `case.role`; call services, which check access again), then add one
    line to `SECTIONS` below, in the place it should appear. A section shows our own errors
    with `with shown_errors(ctx.t): ...` and must not stop the page.
    Planned: the legal-rules engineer's `ui/legal_panels.py` (element map, consistency flags,
    deadline) goes right after "overview"; the wizard engineer may add review counts.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from asylum_prep.services import cases, invites
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import case_history, html, legal_panels, open_flags, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.labels import JURISDICTION_LABELS, ROLE_LABELS, STATUS_LABELS, label

Section = Callable[[PageContext, OpenCase], None]
ADDABLE_ROLES = (Role.attorney.value, Role.paralegal.value, Role.translator.value)


def render_overview(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    st.title(html.md_escape(case.title), anchor=False)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("Jurisdiction"), label(t, JURISDICTION_LABELS, case.jurisdiction.value))
    c2.metric(t("Status"), label(t, STATUS_LABELS, case.status))
    c3.metric(t("Version"), t.number(case.version))
    if case.role is Role.attorney:
        with st.form("status_form", border=False):
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            statuses = list(STATUS_LABELS)
            new = left.selectbox(
                t("Change status"), statuses, key=state.W_STATUS_PICK,
                index=statuses.index(case.status) if case.status in statuses else 0,
                format_func=lambda s: label(t, STATUS_LABELS, s), placeholder=t("Choose an option"),
            )
            saved = right.form_submit_button(t("Save status"), key=state.W_STATUS_SUBMIT)
            if saved and new != case.status:
                with shown_errors(t):
                    cases.set_status(ctx.store, ctx.actor, case.id, status=new)
                    st.rerun()
        with st.form("rename_form", border=False):
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            title = left.text_input(t("Case title (for example the client's name)"),
                                    value=case.title, key=state.W_RENAME_TITLE)
            if right.form_submit_button(t("Save title"), key=state.W_RENAME_SUBMIT):
                with shown_errors(t):
                    cases.rename_case(ctx.store, ctx.actor, case.id, title=title)
                    st.rerun()


def render_members(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    if case.role not in (Role.attorney, Role.paralegal):
        return  # a translator works on the answers only
    st.subheader(t("Team"), anchor=False)
    members: list[tuple[int, str, Role]] = []
    with shown_errors(t):
        members = cases.list_members(ctx.store, ctx.actor, case.id)
        st.table([{t("Name"): html.md_escape(name),  # table cells are Markdown
                   t("Role on this case"): label(t, ROLE_LABELS, role.value)}
                  for _uid, name, role in members])
    if case.role is not Role.attorney:
        return
    others = {uid: name for uid, name, _role in members if uid != ctx.actor.id}
    if others:
        with st.form("member_remove_form", border=False):
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            who = left.selectbox(t("Remove someone from this case"), list(others), index=None,
                                 format_func=others.__getitem__, key=state.W_MEMBER_REMOVE_PICK,
                                 placeholder=t("Choose an option"))
            if right.form_submit_button(t("Remove from case"),
                                        key=state.W_MEMBER_REMOVE_SUBMIT) and who is not None:
                with shown_errors(t):
                    cases.remove_member(ctx.store, ctx.actor, case.id, user_id=who)
                    st.rerun()
    with st.form("member_form", clear_on_submit=True):
        st.write(t("Add a colleague to this case"))
        left, right = st.columns(2)
        username = left.text_input(t("User name"), key=state.W_MEMBER_USER)
        role = right.selectbox(t("Role"), ADDABLE_ROLES, key=state.W_MEMBER_ROLE,
                               format_func=lambda r: label(t, ROLE_LABELS, r),
                               placeholder=t("Choose an option"))
        if st.form_submit_button(t("Add to case"), key=state.W_MEMBER_SUBMIT):
            with shown_errors(t):
                cases.add_member(ctx.store, ctx.actor, case.id, username=username, role=Role(role))
                st.rerun()


def render_invite(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    if case.role is not Role.attorney:
        return
    st.subheader(t("Invite the applicant"), anchor=False)
    shown = st.session_state.get(state.INVITE_SHOWN)
    if isinstance(shown, tuple) and shown[0] == case.id:
        st.warning(t.plural(
            "Write this code on paper for the applicant now. It is shown only once; it is "
            "their sign-in name, and it works once, for {n} day.",
            "Write this code on paper for the applicant now. It is shown only once; it is "
            "their sign-in name, and it works once, for {n} days.",
            ctx.settings.invite_valid_days,
        ))
        html.show(html.BIG_CODE, code=shown[1], label=t("Invite code"))
        if st.button(t("I have written it down"), key=state.W_INVITE_DISMISS):
            st.session_state.pop(state.INVITE_SHOWN, None)
            st.rerun()
        return
    st.caption(t("The applicant joins with a one-time code and chooses their own password."))
    if st.button(t("Create an invite code"), key=state.W_INVITE_CREATE):
        with shown_errors(t):
            code = invites.create_invite(ctx.store, ctx.actor, case.id)
            st.session_state[state.INVITE_SHOWN] = (case.id, code)
            st.rerun()


# The dashboard, top to bottom. Add sections here (see the module docstring).
SECTIONS: list[tuple[str, Section]] = [
    ("overview", render_overview),
    ("open_flags", open_flags.render_open_flags),
    ("legal", legal_panels.render_legal),
    ("members", render_members),
    ("invite", render_invite),
    ("history", case_history.render_history),
    ("audit", case_history.render_audit),
    ("delete", case_history.render_delete),
]


def render(ctx: PageContext, open_case: OpenCase) -> None:
    for _name, section in SECTIONS:
        section(ctx, open_case)


def render_page(ctx: PageContext) -> None:
    """Open the case in ctx.case_id (access checked by the service on every run) and draw the
    dashboard. The view is audited once per visit of the page, not on every rerun a click on
    the page makes (each was a write that every other session's save waited behind)."""
    assert ctx.case_id is not None
    with shown_errors(ctx.t):
        seen = (ctx.case_id, st.session_state.get(state.PAGE_VISIT, 0))
        case = cases.open_case(ctx.store, ctx.actor, ctx.case_id,
                               audit_view=st.session_state.get(state.CASE_VIEW_AUDITED) != seen)
        st.session_state[state.CASE_VIEW_AUDITED] = seen
        render(ctx, case)
