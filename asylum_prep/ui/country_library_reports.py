"""The country library's reports tab: every report with its currency warnings; importers
(attorney, paralegal, admin) correct its title, publisher, date, country and address;
attorneys and admins delete it. Citations already made keep what they quoted (the case
tab says when a cited report changed or went)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from asylum_prep.country_info.tables import CoiReport
from asylum_prep.domain.citation_currency import CurrencyWarning
from asylum_prep.services import coi
from asylum_prep.services.actor import Role
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors

DELETE_ROLES = (Role.attorney, Role.admin)


def _edit_form(ctx: PageContext, r: CoiReport) -> None:
    t = ctx.t
    key = f"{state.W_COI_EDIT_PREFIX}{r.id}"
    with st.form(key=key):
        title = st.text_input(t("Title"), value=r.title, max_chars=500, key=f"{key}_title")
        cols = st.columns(2)
        publisher = cols[0].text_input(t("Publisher"), value=r.publisher, max_chars=200,
                                       key=f"{key}_publisher")
        country = cols[1].text_input(t("Country code (ISO, e.g. IR)"), value=r.country,
                                     max_chars=2, key=f"{key}_country")
        cols = st.columns(2)
        published = cols[0].date_input(t("Publication date"), value=r.published,
                                       min_value=date(1945, 1, 1), key=f"{key}_published")
        url = cols[1].text_input(t("Web address (URL)"), value=r.url, max_chars=1000,
                                 key=f"{key}_url")
        if st.form_submit_button(t("Save details")):
            with shown_errors(t):
                coi.edit_report(ctx.store, ctx.actor, report_id=r.id, title=title,
                                publisher=publisher, country=country, url=url,
                                published=published if isinstance(published, date) else None,
                                clear_published=not isinstance(published, date))
                st.success(t("Saved."))
                st.rerun()


def _delete(ctx: PageContext, r: CoiReport) -> None:
    t = ctx.t
    sure = st.checkbox(t("Delete this report and its passages; citations of it keep their "
                         "quotation."), key=f"{state.W_COI_DELETE_SURE_PREFIX}{r.id}")
    if st.button(t("Delete"), key=f"{state.W_COI_DELETE_PREFIX}{r.id}", disabled=not sure):
        with shown_errors(t):
            coi.delete_report(ctx.store, ctx.actor, report_id=r.id)
            st.session_state.pop(state.COI_HITS, None)  # its passages are gone
            st.success(t("The report was deleted."))
            st.rerun()


def _report(ctx: PageContext, r: CoiReport, warnings: list[CurrencyWarning]) -> None:
    t = ctx.t
    published = r.published.isoformat() if r.published else "n.d."
    st.markdown(f"**{html.md_escape(r.publisher)}**, {html.md_escape(r.title)} ({published}), "
                f"{html.md_escape(r.country)}")
    for w in warnings:
        st.warning(html.md_escape(w.message(t)))
    if ctx.actor.role not in coi.IMPORT_ROLES:
        return
    with st.expander(t("Edit")):
        _edit_form(ctx, r)
        if ctx.actor.role in DELETE_ROLES:
            _delete(ctx, r)


def reports_section(ctx: PageContext) -> None:
    t = ctx.t
    country = st.text_input(t("Country code (ISO, e.g. IR)"), key=state.W_COI_REPORTS_COUNTRY,
                            max_chars=2) or None
    with shown_errors(t):
        reports = coi.list_reports(ctx.store, ctx.actor, country=country)
        warnings = coi.library_warnings(ctx.store, ctx.actor, country=country)
        if not reports:
            st.info(t("Nothing in the library matched.") if country
                    else t("No reports are in the library yet."))
        for r in reports:
            with st.container(border=True):
                _report(ctx, r, warnings.get(r.id, []))
