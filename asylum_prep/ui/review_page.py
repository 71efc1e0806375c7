"""The review page body: each part with its state, every answer with its comments, a box to
comment or request a change, and the answer's history (drawn only while its expander is open,
so a part with many answers stays quick). Attorneys approve parts and request
changes; paralegals comment; everyone on the team reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import streamlit as st

from asylum_prep import countries
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.domain.review import SectionStatus
from asylum_prep.errors import N_, AsylumPrepError
from asylum_prep.forms.answer_kinds import FREE_TEXT
from asylum_prep.forms.questions import Question, Step, Widget, is_answered, item_questions
from asylum_prep.forms.registry import STEPS, step_for
from asylum_prep.forms.requests import REQUEST_TEMPLATES, request_text
from asylum_prep.i18n import Translator
from asylum_prep.i18n_dates import format_fuzzy, format_moment
from asylum_prep.services import answers, cases, review
from asylum_prep.services.actor import Role
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape, show_answer
from asylum_prep.ui.labels import skipped_label
from asylum_prep.ui.request_view import show_request

STATUS = {
    SectionStatus.draft: N_("Draft: not sent for review"),
    SectionStatus.submitted: N_("Sent for review"),
    SectionStatus.changes_requested: N_("Changes requested"),
    SectionStatus.approved: N_("Approved"),
}
ITEM_KINDS = {
    "screening_yes": N_("A screening answer is \"yes\": talk with your client about "
                        "\"{question}\"."),
    "changed_after_approval": N_("Changed after the part was approved: \"{question}\"."),
    "reply_waiting": N_("Your client replied to a comment on \"{question}\"."),
    "submitted": N_("A part is waiting for your review: {question}."),
}
DECLARATION_QUESTION = N_("Your client asked a question about paragraph {number} of the "
                          "declaration. It is on the Declaration page.")


def _notice(kind: str, text: str) -> None:
    st.session_state[state.REVIEW_NOTICE] = (kind, text)


def _act(ctx: PageContext, fn: Callable[..., Any], done: str, **kwargs: Any) -> None:
    base = int(st.session_state.get(state.WIZARD_BASE, {}).get(ctx.case_id, 0))
    try:
        version = fn(ctx.store, ctx.actor, ctx.case_id, base_version=base, **kwargs)
    except AsylumPrepError as exc:
        _notice("error", exc.message(ctx.t))
        return
    st.session_state.setdefault(state.WIZARD_BASE, {})[ctx.case_id] = (
        version[1] if isinstance(version, tuple) else version)
    _notice("success", ctx.t(done))


def _typed(path: str) -> tuple[str, str]:
    """(the request template chosen, the words typed) for the answer at `path`."""
    return (str(st.session_state.get(state.W_RV_TEMPLATE_PREFIX + path) or ""),
            str(st.session_state.get(state.W_RV_COMMENT_PREFIX + path) or ""))


def _clear_if_done(path: str) -> None:
    if st.session_state.get(state.REVIEW_NOTICE, ("",))[0] == "success":
        st.session_state[state.W_RV_COMMENT_PREFIX + path] = ""
        st.session_state[state.W_RV_TEMPLATE_PREFIX + path] = ""


def _on_request(ctx: PageContext, section: str, path: str) -> None:
    template, text = _typed(path)
    _act(ctx, review.request_changes, N_("The change was requested. Your client will see it."),
         section=section, path=path, comment=text, template=template)
    _clear_if_done(path)


def _on_note(ctx: PageContext, path: str) -> None:
    template, text = _typed(path)
    _act(ctx, review.add_comment, N_("The comment was saved."), path=path, text=text,
         template=template)
    _clear_if_done(path)


def show_value(t: Translator, question: Question, value: Any) -> str:
    """An answer as the reviewer reads it: dates in the interface language's calendar (as the
    wizard shows them), with what the applicant typed when that differs; a country by its name
    in the interface language."""
    if isinstance(value, dict) and "iso" in value:  # a date from the answer history (JSON)
        try:
            value = FuzzyDate.model_validate(value)
        except ValueError:
            return str(value.get("original") or value["iso"])
    if isinstance(value, FuzzyDate):
        shown = format_fuzzy(value, t, with_gregorian=True)
        return f"{shown} ({value.original})" if value.original and value.original not in (
            shown, value.display()) else shown
    if question.choices:
        labels = dict(question.choices)
        if isinstance(value, list):
            return ", ".join(t(labels.get(str(v), str(v))) for v in value)
        return t(labels.get(str(value), str(value)))
    if question.widget is Widget.country:
        return countries.name(str(value or ""), t.lang)
    if question.widget is Widget.yes_no:
        return {"yes": t("Yes"), "no": t("No")}.get(str(value), t("Not answered"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def answers_of(step: Step, record: CaseRecord) -> Iterator[tuple[str, Question, str]]:
    """(path, question, heading) for every answer of a part, list entries included."""
    section = getattr(record, step.key.value)
    for question in step.questions:
        if question.shown(section):
            yield question.path(step.key.value), question, ""
    for spec in step.lists:
        for number, item in enumerate(get_path(record, spec.path) or [], start=1):
            for question in item_questions(spec, item):
                yield (question.path(step.key.value, spec.path, item.id), question,
                       f"{spec.title}|{number}")


def _language_of(ctx: PageContext, record: CaseRecord, path: str, question: Question) -> str:
    """The language an answer is shown in: the applicant's words in the language she answers
    in; a choice, date, country or "not answered" in the interface language."""
    typed = question.widget in FREE_TEXT and is_answered(record, path) and not record.skipped.get(
        path)
    return (record.filing.answer_language or ctx.t.lang) if typed else ctx.t.lang


def _answer(ctx: PageContext, record: CaseRecord, section: str, path: str,
            question: Question) -> None:
    t = ctx.t
    value = get_path(record, path)
    shown = skipped_label(t, record.skipped.get(path, ""))
    if not shown:
        shown = show_value(t, question, value) if is_answered(record, path) else t(
            "Not answered")
    show_answer(shown, lang=_language_of(ctx, record, path, question), label=t(question.label))
    for comment in [c for c in record.comments if c.path == path]:
        box = st.container(border=True)
        box.caption(t("Comment from the legal team:"))
        show_request(box, t, record, comment, applicant=False)
        if comment.reply:
            box.caption(t("Your client's answer:"))
            show_answer(comment.reply, lang=record.filing.answer_language or ctx.t.lang,
                        where=box)
        if comment.resolved:
            box.caption(t("Settled."))
        elif ctx.actor.role in (Role.attorney, Role.paralegal):
            box.button(t("Mark as settled"), key=state.W_RV_RESOLVE_PREFIX + comment.id,
                       on_click=_act, args=(ctx, review.resolve_comment, N_("Marked as settled.")),
                       kwargs={"comment_id": comment.id})
    if ctx.actor.role not in (Role.attorney, Role.paralegal):
        return
    # Drawn only while open: a part's answers each carried five widgets here, and drawing
    # them all on every run made the page take seconds (opening one reruns the page).
    box = st.expander(t("Comment, request a change, or see the history"),
                      key=state.W_RV_MORE_PREFIX + path, on_change="rerun")
    if not box.open:
        return
    with box:
        st.selectbox(t("Kind of request"), ["", *REQUEST_TEMPLATES],
                     key=state.W_RV_TEMPLATE_PREFIX + path,
                     format_func=lambda key: request_text(t, record, key, path)
                     or t("Write my own"))
        st.text_area(t("Comment for your client"), key=state.W_RV_COMMENT_PREFIX + path,
                     height=80)
        cols = st.columns(3)
        if ctx.actor.role is Role.attorney:
            cols[0].button(t("Request a change"), key=state.W_RV_REQUEST_PREFIX + path,
                           on_click=_on_request, args=(ctx, section, path))
        cols[1].button(t("Add a comment"), key=state.W_RV_NOTE_PREFIX + path,
                       on_click=_on_note, args=(ctx, path))
        if cols[2].button(t("Show history"), key=state.W_RV_HISTORY_PREFIX + path):
            entries = review.answer_history(ctx.store, ctx.actor, ctx.case_id or "", path)
            if not entries:
                st.caption(t("No earlier answers."))
            for entry in entries:
                st.caption(t("Version {version}, {when}, by {who}:", version=entry.version,
                             when=format_moment(entry.at, t.lang),
                             who=md_escape(entry.who)))
                show_answer(show_value(t, question, entry.value)[:2000],
                            lang=_language_of(ctx, record, path, question))


def _review_items(ctx: PageContext, version: int) -> list[review.ReviewItem]:
    """What needs attention, asked of the service once per case version and page visit: it
    reads every version of the case (and audits the view), which grew with each save and ran
    on every click. The caller opened the case on this run, so access was checked on it."""
    key = (ctx.case_id, version, st.session_state.get(state.PAGE_VISIT, 0))
    cached = st.session_state.get(state.REVIEW_ITEMS)
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    items = review.review_items(ctx.store, ctx.actor, ctx.case_id or "")
    st.session_state[state.REVIEW_ITEMS] = (key, items)
    return items


def _items(ctx: PageContext, record: CaseRecord, version: int) -> None:
    t = ctx.t
    items = _review_items(ctx, version)
    if not items:
        return
    st.subheader(t("Needs your attention"), anchor=False)
    for item in items:
        from asylum_prep.forms.registry import question_for

        if item.kind == "declaration_question":
            st.warning(t(DECLARATION_QUESTION, number=item.paragraph))
            continue
        found = question_for(item.path)
        label = t(found[2].label) if found else t(step_for(item.section).title)
        st.warning(t(ITEM_KINDS[item.kind], question=label))


def _section_header(ctx: PageContext, record: CaseRecord, step: Step) -> None:
    t = ctx.t
    status = answers.section_status(record, step.key.value)
    text = t(STATUS[status])
    if status is SectionStatus.approved:
        st.success(text, icon=":material/verified:")
    elif status is SectionStatus.changes_requested:
        st.warning(text)
    else:
        st.info(text)
    if ctx.actor.role is Role.attorney and status in review.APPROVABLE:
        st.button(t("Approve this part"), key=state.W_RV_APPROVE, type="primary", on_click=_act,
                  args=(ctx, review.approve_section, N_("The part was approved.")),
                  kwargs={"section": step.key.value})
    if ctx.actor.role in (Role.attorney, Role.paralegal) and status in review.SUBMITTABLE:
        st.button(t("Mark this part as sent for review"), key=state.W_RV_SUBMIT, on_click=_act,
                  args=(ctx, review.submit_section, N_("The part is marked as sent for review.")),
                  kwargs={"section": step.key.value})


def render_review(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Review answers"))
    with shown_errors(t):
        if not ctx.case_id:
            st.info(t("Open a case first."))
            return
        audited = st.session_state.setdefault(state.WIZARD_AUDITED, [])
        case = cases.open_case(ctx.store, ctx.actor, ctx.case_id,
                               audit_view=ctx.case_id not in audited)
        if ctx.case_id not in audited:
            audited.append(ctx.case_id)
        st.session_state.setdefault(state.WIZARD_BASE, {})[ctx.case_id] = case.version
        record = case.record
        notice = st.session_state.pop(state.REVIEW_NOTICE, None)
        if notice:
            (st.error if notice[0] == "error" else st.success)(md_escape(notice[1]))
        if ctx.actor.role in (Role.attorney, Role.paralegal):
            _items(ctx, record, case.version)
        options = [s.key.value for s in STEPS]

        def label(section: str) -> str:
            status = answers.section_status(record, section)
            return t("Part {n}: {title} ({status})", n=options.index(section) + 1,
                     title=t(step_for(section).title), status=t(STATUS[status]))

        section = st.selectbox(t("Part"), options, key=state.W_RV_SECTION, format_func=label,
            placeholder=t("Choose an option"))
        step = step_for(section)
        _section_header(ctx, record, step)
        heading = ""
        for path, question, group in answers_of(step, record):
            if group != heading:
                heading = group
                title, number = group.split("|")
                st.subheader(t("{list}: entry {n}", list=t(title), n=int(number)), anchor=False)
            _answer(ctx, record, section, path, question)
