"""Optional single sign-on through the firm's identity provider (Streamlit's st.login, OIDC).

Off by default (`ASYLUM_PREP_OIDC_ENABLED=true` turns it on); configured in
.streamlit/secrets.toml, see docs/oidc.md. When on, the sign-in page shows a button that starts
the provider's flow (`st.login()`). The provider sends the person back to the app, and
Streamlit exposes the ID token's claims as `st.user`. On that run `decide` maps the claims to
a local staff account through `services.users.sign_in_oidc` (issuer `iss` + subject `sub`,
linked by an administrator): the app session then starts as after a password sign-in, marked
as single sign-on so that signing out of the app also calls `st.logout()`. A refused identity
shows its message once (it is not retried on every rerun) with a button that calls
`st.logout()`, so the person can try another account or sign in with a password.

Only a fresh confirmation signs someone in: claims whose `iat` (issued at) is older than
`FRESH_SECONDS` are ignored. Streamlit keeps the identity in a cookie for 30 days; without this
check, anyone opening the app on a shared computer later would be signed in as the last
person who used single sign-on there. They choose "Sign in with your organisation" again.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import streamlit as st
from streamlit.errors import StreamlitAuthError

from asylum_prep.errors import N_, AuthError
from asylum_prep.services import users
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store
from asylum_prep.ui import session, state
from asylum_prep.ui.context import PublicContext
from asylum_prep.ui.html import md_escape

FRESH_SECONDS = 10 * 60  # the round trip takes seconds; an old cookie is not a sign-in
NOT_CONFIGURED = N_(
    "Single sign-on is switched on, but it is not set up on this server yet. Sign in with "
    "your user name and password, and tell your administrator."
)

Kind = Literal["nothing", "stale", "sign_in", "refused"]


@dataclass(frozen=True)
class Decision:
    """What to do on this run, given the provider's claims."""

    kind: Kind
    actor: Actor | None = None
    message: str = ""  # the refusal's message template (N_), translated at the edge
    params: dict[str, Any] = field(default_factory=dict)
    identity: tuple[str, str] | None = None  # (issuer, subject) an administrator could link


def decide(store: Store, claims: Mapping[str, Any], *, enabled: bool, signed_in: bool,
           refused_before: bool, now: float) -> Decision:
    """The whole decision, without Streamlit: "nothing" (off, nobody confirmed by the
    provider, someone already signed in to the app, or refused earlier in this session),
    "stale" (an old confirmation from the cookie), "sign_in" with the actor (the sign-in is
    audited by the service), or "refused" with the message to show."""
    if not enabled or signed_in or refused_before or claims.get("is_logged_in") is not True:
        return Decision("nothing")
    issued = claims.get("iat")
    if isinstance(issued, (int, float)) and not isinstance(issued, bool) \
            and now - float(issued) > FRESH_SECONDS:
        return Decision("stale")
    issuer, subject = str(claims.get("iss") or ""), str(claims.get("sub") or "")
    try:
        actor = users.sign_in_oidc(store, issuer=issuer, subject=subject)
    except AuthError as exc:
        unlinked = exc.template == users.OIDC_NOT_LINKED
        return Decision("refused", message=exc.template, params=dict(exc.params),
                        identity=(issuer, subject) if unlinked else None)
    return Decision("sign_in", actor=actor)


def _claims() -> dict[str, Any]:
    """The ID token's claims as Streamlit gives them ({} when nobody signed in there)."""
    return dict(st.user)


def complete_sign_in(pctx: PublicContext) -> None:
    """Run first on the sign-in page: finish a single sign-on, or show why it was refused."""
    ss = st.session_state
    decision = decide(
        pctx.store, _claims(), enabled=pctx.store.settings.oidc_enabled,
        signed_in=session.current_actor() is not None,
        refused_before=state.OIDC_NOTICE in ss, now=time.time(),
    )
    if decision.kind == "sign_in" and decision.actor is not None:
        session.start(pctx.store, decision.actor)
        ss[state.OIDC_SESSION] = True
        st.rerun()
    if decision.kind == "refused":
        ss[state.OIDC_NOTICE] = decision
    notice = ss.get(state.OIDC_NOTICE)
    if isinstance(notice, Decision) and getattr(st.user, "is_logged_in", False):
        t = pctx.t
        st.error(md_escape(t(notice.message, **notice.params)), icon=":material/error:")
        if notice.identity is not None:  # the person's own identifier: what the admin links
            st.caption(t("To link it to your account, your administrator needs this issuer "
                         "and subject:"))
            st.code(f"{notice.identity[0]}\n{notice.identity[1]}", language=None)
        st.button(t("Sign out of your organisation's account"), key=state.W_SIGNIN_OIDC_OUT,
                  on_click=_sign_out_of_provider)


def _sign_out_of_provider() -> None:
    """After a refusal: forget it and end the provider's sign-in (a new, clean session)."""
    st.session_state.pop(state.OIDC_NOTICE, None)
    st.logout()


def render_button(pctx: PublicContext) -> None:
    """The "Sign in with your organisation" button (only when single sign-on is on)."""
    if not pctx.store.settings.oidc_enabled:
        return
    t = pctx.t
    st.divider()
    if st.button(t("Sign in with your organisation"), key=state.W_SIGNIN_OIDC):
        st.session_state.pop(state.OIDC_NOTICE, None)
        try:
            st.login()
        except StreamlitAuthError:  # no [auth] section, or Authlib missing: see docs/oidc.md
            st.error(t(NOT_CONFIGURED), icon=":material/error:")
