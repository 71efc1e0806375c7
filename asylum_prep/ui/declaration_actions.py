"""The declaration pages' button callbacks: each runs one service call on the version the
page was drawn from and leaves a notice (saved, or why it was refused) under the paragraph."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from asylum_prep.errors import N_, AsylumPrepError
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext


def base(case_id: str) -> int:
    return int(st.session_state.setdefault(state.DECL_BASE, {}).get(case_id, 0))


def notice(key: str, kind: str, text: str) -> None:
    st.session_state.setdefault(state.DECL_NOTICE, {})[key] = (kind, text)


def show_notice(key: str) -> None:
    found = st.session_state.setdefault(state.DECL_NOTICE, {}).pop(key, None)
    if found is None:
        return
    kind, text = found
    if kind == "error":
        st.error(html.md_escape(text), icon=":material/error:")
    else:
        st.success(html.md_escape(text), icon=":material/check_circle:")


def act(ctx: PageContext, case_id: str, key: str, call: Callable[[int], int],
        done: str = N_("Saved.")) -> None:
    """Run one service call on the version the page was drawn from; note the outcome."""
    try:
        version = call(base(case_id))
    except AsylumPrepError as exc:
        notice(key, "error", exc.message(ctx.t))
        return
    st.session_state[state.DECL_BASE][case_id] = version
    for name in [k for k in st.session_state if str(k).startswith(state.W_DECL_PREFIX)]:
        del st.session_state[name]  # every box is drawn again from the new version
    notice(key, "success", ctx.t(done))
