"""The one setup every page runs first.

    ctx = setup_page(roles={Role.attorney})   # signed-in pages
    pctx = setup_public_page()                # setup, sign-in, join

Both: open the store once per process (a key or config problem shows its message and stops),
pick the language (session, default from the profile), set the tab title (neutral in discreet
mode), apply RTL styling, draw the sidebar (language picker once signed in, discreet mode), the
quick exit and, before sign-in, the language picker at the top of the page,
and show a one-shot message; then have the browser set the cookies the run changed
(`device_cookies.flush`: the session token, the device's language and discreet mode).
Signed in, a page enforces the idle timeout on every run and, through `session.idle_timer`,
once a minute while nobody touches it (signing out and rerunning, so
navigation falls back to the sign-in page). `setup_page` also requires a signed-in user of one of
`roles`, and, with `needs_case=True`, an open case the user may read. Signed in, every run also
asks the service layer whether the account is still active (a deactivated one is signed out
at once) and, after an admin's password reset, asks for a new password before anything else.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from asylum_prep.errors import PermissionDenied
from asylum_prep.i18n import Translator
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import chrome, device_cookies, session, state, styling
from asylum_prep.ui.context import PageContext, PublicContext
from asylum_prep.ui.store import get_store


def _common(*, public_applicant_page: bool
            ) -> tuple[Store, Translator, Actor | None, bool, bool]:
    t = session.session_translator()
    store = get_store(t)
    discreet = bool(st.session_state.get(state.DISCREET))
    st.set_page_config(page_title=chrome.app_name(store, discreet), page_icon=chrome.APP_ICON)
    if session.check_idle(store):
        st.rerun()
    status = session.check_account(store)
    if status is not None and not status.active:
        st.rerun()  # signed out: the sign-in page shows why
    actor = session.current_actor()
    styling.apply(t)
    chrome.sidebar(store, t, actor, discreet=discreet)
    chrome.top_bar(t, actor, public_applicant_page=public_applicant_page)
    if actor is not None:
        session.idle_timer(store)  # clears the screen after the idle timeout, without a click
    session.show_flash()
    device_cookies.flush()  # the cookies this run (or a click before it) changed
    return store, t, actor, discreet, bool(status and status.must_change_password)


def setup_page(*, roles: Iterable[Role] | None = None, needs_case: bool = False) -> PageContext:
    store, t, actor, discreet, must_change = _common(public_applicant_page=False)
    if actor is None:
        st.info(t("Please sign in to continue."))
        st.stop()
        raise AssertionError("unreachable")  # st.stop raises; this keeps type checkers calm
    if must_change:  # an admin reset the password: a new one before anything else
        from asylum_prep.ui.account import render_forced_change

        render_forced_change(PageContext(store=store, actor=actor, t=t, discreet=discreet))
        st.stop()
    allowed = set(roles) if roles is not None else None
    if allowed is not None and actor.role not in allowed:
        st.error(PermissionDenied().message(t))
        st.stop()
    case_id = st.session_state.get(state.CASE_ID)
    if needs_case and not case_id:
        st.info(t("Open a case first."))
        st.stop()
    if needs_case and actor.role is not Role.applicant \
            and st.query_params.get(state.CASE_PARAM) != case_id:
        st.query_params[state.CASE_PARAM] = str(case_id)  # a reload or a shared link reopens it
    return PageContext(store=store, actor=actor, t=t, case_id=case_id, discreet=discreet)


def setup_public_page(*, applicant_facing: bool = False) -> PublicContext:
    """For pages seen before signing in. `applicant_facing` adds the quick exit."""
    store, t, actor, discreet, _ = _common(public_applicant_page=applicant_facing)
    return PublicContext(store=store, t=t, discreet=discreet)
