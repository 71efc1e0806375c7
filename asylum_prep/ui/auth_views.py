"""Before and around signing in: first-run setup, sign-in, joining with an invite code, and the
calm welcome page an applicant sees after joining."""

from __future__ import annotations

import re

import streamlit as st

from asylum_prep.errors import N_, InputRefused
from asylum_prep.services import invites, users
from asylum_prep.ui import oidc, session, state
from asylum_prep.ui.applicant_documents import default_answer_language
from asylum_prep.ui.context import PageContext, PublicContext
from asylum_prep.ui.edge import shown_errors

PASSWORDS_DIFFER = N_("The two passwords are not the same. Type the same password twice.")


def _same_passwords(first: str, second: str) -> None:
    if first != second:
        raise InputRefused(PASSWORDS_DIFFER)


def render_setup(pctx: PublicContext) -> None:
    t = pctx.t
    st.title(t("Welcome. Let us set up the app."))
    st.write(t(
        "No account exists yet. Create the first administrator account. The administrator "
        "creates accounts for attorneys, paralegals and translators."
    ))
    if not users.needs_first_admin(pctx.store):
        st.info(t("Set-up is already done. Sign in instead."))
        return
    with st.form("setup_form"):
        username = st.text_input(t("User name"), key=state.W_SETUP_USER,
                                 help=t("Lower-case letters, digits, dot, dash or underscore."))
        display = st.text_input(t("Your name (optional)"), key=state.W_SETUP_NAME)
        pw = st.text_input(t("Password"), type="password", key=state.W_SETUP_PASSWORD)
        pw2 = st.text_input(t("Password again"), type="password", key=state.W_SETUP_PASSWORD2)
        submitted = st.form_submit_button(t("Create the administrator account"),
                                          key=state.W_SETUP_SUBMIT)
    if submitted:
        with shown_errors(t):
            _same_passwords(pw, pw2)
            actor = users.create_first_admin(pctx.store, username=username, password=pw,
                                             display_name=display)
            session.start(pctx.store, actor)
            st.rerun()


_CODE_RE = re.compile(r"[A-Za-z2-9]{4}[-\s]?[A-Za-z2-9]{4}[-\s]?[A-Za-z2-9]{4}")


def sign_in_name(typed: str) -> str:
    """An invite code typed from paper (upper case, spaces, no dashes) becomes the sign-in name
    it stands for; staff user names (always lower case) pass unchanged."""
    text = typed.strip()
    looks_like_code = _CODE_RE.fullmatch(text) and (text != text.lower() or " " in text)
    return invites.format_code(text).lower() if looks_like_code else text


def render_sign_in(pctx: PublicContext) -> None:
    t = pctx.t
    st.title(t("Sign in"))
    oidc.complete_sign_in(pctx)  # back from the identity provider: sign in, or say why not
    with st.form("sign_in_form"):
        username = st.text_input(t("User name or invite code"), key=state.W_SIGNIN_USER,
                                 autocomplete="username")
        pw = st.text_input(t("Password"), type="password", key=state.W_SIGNIN_PASSWORD,
                           autocomplete="current-password")
        submitted = st.form_submit_button(t("Sign in"), key=state.W_SIGNIN_SUBMIT, type="primary")
    if submitted:
        with shown_errors(t):
            actor = users.sign_in(pctx.store, username=sign_in_name(username), password=pw)
            session.start(pctx.store, actor)
            st.rerun()
    st.caption(t(
        "Received an invite code from your attorney? Choose “Join with an invite code” in the menu."
    ))
    oidc.render_button(pctx)


def render_join(pctx: PublicContext) -> None:
    t = pctx.t
    st.title(t("Join with your invite code"))
    st.write(t(
        "Type the code from the paper your attorney gave you, then choose a password. "
        "The code is also your sign-in name from now on."
    ))
    with st.form("join_form"):
        code = st.text_input(t("Invite code"), key=state.W_JOIN_CODE, placeholder="ABCD-EFGH-JKLM")
        pw = st.text_input(t("New password (at least {n} characters)", n=users.MIN_PASSWORD),
                           type="password", key=state.W_JOIN_PASSWORD, autocomplete="new-password")
        pw2 = st.text_input(t("New password again"), type="password", key=state.W_JOIN_PASSWORD2,
                            autocomplete="new-password")
        submitted = st.form_submit_button(t("Continue"), key=state.W_JOIN_SUBMIT, type="primary")
    if submitted:
        with shown_errors(t):
            _same_passwords(pw, pw2)
            actor = invites.redeem_invite(pctx.store, code=code, password=pw)
            # They picked a language on this page: keep it for their account, and take it as
            # the language she will write her answers in (she can change that at home).
            st.session_state[state.LANG_CHOSEN] = True
            session.start(pctx.store, actor, landing="welcome")
            default_answer_language(pctx.store, actor, t.lang)
            st.rerun()


def render_welcome(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Welcome"))
    if ctx.discreet:
        st.write(t(
            "This app helps you write down your account, step by step, for your legal team."
        ))
    else:
        st.write(t(
            "This app helps you prepare your asylum application with your legal team. It asks "
            "you about your life and what happened to you, one question at a time."
        ))
    points = [
        t("Only your legal team can read your answers: your attorney and the people working "
          "with them on your case."),
        t("You can stop at any time. Every answer is saved, and nothing is lost. You can come "
          "back later and continue."),
        t("You may say “I don’t know” or skip a question and come back to it."),
        t("The “Quick exit” button at the top of every page closes this app at once and "
          "clears the screen."),
        t("To sign in next time, use the code on your paper as your user name, with the "
          "password you just chose."),
    ]
    st.markdown("\n".join(f"- {point}" for point in points))
    if st.button(t("Start"), key=state.W_WELCOME_START, type="primary"):
        from asylum_prep.ui.navigation import go

        go("home")
