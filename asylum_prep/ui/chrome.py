"""What every page shows around its content: the sidebar header, the language picker (each
language named in its own script), discreet mode, who is signed in, and the quick exit.

Quick exit (for applicants, and on the public pages an applicant sees before an account
exists): one click revokes the session token and audits a sign-out, clears the whole session
state, and the next run shows only a blank page whose script first has the session cookie
cleared (ui/device_cookies.py; at most `EXIT_WAIT_MS`) and then replaces the browser location
with `about:blank` (`location.replace`, so Back does not return to the app). A reload or Back
starts a new session, which the revoked token cannot resume: it shows sign-in. The button
sits at the top of the main area so it is visible on a phone too.

Sign out: beside the quick exit, at the top of the main area of every signed-in page, so a
person on a phone (sidebar collapsed) can always leave without opening the menu.
"""

from __future__ import annotations

import base64
from pathlib import Path

import streamlit as st

from asylum_prep.i18n import SUPPORTED, Translator, native_name
from asylum_prep.services import users, web_sessions
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import device_cookies, state
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.labels import APP_NAME, ROLE_LABELS, label
from asylum_prep.ui.store import get_store

# The tab's icon: a plain page, neutral in every mode, served by the app itself (a material
# icon name would make the browser fetch the picture from a font site). Given as a data URL,
# read once: a file path was read, hashed and stored again on every run of every session.
APP_ICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parent / "assets" / "icon.png").read_bytes()).decode("ascii")
NEUTRAL_URL = "about:blank"
PICKER_WIDTH = 240  # pixels: the language picker at the top of the sign-in page
EXIT_WAIT_MS = 1500  # the longest the exit waits for the session cookie to be cleared
# Fixed text (its SHA-256 is in deploy/nginx.conf): the nonce is in the marker before it.
EXIT_HTML = (
    "<script>(function () {"
    " var leave = function () { try { window.top.location.replace('" + NEUTRAL_URL + "'); }"
    " catch (e) { window.location.replace('" + NEUTRAL_URL + "'); } };"
    " var el = document.querySelector('[data-ap-cookies]');"
    " if (!el) { leave(); return; }"
    " var n = el.getAttribute('data-ap-cookies'); el.removeAttribute('data-ap-cookies');"
    " Promise.race([fetch('" + device_cookies.ROUTE + "', {method: 'POST', body: n,"
    " credentials: 'same-origin', keepalive: true}),"
    " new Promise(function (done) { setTimeout(done, " + str(EXIT_WAIT_MS) + "); })])"
    ".then(leave, leave); })();</script>"
)


def app_name(store: Store, discreet: bool) -> str:
    return store.settings.discreet_title if discreet else APP_NAME


def _language_changed() -> None:
    ss = st.session_state
    lang = ss.get(state.W_LANG)
    if lang not in SUPPORTED:
        return
    ss[state.LANG] = lang
    ss[state.LANG_CHOSEN] = True
    actor = ss.get(state.ACTOR)
    if isinstance(actor, Actor):
        from asylum_prep.ui.session import session_translator

        users.set_language(get_store(session_translator()), actor, lang)


def _discreet_changed() -> None:
    st.session_state[state.DISCREET] = bool(st.session_state.get(state.W_DISCREET))


def quick_exit() -> None:
    """Callback of the quick-exit button: end the session, clear everything, leave."""
    ss = st.session_state
    actor = ss.get(state.ACTOR)
    token = ss.get(state.SESSION_TOKEN)
    if isinstance(actor, Actor):
        from asylum_prep.ui.session import session_translator

        store = get_store(session_translator())
        if isinstance(token, str):
            web_sessions.revoke_session(store, actor, token=token, reason="quick_exit")
        users.sign_out(store, actor, reason="quick_exit")
    ss.clear()
    ss[state.QUICK_EXIT] = True
    device_cookies.queue(device_cookies.session_op(None))


def render_exit_page() -> None:
    """The only thing shown after a quick exit: nothing readable, the session cookie cleared,
    and a redirect."""
    st.set_page_config(page_title=" ", page_icon=APP_ICON)
    nonce = device_cookies.park(device_cookies.take_queued() or
                                (device_cookies.session_op(None),))
    st.html(device_cookies.marker(nonce) + EXIT_HTML, unsafe_allow_javascript=True)
    st.stop()


def language_picker(t: Translator, where: st.delta_generator.DeltaGenerator,
                    *, width: int | None = None) -> None:
    ss = st.session_state
    # Always set the picker from the session's language before drawing it. Streamlit keys a
    # widget's state by page too (the script hash is part of its id), so the picker of a page
    # visited earlier would otherwise come back with the language it had then.
    lang = ss.get(state.LANG)
    ss[state.W_LANG] = lang if lang in SUPPORTED else SUPPORTED[0]
    # Plain text label (icon shortcodes would be read aloud); English added so anyone can find it.
    name = t("Language")
    where.selectbox(
        name if name == "Language" else f"{name} · Language", SUPPORTED, key=state.W_LANG,
        format_func=native_name, on_change=_language_changed, placeholder=t("Choose an option"),
        width=width if width is not None else "stretch",
    )


def quick_exit_button(t: Translator, where: st.delta_generator.DeltaGenerator | None = None
                      ) -> None:
    (where or st).button(
        t("Quick exit"), key=state.W_QUICK_EXIT, on_click=quick_exit, type="primary",
        icon=":material/close:",
        help=t("Closes this page at once and clears everything on the screen."),
    )


def sidebar(store: Store, t: Translator, actor: Actor | None, *, discreet: bool) -> None:
    ss = st.session_state
    bar = st.sidebar
    bar.markdown(f"**{md_escape(app_name(store, discreet))}**")
    if actor is not None:  # before sign-in the picker is at the top of the page (top_bar)
        language_picker(t, bar)
    if state.W_DISCREET not in ss:
        ss[state.W_DISCREET] = bool(ss.get(state.DISCREET))
    bar.toggle(
        t("Discreet mode"), key=state.W_DISCREET, on_change=_discreet_changed,
        help=t("Shows a neutral name in the browser tab and the header, for a device others "
               "may see."),
    )
    if actor is not None:
        bar.caption(t("Signed in as {name} ({role}).", name=md_escape(actor.label),
                      role=label(t, ROLE_LABELS, actor.role.value)))


def sign_out_button(t: Translator, where: st.delta_generator.DeltaGenerator) -> None:
    """Sign out as the account page does: in the page run, not a click callback, so a single
    sign-on session also ends the provider's sign-in (`session.end` calls st.logout)."""
    from asylum_prep.ui import session

    if where.button(t("Sign out"), key=state.W_TOP_SIGN_OUT, icon=":material/logout:"):
        session.end(get_store(session.session_translator()), reason="user")
        st.rerun()


def top_bar(t: Translator, actor: Actor | None, *, public_applicant_page: bool) -> None:
    """At the top of the main area: the quick exit (for applicants, and on the public pages an
    applicant sees), for anyone signed in, sign out, and before sign-in the language picker
    (in the page itself, so a phone shows it without opening the menu)."""
    exit_shown = public_applicant_page or (actor is not None and actor.role is Role.applicant)
    if actor is None:
        row = st.container(horizontal=True, gap="small", vertical_alignment="bottom")
        language_picker(t, row, width=PICKER_WIDTH)
        if exit_shown:
            quick_exit_button(t, row)
        return
    row = st.container(horizontal=True, gap="small")
    if exit_shown:
        quick_exit_button(t, row)
    sign_out_button(t, row)
