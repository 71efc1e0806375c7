"""The filing details form on the documents page: forum, court, judge, next hearing, file
number, counsel and the party served (services.filing). Attorneys and paralegals fill it; the
brief's caption and the packet's cover read it, and leave blank lines for what is not set."""

from __future__ import annotations

from datetime import date

import streamlit as st

from asylum_prep.domain.record import Forum
from asylum_prep.i18n_dates import format_day
from asylum_prep.services import filing
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import session, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors

TEXT_FIELDS = ("court", "judge", "hearing_kind", "file_number", "counsel_name", "counsel_firm",
               "counsel_address", "counsel_phone", "counsel_email", "counsel_bar_number",
               "counsel_eoir_id", "served_on")


def render(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    current = case.record.filing
    box = st.expander(t("Filing details for the caption and cover"), icon=":material/gavel:",
                      key=state.W_FILING_OPEN, on_change="rerun")
    if not box.open:  # drawn only while open, like the I-589 details below it
        return
    with box:
        st.caption(t("Entered by the legal team, never asked of the applicant. What is left "
                     "empty prints as a blank line to fill by hand."))
        with st.form(state.W_FILING_FORM):
            options = [Forum.unset, *filing.forums(case.jurisdiction.value)]
            forum = st.selectbox(
                t(filing.FIELDS["forum"]), options,
                index=options.index(current.forum) if current.forum in options else 0,
                format_func=lambda f: t(filing.FORUM_LABELS[f]))
            hearing = st.date_input(t(filing.FIELDS["next_hearing"]),
                                    value=current.next_hearing, min_value=date(2000, 1, 1),
                                    max_value=date(2100, 12, 31), format="YYYY-MM-DD")
            if current.next_hearing:  # the picker shows digits only: the saved day, written out
                st.caption(format_day(current.next_hearing, t.lang))
            values = {name: st.text_input(t(filing.FIELDS[name]),
                                          value=getattr(current, name), max_chars=500)
                      for name in TEXT_FIELDS}
            saved = st.form_submit_button(t("Save filing details"))
        if saved:
            changes = {"forum": forum.value,
                       "next_hearing": hearing.isoformat() if isinstance(hearing, date) else "",
                       **values}
            with shown_errors(t):
                version = filing.set_filing_details(ctx.store, ctx.actor, case.id,
                                                    changes=changes, base_version=case.version)
                if version == case.version:
                    st.info(t("Nothing changed."))
                else:  # reload, so the form shows the saved details at the new version
                    session.flash(t("Filing details saved."))
                    st.rerun()
