"""The three cookies this app keeps in a browser, and how a page run gets them set.

- `ap_session`: the signed-in session's random token (services/web_sessions.py stores only its
  SHA-256). HttpOnly, SameSite=Strict, Path=/, Secure behind TLS, and no Max-Age: the browser
  drops it when it closes, and the server ends it after the idle timeout without use.
- `ap_lang`: only the language code of the screen (one of `i18n.SUPPORTED`), and
- `ap_discreet`: "1" or "0", discreet mode. Both remembered for a year, SameSite=Strict,
  HttpOnly too (only the server reads them); neither holds anything about a person.

A script run cannot send HTTP headers: Streamlit talks to the page over a WebSocket, and
JavaScript cannot set an HttpOnly cookie. So a page run that has cookies to set or clear
queues them in its session (`queue`); `flush` parks them in this process under a fresh
one-time nonce (random, valid `NONCE_SECONDS`) and draws a marker carrying only that nonce
with a fixed inline script (`COOKIE_SCRIPT`, allowed by its hash in the deploy's
Content-Security-Policy). The script POSTs the nonce to `/_session/cookies` on the same
server (ui/cookie_route.py, added at launch by asylum_prep/serve_app.py), whose answer
carries the Set-Cookie headers; a nonce works once, so another site (which cannot read it)
can neither set nor clear them. The token never reaches JavaScript, the URL or a log.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

import streamlit as st

from asylum_prep.i18n import SUPPORTED
from asylum_prep.ui import state
from asylum_prep.ui.html import render

SESSION = "ap_session"
LANG = "ap_lang"
DISCREET = "ap_discreet"
ROUTE = "/_session/cookies"
NONCE_SECONDS = 120  # from drawing the marker to the page's request: a second or two
DEVICE_SECONDS = 365 * 24 * 3600  # language and discreet mode: a year
MAX_PARKED = 10_000  # nonces waiting at once; the oldest are dropped past this

# Fixed text: its SHA-256 is in deploy/nginx.conf's script-src (the nonce is in the marker).
COOKIE_SCRIPT = (
    "<script>document.querySelectorAll('[data-ap-cookies]').forEach(function (el) {"
    " var n = el.getAttribute('data-ap-cookies'); el.removeAttribute('data-ap-cookies');"
    " fetch('" + ROUTE + "', {method: 'POST', body: n, credentials: 'same-origin',"
    " keepalive: true}); });</script>"
)


@dataclass(frozen=True)
class CookieOp:
    """Set `name` to `value`, or clear it (`value` None)."""

    name: str
    value: str | None
    max_age: int | None = None  # None: until the browser closes


_parked: dict[str, tuple[float, tuple[CookieOp, ...]]] = {}
_lock = threading.Lock()


def park(ops: tuple[CookieOp, ...]) -> str:
    """Keep `ops` for one request naming the nonce returned."""
    nonce = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _lock:
        for key in [k for k, (at, _) in _parked.items() if now - at > NONCE_SECONDS]:
            del _parked[key]
        while len(_parked) >= MAX_PARKED:
            del _parked[next(iter(_parked))]
        _parked[nonce] = (now, ops)
    return nonce


def take(nonce: str) -> tuple[CookieOp, ...] | None:
    """The operations parked under `nonce`, once; None when unknown or too old."""
    with _lock:
        entry = _parked.pop(nonce, None)
    if entry is None or time.monotonic() - entry[0] > NONCE_SECONDS:
        return None
    return entry[1]


def queue(*ops: CookieOp) -> None:
    """Have the next drawn page set or clear these cookies."""
    pending = list(st.session_state.get(state.COOKIE_OPS) or [])
    st.session_state[state.COOKIE_OPS] = [*pending, *ops]


def take_queued() -> tuple[CookieOp, ...]:
    return tuple(st.session_state.pop(state.COOKIE_OPS, None) or ())


def marker(nonce: str) -> str:
    return render('<div data-ap-cookies="{{ nonce }}" hidden></div>', nonce=nonce)


def read(name: str) -> str | None:
    """The cookie as the browser sent it when this page was opened."""
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) and value else None


def session_op(token: str | None) -> CookieOp:
    return CookieOp(SESSION, token)


def load_device_choices() -> None:
    """Once per browser session: the language and discreet mode this device remembers, where
    this session has none yet."""
    ss = st.session_state
    if ss.get(state.DEVICE_READ):
        return
    ss[state.DEVICE_READ] = True
    lang = read(LANG)
    if lang in SUPPORTED:
        ss[state.DEVICE_LANG] = lang
        ss.setdefault(state.LANG, lang)
    discreet = read(DISCREET)
    if discreet in ("0", "1"):
        ss[state.DEVICE_DISCREET] = discreet == "1"
        ss.setdefault(state.DISCREET, discreet == "1")


def _remember_device_choices() -> None:
    """Queue the language and discreet mode when they differ from what the device holds."""
    ss = st.session_state
    lang = ss.get(state.LANG)
    if lang in SUPPORTED and lang != ss.get(state.DEVICE_LANG):
        ss[state.DEVICE_LANG] = lang
        queue(CookieOp(LANG, str(lang), DEVICE_SECONDS))
    if state.DISCREET in ss:
        discreet = bool(ss.get(state.DISCREET))
        if discreet != ss.get(state.DEVICE_DISCREET, False):
            ss[state.DEVICE_DISCREET] = discreet
            queue(CookieOp(DISCREET, "1" if discreet else "0", DEVICE_SECONDS))


def flush() -> None:
    """Draw the marker and script that set the cookies queued so far, if any: at the end of
    the sidebar, where the empty element moves nothing the person reads (a collapsed sidebar
    is still drawn, so its script runs on a phone too)."""
    _remember_device_choices()
    ops = take_queued()
    if ops:
        st.sidebar.html(marker(park(ops)) + COOKIE_SCRIPT, unsafe_allow_javascript=True)
