"""The checks report as the dashboard's legal panels share it: computed (and audited by the
service) once per case version, session and day; legal templates in the reader's language;
and the rerun after a change, which drops the cached report."""

from __future__ import annotations

from datetime import date

import streamlit as st

from asylum_prep.legal.assessment import Params, localize
from asylum_prep.services import checks
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext


def tr(ctx: PageContext, template: str, params: Params = ()) -> str:
    """A legal template and its parameters in the reader's language: msgids translated, lists
    joined the language's way, dates shown per locale (`legal.assessment.localize`)."""
    return localize(template, params, ctx.t)


def report_for(ctx: PageContext, case: OpenCase) -> checks.CheckReport:
    """The checks of this case version, computed (and audited) once per session and day."""
    key = (case.id, case.version, date.today().isoformat())
    cached = st.session_state.get(state.LEGAL_REPORT)
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    report = checks.run_checks(ctx.store, ctx.actor, case.id)
    st.session_state[state.LEGAL_REPORT] = (key, report)
    return report


def done() -> None:
    """After a change saved from a panel: drop the report and draw the page again."""
    st.session_state.pop(state.LEGAL_REPORT, None)
    st.rerun()
