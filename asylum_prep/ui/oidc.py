"""Optional single sign-on through the firm's identity provider (Streamlit's st.login, OIDC).

Off by default (`ASYLUM_PREP_OIDC_ENABLED=true` turns it on); configured in
.streamlit/secrets.toml, see docs/oidc.md. When on, the sign-in page shows a button that starts
the provider's flow. Linking a provider identity to a local account is not built yet: after the
provider returns, the page says so and the person signs in with the local account.
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.ui import state
from asylum_prep.ui.context import PublicContext


def render_button(pctx: PublicContext) -> None:
    if not pctx.store.settings.oidc_enabled:
        return
    t = pctx.t
    st.divider()
    if st.button(t("Sign in with your organisation"), key=state.W_SIGNIN_OIDC):
        st.login()
    if getattr(st.user, "is_logged_in", False):
        st.info(t(
            "Your organisation confirmed who you are, but this app does not link that identity "
            "to an account yet. Sign in above with your user name and password."
        ))
