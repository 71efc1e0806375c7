"""The country library page's body (attorney, paralegal; the page is
ui/views/country_library.py): import public reports, search them with filters and highlighted
passages, attach passages to an element of the open case, review suggestions for the case, and
see its citations with currency warnings; the reports tab (`country_library_reports`) lists
the reports with theirs and corrects or deletes them.

Streamlit's file uploader draws its own English text ("Drag and drop files here", "Browse
files", the size limit). We hide the widget's label (label_visibility="collapsed") and show a
translated one above it, and a scoped CSS rule hides the built-in instructions and replaces
the button caption with translated text (CSS-escaped)."""

from __future__ import annotations

from datetime import date

import streamlit as st
from markupsafe import Markup

from asylum_prep.country_info.importers import ImportOptions
from asylum_prep.country_info.search import Hit, SearchPage
from asylum_prep.domain.citations import ElementKey, format_citation
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.i18n_dates import format_day
from asylum_prep.legal.facts import NO_DATE
from asylum_prep.services import cases, coi
from asylum_prep.ui import builtin_labels, html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.country_library_reports import reports_section
from asylum_prep.ui.edge import shown_errors
from asylum_prep.word_forms import LANGUAGES

ELEMENT_LABELS = {
    ElementKey.protected_ground: N_("Protected ground"), ElementKey.nexus: N_("Nexus"),
    ElementKey.harm: N_("Harm"),
    ElementKey.agent_state_protection: N_("Agent of persecution and state protection"),
    ElementKey.subjective_fear: N_("Subjective fear"),
    ElementKey.objective_fear: N_("Objective basis of fear"),
    ElementKey.past_persecution: N_("Past persecution"),
    ElementKey.internal_relocation: N_("Internal relocation"),
    ElementKey.timeliness: N_("Timeliness"), ElementKey.bars: N_("Bars"),
    ElementKey.torture_official: N_("Torture by or with the acquiescence of an official"),
}
REASON_LABELS = {"perpetrator": N_("perpetrator"), "harm": N_("harm"), "group": N_("group"),
                 "place": N_("place")}
HIT = """
<div class="ap-coi-hit" style="margin:0.25rem 0 0.5rem 0">
  <div><strong>{{ publisher }}</strong>, {{ title }} ({{ published }})
    {%- if pin %}, {{ pin }}{% endif %}</div>
  <div style="margin-top:0.25rem">{{ snippet }}</div>
</div>
"""


def _hit_html(t: Translator, hit: Hit) -> str:
    published = format_day(hit.published, t.lang) if hit.published else t(NO_DATE)
    return html.render(HIT, publisher=hit.publisher, title=hit.title, published=published,
                       pin=hit.pin,
                       snippet=Markup(hit.snippet))  # noqa: S704 (escaped, then <mark> added)


def _attach(ctx: PageContext, passage_id: int, key: str) -> None:
    t = ctx.t
    cols = st.columns([3, 1])
    element = cols[0].selectbox(t("Element"), list(ElementKey), index=5,
                                format_func=lambda e: t(ELEMENT_LABELS[e]),
                                key=f"{state.W_COI_ELEMENT_PREFIX}{key}",
                                placeholder=t("Choose an option"))
    if cols[1].button(t("Attach to case"), key=f"{state.W_COI_ATTACH_PREFIX}{key}") and element:
        with shown_errors(t):
            coi.cite(ctx.store, ctx.actor, str(ctx.case_id), passage_id=passage_id,
                     element=element.value)
            st.success(t("The passage was attached to the case."))


SEARCH_HELP = (  # (example, what it finds): the operators are typed as shown, in capitals
    ("detention students", N_("Any of the words; passages with more of them come first.")),
    ('"house church"', N_("The words together, in this order.")),
    ("detained AND students", N_("Passages with both words.")),
    ("detained OR arrested", N_("Passages with either word.")),
    ("students NOT university", N_("Leaves out passages with the second word.")),
    ("(arrest OR detention) AND students", N_("Brackets group words.")),
    ("police NEAR/5 students", N_("Both words within five words of each other.")),
    ("detain*", N_("Words that start with these letters.")),
    ('country:IR publisher:"Home Office" after:2022-01 before:2023-12 lang:fa',
     N_("Filters written in the query take the place of the fields below.")),
)
PAGE_SIZE = 20


def _search_help(t: Translator) -> None:
    with st.expander(t("How to search")):
        st.write(t("Every form of a word is found: churches finds church, detained finds "
                   "detention, and accents, apostrophes and Persian, Arabic and Chinese letter "
                   "forms do not matter. Operators are written in capitals."))
        rows = "".join(
            html.render("<tr><td><code>{{ e }}</code></td><td>{{ d }}</td></tr>", e=example,
                        d=t(text))
            for example, text in SEARCH_HELP)
        st.html(f"<table class='ap-coi-help'>{rows}</table>")


def _language_name(t: Translator, code: str) -> str:
    """The language's name in the reader's language (Babel), or its code."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(code).get_display_name(Locale.parse(t.lang)) or code)
    except (ValueError, UnknownLocaleError):
        return code


def _run_search(ctx: PageContext, request: dict[str, object], offset: int) -> None:
    with shown_errors(ctx.t):
        st.session_state[state.COI_HITS] = coi.search(
            ctx.store, ctx.actor, limit=PAGE_SIZE, offset=offset, **request)  # type: ignore[arg-type]
        st.session_state[state.COI_REQUEST] = (request, offset)


def search_section(ctx: PageContext) -> None:
    t = ctx.t
    query = st.text_input(t("Search the library"), key=state.W_COI_QUERY, max_chars=500,
                          help=t('Put "exact phrases" in double quotes.'))
    _search_help(t)
    cols = st.columns(3)
    country = cols[0].text_input(t("Country code (ISO, e.g. IR)"), key=state.W_COI_COUNTRY,
                                 max_chars=2)
    publishers = coi.list_publishers(ctx.store, ctx.actor)
    publisher = cols[1].selectbox(t("Publisher"), ["", *publishers], key=state.W_COI_PUBLISHER,
                                  format_func=lambda p: p or t("Any publisher"),
                                  placeholder=t("Choose an option"))
    languages = [code for code in LANGUAGES if code != "xx"]
    language = cols[2].selectbox(t("Language"), ["", *languages], key=state.W_COI_LANGUAGE,
                                 format_func=lambda c: _language_name(t, c) if c
                                 else t("Any language"), placeholder=t("Choose an option"))
    dates = st.columns(2)
    since = dates[0].date_input(t("Published from"), value=None, min_value=date(1945, 1, 1),
                               key=state.W_COI_FROM)
    until = dates[1].date_input(t("Published until"), value=None, min_value=date(1945, 1, 1),
                               key=state.W_COI_UNTIL)
    if st.button(t("Search"), key=state.W_COI_SEARCH, type="primary"):
        request: dict[str, object] = {
            "query": query, "country": country or None, "publisher": publisher or None,
            "since": since if isinstance(since, date) else None,
            "until": until if isinstance(until, date) else None, "language": language or None}
        _run_search(ctx, request, 0)
    page = st.session_state.get(state.COI_HITS)
    if page is None:
        return
    for notice in page.notices:
        st.info(t(notice))
    _pages(ctx, page)
    for hit in page.hits:
        with st.container(border=True):
            st.html(_hit_html(t, hit))
            if ctx.case_id and ctx.actor.role in coi.CITE_ROLES:
                _attach(ctx, hit.passage_id, str(hit.passage_id))


def _pages(ctx: PageContext, page: SearchPage) -> None:
    """The count, which passages are shown, and buttons to the previous and next page."""
    t = ctx.t
    if page.more:
        st.write(t("More than {n} passages match.", n=page.total))
    else:
        st.write(t.plural("{n} passage matches.", "{n} passages match.", page.total))
    stored = st.session_state.get(state.COI_REQUEST)
    if not stored or page.total <= PAGE_SIZE:
        return
    request, offset = stored
    st.caption(t("Passages {first} to {last} of {total}.", first=offset + 1,
                 last=offset + len(page.hits), total=page.total))  # more: of the first 10,000
    cols = st.columns(2)
    if cols[0].button(t("Previous page"), key=state.W_COI_PREVIOUS, disabled=offset == 0):
        _run_search(ctx, request, max(0, offset - PAGE_SIZE))
        st.rerun()
    if cols[1].button(t("Next page"), key=state.W_COI_NEXT,
                      disabled=offset + PAGE_SIZE >= page.total):
        _run_search(ctx, request, offset + PAGE_SIZE)
        st.rerun()


def import_section(ctx: PageContext) -> None:
    t = ctx.t
    st.write(t("Reports to import (PDF, HTML, text or Markdown). Public reports only: never "
               "upload a client's documents here."))
    round_no = int(st.session_state.get(state.COI_UPLOAD_ROUND, 0))
    key = f"{state.W_COI_UPLOAD_PREFIX}{round_no}"
    builtin_labels.translate_uploader(t, key)
    files = st.file_uploader(t("Reports to import"), accept_multiple_files=True, key=key,
                             type=["pdf", "html", "htm", "txt", "md"], label_visibility="collapsed")
    st.caption(t("Details read from the files are used where these fields are left empty."))
    cols = st.columns(2)
    country = cols[0].text_input(t("Country code (ISO, e.g. IR)"), key=state.W_COI_IMP_COUNTRY,
                                 max_chars=2)
    publisher = cols[1].text_input(t("Publisher"), key=state.W_COI_IMP_PUBLISHER, max_chars=200)
    title = st.text_input(t("Title"), key=state.W_COI_IMP_TITLE, max_chars=500)
    cols = st.columns(2)
    published = cols[0].date_input(t("Publication date"), value=None, min_value=date(1945, 1, 1),
                                   key=state.W_COI_IMP_PUBLISHED)
    url = cols[1].text_input(t("Web address (URL)"), key=state.W_COI_IMP_URL, max_chars=1000)
    force = st.checkbox(t("Import a report even when the library has it in another form."),
                        key=state.W_COI_FORCE)
    if not st.button(t("Import"), key=state.W_COI_IMPORT, disabled=not files, type="primary"):
        return
    bar = st.progress(0.0)

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=t("Imported {done} of {total}.", done=done, total=total))

    options = ImportOptions(country=country or None, publisher=publisher or None,
                            title=title or None, published=published, url=url or None)
    with shown_errors(t):
        outcomes = coi.import_files(ctx.store, ctx.actor,
                                    files=[(f.name, f.getvalue()) for f in files or []],
                                    options=options, progress=progress, force=force)
        for o in outcomes:
            name = html.md_escape(o.name)  # the uploaded file's name
            if o.status == "imported":
                st.success(t.plural("{name}: imported, {n} passage.",
                                    "{name}: imported, {n} passages.", o.passages, name=name))
            elif o.status == "duplicate":
                st.info(t("{name}: already in the library.", name=name)
                        + (" " + html.md_escape(o.error.message(t)) if o.error else ""))
            else:
                reason = html.md_escape(o.error.message(t)) if o.error else ""
                st.warning(t("{name}: skipped. {reason}", name=name, reason=reason))
        st.session_state[state.COI_UPLOAD_ROUND] = round_no + 1


def case_section(ctx: PageContext) -> None:
    t = ctx.t
    if not ctx.case_id:
        st.info(t("Open a case to see suggestions and its citations."))
        return
    case_id = str(ctx.case_id)
    record = cases.open_case(ctx.store, ctx.actor, case_id, audit_view=False).record
    st.subheader(t("Citations in this case"))
    with shown_errors(t):
        warnings = coi.citation_warnings(ctx.store, ctx.actor, case_id)
    if not record.citations:
        st.write(t("No passages are cited yet."))
    for c in record.citations:
        with st.container(border=True):
            st.caption(t(ELEMENT_LABELS[c.element]))
            st.write(html.md_escape(format_citation(c)))  # a report's title and publisher
            st.html(html.render("<blockquote>{{ q }}</blockquote>", q=c.quote))
            for w in warnings.get(c.id, []):
                st.warning(html.md_escape(w.message(t)))
            if st.button(t("Remove citation"), key=f"{state.W_COI_UNCITE_PREFIX}{c.id}"):
                with shown_errors(t):
                    coi.uncite(ctx.store, ctx.actor, case_id, citation_id=c.id)
                    st.rerun()
    st.subheader(t("Suggested passages"))
    if st.button(t("Suggest passages for this case"), key=state.W_COI_SUGGEST):
        with shown_errors(t):
            st.session_state[state.COI_SUGGESTIONS] = (
                case_id, coi.suggest(ctx.store, ctx.actor, case_id))
    stored = st.session_state.get(state.COI_SUGGESTIONS)
    if not stored or stored[0] != case_id:
        return
    groups = stored[1]
    if not groups:
        st.info(t("Give the case a country of return (ISO code) to get suggestions."))
    for group in groups:
        incident_no = next((i for i, inc in enumerate(record.incidents.items, 1)
                            if group.target == f"incidents.items.{inc.id}"), 0)
        st.markdown("**" + (t("Incident {n}", n=incident_no) if incident_no
                            else t("Fear of return")) + "**")
        if not group.suggestions:
            st.write(t("Nothing in the library matched."))
        for s in group.suggestions:
            with st.container(border=True):
                st.html(_hit_html(t, s.hit))
                why = ", ".join(f"{term} ({t(REASON_LABELS[kind])})" for term, kind in s.reasons)
                st.caption(t("Matched: {terms}", terms=html.md_escape(why)))
                key = f"{group.target}_{s.hit.passage_id}"
                _attach(ctx, s.hit.passage_id, key)
                if st.button(t("Not relevant"), key=f"{state.W_COI_REJECT_PREFIX}{key}"):
                    with shown_errors(t):
                        coi.reject(ctx.store, ctx.actor, case_id, passage_id=s.hit.passage_id,
                                   target=group.target)
                        st.session_state.pop(state.COI_SUGGESTIONS, None)
                        st.rerun()


def render(ctx: PageContext) -> None:
    t = ctx.t
    st.title(t("Country library"))
    st.caption(t("Public country reports. Nothing from a case is stored in the library."))
    search_tab, case_tab, import_tab, reports_tab = st.tabs(
        [t("Search"), t("This case"), t("Import"), t("Reports")])
    with search_tab:
        search_section(ctx)
    with case_tab:
        case_section(ctx)
    with import_tab:
        import_section(ctx)
    with reports_tab:
        reports_section(ctx)
