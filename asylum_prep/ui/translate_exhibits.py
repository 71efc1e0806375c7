"""The translator page's section of foreign-language exhibits: one document at a time, page
by page, its page picture (the safe rendition's page, drawn by pdf_png), its OCR text in the
original language when OCR has read it (services.ocr; read-only help for copying names and
numbers), and an English box per page,
empty until the translator writes in it. Below, what the translator's certificate prints
(name, address, competence) and one Save for the whole document, a button callback based on
the version the page was drawn from. Only the case's translator saves; the attorney and
paralegal read.
"""

from __future__ import annotations

import subprocess

import streamlit as st

from asylum_prep import pdf_png
from asylum_prep.documents.build_certificates import language_name
from asylum_prep.errors import AsylumPrepError, StaleVersionError
from asylum_prep.evidence.translated import warning_template
from asylum_prep.services import exhibit_translations
from asylum_prep.services.actor import Role
from asylum_prep.services.exhibit_translations import ExhibitToTranslate
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.translation_status import ORIGINAL, STATUS_COLOURS, STATUS_LABELS

PAGE_WIDTH = 900  # pixels of a page picture


def _page_key(evidence_id: str, page: int) -> str:
    return f"{state.W_TRX_PAGE_PREFIX}{evidence_id}_{page}"


def _on_save(ctx: PageContext, case_id: str, item: ExhibitToTranslate) -> None:
    t, eid = ctx.t, item.item.id
    pages = [str(st.session_state.get(_page_key(eid, n)) or "")
             for n in range(1, item.pages + 1)]
    base = int(st.session_state.setdefault(state.TR_BASE, {}).get(case_id, 0))
    try:
        version = exhibit_translations.save_exhibit_translation(
            ctx.store, ctx.actor, case_id, evidence_id=eid, pages=pages,
            translator_name=str(st.session_state.get(state.W_TRX_NAME_PREFIX + eid) or ""),
            translator_address=str(st.session_state.get(state.W_TRX_ADDRESS_PREFIX + eid) or ""),
            competence=str(st.session_state.get(state.W_TRX_COMPETENCE_PREFIX + eid) or ""),
            base_version=base)
    except StaleVersionError as exc:
        st.session_state[state.TRX_NOTICE] = (eid, "error", exc.message(t))
        return
    except AsylumPrepError as exc:
        st.session_state[state.TRX_NOTICE] = (eid, "error", exc.message(t))
        return
    st.session_state[state.TR_BASE][case_id] = version
    st.session_state[state.TRX_NOTICE] = (eid, "success", t("The translation was saved."))


def _pages_pdf(ctx: PageContext, case_id: str, item: ExhibitToTranslate) -> bytes | None:
    try:
        return exhibit_translations.exhibit_pages(ctx.store, ctx.actor, case_id, item.item.id)
    except AsylumPrepError as exc:
        st.info(html.md_escape(exc.message(ctx.t)))
        return None


def _page_png(ctx: PageContext, case_id: str, item: ExhibitToTranslate,
              page: int) -> bytes | None:
    """The page's picture, drawn once per session and exhibit file (the rendition is read,
    and audited, only when a page is not drawn yet)."""
    cache: dict[tuple[str, str, int], bytes | None] = st.session_state.setdefault(
        state.TRX_PNG, {})
    key = (item.item.id, item.item.stored_sha256, page)
    if key not in cache:
        pdf = _pages_pdf(ctx, case_id, item)
        for n in range(1, item.pages + 1):
            try:
                png = pdf_png.page_png(pdf, n, width=PAGE_WIDTH) if pdf else None
            except (OSError, subprocess.SubprocessError):
                png = None
            cache[(item.item.id, item.item.stored_sha256, n)] = png
    return cache.get(key)


def _page(ctx: PageContext, case_id: str, item: ExhibitToTranslate, page: int,
          editable: bool) -> None:
    t, eid = ctx.t, item.item.id
    with st.container(border=True):
        st.markdown(html.md_escape(t("Page {page} of {pages}", page=page, pages=item.pages)))
        left, right = st.columns(2)
        with left:
            png = _page_png(ctx, case_id, item, page)
            if png is not None:
                with st.container(border=True):  # the page's edges on a white page
                    st.image(png, width="stretch")
            if page <= len(item.ocr) and item.ocr[page - 1].strip():
                st.caption(t("The document's words ({language})",
                             language=html.md_escape(language_name(item.item.language,
                                                                   t.lang))))
                html.show(ORIGINAL, lang=item.item.language, text=item.ocr[page - 1])
        with right:
            key = _page_key(eid, page)
            if key not in st.session_state:
                saved = item.translation.pages if item.translation else []
                st.session_state[key] = saved[page - 1] if page <= len(saved) else ""
            st.text_area(t("English translation"), key=key, height=320, disabled=not editable)


def _certificate_fields(ctx: PageContext, item: ExhibitToTranslate, editable: bool) -> None:
    t, eid, tr = ctx.t, item.item.id, item.translation
    for prefix, label, saved in (
            (state.W_TRX_NAME_PREFIX, t("Name"), tr.translator_name if tr else ""),
            (state.W_TRX_ADDRESS_PREFIX, t("Address"), tr.translator_address if tr else ""),
            (state.W_TRX_COMPETENCE_PREFIX, t("Competence"), tr.competence if tr else "")):
        st.session_state.setdefault(prefix + eid, saved)
        st.text_input(label, key=prefix + eid, disabled=not editable)


def _document(ctx: PageContext, case_id: str, item: ExhibitToTranslate) -> None:
    t = ctx.t
    editable = ctx.actor.role is Role.translator
    st.badge(t(STATUS_LABELS[item.status]), color=STATUS_COLOURS[item.status])
    if item.status == "stale":
        st.warning(t(warning_template("stale"), title=html.md_escape(
            item.item.title or item.item.filename)), icon=":material/update:")
    for page in range(1, item.pages + 1):
        _page(ctx, case_id, item, page, editable)
    st.subheader(t("Certificate of translation"))
    _certificate_fields(ctx, item, editable)
    if editable:
        st.button(t("Save translation"), key=state.W_TRX_SAVE_PREFIX + item.item.id,
                  on_click=_on_save, args=(ctx, case_id, item))
    notice = st.session_state.get(state.TRX_NOTICE)
    if notice is not None and notice[0] == item.item.id:
        st.session_state.pop(state.TRX_NOTICE)
        if notice[1] == "error":
            st.error(html.md_escape(notice[2]), icon=":material/error:")
        else:
            st.success(html.md_escape(notice[2]), icon=":material/check_circle:")


def render(ctx: PageContext, case_id: str) -> None:
    """The section, when the case has documents in another language than English."""
    t = ctx.t
    _, items = exhibit_translations.list_exhibit_translations(ctx.store, ctx.actor, case_id)
    if not items:
        return
    st.subheader(t("Documents to translate"))
    by_id = {i.item.id: i for i in items}
    if st.session_state.get(state.W_TRX_PICK) not in by_id:
        st.session_state[state.W_TRX_PICK] = items[0].item.id
    picked = st.selectbox(
        t("Document"), list(by_id), key=state.W_TRX_PICK,
        format_func=lambda eid: f"{by_id[eid].item.title or by_id[eid].item.filename} · "
                                f"{t(STATUS_LABELS[by_id[eid].status])}")
    _document(ctx, case_id, by_id[str(picked)])
