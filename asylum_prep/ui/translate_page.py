"""The translator's page: each free-text answer in its own words beside an English box.

Per answer: where it sits (the wizard's question), a status badge (missing, out of date,
current), the original as plain text in its own script (`dir="auto"`, never Markdown), and an
English text area with its own Save. Saves are button callbacks based on the version the page
was drawn from; a refused or stale save shows why and leaves the typed text in its box.
The attorney and paralegal also set the language the applicant answers in here. The
requests to the applicant (`translate_requests`) and the foreign-language exhibits
(`translate_exhibits`) have their own sections.
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.documents.build_certificates import language_name
from asylum_prep.errors import AsylumPrepError, StaleVersionError
from asylum_prep.i18n_dates import format_moment
from asylum_prep.services import cases, translations
from asylum_prep.services.actor import Role
from asylum_prep.services.translations import STATUSES, Status, TranslationItem
from asylum_prep.ui import (
    html,
    state,
    translate_declaration,
    translate_exhibits,
    translate_requests,
)
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.translation_status import ORIGINAL, STATUS_COLOURS, STATUS_LABELS


def _base(case_id: str) -> int:
    return int(st.session_state.setdefault(state.TR_BASE, {}).get(case_id, 0))


def _notice(path: str, kind: str, text: str) -> None:
    st.session_state.setdefault(state.TR_NOTICE, {})[path] = (kind, text)


def _on_save(ctx: PageContext, case_id: str, path: str) -> None:
    t = ctx.t
    text = str(st.session_state.get(state.W_TR_TEXT_PREFIX + path) or "")
    try:
        version = translations.save_translation(ctx.store, ctx.actor, case_id, path=path,
                                                text=text, base_version=_base(case_id))
    except StaleVersionError as exc:
        _notice(path, "error", exc.message(t) + "\n\n" + t(
            "The applicant changed this answer while you were translating. Read the new "
            "words above; your text is still in the box."))
        return
    except AsylumPrepError as exc:
        _notice(path, "error", exc.message(t))
        return
    st.session_state[state.TR_BASE][case_id] = version
    _notice(path, "success", t("The translation was saved."))


def _on_language(ctx: PageContext, case_id: str) -> None:
    code = str(st.session_state.get(state.W_TR_LANGUAGE) or "")
    try:
        version = translations.set_answer_language(ctx.store, ctx.actor, case_id,
                                                   language=code, base_version=_base(case_id))
    except AsylumPrepError as exc:
        _notice("", "error", exc.message(ctx.t))
        return
    st.session_state[state.TR_BASE][case_id] = version
    _notice("", "success", ctx.t("The language of the answers was saved."))


def _show_notice(path: str) -> None:
    notice = st.session_state.setdefault(state.TR_NOTICE, {}).pop(path, None)
    if notice is None:
        return
    kind, text = notice
    if kind == "error":
        st.error(html.md_escape(text), icon=":material/error:")
    else:
        st.success(html.md_escape(text), icon=":material/check_circle:")


def _language_picker(ctx: PageContext, case_id: str, current: str) -> None:
    t = ctx.t
    if ctx.actor.role not in (Role.attorney, Role.paralegal):
        return
    options = translations.language_choices(current)
    if st.session_state.get(state.W_TR_LANGUAGE) not in options:
        st.session_state[state.W_TR_LANGUAGE] = current
    cols = st.columns([3, 1], vertical_alignment="bottom")
    cols[0].selectbox(t("The applicant answers in"), options, key=state.W_TR_LANGUAGE,
                      format_func=lambda c: translations.language_label(c, t.lang),
                      placeholder=t("Choose an option"))
    cols[1].button(t("Save the language"), key=state.W_TR_LANGUAGE_SAVE,
                   on_click=_on_language, args=(ctx, case_id))
    st.caption(t("This is the language of the answers, not of the screens: the applicant may "
                 "use the app in another language."))


def _item(ctx: PageContext, case_id: str, item: TranslationItem) -> None:
    t = ctx.t
    with st.container(border=True):
        st.markdown(html.md_escape(item.label.text(t)))
        st.badge(t(STATUS_LABELS[item.status]), color=STATUS_COLOURS[item.status])
        left, right = st.columns(2)
        with left:
            st.caption(t("The applicant's words ({language})",
                         language=html.md_escape(language_name(item.language, t.lang))))
            html.show(ORIGINAL, lang=item.language.replace("_", "-"), text=item.original)
        with right:
            key = state.W_TR_TEXT_PREFIX + item.path
            if key not in st.session_state:
                st.session_state[key] = item.translation or ""
            st.text_area(t("English translation"), key=key, height=140)
            if item.status == "stale":
                st.warning(t("The applicant changed this answer after it was translated. "
                             "Check the translation against the words on the left and save "
                             "it again."), icon=":material/update:")
            if item.translated_by and item.at is not None:
                st.caption(t("Last saved by {name} on {date}.",
                             name=html.md_escape(item.translated_by),
                             date=format_moment(item.at, t.lang)))
            st.button(t("Save translation"), key=state.W_TR_SAVE_PREFIX + item.path,
                      on_click=_on_save, args=(ctx, case_id, item.path))
        _show_notice(item.path)


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Translations"))
    case_id = str(ctx.case_id or "")
    with shown_errors(t):
        case = cases.open_case(ctx.store, ctx.actor, case_id, audit_view=False)
        st.session_state.setdefault(state.TR_BASE, {})[case_id] = case.version
        items = translations.list_translation_items(ctx.store, ctx.actor, case_id)
        language = case.record.filing.answer_language or "en"
        st.caption(t("Case: {title}", title=html.md_escape(case.title)))
        _language_picker(ctx, case_id, language)
        _show_notice("")
        translate_requests.render(ctx, case_id, case.record)
        translate_declaration.render(ctx, case_id)
        _answers(ctx, case_id, items, language)
        translate_exhibits.render(ctx, case_id)


def _answers(ctx: PageContext, case_id: str, items: list[TranslationItem],
             language: str) -> None:
    t = ctx.t
    counts = {s: sum(1 for i in items if i.status == s) for s in STATUSES}
    st.write(t("{missing} not translated · {stale} out of date · {current} translated",
               **counts))
    if not items:
        st.info(t("There are no written answers to translate yet."))
        return
    if language == "en":
        st.info(t("The answers are in English; they need no translation unless the "
                  "language of the answers is changed."))
    shown: list[Status] = st.multiselect(
        t("Show"), list(STATUSES), default=["missing", "stale"],
        format_func=lambda s: t(STATUS_LABELS[s]), key=state.W_TR_FILTER,
        placeholder=t("Choose one or more"), select_all=False, filter_mode=None)
    visible = [i for i in items if i.status in shown]
    on_screen = {i.path for i in visible}
    for item in items:  # a notice of an answer the filter now hides (e.g. just saved)
        if item.path not in on_screen and item.path in st.session_state.get(
                state.TR_NOTICE, {}):
            st.caption(html.md_escape(item.label.text(t)))
            _show_notice(item.path)
    if not visible:
        st.success(t("Nothing to show with these filters."))
    for item in visible:
        _item(ctx, case_id, item)
