"""The index of supporting documents: tab, description, page range.

Rows come from the evidence engineer's exhibit list (`asylum_prep.evidence.exhibits.exhibit_list`)
via `rows_from_record`, or from any list of `IndexRow` a caller passes (a stand-alone index).
"""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.documents.answers import Answers, display_name, document_translator
from asylum_prep.documents.build_declaration import running_text
from asylum_prep.documents.model import Block, Caption, Document, Notice, Paragraph, Table, Text
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord


@dataclass(frozen=True)
class IndexRow:
    tab: str
    description: str
    pages: str


def rows_from_record(record: CaseRecord, *, first_page: int = 1) -> list[IndexRow]:
    from asylum_prep.evidence.exhibits import exhibit_list

    rows = []
    for ex in exhibit_list(record, first_page=first_page):
        desc = ex.description
        if ex.citation_only and ex.citation_text:
            desc = f"{desc}\n{ex.citation_text}" if desc else ex.citation_text
        rows.append(IndexRow(tab=ex.tab, description=desc, pages=ex.pages))
    return rows


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
    if rows:
        blocks.append(
            Table(
                header=(tx(t("Tab")), tx(t("Description")), tx(t("Pages"))),
                rows=tuple((tx(r.tab), tx(r.description), tx(r.pages)) for r in rows),
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
