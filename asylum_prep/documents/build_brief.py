"""The brief in support: one section per legal element, then non-refoulement.

Each element section lists the facts the legal rules found (`legal.elements.assess`), each
quoted from the answers (the stored English translation when current) and cited to the
declaration paragraph built from the same answer and to the exhibits that corroborate it;
then the country-conditions citations the team attached to that element. An element without
support is a Gap for the attorney, never filler. The non-refoulement bases and their "as of"
dates come from the editable legal packs under templates/legal/.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from asylum_prep.documents import legal_texts
from asylum_prep.documents.answers import Answers, display_name, document_translator
from asylum_prep.documents.build_declaration import Declaration, running_text
from asylum_prep.documents.model import (
    Block,
    Caption,
    Citation,
    Document,
    Gap,
    Heading,
    Notice,
    NumberedParagraph,
    Paragraph,
    Quotation,
    Text,
)
from asylum_prep.domain.citations import format_citation
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.legal.assessment import Params, localize


class FactLike(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def label_template(self) -> str: ...
    @property
    def label_params(self) -> Params: ...


class AssessmentLike(Protocol):
    """What `legal.elements.assess` returns per element (read-only view)."""

    @property
    def key(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def strength(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def next_step(self) -> str: ...
    @property
    def reason_template(self) -> str: ...
    @property
    def reason_params(self) -> Params: ...
    @property
    def next_step_template(self) -> str: ...
    @property
    def next_step_params(self) -> Params: ...

    @property
    def facts(self) -> Sequence[FactLike]: ...


@dataclass(frozen=True)
class ExhibitRef:
    tab: str
    pages: str
    elements: tuple[str, ...] = ()
    incidents: tuple[str, ...] = ()


@dataclass
class Brief:
    document: Document
    notices: list[Notice] = field(default_factory=list)


def exhibit_refs(record: CaseRecord) -> list[ExhibitRef]:
    """Which exhibits corroborate which elements and incidents (from the evidence list)."""
    from asylum_prep.evidence.exhibits import exhibit_list

    items = {it.id: it for it in record.evidence}
    out = []
    for ex in exhibit_list(record):
        item = items.get(ex.evidence_id or "")
        out.append(
            ExhibitRef(
                tab=ex.tab,
                pages=ex.pages,
                elements=tuple(item.elements) if item else (),
                incidents=tuple(item.incidents) if item else (),
            )
        )
    return out


def _incident_of(path: str) -> str:
    parts = path.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["incidents", "items"] else ""


def _fact_blocks(
    t: Translator,
    a: Answers,
    decl: Declaration,
    fact: FactLike,
    exhibits: list[ExhibitRef],
    number: int,
) -> list[Block]:
    got = a.get(fact.path)
    text = got if got is not None else Text(text=fact.text, lang=a.src_lang)
    flag = a.flag_for(a.take_pending(), number)
    refs: list[str] = []
    para = decl.paragraph_for(fact.path)
    if para is not None:
        refs.append(t("Declaration, paragraph {n}.", n=para))
    inc = _incident_of(fact.path)
    for ex in exhibits:
        if inc and inc in ex.incidents:
            refs.append(t("Exhibit {tab}, pages {pages}.", tab=ex.tab, pages=ex.pages))
    lead = Text(text=localize(fact.label_template, fact.label_params, t) or t(fact.label),
                lang="en")
    parts = (lead, *(Text(text=r, lang="en") for r in refs))
    return [
        NumberedParagraph(number=number, parts=parts, sources=(fact.path,), flag=flag),
        Quotation(text=text, sources=(fact.path,)),
    ]


def build_brief(
    record: CaseRecord,
    *,
    jurisdiction: str,
    declaration: Declaration,
    assessments: Sequence[AssessmentLike],
    exhibits: list[ExhibitRef] | None = None,
    draft: bool = True,
) -> Brief:
    lang = "en"
    notices: list[Notice] = []
    t = document_translator(lang, notices)
    a = Answers(record, lang, t)
    name = display_name(a)
    exhibits = exhibits or []
    pack = legal_texts.load(jurisdiction)

    def tx(s: str) -> Text:
        return Text(text=s, lang=lang)

    blocks: list[Block] = [
        Caption(
            title=tx(t("Brief in support of the application")),
            rows=((tx(t("Applicant:")), tx(name or "—")),),
        )
    ]
    number = 0
    for el in assessments:
        # the rules' reason and next step, their lists and dates written as this document
        # writes them ("about October 2022", not "~2022-10")
        reason = localize(el.reason_template, el.reason_params, t) or el.reason
        next_step = localize(el.next_step_template, el.next_step_params, t) or el.next_step
        blocks.append(Heading(text=tx(t(el.title))))
        if el.strength == "missing" or not el.facts:
            blocks.append(
                Gap(
                    text=tx(
                        t(
                            "No support yet: {reason} Next step: {next}",
                            reason=reason,
                            next=next_step,
                        )
                    ),
                    path=el.key,
                )
            )
            notices.append(
                Notice(
                    template=N_("The element \u201c{element}\u201d has no support yet; the brief "
                                "shows it as a gap."),
                    params={"element": el.title}, labels=("element",),
                )
            )
            continue
        if el.strength == "thin" and draft:
            blocks.append(
                Gap(
                    text=tx(
                        t(
                            "Thin support: {reason} Next step: {next}",
                            reason=reason,
                            next=next_step,
                        )
                    ),
                    path=el.key,
                )
            )
        for fact in el.facts:
            number += 1
            blocks.extend(_fact_blocks(t, a, declaration, fact, exhibits, number))
        for ex in exhibits:
            if el.key in ex.elements:
                blocks.append(
                    Paragraph(
                        parts=(
                            tx(
                                t(
                                    "Corroborated by Exhibit {tab}, pages {pages}.",
                                    tab=ex.tab,
                                    pages=ex.pages,
                                )
                            ),
                        )
                    )
                )
        for c in (c for c in getattr(record, "citations", []) if c.element.value == el.key):
            blocks.append(Citation(text=tx(format_citation(c)), as_of=c.accessed.isoformat()))
            blocks.append(Quotation(text=tx(c.quote)))
    blocks.append(Heading(text=tx(t("Non-refoulement"))))
    for basis in pack.nonrefoulement:
        blocks.append(Heading(text=tx(t(basis.title)), level=2))
        blocks.append(Paragraph(parts=(tx(t(basis.text)),)))
        blocks.append(
            Citation(
                text=tx(
                    t("{citation} (text as of {date})", citation=basis.citation, date=basis.as_of)
                ),
                as_of=basis.as_of,
            )
        )
    blocks.append(
        Paragraph(
            parts=(
                tx(
                    t(
                        "The legal texts in this brief are as of {date} and must be "
                        "checked against their sources before filing.",
                        date=pack.as_of,
                    )
                ),
            )
        )
    )
    doc = Document(
        title=t("Brief in support of the application"),
        lang=lang,
        kind="brief",
        running=running_text(t, record, lang, name),
        blocks=tuple(blocks),
        page_size=paper_name(jurisdiction),
    )
    return Brief(doc, notices + a.notices)
