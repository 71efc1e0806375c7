"""The administrator's page: create staff accounts, list accounts, deactivate, reactivate,
unlock them or reset their password, link single sign-on, read the full audit log and verify
its seals."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from asylum_prep.errors import N_, InputRefused
from asylum_prep.i18n import all_catalog_status
from asylum_prep.i18n_dates import format_day, format_moment
from asylum_prep.services import accounts, audit, users
from asylum_prep.services.actor import Role
from asylum_prep.storage.tables import User
from asylum_prep.ui import html, session, state
from asylum_prep.ui.audit_labels import action_label
from asylum_prep.ui.auth_views import PASSWORDS_DIFFER
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.labels import ROLE_LABELS, label

STAFF = (Role.attorney.value, Role.paralegal.value, Role.translator.value, Role.admin.value)


def _create_user(ctx: PageContext) -> None:
    t = ctx.t
    st.subheader(t("Create a staff account"), anchor=False)
    with st.form("create_user_form", clear_on_submit=True):
        c1, c2 = st.columns(2)
        username = c1.text_input(t("User name"), key=state.W_ADMIN_USER)
        name = c2.text_input(t("Full name (optional)"), key=state.W_ADMIN_NAME)
        role = st.selectbox(t("Role"), STAFF, key=state.W_ADMIN_ROLE,
                            format_func=lambda r: label(t, ROLE_LABELS, r),
                            placeholder=t("Choose an option"))
        c3, c4 = st.columns(2)
        pw = c3.text_input(t("First password"), type="password", key=state.W_ADMIN_PASSWORD)
        pw2 = c4.text_input(t("First password again"), type="password", key=state.W_ADMIN_PASSWORD2)
        submitted = st.form_submit_button(t("Create account"), key=state.W_ADMIN_SUBMIT)
    if submitted:
        with shown_errors(t):
            if pw != pw2:
                raise InputRefused(PASSWORDS_DIFFER)
            users.create_user(ctx.store, ctx.actor, username=username, password=pw,
                              role=Role(role), display_name=name)
            st.success(md_escape(t("The account {name} was created. Give them the first "
                                   "password in person.", name=username.strip().lower())))


def _when(moment: datetime | None, lang: str) -> str:
    return format_moment(moment, lang) if moment else ""


def _user_list(ctx: PageContext) -> None:
    t = ctx.t
    st.subheader(t("Accounts"), anchor=False)
    with shown_errors(t):
        rows = users.list_users(ctx.store, ctx.actor)
        st.dataframe(
            [{t("User name"): u.username, t("Name"): u.display_name,
              t("Role"): label(t, ROLE_LABELS, u.role),
              t("Active"): t("yes") if u.is_active else t("no"),
              t("Locked until"): _when(u.locked_until, t.lang),
              t("Single sign-on"): t("linked") if u.oidc_subject else "",
              t("Created"): format_day(u.created_at.date(), t.lang)} for u in rows],
            hide_index=True,
        )
        _manage_form(ctx, rows)
        _sso_form(ctx, rows)


def _manage_form(ctx: PageContext, rows: list[User]) -> None:
    """Deactivate or reactivate an account, lift its lockout, or reset its password (the
    temporary password is shown here once, until dismissed)."""
    t = ctx.t
    st.subheader(t("Manage an account"), anchor=False)
    shown = st.session_state.get(state.ADMIN_RESET_SHOWN)
    if isinstance(shown, tuple):
        st.warning(t("The password of {name} was reset. Give them this temporary password in "
                     "person; they must choose a new password when they sign in.",
                     name=shown[0]))
        html.show(html.BIG_CODE, code=shown[1], label=t("Password"))
        if st.button(t("I have written it down"), key=state.W_ADMIN_RESET_DISMISS):
            st.session_state.pop(state.ADMIN_RESET_SHOWN, None)
            st.rerun()
        return
    names = [u.username for u in rows if u.username != users.SERVICE_ACCOUNT]
    with st.form("manage_form", clear_on_submit=True):
        name = st.selectbox(t("User name"), names, key=state.W_ADMIN_MANAGE_USER,
                            placeholder=t("Choose an option"), index=None)
        cols = st.columns(4)
        pressed = {
            "deactivate": cols[0].form_submit_button(t("Deactivate"),
                                                     key=state.W_ADMIN_DEACTIVATE),
            "reactivate": cols[1].form_submit_button(t("Reactivate"),
                                                     key=state.W_ADMIN_REACTIVATE),
            "unlock": cols[2].form_submit_button(t("Unlock"), key=state.W_ADMIN_UNLOCK),
            "reset": cols[3].form_submit_button(t("Reset password"), key=state.W_ADMIN_RESET),
        }
    action = next((a for a, on in pressed.items() if on), None)
    if action is None or not name:
        return
    with shown_errors(t):
        if action == "reset":
            temporary = accounts.reset_password(ctx.store, ctx.actor, username=name)
            st.session_state[state.ADMIN_RESET_SHOWN] = (name, temporary)
        elif action == "deactivate":
            accounts.deactivate(ctx.store, ctx.actor, username=name)
            session.flash(t("The account {name} was deactivated. It is signed out at its next "
                            "action and cannot sign in.", name=name))
        elif action == "reactivate":
            accounts.reactivate(ctx.store, ctx.actor, username=name)
            session.flash(t("The account {name} was reactivated.", name=name))
        else:
            accounts.unlock(ctx.store, ctx.actor, username=name)
            session.flash(t("The account {name} was unlocked.", name=name))
        st.rerun()  # the account list above shows the new state


def _sso_form(ctx: PageContext, rows: list[User]) -> None:
    """Link a staff account to one identity at the firm's provider, or unlink it."""
    t = ctx.t
    staff = {u.id: u for u in rows if u.id is not None and u.role != Role.applicant.value
             and u.username != users.SERVICE_ACCOUNT}
    st.subheader(t("Link single sign-on"), anchor=False)
    st.caption(t(
        "A staff account can also sign in through your organisation's identity provider. "
        "Enter the issuer and the subject of the person's sign-in identity: they see both "
        "when they first try to sign in with your organisation. Applicants cannot use single "
        "sign-on."
    ))
    if not ctx.settings.oidc_enabled:
        st.caption(t("Single sign-on is switched off on this server. Links take effect once it "
                     "is switched on."))
    with st.form("sso_form", clear_on_submit=True):
        user_id = st.selectbox(
            t("Staff account"), list(staff), key=state.W_ADMIN_SSO_USER,
            format_func=lambda uid: (t("{name} (linked)", name=staff[uid].username)
                                     if staff[uid].oidc_subject else staff[uid].username),
            placeholder=t("Choose an option"),
        )
        issuer = st.text_input(t("Issuer (the provider's address)"), key=state.W_ADMIN_SSO_ISSUER,
                               placeholder="https://login.example.org/v2.0")
        subject = st.text_input(t("Subject (the person's identifier at the provider)"),
                                key=state.W_ADMIN_SSO_SUBJECT)
        left, right = st.columns(2)
        link = left.form_submit_button(t("Link"), key=state.W_ADMIN_SSO_LINK)
        unlink = right.form_submit_button(t("Unlink"), key=state.W_ADMIN_SSO_UNLINK)
    if (link or unlink) and user_id is not None:
        with shown_errors(t):
            name = staff[user_id].username
            if link:
                users.link_oidc(ctx.store, ctx.actor, user_id=user_id, issuer=issuer,
                                subject=subject)
                session.flash(t("The account {name} can now sign in with your organisation.",
                                name=name))
            else:
                users.unlink_oidc(ctx.store, ctx.actor, user_id=user_id)
                session.flash(t("The account {name} no longer signs in with your "
                                "organisation. Its password still works.", name=name))
            st.rerun()  # the account list above shows the new state; the message follows


def _verify_audit(ctx: PageContext) -> None:
    """Check every entry's seal and link; show the count, or the first entry that fails."""
    t = ctx.t
    if not st.button(t("Verify audit log"), key=state.W_ADMIN_VERIFY_AUDIT):
        return
    with shown_errors(t):
        result = audit.verify_log(ctx.store, ctx.actor)
        if result.problem is None:
            st.success(t.plural("{n} entry verified: the audit log is complete and unchanged.",
                                "{n} entries verified: the audit log is complete and "
                                "unchanged.", result.entries))
        else:
            st.error(t(result.problem, **result.params))


def _audit_log(ctx: PageContext) -> None:
    t = ctx.t
    st.subheader(t("Activity log"), anchor=False)
    _verify_audit(ctx)
    if not st.toggle(t("Show activity"), key=state.W_ADMIN_SHOW_AUDIT):
        return
    with shown_errors(t):
        events = audit.list_events(ctx.store, ctx.actor)
        st.caption(t.plural("{n} event shown, newest first. The log cannot be changed or deleted.",
                            "{n} events shown, newest first. The log cannot be changed or "
                            "deleted.", len(events)))
        st.dataframe(
            [{t("When"): format_moment(e.at, t.lang), t("Who"): e.actor_name,
              t("What"): action_label(t, e.action), t("Case"): (e.case_id or "")[:8],
              t("Details"): e.detail}
             for e in events],
            hide_index=True,
        )


REVIEW_LABELS = {
    "machine-assisted": N_("Machine-assisted, not yet reviewed"),
    "reviewed-by-native-speaker": N_("Reviewed by a native speaker"),
    "unknown": N_("Review state not recorded"),
    "missing": N_("No catalog yet"),
}


def _languages(ctx: PageContext) -> None:
    """Each interface language: its own name, its catalog's review state, how much is done."""
    t = ctx.t
    st.subheader(t("Languages"), anchor=False)
    st.caption(t("Interface translations and their review state. Applicants see English "
                 "wherever a translation is missing."))
    st.dataframe(
        [{t("Language"): s.lang, t("Name"): s.name,
          t("Review state"): t(REVIEW_LABELS.get(s.review_state, REVIEW_LABELS["unknown"])),
          t("Translated"): t("{done} of {total}", done=s.translated, total=s.total)}
         for s in all_catalog_status()],
        hide_index=True,
    )


def render(ctx: PageContext) -> None:
    st.title(ctx.t("Administration"))
    _create_user(ctx)
    _user_list(ctx)
    _languages(ctx)
    _audit_log(ctx)
