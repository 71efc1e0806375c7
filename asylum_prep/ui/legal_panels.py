"""Dashboard panels of the legal checks: deadline banner, element map (`ui.element_map`, with
the attorney's judgments: `ui.element_judgment`), consistency flags (dismiss with a reason),
readiness list and a timeline chart.

Each panel is `fn(ctx, case, report=None)`; `render_legal(ctx, case)` runs the checks once
(audited by the service, once per case version per session: `ui.legal_report`) and draws
them all. Every string goes through ctx.t; English templates from `legal` are translated with
their params.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import streamlit as st

from asylum_prep.errors import N_
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.i18n_dates import format_day
from asylum_prep.services import checks
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.element_map import render_element_map
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.labels import skipped_label
from asylum_prep.ui.legal_report import done, report_for, tr
from asylum_prep.ui.strengths import STRENGTH
from asylum_prep.ui.styling import chart_direction

__all__ = ["STRENGTH", "render_element_map", "render_legal", "report_for", "tr"]

KIND_LABELS = {
    "birth": N_("Birth"), "membership": N_("Memberships"), "activity": N_("Activities"),
    "incident": N_("Incidents"), "detention": N_("Detentions"),
    "legal_event": N_("Legal events"), "departure": N_("Departure"), "transit": N_("Transit"),
    "arrival": N_("Arrivals"), "refuge_departure": N_("Departures from the country of refuge"),
    "filed": N_("Filed"), "deadline": N_("Filing deadline"),
}


def render_deadline(ctx: PageContext, case: OpenCase,
                    report: checks.CheckReport | None = None) -> None:
    t = ctx.t
    info = (report or report_for(ctx, case)).deadline
    if info is None:
        st.caption(t("No filing deadline rule applies in this jurisdiction."))
        return
    # Each thing is said once: the banner states where the deadline stands, the notes add
    # only what the banner does not say (an exception claimed, an approximate arrival...).
    notes = [tr(ctx, template, params) for template, params in info.notes]
    if info.deadline is None:  # the notes say why (no arrival date) and what to do
        st.warning("\n\n".join(md_escape(n) for n in notes)
                   or t("The filing deadline cannot be computed yet."), icon=":material/event:")
        return
    # shown like the dates inside the legal texts (the rules' {deadline}, the notes' {day})
    day, left = format_day(info.deadline, t.lang), info.days_left or 0
    if info.level == "filed":
        if info.filed_in_time:
            st.success(t("Filed within the one-year deadline ({date}).", date=day))
        else:
            st.error(t("Filed after the one-year deadline ({date}).", date=day))
    elif info.level == "overdue":
        st.error(t.plural("The one-year deadline passed on {date}, {n} day ago.",
                          "The one-year deadline passed on {date}, {n} days ago.", -left,
                          date=day), icon=":material/event_busy:")
    else:
        days_left = t.plural("{n} day left until the one-year deadline on {date}.",
                             "{n} days left until the one-year deadline on {date}.", left,
                             date=day)
        if info.red:
            st.error(days_left, icon=":material/alarm:")
        elif info.level == "notice":
            st.warning(days_left)
        else:
            st.info(days_left)
    for text in notes:
        st.caption(md_escape(text))


def render_consistency(ctx: PageContext, case: OpenCase,
                       report: checks.CheckReport | None = None) -> None:
    t = ctx.t
    st.subheader(t("Consistency"), anchor=False)
    flags = (report or report_for(ctx, case)).flags
    if not flags:
        st.success(t("No inconsistencies found."))
    for f in flags:
        message = tr(ctx, f.template, f.params)
        if f.dismissed:
            st.caption(md_escape(t("Dismissed: {flag} Reason: {reason}", flag=message,
                                   reason=f.reason)))
            if case.role is Role.attorney and st.button(
                    t("Show this flag again"), key=f"{state.W_LG_RESTORE_PREFIX}{f.id}"):
                with shown_errors(t):
                    checks.restore_flag(ctx.store, ctx.actor, case.id, flag_id=f.id,
                                        base_version=case.version)
                    done()
            continue
        st.warning(md_escape(message), icon=":material/rule:")
        st.caption(md_escape(t("Where: {places}", places="; ".join(
            answer_label(case.record, p).text(t) for p in f.places))))
        if case.role is not Role.attorney:
            continue
        with st.form(f"{state.W_LG_DISMISS_PREFIX}form_{f.id}", border=False):
            reason = st.text_input(t("Reason for dismissing"),
                                   key=f"{state.W_LG_DISMISS_REASON_PREFIX}{f.id}")
            if st.form_submit_button(t("Dismiss"), key=f"{state.W_LG_DISMISS_PREFIX}{f.id}"):
                with shown_errors(t):
                    checks.dismiss_flag(ctx.store, ctx.actor, case.id, flag_id=f.id,
                                        reason=reason, base_version=case.version)
                    done()


def render_readiness(ctx: PageContext, case: OpenCase,
                     report: checks.CheckReport | None = None) -> None:
    t = ctx.t
    st.subheader(t("Filing readiness"), anchor=False)
    items = (report or report_for(ctx, case)).readiness
    if not items:
        st.success(t("Nothing required is blank."))
    for item in items:
        text = t(item.label)
        line = t("{part}: {item}", part=item.part, item=text) if item.part else text
        if item.skipped:  # "I don't know" and "skip for now" said apart
            line += " — " + skipped_label(t, item.skipped)
        st.markdown(f"- {md_escape(line)}")


def timeline_rows(ctx: PageContext, report: checks.CheckReport) -> list[dict[str, Any]]:
    rows = []
    for ev in report.timeline:
        rows.append({
            "lane": ctx.t(KIND_LABELS[ev.kind]), "label": tr(ctx, ev.label_template,
                                                               ev.label_params),
            "start": ev.start.isoformat(), "end": (ev.end + timedelta(days=1)).isoformat(),
            "point": ev.start == ev.end, "approximate": ctx.t("yes") if ev.approximate else "",
        })
    return rows


def timeline_spec(ctx: PageContext) -> dict[str, Any]:
    """The timeline's Vega-Lite spec (its rows go beside it): spans as bars, one-day events as
    points, a lane per kind of event in the reader's language, mirrored for a right-to-left
    reader. Its description names the chart for a screen reader (Vega's own is "Vega
    visualization", in English). Written as the plain spec: building it through Altair and
    validating it against the schema was half of the dashboard's time on every new version of
    the case."""
    t = ctx.t
    mirror = chart_direction(t)
    x = {"field": "start", "type": "temporal", "title": None, "scale": mirror["scale"]}
    shared = {
        "y": {"field": "lane", "type": "nominal", "title": None, "axis": mirror["axis"],
              "sort": [t(KIND_LABELS[kind]) for kind in KIND_LABELS]},
        "color": {"field": "lane", "type": "nominal", "legend": None},
        "tooltip": [{"field": "label", "type": "nominal", "title": t("Event")},
                    {"field": "start", "type": "temporal", "title": t("Date")},
                    {"field": "approximate", "type": "nominal", "title": t("Approximate")}],
    }
    spans = {"mark": {"type": "bar", "height": 12}, "transform": [{"filter": "!datum.point"}],
             "encoding": {**shared, "x": x, "x2": {"field": "end"}}}
    points = {"mark": {"type": "point", "filled": True, "size": 90},
              "transform": [{"filter": "datum.point"}], "encoding": {**shared, "x": x}}
    return {"description": t("Timeline"), "layer": [spans, points], "height": {"step": 26}}


def render_timeline(ctx: PageContext, case: OpenCase,
                    report: checks.CheckReport | None = None) -> None:
    st.subheader(ctx.t("Timeline"), anchor=False)
    report = report or report_for(ctx, case)
    if not report.timeline:
        st.caption(ctx.t("No dated events yet."))
        return
    st.vega_lite_chart(timeline_rows(ctx, report), timeline_spec(ctx), width="stretch")


def render_legal(ctx: PageContext, case: OpenCase) -> None:
    """The whole legal block for the dashboard (team members only)."""
    if case.role not in (Role.attorney, Role.paralegal):
        return
    with shown_errors(ctx.t):
        report = report_for(ctx, case)
        render_deadline(ctx, case, report)
        render_element_map(ctx, case, report)
        render_consistency(ctx, case, report)
        render_timeline(ctx, case, report)
        render_readiness(ctx, case, report)
