"""Dashboard sections about a case's past and end: version history (view, restore), the
case's audit events (attorneys), and deleting the case with a typed confirmation."""

from __future__ import annotations

import streamlit as st

from asylum_prep.errors import AsylumPrepError
from asylum_prep.i18n_dates import format_moment
from asylum_prep.services import audit, cases
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.text import collapse_spaces
from asylum_prep.ui import session, state
from asylum_prep.ui.audit_labels import action_label
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import WORD_JOINER, md_escape


def _restore(ctx: PageContext, case_id: str, version: int, base_version: int) -> None:
    """Button callback: runs before the rerun, with the values the attorney saw."""
    t = ctx.t
    try:
        new = cases.restore_version(ctx.store, ctx.actor, case_id, version=version,
                                    base_version=base_version)
    except AsylumPrepError as exc:
        st.session_state[state.HISTORY_NOTICE] = ("error", exc.message(t))
        return
    st.session_state.pop(state.VIEW_VERSION, None)
    st.session_state[state.HISTORY_NOTICE] = (
        "ok", t("Version {old} was restored as version {new}.", old=version, new=new))


def render_history(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    if case.role not in (Role.attorney, Role.paralegal):
        return  # versions are the legal team's
    st.subheader(t("Version history"), anchor=False)
    if not st.toggle(t("Show version history"), key=state.W_SHOW_HISTORY):
        return
    with shown_errors(t):
        versions = cases.list_versions(ctx.store, ctx.actor, case.id)
        st.dataframe(
            [{t("Version"): t.number(v.version),
              t("Saved at"): format_moment(v.created_at, t.lang),
              t("Saved by"): v.created_by, t("What changed"): ", ".join(v.changed)[:200]}
             for v in versions],
            hide_index=True,
        )
        numbers = [v.version for v in versions]
        pick = st.selectbox(t("Version"), numbers, key=state.W_VERSION_PICK,
            placeholder=t("Choose an option"))
        left, right = st.columns(2)
        if left.button(t("View this version"), key=state.W_VERSION_VIEW):
            st.session_state[state.VIEW_VERSION] = (case.id, pick)
        if case.role is Role.attorney and pick != case.version:
            # The version the attorney is looking at now is the base: if someone saves before
            # the click, the restore is refused with the service's StaleVersionError message.
            right.button(
                t("Restore this version"), key=state.W_VERSION_RESTORE, on_click=_restore,
                args=(ctx, case.id, pick, case.version),
                help=t("Makes this version current again as a new version. Nothing is deleted."),
            )
    notice = st.session_state.pop(state.HISTORY_NOTICE, None)
    if isinstance(notice, tuple):
        (st.success if notice[0] == "ok" else st.error)(md_escape(notice[1]))
    with shown_errors(t):
        viewing = st.session_state.get(state.VIEW_VERSION)
        if isinstance(viewing, tuple) and viewing[0] == case.id:
            record = cases.view_version(ctx.store, ctx.actor, case.id, viewing[1])
            with st.expander(t("Version {n}", n=viewing[1]), expanded=True):
                st.json(record.model_dump(mode="json"), expanded=False)


def render_audit(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    if case.role is not Role.attorney:
        return
    st.subheader(t("Activity on this case"), anchor=False)
    if not st.toggle(t("Show activity"), key=state.W_SHOW_AUDIT):
        return
    with shown_errors(t):
        events = audit.list_events(ctx.store, ctx.actor, case_id=case.id)
        st.dataframe(
            [{t("When"): format_moment(e.at, t.lang), t("Who"): e.actor_name,
              t("What"): action_label(t, e.action), t("Details"): e.detail} for e in events],
            hide_index=True,
        )


def render_delete(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    if case.role is not Role.attorney:
        return
    with st.expander(t("Delete this case"), icon=":material/delete:"):
        st.warning(t(
            "Deleting removes the case, every version, every file and every invite for good. "
            "The activity log keeps only that it happened."
        ))
        with st.form("delete_form", clear_on_submit=True):
            prompt = t("Type the case title to confirm: {title}", title=md_escape(case.title))
            typed = st.text_input(prompt, key=state.W_DELETE_CONFIRM)
            submitted = st.form_submit_button(t("Delete for good"), key=state.W_DELETE_SUBMIT)
        if submitted:
            # copied from the label, the title may carry md_escape's invisible word joiners
            if collapse_spaces(typed.replace(WORD_JOINER, "")) != case.title:
                st.error(t("The title you typed does not match. Nothing was deleted."))
                return
            with shown_errors(t):
                cases.delete_case(ctx.store, ctx.actor, case.id)
                st.session_state.pop(state.CASE_ID, None)
                session.flash(t("The case was deleted."))
                from asylum_prep.ui.navigation import go

                go("cases")
