"""What OCR read on the evidence page (services.ocr): the reading's progress, refreshed every
few seconds while a job waits or runs (a fragment, so the rest of the page is not redrawn and
a reload shows the same progress from the job table), and per exhibit its text status, the
text itself on request (each look audited as a view) and a button to read it again."""

from __future__ import annotations

import streamlit as st

from asylum_prep.domain.evidence import EvidenceItem, TextStatus
from asylum_prep.errors import N_
from asylum_prep.services import ocr
from asylum_prep.ui import html, state
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.edge import shown_errors

REFRESH_SECONDS = 3
# A page's text as read, each line in its own direction (a Persian page right to left).
PAGE_TEXT = ('<div class="ap-page-text" style="white-space: pre-wrap">'
             '{% for line in text.splitlines() %}<div dir="auto">{{ line }}</div>{% endfor %}'
             '</div>')
STATUS_LABELS = {
    TextStatus.not_read: N_("Waiting to read the text of the scanned pages."),
    TextStatus.read: N_("The text of the scanned pages was read."),
    TextStatus.own_text: N_("This document has text of its own: nothing needed reading."),
    TextStatus.unreadable: N_("The text could not be read. The file is kept as it is."),
}


def _active(ctx: PageContext) -> list[ocr.JobView]:
    jobs = ocr.reading_progress(ctx.store, ctx.actor, str(ctx.case_id))
    return [j for j in jobs if j.state in (ocr.QUEUED, ocr.RUNNING)]


def progress(ctx: PageContext, items: list[EvidenceItem]) -> None:
    """The jobs waiting or running, redrawn every few seconds until none is left; then the
    page is drawn again once so every exhibit shows its new status."""
    names = {it.id: it.title or it.filename for it in items}
    if not _active(ctx):
        return

    # Redrawn every few seconds only where this server reads in the background (else the
    # jobs wait for `asylum-prep evidence ocr`, and a reload shows how far it got).
    every = REFRESH_SECONDS if ctx.store.settings.ocr_in_background else None

    @st.fragment(run_every=every)
    def _jobs() -> None:
        t = ctx.t
        active = _active(ctx)
        if not active:
            st.rerun(scope="app")
        for job in active:
            name = html.md_escape(names.get(job.evidence_id, job.evidence_id))
            if job.state == ocr.RUNNING:
                st.progress(job.pages_done / max(job.pages_total, 1),
                            text=t("Reading {name}: page {done} of {total}.", name=name,
                                   done=job.pages_done, total=job.pages_total))
            else:
                st.caption(t("Waiting to read {name}.", name=name))

    _jobs()


def item_text(ctx: PageContext, item: EvidenceItem) -> None:
    """An exhibit's text status, its text on request, and reading it again."""
    t, case_id = ctx.t, str(ctx.case_id)
    st.caption(t(STATUS_LABELS[item.text.status]))
    cols = st.columns(2)
    if item.text.blob and cols[0].toggle(t("Show the text read"),
                                         key=f"{state.W_EV_TEXT_PREFIX}{item.id}"):
        with shown_errors(t):
            for number, text in enumerate(ocr.exhibit_text(ctx.store, ctx.actor, case_id,
                                                           item.id), start=1):
                st.markdown(f"**{t('Page {n}', n=number)}**")
                html.show(PAGE_TEXT, text=text)
    if cols[1].button(t("Read the text again"), key=f"{state.W_EV_REREAD_PREFIX}{item.id}"):
        with shown_errors(t):
            ocr.read_exhibits(ctx.store, ctx.actor, case_id, evidence_id=item.id, again=True)
            st.rerun()
