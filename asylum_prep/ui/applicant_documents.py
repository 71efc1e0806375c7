"""The applicant attaches evidence from her own pages: on the incident screen of the wizard
and in "Your documents" on her home page; and, before her first answer, picks the language
she will write in.

One file at a time, from the phone's own file picker. The file goes through
`services.evidence.add_evidence` (checked, cleaned, sealed); on the incident screen it is then
linked to that incident. She is told, in her language, what was removed ("Location removed.")
or why the file was refused; a refused file changes nothing. Her list shows the title, the
date added and what was removed, never the file itself unless she asks to see it (a shared or
watched phone should not show a summons to whoever picks it up).

Streamlit's uploader draws English text of its own ("Upload", the size limit); the shared
helper `ui.builtin_labels.translate_uploader` (also used by the evidence and country library
pages) hides it and puts translated text on the button, and the widget label is hidden behind
a translated caption. `st.camera_input` is deliberately not
used: a phone's file picker already offers "take a photo" in the phone's own language, while
Streamlit's camera widget shows untranslatable English and a link to an outside web site.
"""

from __future__ import annotations

import re

import streamlit as st

from asylum_prep.domain.evidence import EvidenceItem
from asylum_prep.errors import AsylumPrepError
from asylum_prep.i18n_dates import format_day
from asylum_prep.services import cases, translations
from asylum_prep.services import evidence as ev
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.storage.engine import Store
from asylum_prep.ui import builtin_labels, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.html import md_escape

WRITERS = frozenset({Role.applicant, Role.attorney, Role.paralegal})
HOME = "home"
def _round() -> int:
    return int(st.session_state.get(state.AD_ROUND, 0))


def _key(where: str) -> str:
    return f"{state.W_AD_UPLOAD_PREFIX}{where}_{_round()}"


def _on_add(ctx: PageContext, case_id: str, where: str, incident_id: str | None) -> None:
    t = ctx.t
    upload = st.session_state.get(_key(where))
    if upload is None:
        st.session_state[state.AD_RESULT] = (where, False, [t("Choose a file first.")])
        return
    name = str(getattr(upload, "name", "") or "photo")
    typed = str(st.session_state.get(state.W_AD_TITLE_PREFIX + where) or "").strip()
    title = typed or re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)[:200]
    try:
        version = cases.open_case(ctx.store, ctx.actor, case_id, audit_view=False).version
        evidence_id, version, notices = ev.add_evidence(
            ctx.store, ctx.actor, case_id, data=upload.getvalue(), filename=name, title=title,
            base_version=version)
    except AsylumPrepError as exc:
        st.session_state[state.AD_RESULT] = (where, False, [exc.message(t)])
        return
    lines = [t(n) for n in notices]
    if incident_id:
        try:
            ev.update_evidence(ctx.store, ctx.actor, case_id, evidence_id,
                               base_version=version, incidents=[incident_id])
        except AsylumPrepError as exc:
            lines.append(exc.message(t))
    st.session_state[state.AD_RESULT] = (where, True, lines)
    st.session_state[state.AD_ROUND] = _round() + 1
    st.session_state.pop(state.W_AD_TITLE_PREFIX + where, None)


def _result(ctx: PageContext, where: str) -> None:
    result = st.session_state.get(state.AD_RESULT)
    if not result or result[0] != where:
        return
    st.session_state.pop(state.AD_RESULT, None)
    _, ok, lines = result
    t = ctx.t
    if ok:
        st.success(t("Your document was added. Your legal team can see it."),
                   icon=":material/check_circle:")
        for line in lines:
            st.info(md_escape(line), icon=":material/shield:")
    else:
        for line in lines:
            st.error(md_escape(line), icon=":material/error:")
        st.caption(t("Nothing was added. You can try another file."))


def attach_control(ctx: PageContext, case_id: str, *, where: str,
                   incident_id: str | None = None) -> None:
    """Pick one file and add it; shows what was removed or why not."""
    t = ctx.t
    upload_key = _key(where)
    builtin_labels.translate_uploader(t, upload_key, button=t("Choose a file"),
                                      instructions=False)
    # True whether or not the team keeps originals: the applicant cannot see that setting.
    st.caption(t("A photo, a PDF, a Word document or a text file, up to {mb} MB. Hidden "
                 "details, such as the place a photo was taken, are removed from the copy that "
                 "is used. Your legal team may also keep the original file as it is.",
                 mb=ctx.store.settings.max_evidence_bytes // (1024 * 1024)))
    st.file_uploader(t("Choose a file"), key=upload_key, accept_multiple_files=False,
                     label_visibility="collapsed")
    st.text_input(t("A short name for it (optional)"), key=state.W_AD_TITLE_PREFIX + where,
                  max_chars=200, placeholder=t("For example: summons letter"))
    st.button(t("Attach"), key=state.W_AD_ADD_PREFIX + where, type="primary",
              on_click=_on_add, args=(ctx, case_id, where, incident_id),
              icon=":material/attach_file:")
    _result(ctx, where)


# --- the incident screen --------------------------------------------------------------------


def incident_attach(ctx: PageContext, case: OpenCase) -> None:
    """Under the "Is there anything that shows it happened?" question of an incident."""
    from asylum_prep.ui.wizard.widgets import Wiz

    if ctx.actor.role not in WRITERS:
        return
    pos = Wiz(ctx, case.id).position(case.record)
    if pos.section != "incidents" or pos.item_id is None or pos.item_field != "evidence_note":
        return
    if not any(item.id == pos.item_id for item in case.record.incidents.items):
        return
    t = ctx.t
    with st.container(border=True):
        st.subheader(t("Attach a photo or document"), anchor=False)
        st.write(t("If you have it on this phone or computer, you can add it here. It will be "
                   "kept with this event."))
        attach_control(ctx, case.id, where=pos.item_id, incident_id=pos.item_id)
        mine = [i for i in case.record.evidence
                if i.added_by == ctx.actor.id and pos.item_id in i.incidents]
        if mine:
            st.caption(t.plural("{n} document is attached to this event.",
                                "{n} documents are attached to this event.", len(mine)))


# --- the applicant's home -------------------------------------------------------------------


def _incident_names(case: OpenCase) -> dict[str, int]:
    return {item.id: n for n, item in enumerate(case.record.incidents.items, start=1)}


def _item_row(ctx: PageContext, case: OpenCase, item: EvidenceItem,
              incidents: dict[str, int]) -> None:
    t = ctx.t
    with st.container(border=True):
        st.text(item.title or item.filename)  # her words: plain text, never Markdown
        st.caption(t("Added on {date}.", date=format_day(item.added_at.date(), t.lang)))
        linked = sorted(incidents[i] for i in item.incidents if i in incidents)
        if linked:
            st.caption(t("Kept with: what happened to you, entry {numbers}.",
                         numbers=", ".join(str(n) for n in linked)))
        for removed in item.removed:  # stored with the item: shown as text, whatever it is
            st.caption(md_escape(t(removed)))
        key = state.W_AD_SHOW_PREFIX + item.id
        if st.toggle(t("Show it on this screen"), key=key):
            try:
                data, _ = ev.get_evidence_file(ctx.store, ctx.actor, case.id, item.id)
            except AsylumPrepError as exc:
                st.error(md_escape(exc.message(t)))
                return
            if item.mime.is_image:
                st.image(data, caption=None, alt=item.title or item.filename)
            else:
                st.caption(t("This kind of document cannot be shown here. Your legal team "
                             "can open it."))


def render_home_section(ctx: PageContext, case: OpenCase) -> None:
    """"Your documents": what she attached, and a place to attach one more."""
    t = ctx.t
    if ctx.actor.role not in WRITERS:
        return
    st.subheader(t("Your documents"), anchor=False)
    mine = [i for i in case.record.evidence if i.added_by == ctx.actor.id]
    if not mine:
        st.write(t("You have not added any documents yet. Papers, photos and messages that "
                   "show what happened can help your case."))
    incidents = _incident_names(case)
    for item in sorted(mine, key=lambda i: i.added_at, reverse=True):
        _item_row(ctx, case, item, incidents)
    _result(ctx, HOME)  # outside the expander, so it is seen even when that is closed
    with st.expander(t("Add a document"), icon=":material/attach_file:", expanded=not mine):
        attach_control(ctx, case.id, where=HOME)


def _on_language(ctx: PageContext, case_id: str) -> None:
    code = str(st.session_state.get(state.W_AD_ANSWER_LANGUAGE) or "")
    try:
        version = cases.open_case(ctx.store, ctx.actor, case_id, audit_view=False).version
        translations.set_answer_language(ctx.store, ctx.actor, case_id, language=code,
                                         base_version=version)
    except AsylumPrepError as exc:
        st.session_state[state.AD_RESULT] = ("language", False, [exc.message(ctx.t)])
        return
    st.session_state[state.AD_RESULT] = ("language", True, [])


def _still_default(case: OpenCase) -> bool:
    """Nothing written yet, and the answer language is still the default, English."""
    return ((case.record.filing.answer_language or "en") == "en"
            and not translations.text_answers(case.record))


def default_answer_language(store: Store, actor: Actor, lang: str) -> None:
    """An applicant who joined with the screen in her language: her answers are taken to be
    in that language, while her case still has the default (English) and nothing written.
    She can change it on her home page until her first written answer. Audited as any
    change of it; a refusal leaves the default."""
    if lang == "en" or lang not in translations.answer_languages():
        return
    try:
        own = cases.list_cases(store, actor)
        if not own:
            return
        case = cases.open_case(store, actor, own[0].id, audit_view=False)
        if _still_default(case):
            translations.set_answer_language(store, actor, case.id, language=lang,
                                             base_version=case.version)
    except AsylumPrepError:
        return  # the default stays; her home page offers the choice


def render_answer_language(ctx: PageContext, case: OpenCase) -> None:
    """Before her first written answer: which language will she write in? Offered first: the
    language of her screen, while the case has the default."""
    if ctx.actor.role is not Role.applicant or translations.text_answers(case.record):
        return
    t = ctx.t
    current = case.record.filing.answer_language or "en"
    options = translations.language_choices(current)
    suggested = t.lang if _still_default(case) and t.lang in options else current
    if st.session_state.get(state.W_AD_ANSWER_LANGUAGE) not in options:
        st.session_state[state.W_AD_ANSWER_LANGUAGE] = suggested
    st.subheader(t("The language of your answers"), anchor=False)
    st.selectbox(t("Which language will you write your answers in?"), options,
                 key=state.W_AD_ANSWER_LANGUAGE,
                 format_func=lambda c: translations.language_label(c, t.lang),
                 placeholder=t("Choose an option"))
    st.button(t("Save the language"), key=state.W_AD_ANSWER_LANGUAGE_SAVE,
              on_click=_on_language, args=(ctx, case.id))
    result = st.session_state.pop(state.AD_RESULT, None) \
        if (st.session_state.get(state.AD_RESULT) or ("",))[0] == "language" else None
    if result is not None:
        if result[1]:
            st.success(t("Saved. Your legal team will have your answers translated."))
        else:
            for line in result[2]:
                st.error(md_escape(line))
