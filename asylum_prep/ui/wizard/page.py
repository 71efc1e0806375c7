"""The "Your story" page body: progress over the ten parts, the legal team's questions,
and the current step's screen. Used by the applicant, and by the attorney or paralegal
filling in answers for their client."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import Comment, SectionStatus
from asylum_prep.errors import AsylumPrepError
from asylum_prep.forms import flow
from asylum_prep.forms.registry import STEPS, question_for, step_for, step_index
from asylum_prep.services import answers, cases, review
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.request_view import show_request
from asylum_prep.ui.wizard import (
    about,
    background,
    beliefs,
    family,
    fear,
    harm_to_others,
    incidents,
    leaving,
    screening,
    timing,
)
from asylum_prep.ui.wizard.widgets import Wiz

# The order of the steps is forms.registry's; each step is drawn by the ui.wizard module of
# its name (a test checks that every step of the registry has one).
RENDER: dict[str, Callable[[PageContext, OpenCase], None]] = {
    module.__name__.rsplit(".", 1)[-1]: module.render
    for module in (about, background, beliefs, family, fear, harm_to_others, incidents, leaving,
                   screening, timing)
}


def status_label(t: Callable[[str], str], status: SectionStatus) -> str:
    from asylum_prep.errors import N_

    labels = {
        SectionStatus.draft: N_("Not sent yet"),
        SectionStatus.submitted: N_("With your legal team"),
        SectionStatus.changes_requested: N_("Your legal team has a question"),
        SectionStatus.approved: N_("Approved"),
    }
    return t(labels[status])


def all_sent(record: CaseRecord) -> bool:
    """Every one of the ten parts is with the legal team or approved: nothing left to send."""
    done = {SectionStatus.submitted, SectionStatus.approved}
    return all(answers.section_status(record, step.key.value) in done for step in STEPS)


def show_all_sent(t: Callable[[str], str], record: CaseRecord) -> None:
    """One calm sentence once the last part is sent: what happens next."""
    if all_sent(record):
        st.success(t("All parts of your story are sent. Your legal team will read your answers "
                     "and contact you here if they need anything."),
                   icon=":material/task_alt:")


def case_for(ctx: PageContext) -> str | None:
    """The case the wizard works on: the open case, else the applicant's only one."""
    if ctx.case_id:
        return ctx.case_id
    if ctx.actor.role is not Role.applicant:
        return None
    items = cases.list_cases(ctx.store, ctx.actor)
    if not items:
        return None
    st.session_state[state.CASE_ID] = items[0].id
    return items[0].id


def _open(ctx: PageContext, case_id: str) -> OpenCase:
    audited = st.session_state.setdefault(state.WIZARD_AUDITED, [])
    case = cases.open_case(ctx.store, ctx.actor, case_id, audit_view=case_id not in audited)
    if case_id not in audited:
        audited.append(case_id)
    return case


def _on_part(w: Wiz) -> None:
    section = st.session_state.get(state.W_WZ_PART)
    if not section:
        return
    record = w.fresh()
    w.move(flow.first_open(step_for(section), record))


def _on_goto(w: Wiz, path: str) -> None:
    record = w.fresh()
    pos = flow.position_for_path(path, record)
    if pos is not None:
        w.move(pos)


def _on_reply(w: Wiz, comment_id: str) -> None:
    text = str(st.session_state.get(state.W_WZ_REPLY_PREFIX + comment_id) or "")
    try:
        w.set_base(review.reply_comment(w.ctx.store, w.ctx.actor, w.case_id,
                                        comment_id=comment_id, text=text, base_version=w.base))
        w.notice("success", w.ctx.t("Your answer was sent to your legal team."))
    except AsylumPrepError as exc:
        w.failed(exc)


def _question_label(t: Callable[[str], str], path: str) -> str:
    found = question_for(path)
    return t(found[2].label) if found else path


def _requests(w: Wiz, record: CaseRecord) -> None:
    """Every open question from the legal team, on every screen until it is settled."""
    t = w.ctx.t
    requests: list[Comment] = review.open_requests(record)
    for comment in requests:
        with st.container(border=True):
            st.warning(t("Your legal team has a question about \"{question}\":",
                         question=md_escape(_question_label(t, comment.path))),
                       icon=":material/help:")
            show_request(st, t, record, comment, applicant=w.ctx.actor.role is Role.applicant)
            if comment.reply:
                st.caption(t("Your answer:"))
                st.text(comment.reply)
            key = state.W_WZ_REPLY_PREFIX + comment.id
            st.text_area(t("Your answer to your legal team"), key=key, height=100)
            row = st.container(horizontal=True, gap="small")  # one block, not three
            row.button(t("Send my answer"), key=state.W_WZ_REPLY_SEND_PREFIX + comment.id,
                       on_click=_on_reply, args=(w, comment.id))
            row.button(t("Go to this question"), key=state.W_WZ_GOTO_PREFIX + comment.id,
                       on_click=_on_goto, args=(w, comment.path))


def _header(w: Wiz, record: CaseRecord, pos: flow.Position) -> None:
    t = w.ctx.t
    number = step_index(pos.section) + 1
    step = step_for(pos.section)
    st.progress(flow.progress(record, pos),
                text=t("Part {n} of {total}: {title}", n=number, total=len(STEPS),
                       title=t(step.title)))
    options = [s.key.value for s in STEPS]

    def label(section: str) -> str:
        status = answers.section_status(record, section)
        asks = len(review.open_requests(record, section))
        text = t("Part {n}: {title} ({status})", n=options.index(section) + 1,
                 title=t(step_for(section).title), status=status_label(t, status))
        if asks:
            text += " - " + t.plural("{n} question from your legal team",
                                     "{n} questions from your legal team", asks)
        return text

    st.session_state[state.W_WZ_PART] = pos.section
    st.selectbox(t("Go to part"), options, key=state.W_WZ_PART, format_func=label,
                 on_change=_on_part, args=(w,), placeholder=t("Choose an option"),
                 filter_mode=None)


def render_wizard(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Your story"))
    with shown_errors(t):
        case_id = case_for(ctx)
        if case_id is None:
            st.info(t("Open a case first.") if ctx.actor.role is not Role.applicant else
                    t("Your legal team has not opened your case yet. Please come back later."))
            return
        case = _open(ctx, case_id)
        w = Wiz(ctx, case_id)
        w.set_base(case.version)
        if ctx.actor.role is not Role.applicant:
            st.caption(t("You are filling in answers for your client. Each answer is saved "
                         "under your name in the history."))
        pos = w.position(case.record)
        w.remember(pos)
        st.caption(t("Your answers are saved as you give them. You can stop at any time and "
                     "continue later."))
        if ctx.actor.role is Role.applicant:
            show_all_sent(t, case.record)
        _header(w, case.record, pos)
        _requests(w, case.record)
        RENDER[pos.section](ctx, case)


def render_progress_summary(ctx: PageContext, case: OpenCase) -> None:
    """For the applicant's home: how far she is in each part, and questions waiting."""
    from asylum_prep.forms.questions import count_answered

    t = ctx.t
    record = case.record
    st.subheader(t("Your answers"), anchor=False)
    done = total = 0
    for number, step in enumerate(STEPS, start=1):
        answered, screens_total = count_answered(step, record)
        done += answered
        total += screens_total
        status = answers.section_status(record, step.key.value)
        line = t("Part {n}: {title} ({status})", n=number, title=t(step.title),
                 status=status_label(t, status))
        (st.success if status is SectionStatus.approved else st.write)(line)
    st.progress(done / total if total else 0.0,
                text=t("{done} of {total} questions answered", done=done, total=total))
    show_all_sent(t, record)
    asks = len(review.open_requests(record))
    if asks:
        st.warning(t.plural("Your legal team has {n} question for you.",
                            "Your legal team has {n} questions for you.", asks))
