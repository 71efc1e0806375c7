"""The account page: sign out (audited, clears the whole session) and change the password."""

from __future__ import annotations

import streamlit as st

from asylum_prep.errors import InputRefused
from asylum_prep.services import users
from asylum_prep.ui import session, state
from asylum_prep.ui.auth_views import PASSWORDS_DIFFER
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Your account"))
    st.write(t("Signed in as {name}.", name=md_escape(ctx.actor.label)))
    if st.button(t("Sign out"), key=state.W_SIGN_OUT, type="primary", icon=":material/logout:"):
        session.end(ctx.store, reason="user")
        st.rerun()
    st.subheader(t("Change your password"), anchor=False)
    with st.form("password_form", clear_on_submit=True):
        old = st.text_input(t("Current password"), type="password", key=state.W_PW_OLD,
                            autocomplete="current-password")
        new = st.text_input(t("New password (at least 8 characters)"), type="password",
                            key=state.W_PW_NEW, autocomplete="new-password")
        new2 = st.text_input(t("New password again"), type="password", key=state.W_PW_NEW2,
                             autocomplete="new-password")
        submitted = st.form_submit_button(t("Change password"), key=state.W_PW_SUBMIT)
    if submitted:
        with shown_errors(t):
            if new != new2:
                raise InputRefused(PASSWORDS_DIFFER)
            users.change_password(ctx.store, ctx.actor, old_password=old, new_password=new)
            st.success(t("Your password was changed."))
