"""The official forms page (admins): import the current edition of a form once, see which
edition the app fills and which of its items the file has no field for."""

from __future__ import annotations

import streamlit as st

from asylum_prep.documents.pdf_form_import import MAX_FORM_BYTES
from asylum_prep.i18n_dates import format_moment
from asylum_prep.services import forms
from asylum_prep.ui import builtin_labels, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape


def _import(ctx: PageContext) -> None:
    t = ctx.t
    st.write(t("Import the fillable PDF of the form exactly as the government publishes it, "
               "once for each new edition. The app fills the newest edition imported."))
    kind = st.selectbox(t("Form"), list(forms.KINDS), key=state.W_FORMS_KIND,
                        format_func=lambda k: forms.KINDS[k].number)
    round_no = int(st.session_state.get(state.FORMS_UPLOAD_ROUND, 0))
    key = f"{state.W_FORMS_UPLOAD_PREFIX}{round_no}"
    max_mb = MAX_FORM_BYTES // (1024 * 1024)
    builtin_labels.translate_uploader(t, key, max_mb=max_mb)
    upload = st.file_uploader(t("The form (PDF)"), type=["pdf"], key=key,
                              max_upload_size=max_mb)
    if not st.button(t("Import"), key=state.W_FORMS_IMPORT, disabled=upload is None,
                     type="primary") or upload is None:
        return
    with shown_errors(t):
        summary = forms.import_form(ctx.store, ctx.actor, kind=kind, data=upload.getvalue(),
                                    file_name=upload.name)
        st.session_state[state.FORMS_UPLOAD_ROUND] = round_no + 1
        st.success(t("Form {form}, edition {edition}, was imported: {fields} fields.",
                     form=forms.KINDS[kind].number, edition=md_escape(summary.edition),
                     fields=summary.field_count))
        _unplaced(ctx, summary)


def _unplaced(ctx: PageContext, summary: forms.FormSummary) -> None:
    if summary.unplaced:
        st.warning(ctx.t.plural(
            "{n} field the app fills is not in this edition; the item-by-item sheet still has "
            "its item:", "{n} fields the app fills are not in this edition; the item-by-item "
            "sheet still has their items:", len(summary.unplaced)))
        st.code("\n".join(summary.unplaced), language=None)


def _list(ctx: PageContext) -> None:
    t = ctx.t
    st.subheader(t("Imported editions"), anchor=False)
    with shown_errors(t):
        rows = forms.list_forms(ctx.store, ctx.actor)
        if not rows:
            st.info(t("No official form has been imported yet."))
            return
        st.dataframe([{
            t("Form"): forms.KINDS[r.kind].number if r.kind in forms.KINDS else r.kind,
            t("Edition"): r.edition, t("Fields"): r.field_count,
            t("Not in this edition"): len(r.unplaced),
            t("Imported"): format_moment(r.imported_at, t.lang),
            t("By"): r.imported_by, t("File"): r.file_name,
        } for r in rows], hide_index=True)
        newest: dict[str, forms.FormSummary] = {}
        for row in rows:
            newest.setdefault(row.kind, row)
        for row in newest.values():
            _unplaced(ctx, row)


def render(ctx: PageContext) -> None:
    st.title(ctx.t("Official forms"), anchor=False)
    _import(ctx)
    _list(ctx)
