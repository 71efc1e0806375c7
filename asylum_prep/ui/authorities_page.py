"""The legal authorities page's body (attorney, paralegal; the page is
ui/views/authorities.py): browse the dated library of authorities the app cites
(legal.authorities), filtered by jurisdiction, element and words, each with its court, date,
holding, later history, the date it was last checked, its official address (as text, never
fetched) and its currency warnings.

The library is public reference material, not case data, so nothing here is read through a
case or audited. Citations and holdings are English legal text; the labels are translated.
Every library text goes through `md_escape`.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from asylum_prep.domain.citations import ElementKey
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.i18n_dates import format_day, format_fuzzy, from_display
from asylum_prep.legal import authorities
from asylum_prep.legal.authorities import Authority, Reason
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.country_library_page import ELEMENT_LABELS
from asylum_prep.ui.html import md_escape

JURISDICTION_LABELS = {
    "us": N_("United States"), "uk": N_("United Kingdom"), "ca": N_("Canada"),
    "eu": N_("European Union"), "intl": N_("International law"),
}
WARNINGS: dict[Reason, str] = {
    "stale": N_("Checked more than a year ago: check it against its source before relying "
                "on it."),
    "history": N_("It has a later history: check that it is still good law."),
    "verify": N_("Marked to verify: the current law is not confirmed."),
}


def _written_out(t: Translator, when: str) -> str:
    """An authority's date ("1985", "2014-02", "2014-02-07") written out for the reader."""
    found = from_display(when)
    return format_fuzzy(found[0], t) if found else when


def _show(ctx: PageContext, item: Authority, today: date) -> None:
    t = ctx.t
    with st.container(border=True):
        st.markdown("**" + md_escape(item.citation) + "**")
        st.caption(md_escape(f"{item.court} · {_written_out(t, item.date)}"))
        st.write(md_escape(item.holding))
        if item.note:
            st.caption(md_escape(item.note))
        if item.history:
            st.write(md_escape(t("Later history: {history}", history=item.history)))
        checked = format_day(item.checked_as_of, t.lang)
        st.caption(md_escape(t("Last checked: {date}.", date=checked)))
        if item.link:
            st.caption(md_escape(t("Official source: {link}", link=item.link)))
        for reason in authorities.reasons(item, today):
            st.warning(md_escape(t(WARNINGS[reason])))


def render(ctx: PageContext) -> None:
    t = ctx.t
    today = date.today()
    st.title(t("Legal authorities"))
    st.caption(t("The statutes, regulations, cases and treaties the app cites, with the date "
                 "each was last checked. Check an authority against its source before you "
                 "rely on it."))
    cols = st.columns(3)
    code = cols[0].selectbox(t("Jurisdiction"), ["", *authorities.JURISDICTIONS],
                             key=state.W_AUTH_JURISDICTION, placeholder=t("Choose an option"),
                             format_func=lambda c: t(JURISDICTION_LABELS[c]) if c
                             else t("All jurisdictions"))
    element = cols[1].selectbox(t("Element"), ["", *(e.value for e in ElementKey)],
                                key=state.W_AUTH_ELEMENT, placeholder=t("Choose an option"),
                                format_func=lambda e: t(ELEMENT_LABELS[ElementKey(e)]) if e
                                else t("Any element"))
    words = cols[2].text_input(t("Search the library"), key=state.W_AUTH_QUERY, max_chars=200)
    found = authorities.find(jurisdiction=code or None, element=element or None, text=words)
    if not found:
        st.info(t("Nothing in the library matched."))
    for item in found:
        _show(ctx, item, today)
