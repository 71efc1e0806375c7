"""The documents page's body (the page is ui/views/documents.py): choose a document, format
and language; render; preview the first pages; download.

A file made for another choice is never offered. While the same document is made again, its
previous download button stays in place but switched off, under the spinner, until the new
file replaces it."""

from __future__ import annotations

import streamlit as st

from asylum_prep.documents import preview
from asylum_prep.documents.build_certificates import TranslatorInfo, language_name
from asylum_prep.evidence.translated import untranslated, warning_template
from asylum_prep.services import cases
from asylum_prep.services.actor import Role
from asylum_prep.services.render import DOCS, RenderResult, render_document
from asylum_prep.ui import filing_form, i589_details_form, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape

PDF_ONLY = ("packet", "i589")  # made as PDF only: the format choice is off


def render(ctx: PageContext) -> None:
    t = ctx.t
    labels = {
        "declaration": t("Declaration"),
        "translation-certificate": t("Certificate of translation"),
        "interpretation-certificate": t("Certificate of interpretation"),
        "exhibit-index": t("Index of supporting documents"),
        "brief": t("Brief"),
        "worksheet": t("Attorney worksheet (not for filing)"),
        "i589-sheet": t("Form I-589 answers, item by item (for online filing)"),
        "packet": t("Exhibit packet"),
        "i589": t("Form I-589, the official PDF filled in"),
    }
    st.title(t("Documents"), anchor=False)
    if ctx.actor.role is Role.translator:
        st.info(
            t(
                "Documents are made by the paralegal or the attorney; they will give you the "
                "certificate to sign."
            )
        )
        return
    case = None
    with shown_errors(t):
        case = cases.open_case(ctx.store, ctx.actor, ctx.case_id or "", audit_view=False)
    if case is None:
        return
    filing_form.render(ctx, case)
    if case.jurisdiction.value == "us":
        i589_details_form.render(ctx, case)
    src = case.record.filing.answer_language or "en"
    kinds = list(DOCS)
    kind = st.selectbox(t("Document"), kinds, key=state.W_DOC_KIND, format_func=lambda k: labels[k],
        placeholder=t("Choose an option"))
    fmt = st.radio(
        t("Format"),
        ["pdf", "docx"],
        key=state.W_DOC_FORMAT,
        horizontal=True,
        format_func=lambda f: {"pdf": "PDF", "docx": "Word (DOCX)"}[f],
        disabled=kind in PDF_ONLY,
    )
    if kind in ("packet", "exhibit-index"):  # documents filed without their translation
        for gap in untranslated(case.record):
            st.warning(md_escape(t(warning_template(gap.status), title=gap.title)),
                       icon=":material/translate:")
    lang, bilingual, draft, info = None, False, False, TranslatorInfo()
    if kind == "declaration":
        langs = list(dict.fromkeys([src, "en"]))
        lang = st.radio(
            t("Language"),
            langs,
            key=state.W_DOC_LANG,
            horizontal=True,
            format_func=lambda code: md_escape(language_name(code, ctx.t.lang)),  # may be raw
        )
        bilingual = st.checkbox(
            t("Both languages side by side"), key=state.W_DOC_BILINGUAL, disabled=src == "en"
        )
    if kind in ("declaration", "brief"):
        draft = st.checkbox(t("Draft for the attorney: show missing answers"),
                            key=state.W_DOC_DRAFT)
    unjudged = "omit"
    if kind == "brief" and st.checkbox(
            t("Also argue, in the alternative, the elements no attorney has judged yet"),
            key=state.W_DOC_UNJUDGED):
        unjudged = "alternative"
    if kind in ("translation-certificate", "interpretation-certificate"):
        info = TranslatorInfo(
            st.text_input(t("Translator's or interpreter's name"), key=state.W_DOC_TR_NAME),
            st.text_input(t("Their address"), key=state.W_DOC_TR_ADDRESS),
            st.text_input(t("Their telephone number"), key=state.W_DOC_TR_PHONE),
        )
    bates = ""
    if kind in ("packet", "exhibit-index"):  # the index numbers pages as the packet does
        bates = st.text_input(
            t("Page number prefix (optional, e.g. EX)"), key=state.W_DOC_BATES, max_chars=16
        )
    # What the last file was made from: when any choice differs, that file is dropped, so
    # nobody downloads a document made for another choice.
    choice = (case.id, kind, "pdf" if kind in PDF_ONLY else fmt, lang, bilingual, draft,
              unjudged, info, bates)
    if st.session_state.get(state.DOC_RESULT_CHOICE) != choice:
        st.session_state.pop(state.DOC_RESULT, None)
    clicked = st.button(t("Make the document"), key=state.W_DOC_RENDER, type="primary")
    # One slot for the spinner and then the result: while a new file is being made, the
    # previous download button is shown switched off above the spinner.
    slot = st.empty()
    if clicked:
        previous = st.session_state.pop(state.DOC_RESULT, None)
        slot.empty()  # at once: the old file's live button and preview leave the page
        busy = slot.container()
        if previous and previous[0] == case.id:
            busy.download_button(t("Download {name}", name=md_escape(previous[1].filename)), b"",
                                 file_name=previous[1].filename, disabled=True,
                                 key=state.W_DOC_DOWNLOAD_BUSY)
        with busy, st.spinner(t("Making the document…")), shown_errors(t):
            st.session_state[state.DOC_RESULT] = (
                case.id,
                render_document(
                    ctx.store,
                    ctx.actor,
                    case.id,
                    doc=kind,
                    fmt="pdf" if kind in PDF_ONLY else fmt,
                    lang=lang,
                    bilingual=bilingual,
                    draft=draft,
                    translator_info=info,
                    translate=t,
                    brief_unjudged=unjudged,
                    bates_prefix=bates or None,
                ),
            )
            st.session_state[state.DOC_RESULT_CHOICE] = choice
    last = st.session_state.get(state.DOC_RESULT)
    result = last[1] if last and last[0] == case.id else None
    if result is not None:
        _show_result(ctx, slot.container(), result)


def _show_result(ctx: PageContext, where: st.delta_generator.DeltaGenerator,
                 result: RenderResult) -> None:
    t = ctx.t
    with where:
        for warning in result.warnings:
            st.warning(md_escape(warning))
        st.download_button(
            t("Download {name}", name=md_escape(result.filename)),
            result.content,
            file_name=result.filename,
            mime=result.mime,
            key=state.W_DOC_DOWNLOAD,
        )
        if result.mime == "application/pdf":
            images = preview.preview_pages(result.content)
            cols = st.columns(max(len(images), 1))
            for col, (i, png) in zip(cols, enumerate(images, 1), strict=False):
                col.image(png, caption=t("Page {n}", n=i))
        else:
            st.caption(t("A preview is shown for PDF documents."))
