"""The legal team's declaration page: the paragraphs in both languages, edited in place.

Per paragraph: its number (headings have none), its state and whether the words are the
team's; one box per language and one Save (the team's first changed box rewrites it in that
language, a second changed box or the translator's saves a translation); the changed answers
old beside new with "Keep these words"; the applicant's questions; move, join, split, add and
delete. The translator sees the same page and may only save translations. Every action is a
button callback made on the version the page was drawn from; a refusal (someone else changed
it meanwhile, an empty box) is shown under the paragraph and nothing is changed. History,
differences and restore: `ui/declaration_history.py`.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from asylum_prep.documents.build_certificates import language_name
from asylum_prep.domain.declaration import Kind, State
from asylum_prep.errors import N_
from asylum_prep.services import declaration, declaration_confirm
from asylum_prep.services.actor import Role
from asylum_prep.services.declaration import DeclarationView, ParagraphView
from asylum_prep.ui import declaration_history, html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.declaration_actions import act, show_notice
from asylum_prep.ui.edge import shown_errors

TEAM = (Role.attorney, Role.paralegal)
STATE_LABELS: dict[State, str] = {
    State.generated: N_("Generated from the answers"),
    State.edited: N_("Edited"),
    State.source_changed: N_("An answer changed"),
    State.confirmed: N_("Confirmed by the applicant"),
}
STATE_COLOURS: dict[State, Literal["gray", "blue", "orange", "green"]] = {
    State.generated: "gray", State.edited: "blue", State.source_changed: "orange",
    State.confirmed: "green"}
WORDS = """
<div dir="auto" lang="{{ lang }}" style="white-space: pre-wrap; unicode-bidi: plaintext;
     padding: 0.25rem 0.5rem; border-inline-start: 3px solid #999;">{{ text }}</div>
"""


def _on_save(ctx: PageContext, case_id: str, p: ParagraphView) -> None:
    """The team's first changed box rewrites the paragraph in its language; a second changed
    box is its translation. The translator's boxes are translations."""
    s, a = ctx.store, ctx.actor
    typed = {lang: str(st.session_state.get(f"{state.W_DECL_TEXT}{p.id}_{lang}") or "")
             for lang in p.texts}  # read before a save draws the boxes afresh
    changed = [lg for lg in sorted(p.texts, key=lambda lg: lg != p.written_in)
               if typed[lg].strip() != p.texts[lg].strip()]
    written = changed[0] if changed and a.role in TEAM else None
    for lang in changed:
        def save(version: int, lang: str = lang, text: str = typed[lang]) -> int:
            if lang == written:
                return declaration.edit_paragraph(s, a, case_id, paragraph_id=p.id, lang=lang,
                                                  text=text, base_version=version)
            return declaration_confirm.translate_paragraph(
                s, a, case_id, paragraph_id=p.id, lang=lang, text=text, base_version=version)

        act(ctx, case_id, p.id, save)


def _buttons(ctx: PageContext, case_id: str, view: DeclarationView, i: int) -> None:
    t, s, a = ctx.t, ctx.store, ctx.actor
    p = view.paragraphs[i]
    key = f"{state.W_DECL_PREFIX}b_{p.id}_"
    cols = st.columns(5)
    before = view.paragraphs[i - 2].id if i >= 2 else None
    if i > 0:
        cols[0].button(t("Move up"), key=key + "up", on_click=act, args=(
            ctx, case_id, p.id, lambda v: declaration.move_paragraph(
                s, a, case_id, paragraph_id=p.id, after=before, base_version=v)))
    if i + 1 < len(view.paragraphs):
        after = view.paragraphs[i + 1].id
        cols[1].button(t("Move down"), key=key + "down", on_click=act, args=(
            ctx, case_id, p.id, lambda v: declaration.move_paragraph(
                s, a, case_id, paragraph_id=p.id, after=after, base_version=v)))
        cols[2].button(t("Join with the next paragraph"), key=key + "merge", on_click=act,
                       args=(ctx, case_id, p.id, lambda v: declaration.merge_paragraphs(
                           s, a, case_id, paragraph_id=p.id, base_version=v)))
    cols[3].button(t("Delete"), key=key + "delete", on_click=act, args=(
        ctx, case_id, p.id, lambda v: declaration.delete_paragraph(
            s, a, case_id, paragraph_id=p.id, base_version=v)))
    if p.state is State.source_changed:
        cols[4].button(t("Keep these words"), key=key + "keep", on_click=act, args=(
            ctx, case_id, p.id, lambda v: declaration.keep_paragraph(
                s, a, case_id, paragraph_id=p.id, base_version=v)))
    with st.expander(t("Split or add a paragraph")):
        split_key, add_key = key + "split_words", key + "add_words"
        st.text_input(t("Split before these words"), key=split_key)
        st.button(t("Split"), key=key + "split", on_click=act, args=(
            ctx, case_id, p.id, lambda v: declaration.split_paragraph(
                s, a, case_id, paragraph_id=p.id, base_version=v, at=_split_at(
                    p, str(st.session_state.get(split_key) or "")))))
        st.text_area(t("Add a paragraph after this one"), key=add_key)
        st.button(t("Add"), key=key + "add", on_click=act, args=(
            ctx, case_id, p.id, lambda v: declaration.add_paragraph(
                s, a, case_id, after=p.id, lang=p.written_in, base_version=v,
                text=str(st.session_state.get(add_key) or ""))))


def _split_at(p: ParagraphView, words: str) -> int:
    """Where `words` begin in the written wording (0 when absent: the split is refused)."""
    found = p.texts[p.written_in].find(words.strip()) if words.strip() else -1
    return max(found, 0)


def _sources(ctx: PageContext, p: ParagraphView) -> None:
    t = ctx.t
    changed = [src for src in p.sources if src.changed]
    with st.expander(t("The answers it comes from"), expanded=bool(changed)):
        for src in p.sources:
            st.caption(html.md_escape(src.label.text(t)))
            if src.changed:
                left, right = st.columns(2)
                left.caption(t("When it was written"))
                with left:
                    html.show(WORDS, lang="", text=src.then)
                right.caption(t("Now"))
                with right:
                    html.show(WORDS, lang="", text=src.now)
            else:
                html.show(WORDS, lang="", text=src.now)


def _paragraph(ctx: PageContext, case_id: str, view: DeclarationView, i: int) -> None:
    t = ctx.t
    p = view.paragraphs[i]
    team = ctx.actor.role in TEAM
    with st.container(border=True):
        mark = f"{p.number}." if p.number else ""
        if p.kind is Kind.heading:
            st.markdown("**" + html.md_escape(p.texts[p.written_in]) + "**")
        st.badge((mark + " " if mark else "") + t(STATE_LABELS[p.state]),
                 color=STATE_COLOURS[p.state])
        if p.team_wording and p.state is not State.confirmed:
            st.badge(t("The legal team's words"), color="violet")
        cols = st.columns(len(p.texts))
        for col, lang in zip(cols, sorted(p.texts, key=lambda lg: lg == "en"), strict=True):
            key = f"{state.W_DECL_TEXT}{p.id}_{lang}"
            if key not in st.session_state:
                st.session_state[key] = p.texts[lang]
            col.text_area(language_name(lang, t.lang), key=key, height=120,
                          disabled=lang == p.written_in and not team)
            if p.translation.get(lang) != "current":
                col.warning(t("The translation is missing or out of date."),
                            icon=":material/update:")
        st.button(t("Save the paragraph"), key=f"{state.W_DECL_PREFIX}save_{p.id}",
                  on_click=_on_save, args=(ctx, case_id, p))
        for q in p.questions:
            st.info(t("The applicant asks: {question}", question=html.md_escape(q.text)),
                    icon=":material/help:")
            if team:
                st.button(t("Mark as answered"), key=f"{state.W_DECL_PREFIX}q_{q.id}",
                          on_click=act, args=(ctx, case_id, p.id, lambda v, qid=q.id: (
                              declaration_confirm.resolve_question(
                                  ctx.store, ctx.actor, case_id, question_id=qid,
                                  base_version=v))))
        if p.sources:
            _sources(ctx, p)
        if team:
            _buttons(ctx, case_id, view, i)
        show_notice(p.id)


def _not_included(ctx: PageContext, case_id: str, view: DeclarationView) -> None:
    """Answers given since the team started editing (or never used): as the generator words
    them, each with Add, which puts it at the end (move it from there)."""
    t = ctx.t
    if not view.not_included or ctx.actor.role not in TEAM:
        return
    last = view.paragraphs[-1].id if view.paragraphs else None
    with st.container(border=True):
        st.warning(t("Answers the declaration does not use yet: {n}",
                     n=len(view.not_included)), icon=":material/new_releases:")
        for p in view.not_included:
            html.show(WORDS, lang=view.language.replace("_", "-"),
                      text=p.text(view.language))
            st.button(t("Add"), key=f"{state.W_DECL_PREFIX}take_{p.id}", on_click=act, args=(
                ctx, case_id, "", lambda v, pid=p.id: declaration.take_paragraph(
                    ctx.store, ctx.actor, case_id, paragraph_id=pid, after=last,
                    base_version=v)))


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Declaration"))
    case_id = str(ctx.case_id or "")
    with shown_errors(t):
        view = declaration.show_declaration(ctx.store, ctx.actor, case_id)
        st.session_state.setdefault(state.DECL_BASE, {})[case_id] = view.version
        if view.version == 0:
            st.info(t("This is the declaration generated from the answers. Your first change "
                      "saves it, and every change after that is kept as a version."))
        else:
            st.caption(t("Declaration version {version}.", version=view.version))
        if view.confirmed:
            st.success(t("The applicant confirmed this version."),
                       icon=":material/check_circle:")
        show_notice("")
        _not_included(ctx, case_id, view)
        for i in range(len(view.paragraphs)):
            _paragraph(ctx, case_id, view, i)
        declaration_history.render(ctx, case_id, view.version)
