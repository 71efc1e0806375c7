"""The I-589 details form on the documents page (services.form_details): what only the legal
team enters on Form I-589 (numbers, US addresses, court history, Part D, the preparer, the
spouse's and children's immigration facts). Each field carries the form's own label, in
English as the form prints it; a bad value is refused with a translated message and nothing
is saved."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import streamlit as st

from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.form_details import FormDetails, RelativeDetails
from asylum_prep.services import form_details
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui import session, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors


def _input(ctx: PageContext, key: str, label: str, value: str, kind: Any) -> str:
    widget = f"{state.W_I589_PREFIX}{key}"
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        options = ["", *(c.value for c in kind if c.value != "unknown")]
        return str(st.selectbox(label, options, index=options.index(value), key=widget,
                                format_func=lambda o: o or ctx.t("Not answered yet")))
    help_text = ctx.t("Write the date as year-month-day, for example 2027-03-15.") if (
        kind is FuzzyDate) else None
    return str(st.text_input(label, value=value, key=widget, help=help_text, max_chars=500))


def render(ctx: PageContext, case: OpenCase) -> None:
    t = ctx.t
    record = case.record
    now = form_details.current(record)
    box = st.expander(t("Form I-589 details the team enters"), icon=":material/assignment:",
                      key=state.W_I589_OPEN, on_change="rerun")
    if not box.open:  # drawn only while open: its hundred boxes were half the page's work
        return
    with box:
        st.caption(t("Entered by the legal team, never asked of the applicant. Each label is "
                     "the form's own, in English."))
        with st.form(state.W_I589_FORM):
            values: dict[str, str] = {}
            for name in form_details.FIELDS:
                kind = str if name == "a_number" else form_details.field_kind(FormDetails, name)
                values[name] = _input(ctx, name, form_details.label(name), now[name], kind)
            for member_id, heading in form_details.relatives(record):
                st.markdown(f"**{heading}**")
                for field in form_details.RELATIVE_FIELDS:
                    key = f"relatives.{member_id}.{field}"
                    kind = form_details.field_kind(RelativeDetails, field)
                    values[key] = _input(ctx, key, form_details.label(key), now[key], kind)
            saved = st.form_submit_button(t("Save the I-589 details"))
        if saved:
            with shown_errors(t):
                version = form_details.set_form_details(ctx.store, ctx.actor, case.id,
                                                        changes=values,
                                                        base_version=case.version)
                if version == case.version:
                    st.info(t("Nothing changed."))
                else:
                    session.flash(t("I-589 details saved."))
                    st.rerun()
