"""The index of supporting documents: tab, description, page range.

Rows come from the packet's page plan (`asylum_prep.evidence.page_plan`, settled by
`evidence.packet.packet_plan`) via `rows_from_plan`, so this stand-alone index prints the
very page numbers (or Bates ranges) the packet's own index and stamps print; or from any list
of `IndexRow` a caller passes. A foreign-language exhibit's English translation and the
translator's certificate each have a row after it.

The index is filed, so currency warnings of the reports it lists (`currency_notices`) are
notices to the team rendering it, never printed on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from asylum_prep.documents.answers import Answers, display_name, document_translator
from asylum_prep.documents.build_declaration import running_text
from asylum_prep.documents.model import Block, Caption, Document, Notice, Paragraph, Table, Text
from asylum_prep.domain.citation_currency import CurrencyWarning
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.evidence.exhibits import exhibit_list
from asylum_prep.evidence.page_plan import PagePlan

N_CERTIFICATE = N_("Certificate of service")
N_TRANSLATION_ROW = N_("English translation of Exhibit {tab}")
N_TRANSLATOR_CERTIFICATE_ROW = N_("Translator's certificate for Exhibit {tab}")


@dataclass(frozen=True)
class IndexRow:
    tab: str
    description: str
    pages: str
    of_tab: str = ""  # a translation's or translator's certificate's row: the exhibit's tab


def rows_from_plan(plan: PagePlan, *, certificate: str = N_CERTIFICATE) -> list[IndexRow]:
    """A row per exhibit and one for the certificate of service (its description
    `certificate`; translated when it is the default), numbered as in the packet."""
    rows = []
    for ex in plan.exhibits:
        desc = ex.description
        if ex.citation_only and ex.citation_text:
            desc = f"{desc}\n{ex.citation_text}" if desc else ex.citation_text
        rows.append(IndexRow(tab=ex.tab, description=desc, pages=plan.exhibit_span(ex)))
        for template, pages in ((N_TRANSLATION_ROW, ex.translation_range),
                                (N_TRANSLATOR_CERTIFICATE_ROW, ex.certificate_range)):
            if pages is not None:
                rows.append(IndexRow(tab="", description=template,
                                     pages=plan.range_span(pages), of_tab=ex.tab))
    if plan.certificate_first is not None:
        rows.append(IndexRow(tab="", description=certificate, pages=plan.certificate_span()))
    return rows


def currency_notices(record: CaseRecord,
                     currency: Mapping[str, Sequence[CurrencyWarning]]) -> list[Notice]:
    """Per exhibit that is a cited report with currency warnings (`currency`: per citation
    id): a notice naming the exhibit, then each warning once."""
    out: list[Notice] = []
    for ex in exhibit_list(record):
        if not ex.report_id:
            continue
        warnings = {(w.kind, w.message()): w for c in record.citations
                    if c.report_id == ex.report_id for w in currency.get(c.id, [])}
        if not warnings:
            continue
        out.append(Notice(template=N_("Exhibit {tab} ({title}) cites a report with a currency "
                                      "warning."), params={"tab": ex.tab, "title": ex.title}))
        out += [Notice(template=w.template,
                       params={k: "" if v is None else str(v) for k, v in w.params.items()})
                for w in warnings.values()]
    return out


def _description(row: IndexRow, t: Callable[..., str]) -> str:
    if row.of_tab:
        return t(row.description, tab=row.of_tab)
    return t(N_CERTIFICATE) if row.description == N_CERTIFICATE else row.description


def build_index(
    record: CaseRecord, rows: list[IndexRow], *, jurisdiction: str, lang: str = "en"
) -> tuple[Document, list[Notice]]:
    notices: list[Notice] = []
    t = document_translator(lang, notices)
    a = Answers(record, lang, t)
    name = display_name(a)

    def tx(s: str) -> Text:
        return Text(text=s, lang=lang)

    caption = Caption(
        title=tx(t("Index of supporting documents")), rows=((tx(t("Name:")), tx(name or "—")),)
    )
    blocks: list[Block] = [caption]
    if any(r.tab for r in rows):  # the certificate of service alone is no list of exhibits
        blocks.append(
            Table(
                header=(tx(t("Tab")), tx(t("Description")), tx(t("Pages"))),
                rows=tuple((tx(r.tab), tx(_description(r, t)), tx(r.pages)) for r in rows),
                widths=(1, 8, 2),
            )
        )
    else:
        blocks.append(Paragraph(parts=(tx(t("No exhibits have been added yet.")),)))
    doc = Document(
        title=t("Index of supporting documents"),
        lang=lang,
        kind="exhibit-index",
        running=running_text(t, record, lang, name),
        blocks=tuple(blocks),
        page_size=paper_name(jurisdiction),
    )
    return doc, notices + a.notices
