"""Drawing a wizard step one screen at a time, with every action saved as it happens.

Actions are button callbacks (they run before the page is drawn again, so they may reset an
answer box): each calls services.answers / services.review with the version the screen was
drawn from and records a calm notice ("Saved.") or the translated error. A refused or
conflicting save leaves the typed text in its box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.domain.review import SectionStatus
from asylum_prep.errors import AsylumPrepError, StaleVersionError
from asylum_prep.forms import flow
from asylum_prep.forms.questions import ListSpec, Question, Step, is_answered
from asylum_prep.forms.validation import validate_answer
from asylum_prep.i18n_dates import format_fuzzy, localize_leading_date
from asylum_prep.services import answers, cases, review
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.wizard import fields


@dataclass(frozen=True)
class Wiz:
    ctx: PageContext
    case_id: str

    @property
    def pos_key(self) -> str:
        return f"{self.case_id}:{self.ctx.actor.id}"

    @property
    def base(self) -> int:
        return int(st.session_state.setdefault(state.WIZARD_BASE, {}).get(self.case_id, 0))

    def set_base(self, version: int) -> None:
        st.session_state.setdefault(state.WIZARD_BASE, {})[self.case_id] = version

    def position(self, record: CaseRecord) -> flow.Position:
        saved = flow.from_state(st.session_state.setdefault(state.WIZARD_POS, {})
                                .get(self.pos_key))
        return saved or flow.resume_position(record)

    def remember(self, pos: flow.Position) -> None:
        st.session_state.setdefault(state.WIZARD_POS, {})[self.pos_key] = flow.to_state(pos)

    def move(self, pos: flow.Position) -> None:
        self.remember(pos)
        st.session_state.pop(state.WIZARD_CONFIRM_DELETE, None)

    def fresh(self, *, adopt: bool = False) -> CaseRecord:
        """The current record. With `adopt`, later saves are based on it (after the person
        was shown that someone else changed an answer)."""
        case = cases.open_case(self.ctx.store, self.ctx.actor, self.case_id, audit_view=False)
        if adopt:
            self.set_base(case.version)
        return case.record

    def notice(self, kind: str, text: str, path: str = "") -> None:
        st.session_state[state.WIZARD_NOTICE] = (kind, text, path)

    def failed(self, exc: AsylumPrepError, path: str = "") -> None:
        self.notice("error", exc.message(self.ctx.t), path)


def editable(ctx: PageContext, record: CaseRecord, section: str) -> bool:
    if ctx.actor.role is Role.applicant:
        return answers.section_status(record, section) in answers.EDITABLE_BY_APPLICANT
    return ctx.actor.role in (Role.attorney, Role.paralegal)


# --- actions (button callbacks) -----------------------------------------------------------------

def _save_box(w: Wiz, step: Step, question: Question, path: str, model: Any) -> bool:
    """Save the box of `path` if it changed. False when refused (the text stays)."""
    key = fields.box_key(path)
    if key not in st.session_state:
        return True
    record = w.fresh()
    stored = get_path(record, path)
    shown = fields.box_value(question, stored, is_answered(record, path))
    box = st.session_state[key]
    if not fields.changed(question, box, shown):
        return True
    settings = w.ctx.store.settings
    try:
        value = validate_answer(model, question.field, fields.to_raw(question, box),
                                lang=w.ctx.t.lang, max_chars=settings.max_answer_chars)
        version = answers.save_answer(w.ctx.store, w.ctx.actor, w.case_id, path=path,
                                      value=value, base_version=w.base)
    except StaleVersionError as exc:
        now = fields.box_value(question, get_path(w.fresh(adopt=True), path), True)
        w.failed(exc, path)
        kind, text, where = st.session_state[state.WIZARD_NOTICE]
        saved = w.ctx.t("Your text is still in the box; press Next to save yours instead. "
                        "The answer saved now is:")
        st.session_state[state.WIZARD_NOTICE] = (kind, f"{text}\n\n{saved}", where,
                                                 str(now or "")[:2000])
        return False
    except AsylumPrepError as exc:
        w.failed(exc, path)
        return False
    w.set_base(version)
    w.notice("success", w.ctx.t("Saved."), path)
    return True


def _refused_now(path: str) -> bool:
    """The answer box's own change callback was refused in this same round (the person
    typed and pressed a button at once): stay, so they see why."""
    notice: tuple[str, ...] | None = st.session_state.get(state.WIZARD_NOTICE)
    return notice is not None and notice[0] == "error" and notice[2] == path


def on_next(w: Wiz, step: Step, question: Question | None, path: str, model: Any) -> None:
    if _refused_now(path):
        return
    if question is not None and not _save_box(w, step, question, path, model):
        return
    record = w.fresh()
    w.move(flow.next_position(w.position(record), record))


def on_back(w: Wiz, step: Step, question: Question | None, path: str, model: Any) -> None:
    if _refused_now(path):
        return
    if question is not None and not _save_box(w, step, question, path, model):
        return
    record = w.fresh()
    w.move(flow.previous_position(w.position(record), record))


def on_mark(w: Wiz, path: str, kind: str) -> None:
    try:
        record = w.fresh()
        if kind == "unknown" or not is_answered(record, path) or path in record.skipped:
            w.set_base(answers.mark_unknown(w.ctx.store, w.ctx.actor, w.case_id, path=path,
                                            base_version=w.base, kind=kind))
            w.notice("success", w.ctx.t("Saved. You can come back to this question later."))
    except AsylumPrepError as exc:
        w.failed(exc, path)
        return
    fields.reset_box(path)
    record = w.fresh()
    w.move(flow.next_position(w.position(record), record))


def on_add(w: Wiz, list_path: str) -> None:
    try:
        item_id, version = answers.add_item(w.ctx.store, w.ctx.actor, w.case_id,
                                            list_path=list_path, base_version=w.base)
    except AsylumPrepError as exc:
        w.failed(exc)
        return
    w.set_base(version)
    record = w.fresh()
    w.move(flow.edit_item(w.position(record), record, item_id))


def on_edit(w: Wiz, item_id: str) -> None:
    record = w.fresh()
    w.move(flow.edit_item(w.position(record), record, item_id))


def on_move(w: Wiz, list_path: str, item_id: str, offset: int) -> None:
    try:
        w.set_base(answers.move_item(w.ctx.store, w.ctx.actor, w.case_id, list_path=list_path,
                                     item_id=item_id, offset=offset, base_version=w.base))
        w.notice("success", w.ctx.t("Saved."))
    except AsylumPrepError as exc:
        w.failed(exc)


def on_delete(w: Wiz, list_path: str, item_id: str, confirmed: bool) -> None:
    if not confirmed:
        st.session_state[state.WIZARD_CONFIRM_DELETE] = item_id
        return
    st.session_state.pop(state.WIZARD_CONFIRM_DELETE, None)
    try:
        w.set_base(answers.delete_item(w.ctx.store, w.ctx.actor, w.case_id, list_path=list_path,
                                       item_id=item_id, base_version=w.base))
        w.notice("success", w.ctx.t("The entry was deleted."))
    except AsylumPrepError as exc:
        w.failed(exc)


def on_cancel_delete() -> None:
    st.session_state.pop(state.WIZARD_CONFIRM_DELETE, None)


def on_list_done(w: Wiz, step: Step, question: Question, path: str, model: Any) -> None:
    if _refused_now(path) or not _save_box(w, step, question, path, model):
        return
    pos = w.position(w.fresh())
    w.move(flow.Position(pos.section, pos.screen))


def on_submit(w: Wiz, section: str) -> None:
    try:
        w.set_base(review.submit_section(w.ctx.store, w.ctx.actor, w.case_id, section=section,
                                         base_version=w.base))
        w.notice("success", w.ctx.t("Sent to your legal team. Thank you."))
    except AsylumPrepError as exc:
        w.failed(exc)


# --- drawing ------------------------------------------------------------------------------------

def _show_notice(t: Any) -> None:
    notice = st.session_state.pop(state.WIZARD_NOTICE, None)
    if not notice:
        return
    kind, text = notice[0], md_escape(notice[1])  # a message may quote what was typed
    if kind == "error":
        st.error(text, icon=":material/error:")
        if len(notice) > 3:
            st.text(notice[3])  # someone's answer: shown as plain text, never markdown
    else:
        st.success(text, icon=":material/check_circle:")


def _nav(w: Wiz, step: Step, question: Question | None, path: str, model: Any, *,
         can_edit: bool, offer_unknown: bool, offer_skip: bool) -> None:
    t = w.ctx.t
    args = (w, step, question, path, model)
    cols = st.columns(4)
    cols[0].button(t("Back"), key=state.W_WZ_BACK, on_click=on_back, args=args)
    cols[1].button(t("Next"), key=state.W_WZ_NEXT, type="primary", on_click=on_next, args=args)
    if can_edit and offer_unknown:
        cols[2].button(t("I don't know"), key=state.W_WZ_UNKNOWN, on_click=on_mark,
                       args=(w, path, "unknown"))
    if can_edit and offer_skip:
        cols[3].button(t("Skip for now"), key=state.W_WZ_SKIP, on_click=on_mark,
                       args=(w, path, "skip"))


def _question(w: Wiz, step: Step, record: CaseRecord, question: Question, path: str,
              model: Any, *, can_edit: bool) -> None:
    t = w.ctx.t
    stored = get_path(record, path)
    answered = is_answered(record, path)
    fields.draw(question, path, t, initial=fields.box_value(question, stored, answered),
                disabled=not can_edit, lang=t.lang, on_change=_save_box,
                args=(w, step, question, path, model))
    if isinstance(stored, FuzzyDate):
        st.caption(t("Saved as: {date}",
                     date=md_escape(format_fuzzy(stored, t, with_gregorian=True))))
    st.caption(t("Why we ask: {why}", why=t(question.why)))
    if record.skipped.get(path) == "unknown":
        st.caption(t("You answered \"I don't know\". You can still write an answer."))
    elif record.skipped.get(path) == "skip":
        st.caption(t("You skipped this question for now."))
    _show_notice(t)
    _nav(w, step, question, path, model, can_edit=can_edit,
         offer_unknown=question.allow_unknown, offer_skip=True)


def _list_overview(w: Wiz, step: Step, record: CaseRecord, spec: ListSpec, *,
                   can_edit: bool) -> None:
    t = w.ctx.t
    st.subheader(t(spec.title), anchor=False)
    st.write(t(spec.intro))
    if spec.why:
        st.caption(t("Why we ask: {why}", why=t(spec.why)))
    items = get_path(record, spec.path) or []
    if not items:
        st.info(t(spec.empty_label))
    confirm = st.session_state.get(state.WIZARD_CONFIRM_DELETE)
    for number, item in enumerate(items, start=1):
        with st.container(border=True):
            summary = localize_leading_date(spec.summary(item), t)
            st.markdown(t("Entry {n}: {summary}", n=number, summary=md_escape(summary)) if summary
                        else t("Entry {n}", n=number))
            if not can_edit:
                continue
            cols = st.columns(4)
            cols[0].button(t("Edit"), key=state.W_WZ_EDIT_PREFIX + item.id, on_click=on_edit,
                           args=(w, item.id))
            cols[1].button(t("Move up"), key=state.W_WZ_UP_PREFIX + item.id, on_click=on_move,
                           args=(w, spec.path, item.id, -1), disabled=number == 1)
            cols[2].button(t("Move down"), key=state.W_WZ_DOWN_PREFIX + item.id,
                           on_click=on_move, args=(w, spec.path, item.id, 1),
                           disabled=number == len(items))
            cols[3].button(t("Delete"), key=state.W_WZ_DELETE_PREFIX + item.id,
                           on_click=on_delete, args=(w, spec.path, item.id, False))
            if confirm == item.id:
                st.warning(t("Delete entry {n}? Your legal team can still see it in the "
                             "history of your answers.", n=number))
                yes, no = st.columns(2)
                yes.button(t("Yes, delete it"), key=state.W_WZ_DELETE_YES, on_click=on_delete,
                           args=(w, spec.path, item.id, True))
                no.button(t("No, keep it"), key=state.W_WZ_DELETE_NO, on_click=on_cancel_delete)
    if can_edit:
        st.button(t(spec.add_label), key=state.W_WZ_ADD, on_click=on_add, args=(w, spec.path),
                  icon=":material/add:")
    _show_notice(t)
    _nav(w, step, None, spec.path, None, can_edit=can_edit, offer_unknown=False,
         offer_skip=not items)


def _item_screen(w: Wiz, step: Step, record: CaseRecord, spec: ListSpec, pos: flow.Position,
                 *, can_edit: bool) -> None:
    t = w.ctx.t
    items = get_path(record, spec.path) or []
    number = next((i for i, item in enumerate(items, start=1) if item.id == pos.item_id), None)
    question = next((q for q in spec.questions if q.field == pos.item_field), None)
    if number is None or question is None:
        w.move(flow.Position(pos.section, pos.screen))
        st.rerun()
        return
    st.subheader(t("{list}: entry {n}", list=t(spec.title), n=number), anchor=False)
    path = question.path(step.key.value, spec.path, pos.item_id)
    _question(w, step, record, question, path, step.item_models[spec.path], can_edit=can_edit)
    st.button(t("Back to the list"), key=state.W_WZ_DONE, on_click=on_list_done,
              args=(w, step, question, path, step.item_models[spec.path]))


def _end_screen(w: Wiz, step: Step, record: CaseRecord) -> None:
    t = w.ctx.t
    status = answers.section_status(record, step.key.value)
    st.subheader(t("You reached the end of this part: {title}.", title=t(step.title)),
                 anchor=False)
    if status is SectionStatus.approved:
        st.success(t("Your legal team approved this part."), icon=":material/verified:")
    elif status is SectionStatus.submitted:
        st.info(t("This part is with your legal team for review."))
    else:
        st.write(t("When you are ready, send this part to your legal team. They will read it "
                   "and may ask you questions. You can also go on and send it later."))
        st.button(t("Send this part to my legal team"), key=state.W_WZ_SUBMIT,
                  on_click=on_submit, args=(w, step.key.value), type="primary")
    _show_notice(t)
    _nav(w, step, None, "", None, can_edit=False, offer_unknown=False, offer_skip=False)


def render_step(ctx: PageContext, case: OpenCase, step: Step) -> None:
    """Draw the current screen of `step` (the wizard page calls the step's `render`)."""
    t = ctx.t
    w = Wiz(ctx, case.id)
    record = case.record
    pos = w.position(record)
    if pos.section != step.key.value:
        pos = flow.start_of(step, record)
        w.remember(pos)
    can_edit = editable(ctx, record, step.key.value)
    status = answers.section_status(record, step.key.value)
    if not can_edit and ctx.actor.role is Role.applicant:
        st.info(t("Your legal team has approved this part. You can read your answers; to change "
                  "one, tell your legal team.") if status is SectionStatus.approved else
                t("This part is with your legal team for review. You can read your answers, "
                  "but not change them until they reply."))
    if pos.screen == flow.END:
        _end_screen(w, step, record)
        return
    index, screen = flow.current_screen(pos, record)
    if screen is None:
        _end_screen(w, step, record)
        return
    if screen.list_spec is not None:
        if pos.item_id is not None:
            _item_screen(w, step, record, screen.list_spec, pos, can_edit=can_edit)
        else:
            _list_overview(w, step, record, screen.list_spec, can_edit=can_edit)
        return
    assert screen.question is not None
    _question(w, step, record, screen.question, screen.path, step.input_model,
              can_edit=can_edit)
