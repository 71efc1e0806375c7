"""The attorney's judgment of one legal element, beside the tool's reading on the element map.

Attorneys get a small form: agree or disagree, their own strength when disagreeing, whether
to argue the element in the brief, and a reason (required when disagreeing; the service
refuses otherwise and the refusal is shown). Paralegals read the judgment. The latest
judgment is shown with who made it and when; earlier ones in an expander below it. A
judgment made while someone else judged the same element is refused with the standard
message (services.judgments).
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.errors import N_, AsylumPrepError
from asylum_prep.i18n_dates import format_day
from asylum_prep.legal.assessment import STRENGTHS, ElementAssessment
from asylum_prep.services import judgments
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.services.judgments import AttorneyReading, JudgmentEntry
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.strengths import strength_word

VERDICTS = {"agree": N_("Agree"), "disagree": N_("Disagree")}
SAID = {"agree": N_("Attorney agrees"), "disagree": N_("Attorney disagrees")}


def verdict_label(ctx: PageContext, reading: AttorneyReading | None) -> str:
    """The attorney's verdict in a few words (Markdown), for the element's header."""
    if reading is None:
        return md_escape(ctx.t("Not judged yet"))
    return md_escape(ctx.t(SAID[reading.current.verdict]))


def _entry(ctx: PageContext, entry: JudgmentEntry) -> None:
    t = ctx.t
    by = t("By {name} on {date}.", name=entry.by_name,
           date=format_day(entry.at.date(), t.lang))
    st.markdown(f"**{md_escape(t(SAID[entry.verdict]))}** — {md_escape(by)}")
    lines = []
    if entry.strength:
        own = t("Own strength: {strength}", strength=strength_word(t, entry.strength))
        lines.append(md_escape(own))
    lines.append(md_escape(t("Argued in the brief.") if entry.argue
                           else t("Not argued in the brief.")))
    if entry.reason:
        lines.append(md_escape(t("Reason: {reason}", reason=entry.reason)))
    st.markdown("  \n".join(lines))


def _on_save(ctx: PageContext, case_id: str, key: str, version: int) -> None:
    """The form's callback, with the version the attorney saw when the form was drawn: a
    judgment of the same element saved since then is refused, not silently overtaken."""
    t = ctx.t
    verdict = str(st.session_state.get(f"{state.W_LG_JUDGE_VERDICT_PREFIX}{key}") or "")
    strength = str(st.session_state.get(f"{state.W_LG_JUDGE_STRENGTH_PREFIX}{key}") or "")
    try:
        judgments.record_judgment(
            ctx.store, ctx.actor, case_id, element=key, verdict=verdict,
            strength=strength if verdict == "disagree" else "",
            argue=bool(st.session_state.get(f"{state.W_LG_JUDGE_ARGUE_PREFIX}{key}", True)),
            reason=str(st.session_state.get(f"{state.W_LG_JUDGE_REASON_PREFIX}{key}") or ""),
            base_version=version)
    except AsylumPrepError as exc:
        st.session_state[state.LEGAL_JUDGED] = (key, False, exc.message(t))
        return
    st.session_state.pop(state.LEGAL_REPORT, None)
    st.session_state[state.LEGAL_JUDGED] = (key, True, t("Your judgment was saved."))


def _form(ctx: PageContext, case: OpenCase, a: ElementAssessment,
          reading: AttorneyReading | None) -> None:
    t = ctx.t
    now = reading.current if reading else None
    with st.form(f"{state.W_LG_JUDGE_FORM_PREFIX}{a.key}", border=False):
        st.radio(t("The attorney's judgment"), list(VERDICTS), horizontal=True,
                 label_visibility="collapsed",  # the column's heading says it
                 index=list(VERDICTS).index(now.verdict) if now else None,
                 format_func=lambda v: t(VERDICTS[v]),
                 key=f"{state.W_LG_JUDGE_VERDICT_PREFIX}{a.key}")
        strengths: list[str] = list(STRENGTHS)
        st.selectbox(
            t("Your own strength (when you disagree)"), strengths,
            index=strengths.index(now.strength) if now and now.strength in strengths else None,
            format_func=lambda s: strength_word(t, s), placeholder=t("Choose an option"),
            key=f"{state.W_LG_JUDGE_STRENGTH_PREFIX}{a.key}")
        st.checkbox(t("Argue this element in the brief"), value=now.argue if now else True,
                    key=f"{state.W_LG_JUDGE_ARGUE_PREFIX}{a.key}")
        st.text_area(t("Reason (required when you disagree)"), value=now.reason if now else "",
                     height=90, key=f"{state.W_LG_JUDGE_REASON_PREFIX}{a.key}")
        st.form_submit_button(t("Save judgment"), key=f"{state.W_LG_JUDGE_SAVE_PREFIX}{a.key}",
                              on_click=_on_save, args=(ctx, case.id, a.key, case.version))


def render_judgment(ctx: PageContext, case: OpenCase, a: ElementAssessment,
                    reading: AttorneyReading | None) -> None:
    """The attorney's column of one element: latest judgment, history, and the form."""
    t = ctx.t
    heading = t("The attorney's judgment")  # outside the f-string, where extraction finds it
    st.markdown(f"**{md_escape(heading)}**")
    notice = st.session_state.get(state.LEGAL_JUDGED)
    if isinstance(notice, tuple) and notice[0] == a.key:
        st.session_state.pop(state.LEGAL_JUDGED, None)
        if notice[1]:
            st.success(md_escape(notice[2]), icon=":material/gavel:")
        else:
            st.error(md_escape(notice[2]), icon=":material/error:")
    if reading is None:
        st.caption(md_escape(t("Not judged yet")))
    else:
        _entry(ctx, reading.current)
        then = reading.current.tool_strength
        if then and then != a.strength:
            st.warning(md_escape(t(
                "The tool's reading changed since this judgment: it was {then}, it is now "
                "{now}. Check that the judgment still stands.",
                then=strength_word(t, then), now=strength_word(t, a.strength))),
                icon=":material/update:")
        if len(reading.history) > 1:
            with st.expander(t("Earlier judgments")):
                for entry in reversed(reading.history[:-1]):
                    _entry(ctx, entry)
    if case.role is Role.attorney:
        _form(ctx, case, a, reading)
