"""The declaration's versions on the team's page: who saved each and when, what changed
between two of them (words removed and added, paragraph numbers before and after), and
restoring one as a new version."""

from __future__ import annotations

import streamlit as st

from asylum_prep.domain.declaration_diff import Change
from asylum_prep.i18n_dates import format_moment
from asylum_prep.services import declaration
from asylum_prep.services.actor import Role
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.declaration_actions import act

SIGNS = {Change.added: "+", Change.removed: "\u2212", Change.changed: "\u270e",
         Change.moved: "\u2195"}


def render(ctx: PageContext, case_id: str, current: int) -> None:
    t = ctx.t
    if current == 0:
        return
    with st.expander(t("Show version history")):
        versions = declaration.declaration_history(ctx.store, ctx.actor, case_id)
        numbers = [v.version for v in versions]
        cols = st.columns(2)
        old = cols[0].selectbox(t("Compare version"), numbers, index=min(1, len(numbers) - 1),
                                key=state.W_DECL_PREFIX + "diff_old")
        new = cols[1].selectbox(t("with version"), numbers, index=0,
                                key=state.W_DECL_PREFIX + "diff_new")
        for change in declaration.declaration_diff(ctx.store, ctx.actor, case_id,
                                                   old=int(old), new=int(new)):
            where = f"¶ {change.old_number or '–'} → ¶ {change.new_number or '–'}"
            words = " ".join(change.lines) or change.new_text or change.old_text
            st.markdown(f"{SIGNS[change.change]} {where} " + html.md_escape(words))
        for v in versions:
            row = st.columns([1, 3, 2])
            row[0].write(t("Version {n}", n=v.version))
            row[1].write(html.md_escape(f"{v.by} · {format_moment(v.at, t.lang)}"))
            if v.version != current and ctx.actor.role in (Role.attorney, Role.paralegal):
                row[2].button(t("Restore this version"), key=f"{state.W_DECL_PREFIX}r{v.version}",
                              help=t("Makes this version current again as a new version. "
                                     "Nothing is deleted."),
                              on_click=act, args=(ctx, case_id, "", lambda b, n=v.version: (
                                  declaration.restore_declaration(
                                      ctx.store, ctx.actor, case_id, version=n,
                                      base_version=b))))
