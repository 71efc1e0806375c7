"""The account page: sign out (audited, clears the whole session) and change the password; and
the same password form as the only thing on screen after an administrator reset it."""

from __future__ import annotations

import streamlit as st

from asylum_prep.errors import InputRefused, PasswordChangeRequired
from asylum_prep.services import users
from asylum_prep.ui import session, state
from asylum_prep.ui.auth_views import PASSWORDS_DIFFER
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape


def _sign_out_button(ctx: PageContext) -> None:
    if st.button(ctx.t("Sign out"), key=state.W_SIGN_OUT, type="primary",
                 icon=":material/logout:"):
        session.end(ctx.store, reason="user")
        st.rerun()


def _password_form(ctx: PageContext) -> bool:
    """The change-password form; True once the password was changed."""
    t = ctx.t
    with st.form("password_form", clear_on_submit=True):
        old = st.text_input(t("Current password"), type="password", key=state.W_PW_OLD,
                            autocomplete="current-password")
        new = st.text_input(t("New password (at least {n} characters)", n=users.MIN_PASSWORD),
                            type="password", key=state.W_PW_NEW, autocomplete="new-password")
        new2 = st.text_input(t("New password again"), type="password", key=state.W_PW_NEW2,
                             autocomplete="new-password")
        submitted = st.form_submit_button(t("Change password"), key=state.W_PW_SUBMIT)
    if submitted:
        with shown_errors(t):
            if new != new2:
                raise InputRefused(PASSWORDS_DIFFER)
            users.change_password(ctx.store, ctx.actor, old_password=old, new_password=new)
            session.renew(ctx.store)  # the change ended every session: this browser stays in
            return True
    return False


def render_forced_change(ctx: PageContext) -> None:
    """All a signed-in page shows after an administrator reset the password."""
    t = ctx.t
    st.title(t("Change your password"))
    st.info(t(PasswordChangeRequired.template), icon=":material/key:")
    st.caption(t("Type the temporary password you were given as the current password."))
    if _password_form(ctx):
        session.flash(t("Your password was changed."))
        st.rerun()
    _sign_out_button(ctx)


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Your account"))
    st.write(t("Signed in as {name}.", name=md_escape(ctx.actor.label)))
    _sign_out_button(ctx)
    st.subheader(t("Change your password"), anchor=False)
    if _password_form(ctx):
        st.success(t("Your password was changed."))
