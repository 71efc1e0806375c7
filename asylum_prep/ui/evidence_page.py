"""The evidence page's body (attorney, paralegal; the page is ui/views/evidence.py): upload
several files, see what was removed or why a file was refused, edit each item's details, order
and include exhibits, see warnings and previews, and build and download the exhibit packet."""

from __future__ import annotations

import re
from datetime import date

import streamlit as st

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.evidence import ELEMENT_KEYS, EvidenceItem, EvidenceKind, TranslationStatus
from asylum_prep.errors import N_, AsylumPrepError, InputRefused
from asylum_prep.evidence.exhibits import exhibit_list
from asylum_prep.i18n import Translator
from asylum_prep.legal.jurisdictions import element_titles
from asylum_prep.services import cases, packet, translations
from asylum_prep.services import evidence as ev
from asylum_prep.ui import builtin_labels, case_search_panel, evidence_text, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors
from asylum_prep.ui.html import md_escape

KIND_LABELS = {
    EvidenceKind.identity: N_("Identity document"),
    EvidenceKind.membership: N_("Membership card"),
    EvidenceKind.summons_warrant: N_("Summons or warrant"),
    EvidenceKind.medical: N_("Medical record"),
    EvidenceKind.photo: N_("Photo"),
    EvidenceKind.message: N_("Message"),
    EvidenceKind.news: N_("News article"),
    EvidenceKind.witness_letter: N_("Witness letter"),
    EvidenceKind.country_report: N_("Country report"),
    EvidenceKind.other: N_("Other"),
}
TRANSLATION_LABELS = {
    TranslationStatus.not_needed: N_("Not needed"),
    TranslationStatus.needed: N_("Needed"),
    TranslationStatus.translated: N_("Translated"),
}


def _version(ctx: PageContext) -> int:
    return cases.open_case(ctx.store, ctx.actor, str(ctx.case_id), audit_view=False).version


def _upload(ctx: PageContext) -> None:
    t = ctx.t
    st.subheader(t("Add documents and photos"))
    st.caption(
        t(
            "Accepted: PDF, JPEG, PNG, WebP, Word (.docx) and plain text, up to {mb} MB "
            "each. Hidden details such as the location in photos are removed.",
            mb=ctx.store.settings.max_evidence_bytes // (1024 * 1024),
        )
    )
    round_no = int(st.session_state.get(state.EV_UPLOAD_ROUND, 0))
    files = builtin_labels.file_uploader(
        t,
        t("Files"),
        key=f"{state.W_EV_UPLOAD_PREFIX}{round_no}",
        accept_multiple_files=True,
        max_mb=ctx.store.settings.max_evidence_bytes // (1024 * 1024),
    )
    kind = st.selectbox(
        t("Kind of document"),
        list(EvidenceKind),
        format_func=lambda k: t(KIND_LABELS[k]),
        key=state.W_EV_KIND,
        placeholder=t("Choose an option"),
    )
    language = _language_select(t, t("Language"), state.W_EV_LANGUAGE, "en")
    if st.button(t("Add files"), key=state.W_EV_ADD, disabled=not files):
        results: list[tuple[str, bool, list[str]]] = []
        progress = st.progress(0.0)
        for n, upload in enumerate(files or [], start=1):
            name = upload.name
            try:
                _, _, notices = ev.add_evidence(
                    ctx.store,
                    ctx.actor,
                    str(ctx.case_id),
                    data=upload.getvalue(),
                    filename=name,
                    title=re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)[:200],
                    kind=kind,
                    base_version=_version(ctx),
                    language=language,
                )
                results.append((name, True, [t(x) for x in notices]))
            except AsylumPrepError as exc:
                results.append((name, False, [exc.message(t)]))
            progress.progress(n / max(len(files or []), 1))
        st.session_state[state.EV_RESULTS] = results
        st.session_state[state.EV_UPLOAD_ROUND] = round_no + 1
        st.rerun()
    for name, ok, lines in st.session_state.get(state.EV_RESULTS, []):
        text = "\n".join(f"- {md_escape(line)}" for line in lines)  # a file's name, a reason
        if ok:
            st.success(md_escape(t("Added: {name}", name=name)) + ("\n\n" + text if text else ""))
        else:
            st.error(md_escape(t("Not added: {name}", name=name)) + "\n\n" + text)


def _parse_date(text: str) -> FuzzyDate | None:
    text = text.strip()
    if not text:
        return None
    approx = text.startswith("~")
    core = text.lstrip("~").strip()
    for pattern, precision in (
        (r"^\d{4}$", Precision.year),
        (r"^\d{4}-\d{2}$", Precision.month),
        (r"^\d{4}-\d{2}-\d{2}$", Precision.day),
    ):
        if re.match(pattern, core):
            parts = [int(p) for p in core.split("-")] + [1, 1]
            try:
                return FuzzyDate(
                    iso=date(parts[0], parts[1], parts[2]),
                    precision=precision,
                    approximate=approx,
                    original=text,
                )
            except ValueError:
                break
    raise InputRefused(
        N_("Write the date as 2019, 2019-03 or 2019-03-14 (a ~ in front means about).")
    )


def _language_select(t: Translator, label: str, key: str, current: str) -> str:
    """A searchable list of languages, each named in its own script and in the reader's
    language (type a few letters to find it); English unless chosen otherwise. A stored code
    outside the list is kept as an option, so opening the form never changes it."""
    current = current or "en"
    options = translations.language_choices(current)
    chosen = st.selectbox(label, options, index=options.index(current), key=key,
                          format_func=lambda c: translations.language_label(c, t.lang),
                          placeholder=t("Choose an option"))
    return chosen or "en"


def _details_form(
    ctx: PageContext, item: EvidenceItem, incidents: dict[str, str], titles: dict[str, str]
) -> None:
    t, k = ctx.t, item.id
    title = st.text_input(
        t("Title"), item.title, key=f"{state.W_EV_TITLE_PREFIX}{k}", max_chars=200
    )
    kind = st.selectbox(
        t("Kind of document"),
        list(EvidenceKind),
        index=list(EvidenceKind).index(item.kind),
        format_func=lambda x: t(KIND_LABELS[x]),
        key=f"{state.W_EV_ITEM_KIND_PREFIX}{k}",
        placeholder=t("Choose an option"),
    )
    issuer = st.text_input(t("Issued by"), item.issuer, key=f"{state.W_EV_ISSUER_PREFIX}{k}")
    when = st.text_input(
        t("Date of the document (2019, 2019-03 or 2019-03-14)"),
        item.document_date.display() if item.document_date else "",
        key=f"{state.W_EV_DATE_PREFIX}{k}",
    )
    lang = _language_select(t, t("Language"), f"{state.W_EV_LANG_PREFIX}{k}", item.language)
    translation = st.selectbox(
        t("English translation"),
        list(TranslationStatus),
        index=list(TranslationStatus).index(item.translation),
        format_func=lambda x: t(TRANSLATION_LABELS[x]),
        key=f"{state.W_EV_TRANSLATION_PREFIX}{k}",
        placeholder=t("Choose an option"),
    )
    cert = st.text_input(
        t("Translation certificate (reference)"),
        item.translation_certificate,
        key=f"{state.W_EV_CERT_PREFIX}{k}",
    )
    description = st.text_area(
        t("Description"), item.description, key=f"{state.W_EV_DESCRIPTION_PREFIX}{k}"
    )
    elements = st.multiselect(
        t("Legal elements it supports"),
        list(ELEMENT_KEYS),
        default=[e for e in item.elements if e in ELEMENT_KEYS],
        format_func=lambda e: t(titles.get(e) or str(e)),
        key=f"{state.W_EV_ELEMENTS_PREFIX}{k}",
        placeholder=t("Choose one or more"),
        select_all=False,
        filter_mode=None,
    )
    chosen = st.multiselect(
        t("Incidents it supports"),
        list(incidents),
        default=[i for i in item.incidents if i in incidents],
        format_func=lambda i: incidents.get(i, i),
        key=f"{state.W_EV_INCIDENTS_PREFIX}{k}",
        placeholder=t("Choose one or more"),
        select_all=False,
        filter_mode=None,
    )
    if st.button(t("Save details"), key=f"{state.W_EV_SAVE_PREFIX}{k}"):
        with shown_errors(t):
            ev.update_evidence(
                ctx.store,
                ctx.actor,
                str(ctx.case_id),
                k,
                base_version=_version(ctx),
                title=title,
                kind=kind,
                issuer=issuer,
                document_date=_parse_date(when),
                language=lang,
                translation=translation,
                translation_certificate=cert,
                description=description,
                elements=elements,
                incidents=chosen,
            )
            st.success(t("Saved."))


def _exhibits(ctx: PageContext) -> None:
    t, case_id = ctx.t, str(ctx.case_id)
    opened = cases.open_case(ctx.store, ctx.actor, case_id, audit_view=False)
    _, items = ev.list_evidence(ctx.store, ctx.actor, case_id)
    st.subheader(t("Exhibits"))
    if not items:
        st.info(t("No documents yet."))
        return
    evidence_text.progress(ctx, items)
    tabs = {ex.evidence_id: ex for ex in exhibit_list(opened.record, include_excluded=True)}
    order = [ex.evidence_id for ex in tabs.values() if ex.evidence_id]
    incidents = {
        i.id: " ".join(p for p in ((i.date.display() if i.date else ""), i.place) if p) or i.id
        for i in opened.record.incidents.items
    }
    for item in items:
        ex = tabs.get(item.id)
        label = (
            t("Exhibit {tab}", tab=md_escape(ex.tab))
            if ex and item.exhibit.included
            else t("Not in the packet")
        )
        pages = t.plural("{n} page", "{n} pages", item.page_count or 0)
        with st.expander(f"{label} \u2014 {md_escape(item.title or item.filename)} ({pages})"):
            for notice in item.removed:  # stored with the item: shown as text, whatever it is
                st.caption(md_escape(t(notice)))
            cols = st.columns(4)
            included = cols[0].checkbox(
                t("In the packet"),
                item.exhibit.included,
                key=f"{state.W_EV_INCLUDE_PREFIX}{item.id}",
            )
            if included != item.exhibit.included:
                with shown_errors(t):
                    ev.set_exhibit_included(
                        ctx.store,
                        ctx.actor,
                        case_id,
                        item.id,
                        included=included,
                        base_version=opened.version,
                    )
                    st.rerun()
            if item.id in order:
                pos = order.index(item.id)
                for col, delta, text, prefix in (
                    (cols[1], -1, t("Move up"), state.W_EV_UP_PREFIX),
                    (cols[2], 1, t("Move down"), state.W_EV_DOWN_PREFIX),
                ):
                    target = pos + delta
                    if col.button(
                        text, key=f"{prefix}{item.id}", disabled=not 0 <= target < len(order)
                    ):
                        new = list(order)
                        new[pos], new[target] = new[target], new[pos]
                        with shown_errors(t):
                            ev.set_exhibit_order(
                                ctx.store,
                                ctx.actor,
                                case_id,
                                evidence_ids=new,
                                base_version=opened.version,
                            )
                            st.rerun()
            if cols[3].toggle(t("Preview"), key=f"{state.W_EV_PREVIEW_PREFIX}{item.id}"):
                with shown_errors(t):
                    st.image(ev.thumbnail(ctx.store, ctx.actor, case_id, item.id),
                             alt=item.title or item.filename)  # what a screen reader names
            evidence_text.item_text(ctx, item)
            _details_form(ctx, item, incidents, element_titles(opened.jurisdiction))


def _warnings(ctx: PageContext) -> None:
    t = ctx.t
    found = ev.warnings_for(ctx.store, ctx.actor, str(ctx.case_id))
    if found:
        st.subheader(t("Warnings"))
        for w in found:
            st.warning(md_escape(w.message(t)))


def _packet(ctx: PageContext) -> None:
    t, case_id = ctx.t, str(ctx.case_id)
    st.subheader(t("Exhibit packet"))
    bates = st.text_input(
        t("Page number prefix (optional, e.g. EX)"), key=state.W_EV_BATES, max_chars=16
    )
    if st.button(t("Build the packet"), key=state.W_EV_BUILD):
        with shown_errors(t), st.spinner(t("Building the packet...")):
            result = packet.render_packet(ctx.store, ctx.actor, case_id,
                                          bates_prefix=bates or None)
            st.session_state[state.EV_PACKET] = (case_id, result)
    kept = st.session_state.get(state.EV_PACKET)
    if kept and kept[0] == case_id:
        result = kept[1]
        st.write(t.plural("{n} page in total.", "{n} pages in total.", result.total_pages))
        for warning in result.warnings:
            st.warning(md_escape(t(warning)))
        for n, (name, data) in enumerate(result.parts, start=1):
            st.download_button(
                t("Download {name}", name=md_escape(name)),
                data,
                file_name=name,
                mime="application/pdf",
                key=f"{state.W_EV_PART_PREFIX}{n}",
            )


def render_page(ctx: PageContext) -> None:
    st.title(ctx.t("Evidence"))
    _upload(ctx)
    with shown_errors(ctx.t):
        _warnings(ctx)
        _exhibits(ctx)
        case_search_panel.render(ctx, cases.open_case(ctx.store, ctx.actor, str(ctx.case_id),
                                                      audit_view=False).record)
        _packet(ctx)
