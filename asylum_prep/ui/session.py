"""The signed-in session: start, end (clearing everything), idle timeout, one-shot messages,
and the session cookie that lets a reload, a deep link or a new tab carry on.

Everything lives in `st.session_state` under the keys of `ui.state`. Signing in makes a
session token (services/web_sessions.py) and queues it as the `ap_session` cookie
(ui/device_cookies.py; a sign-in rotates the token the browser held). A page run with nobody
signed in resumes the session the cookie names (`resume`), if it is still valid; an open page
keeps it alive at most once a minute (`check_idle`) and signs out when it was ended elsewhere
(sign-out on another tab, an admin, a password change). Signing out revokes it and clears the
cookie; the device's language and discreet mode stay.
"""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from asylum_prep.errors import N_, AccountDisabled, AsylumPrepError
from asylum_prep.i18n import SUPPORTED, Translator, translator
from asylum_prep.services import accounts, users, web_sessions
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import User
from asylum_prep.ui import device_cookies, state
from asylum_prep.ui.html import md_escape

IDLE_MESSAGE = N_(
    "You were signed out after {minutes} minutes without activity. Sign in again to continue."
)
SIGNED_OUT_MESSAGE = N_("You are signed out.")
IDLE_CHECK_SECONDS = 60  # how often an open signed-in page checks the idle timeout
TOUCH_SECONDS = 60  # an open page tells the stored session it is in use at most this often
KEPT_AT_SIGN_OUT = (state.LANG, state.DISCREET, state.DEVICE_READ, state.DEVICE_LANG,
                    state.DEVICE_DISCREET)  # the device's, not the person's


def current_actor() -> Actor | None:
    actor = st.session_state.get(state.ACTOR)
    return actor if isinstance(actor, Actor) else None


def session_translator() -> Translator:
    return translator(st.session_state.get(state.LANG))


def flash(text: str) -> None:
    """An already translated message shown once on the next page run (as plain text: it may
    name a person or an account)."""
    st.session_state[state.FLASH] = text


def show_flash() -> None:
    text = st.session_state.pop(state.FLASH, None)
    if isinstance(text, str) and text:
        st.info(md_escape(text))


def _profile_language(store: Store, actor: Actor) -> str | None:
    with store.session() as session:
        user = session.get(User, actor.id)
        return user.language if user is not None else None


def _new_token(store: Store, actor: Actor) -> None:
    """A fresh session token for this browser (the one it held, if any, revoked)."""
    ss = st.session_state
    old = ss.get(state.SESSION_TOKEN) or device_cookies.read(device_cookies.SESSION)
    token = web_sessions.create_session(store, actor, replacing=old)
    ss[state.SESSION_TOKEN] = token
    ss[state.SESSION_TOUCHED] = time.time()
    device_cookies.queue(device_cookies.session_op(token))


def renew(store: Store) -> None:
    """After the signed-in person changed their password (which ends every session of the
    account): a new token for this browser, so it stays signed in."""
    actor = current_actor()
    if actor is not None:
        st.session_state.pop(state.SESSION_TOKEN, None)
        _new_token(store, actor)


def start(store: Store, actor: Actor, *, landing: str | None = None,
          token: str | None = None) -> None:
    """Sign `actor` in for this browser session. A language picked before signing in wins
    and is saved to the profile; otherwise the profile's language is used. `token`: the
    session this browser resumed; without it, a new session token is made."""
    ss = st.session_state
    ss[state.ACTOR] = actor
    ss[state.LAST_ACTIVITY] = time.time()
    if token is None:
        _new_token(store, actor)
    else:
        ss[state.SESSION_TOKEN] = token
        ss[state.SESSION_TOUCHED] = time.time()
    chosen = ss.get(state.LANG) if ss.get(state.LANG_CHOSEN) else None
    if chosen:
        users.set_language(store, actor, chosen)
    else:
        lang = _profile_language(store, actor)
        if lang in SUPPORTED:
            ss[state.LANG] = lang
            ss.pop(state.W_LANG, None)
    if landing:
        ss[state.PENDING_PAGE] = landing


def end(
    store: Store | None, *, reason: str, message: str | None = SIGNED_OUT_MESSAGE, **params: Any
) -> None:
    """Sign out: audit it, then clear the whole session state (a message may survive).
    A session started by single sign-on also ends the provider's sign-in (`st.logout()`, which
    starts a new browser session, so the message is not shown then)."""
    actor = current_actor()
    text = session_translator()(message, **params) if message else ""
    from_oidc = bool(st.session_state.get(state.OIDC_SESSION))
    token = st.session_state.get(state.SESSION_TOKEN)
    if actor is not None and store is not None:
        if isinstance(token, str):
            web_sessions.revoke_session(store, actor, token=token, reason=reason)
        users.sign_out(store, actor, reason=reason)
    kept = {key: st.session_state[key] for key in KEPT_AT_SIGN_OUT if key in st.session_state}
    st.session_state.clear()
    st.session_state.update(kept)
    # This browser session does not resume the token it was opened with, and the cookie goes.
    st.session_state[state.RESUME_TRIED] = device_cookies.read(device_cookies.SESSION)
    device_cookies.queue(device_cookies.session_op(None))
    if text:
        flash(text)  # translated before the clear, so it reads in the language they used
    if from_oidc:
        st.logout()  # else the provider's cookie would sign them straight back in


def idle_expired(last: object, now: float, minutes: int) -> bool:
    """True when the last activity (a `time.time()` value) is more than `minutes` before
    `now`. No recorded activity is not expiry."""
    return isinstance(last, (int, float)) and now - last > minutes * 60


def check_idle(store: Store, *, touch: bool = True) -> bool:
    """Sign out when the last activity is older than the idle timeout. True if it did.
    A page run (`touch=True`) counts as activity; the idle timer's own runs do not."""
    if current_actor() is None:
        return False
    minutes = store.settings.idle_timeout_minutes
    now = time.time()
    if idle_expired(st.session_state.get(state.LAST_ACTIVITY), now, minutes):
        end(store, reason="idle", message=IDLE_MESSAGE, minutes=minutes)
        return True
    if touch:
        st.session_state[state.LAST_ACTIVITY] = now
        if not _keep_alive(store, now):
            end(store, reason="ended")
            return True
    return False


def _keep_alive(store: Store, now: float) -> bool:
    """Tell the stored session it is in use (once a minute at most). False when it was ended
    elsewhere: signed out in another tab, the account switched off, the password changed."""
    ss = st.session_state
    token, actor = ss.get(state.SESSION_TOKEN), current_actor()
    touched = ss.get(state.SESSION_TOUCHED)
    if not isinstance(token, str) or actor is None:
        return True
    if isinstance(touched, (int, float)) and now - touched < TOUCH_SECONDS:
        return True
    ss[state.SESSION_TOUCHED] = now
    try:
        return web_sessions.touch_session(store, actor, token=token)
    except AsylumPrepError:
        return True  # switched off or a new password due: check_account says which


def resume(store: Store) -> None:
    """With nobody signed in: the session this browser's cookie names, if still valid. Each
    cookie value is tried once per browser session; a refused one is cleared."""
    ss = st.session_state
    if current_actor() is not None or ss.get(state.QUICK_EXIT):
        return
    token = device_cookies.read(device_cookies.SESSION)
    if token is None or ss.get(state.RESUME_TRIED) == token:
        return
    ss[state.RESUME_TRIED] = token
    actor = web_sessions.resume_session(store, token=token)
    if actor is None:
        device_cookies.queue(device_cookies.session_op(None))
        return
    start(store, actor, token=token)


def check_account(store: Store) -> accounts.AccountStatus | None:
    """The signed-in account's state, asked of the service layer on every run; None when
    nobody is signed in. A deactivated account is signed out here (the page then reruns)."""
    actor = current_actor()
    if actor is None:
        return None
    st.session_state[state.ACCOUNT_ASKED] = time.monotonic()
    status = accounts.account_status(store, actor)
    if not status.active:
        end(store, reason="deactivated", message=AccountDisabled.template)
    return status


@st.fragment(run_every=IDLE_CHECK_SECONDS)
def idle_timer(store: Store) -> None:
    """Drawn (invisibly) on every signed-in page: reruns by itself every minute, without a
    click, and when the idle timeout has passed or the account was deactivated, signs out
    and reruns the whole app, so an untouched screen on a shared computer clears itself.
    Compares a timestamp and reads the account's state (unless the page run it is drawn in
    read it a moment ago)."""
    if check_idle(store, touch=False):
        st.rerun(scope="app")
    if time.monotonic() - float(st.session_state.get(state.ACCOUNT_ASKED, 0.0)) < 1.0:
        return  # drawn in a page run, which has just asked
    status = check_account(store)
    if status is not None and not status.active:
        st.rerun(scope="app")
