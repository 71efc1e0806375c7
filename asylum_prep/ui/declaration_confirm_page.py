"""The applicant confirms her declaration in her language, paragraph by paragraph.

Each paragraph in her language (plain text in its own script, never Markdown), its number,
and two choices: "This is right" (confirms it as it reads now) or a question for her legal
team. A paragraph the team is still working on (an answer changed, the translation is not
ready) says so instead. When every paragraph is confirmed, she confirms the whole. Staff
with her present use the same page to record her confirmation, and the name of the
interpreter who read it to her.
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.domain.declaration import Kind, State
from asylum_prep.errors import N_
from asylum_prep.services import declaration, declaration_confirm
from asylum_prep.services.actor import Role
from asylum_prep.services.declaration import DeclarationView, ParagraphView
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.declaration_actions import act, show_notice
from asylum_prep.ui.edge import shown_errors

WORDS = """
<div dir="auto" lang="{{ lang }}" style="white-space: pre-wrap; unicode-bidi: plaintext;
     font-size: 1.1rem; line-height: 1.7;">{{ text }}</div>
"""


def _ready(view: DeclarationView, p: ParagraphView) -> bool:
    return p.state is not State.source_changed and all(
        s == "current" for s in p.translation.values())


def _paragraph(ctx: PageContext, case_id: str, view: DeclarationView, p: ParagraphView) -> None:
    t, s, a = ctx.t, ctx.store, ctx.actor
    lang = view.language
    with st.container(border=True):
        words = p.texts.get(lang, "")
        if p.kind is Kind.heading:
            html.show("<h4 dir=\"auto\" lang=\"{{ lang }}\">{{ text }}</h4>", lang=lang,
                      text=words)
            return
        if p.number:
            st.caption(f"{p.number}.")
        html.show(WORDS, lang=lang.replace("_", "-"), text=words)
        if p.state is State.confirmed:
            st.success(t("You confirmed this paragraph."), icon=":material/check_circle:")
        elif not _ready(view, p):
            st.info(t("Your legal team is still working on this paragraph."),
                    icon=":material/hourglass_top:")
        else:
            st.button(t("This is right"), key=state.W_DECL_CONFIRM + p.id, type="primary",
                      on_click=act, args=(ctx, case_id, p.id, lambda v: (
                          declaration_confirm.confirm_paragraph(
                              s, a, case_id, paragraph_id=p.id, base_version=v))))
        ask = state.W_DECL_ASK + p.id
        with st.expander(t("Ask your legal team about this paragraph")):
            st.text_area(t("Your question"), key=ask)
            st.button(t("Send the question"), key=state.W_DECL_SEND + p.id, on_click=act,
                      args=(ctx, case_id, p.id, lambda v: declaration_confirm.ask_about_paragraph(
                          s, a, case_id, paragraph_id=p.id, base_version=v,
                          question=str(st.session_state.get(ask) or "")),
                          N_("Your question was sent to your legal team.")))
        show_notice(p.id)


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Read your declaration"))
    case_id = str(ctx.case_id or "")
    with shown_errors(t):
        view = declaration.show_declaration(ctx.store, ctx.actor, case_id)
        st.session_state.setdefault(state.DECL_BASE, {})[case_id] = view.version
        st.write(t("Read each paragraph, or listen while it is read to you. If it is right, "
                   "confirm it. If something is wrong or unclear, ask your legal team."))
        show_notice("")
        for p in view.paragraphs:
            _paragraph(ctx, case_id, view, p)
        if view.confirmed:
            st.success(t("You confirmed the whole declaration. Thank you."),
                       icon=":material/check_circle:")
            return
        numbered = [p for p in view.paragraphs if p.kind is not Kind.heading]
        if not numbered or any(p.state is not State.confirmed for p in numbered):
            return
        reader = ""
        if ctx.actor.role is not Role.applicant:
            reader = st.text_input(t("Who read it to the applicant (an interpreter's name)"),
                                   key=state.W_DECL_READER)
        st.button(t("I confirm the whole declaration"), key=state.W_DECL_CONFIRM_ALL,
                  type="primary", on_click=act, args=(
                      ctx, case_id, "", lambda v: declaration_confirm.confirm_declaration(
                          ctx.store, ctx.actor, case_id, base_version=v,
                          language=view.language, read_back_by=reader)))
