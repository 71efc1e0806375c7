"""Dashboard section: the consistency flags nobody has resolved yet, near the top of the case.

The legal team (attorney, paralegal) sees every open flag, one line each with the answers it
names, until the answers are made consistent or the attorney dismisses it with a reason (in
the legal block below, where dismissals are made and undone). Nothing shows when all flags
are resolved. The checks come from the same once-per-version report as the legal block, so
opening the dashboard is audited once.
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import legal_panels
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape


def render_open_flags(ctx: PageContext, case: OpenCase) -> None:
    if case.role not in (Role.attorney, Role.paralegal):
        return
    t = ctx.t
    with shown_errors(t):
        flags = legal_panels.report_for(ctx, case).open_flags
        if not flags:
            return
        lines = [t.plural("{n} consistency flag is open: the answers below contradict each "
                          "other until they are corrected or the flag is dismissed.",
                          "{n} consistency flags are open: the answers below contradict each "
                          "other until they are corrected or the flags are dismissed.",
                          len(flags))]
        for f in flags:
            where = t("Where: {places}", places="; ".join(
                answer_label(case.record, p).text(t) for p in f.places))
            lines.append(f"- {md_escape(legal_panels.tr(ctx, f.template, f.params))}  \n"
                         f"  {md_escape(where)}")
        st.warning("\n".join(lines), icon=":material/rule:")
