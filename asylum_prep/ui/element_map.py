"""The element map on the case dashboard: for each legal element, the tool's reading (its
strength, the one-sentence reason, the test's parts met / not shown / against, the facts for
and against in the applicant's own words, the authorities, the next step as the question to
ask the client) and, beside it, the attorney's judgment (`ui.element_judgment`).

Strengths are told by a word and a mark shape as well as a colour, so no reader depends on
telling colours apart. Attorneys link and unlink answers by hand and judge; the paralegal
reads; the applicant never sees the map (`legal_panels.render_legal`). A fact quotes the
applicant's words in their own direction and language (`<bdi lang>`), so a Persian answer reads
right to left inside an English line. Answers are linked by hand only from what the wizard
asks in free text (not item ids, stored dates' raw text or codes).
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.domain.record import iter_text_answers
from asylum_prep.errors import N_
from asylum_prep.forms.answer_kinds import FREE_TEXT
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.forms.registry import question_for
from asylum_prep.i18n import format_list
from asylum_prep.legal import authorities, jurisdictions
from asylum_prep.legal.assessment import ElementAssessment, Fact
from asylum_prep.services import checks
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import element_judgment, html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.legal_report import done, report_for, tr
from asylum_prep.ui.strengths import strength_label

PART_STATUS = {"met": ("green", "✓", N_("Met")), "not_shown": ("orange", "?", N_("Not shown yet")),
               "against": ("violet", "✗", N_("Facts point against"))}


def authority_citation(authority_id: str) -> str:
    """How an authority is cited on screen: the library's citation for the id (legal.authorities;
    a test keeps every id the rules give in the library)."""
    return authorities.citation(authority_id)


def _asked_in_words(path: str) -> bool:
    """Whether a wizard question asks the answer at `path` in free text."""
    found = question_for(path)
    return found is not None and found[2].widget in FREE_TEXT


def link_choices(ctx: PageContext, case: OpenCase) -> dict[str, str]:
    """Every free-text answer of this case version as the link picker shows it (path ->
    "label — first words"), worked out once per case version and language in this session:
    every element's picker lists the same answers, and labelling them all for each element
    was most of the dashboard's time. A new version (any saved change) is a new key."""
    key = (case.id, case.version, ctx.t.lang)
    cached = st.session_state.get(state.LINK_CHOICES)
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    choices = {path: f"{answer_label(case.record, path).text(ctx.t)} \u2014 {text[:80]}"
               for path, text in iter_text_answers(case.record) if _asked_in_words(path)}
    st.session_state[state.LINK_CHOICES] = (key, choices)
    return choices


def _link_controls(ctx: PageContext, case: OpenCase, a: ElementAssessment) -> None:
    t = ctx.t
    linked = {f.path for f in a.facts}
    choices = link_choices(ctx, case)
    options = [path for path in choices if path not in linked]
    if not options:
        return
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    path = left.selectbox(t("Link another answer to this element"), options,
                          key=f"{state.W_LG_LINK_PICK_PREFIX}{a.key}", index=None,
                          format_func=choices.__getitem__,
                          placeholder=t("Choose an option"))
    if right.button(t("Link"), key=f"{state.W_LG_LINK_PREFIX}{a.key}") and path:
        with shown_errors(t):
            checks.link_fact(ctx.store, ctx.actor, case.id, element=a.key, path=path,
                             base_version=case.version)
            done()


def _fact_label(ctx: PageContext, f: Fact) -> str:
    return tr(ctx, f.label_template, f.label_params) or f.label


FACT = (
    '<p class="ap-fact">{% if bullet %}• {% endif %}<strong>{{ label }}:</strong> '
    '\u201c<bdi dir="auto"{% if lang %} lang="{{ lang }}"{% endif %}>{{ text }}</bdi>\u201d'
    '{% if suffix %} {{ suffix }}{% endif %}</p>'
)


def _quote(ctx: PageContext, case: OpenCase, f: Fact, *, where: st.delta_generator.DeltaGenerator,
           suffix: str = "", bullet: bool = False) -> None:
    """The applicant's own words, quoted, shown literally, in their own direction (and, when
    a question asks them in free text, marked with the language she answers in)."""
    lang = case.record.filing.answer_language if _asked_in_words(f.path) else ""
    where.html(html.render(FACT, label=_fact_label(ctx, f), text=f.text, suffix=suffix,
                           bullet=bullet, lang=html.language_tag(lang or "")))


def _parts(ctx: PageContext, a: ElementAssessment) -> None:
    lines = []
    for p in a.parts:
        colour, mark, word = PART_STATUS.get(p.status, ("gray", "·", p.status))
        note = tr(ctx, p.note, p.note_params)
        lines.append(f"- :{colour}[{mark} {md_escape(ctx.t(word))}] "
                     f"**{md_escape(ctx.t(p.label))}**" + (f" — {md_escape(note)}" if note else ""))
    if lines:
        st.markdown("\n".join(lines))


def _facts(ctx: PageContext, case: OpenCase, a: ElementAssessment) -> None:
    t = ctx.t
    if a.facts:
        heading = t("Facts for")  # outside the f-string, where extraction finds it
        st.markdown(f"**{md_escape(heading)}**")
    for n, f in enumerate(a.facts):
        left, right = st.columns([5, 1], vertical_alignment="center")
        _quote(ctx, case, f, where=left, suffix=t("(linked by hand)") if f.manual else "")
        if case.role is Role.attorney and right.button(
                t("Unlink"), key=f"{state.W_LG_UNLINK_PREFIX}{a.key}_{n}"):
            with shown_errors(t):
                checks.unlink_fact(ctx.store, ctx.actor, case.id, element=a.key,
                                   path=f.path, base_version=case.version)
                done()
    if a.against:
        heading = t("Facts against")
        st.markdown(f"**{md_escape(heading)}**")
        for f in a.against:
            _quote(ctx, case, f, where=st.container(), bullet=True)


def render_tool_reading(ctx: PageContext, case: OpenCase, a: ElementAssessment) -> None:
    t = ctx.t
    heading = t("The tool's reading")
    st.markdown(f"**{md_escape(heading)}:** {strength_label(t, a.strength)}")
    if a.test:
        st.caption(md_escape(t(a.test)))
    st.write(md_escape(tr(ctx, a.reason_template, a.reason_params) or a.reason))
    _parts(ctx, a)
    _facts(ctx, case, a)
    cited = [authority_citation(ref) for ref in a.authorities]
    if cited:
        st.caption(md_escape(t("Authorities: {authorities}",
                               authorities=format_list(cited, t.lang))))
    question = tr(ctx, a.next_step_template, a.next_step_params) or a.next_step
    if question:
        st.markdown(md_escape(t("Ask the client: {question}", question=question)))
    if case.role is Role.attorney:
        _link_controls(ctx, case, a)


def render_element(ctx: PageContext, case: OpenCase, a: ElementAssessment,
                   report: checks.CheckReport) -> None:
    t = ctx.t
    reading = report.judgments.get(a.key)
    header = (f"{md_escape(t(a.title))} — {strength_label(t, a.strength)} · "
              f"{element_judgment.verdict_label(ctx, reading)}")
    # Drawn only while open (each element holds a picker and a judgment form); the ones the
    # tool finds supported start closed, as before, and cost nothing until opened.
    box = st.expander(header, expanded=a.strength != "supported",
                      key=f"{state.W_LG_ELEMENT_PREFIX}{a.key}", on_change="rerun")
    if not box.open:
        return
    with box:
        left, right = st.columns([3, 2])
        with left:
            render_tool_reading(ctx, case, a)
        with right:
            element_judgment.render_judgment(ctx, case, a, reading)


def render_element_map(ctx: PageContext, case: OpenCase,
                       report: checks.CheckReport | None = None) -> None:
    t = ctx.t
    report = report or report_for(ctx, case)
    st.subheader(t("Legal elements"), anchor=False)
    c1, c2 = st.columns(2)
    c1.metric(t("Elements where the attorney disagrees"), t.number(len(report.disagreements)))
    c2.metric(t("Elements not judged yet"), t.number(len(report.unjudged)))
    for p in jurisdictions.get(case.jurisdiction.value).protections:  # and their standards
        st.caption(t("{part}: {item}", part=t(p.title), item=t(p.standard)))
    for a in report.elements:
        render_element(ctx, case, a, report)
