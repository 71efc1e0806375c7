"""The brief: caption for its forum, title, table of contents, statement of facts, issues
presented, legal standard, argument, relief, country conditions, conclusion, counsel's
signature and certificate of service.

It argues what the attorney confirmed (`brief_argument`) from the declaration's own words,
cited "Decl. ¶ N" and "Ex. B at 1–3", with fixed wording from the editable legal packs
(`brief_texts`). It never prints internal ids, the tool's ratings, reasons or next steps
(those are the worksheet's, `build_worksheet`), facts against an element, or words in another
language: an answer without a current English translation is a Gap in a draft and, for a final
brief, listed in `Brief.untranslated` so the render service refuses it naming the questions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from asylum_prep.documents import authority_refs, brief_texts
from asylum_prep.documents.answers import Answers, display_name, document_translator
from asylum_prep.documents.brief_argument import Arguer, Cite, Mode, select
from asylum_prep.documents.brief_caption import caption, caption_facts, certificate_of_service
from asylum_prep.documents.brief_caption import signature as signature_blocks
from asylum_prep.documents.brief_facts import ExhibitRef, statement_of_facts
from asylum_prep.documents.brief_relief import (
    conclusion_blocks,
    country_blocks,
    relief_blocks,
    relief_for,
)
from asylum_prep.documents.build_declaration import Declaration, running_text
from asylum_prep.documents.model import (
    Block,
    Contents,
    Document,
    Heading,
    Notice,
    Paragraph,
    RunningText,
    Text,
)
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.legal.assessment import ElementAssessment

__all__ = ["Brief", "ExhibitRef", "build_brief", "exhibit_refs"]


@dataclass
class Brief:
    document: Document
    notices: list[Notice] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)  # answer paths, each once


def exhibit_refs(record: CaseRecord) -> list[ExhibitRef]:
    """Which exhibits corroborate which elements and incidents (from the evidence list)."""
    from asylum_prep.evidence.exhibits import exhibit_list

    items = {it.id: it for it in record.evidence}
    out = []
    for ex in exhibit_list(record):
        item = items.get(ex.evidence_id or "")
        out.append(ExhibitRef(
            tab=ex.tab, pages=ex.pages,
            elements=tuple(item.elements) if item else (),
            incidents=tuple(item.incidents) if item else (),
            page_count=ex.page_count,
        ))
    return out


def _english_name(answers: Answers) -> tuple[str, list[str]]:
    """The applicant's name in Latin letters (the translator's transliteration when current),
    else "" and the name's answer paths for the translator."""
    name = display_name(answers)
    gaps = []
    for path in ("about.given_names", "about.family_name"):
        answers.get(path)
        if answers.take_pending().get(path) in ("missing", "stale"):
            gaps.append(path)
    return ("" if gaps else name), gaps


def _running(t: Translator, record: CaseRecord, jurisdiction: str, name: str) -> RunningText:
    """Header: the name and the forum's own reference (the A-number in the US, else the file
    number staff entered, else the case reference)."""
    base = running_text(t, record, "en", name)
    ref = (record.about.a_number if jurisdiction == "us" else "") or \
        record.filing.file_number.strip() or record.about.reference
    return base.model_copy(update={"header": (_en(name), *((_en(ref),) if ref else ()))})


def _en(text: str) -> Text:
    return Text(text=text, lang="en")


def _contents(heading: str, body: list[Block]) -> list[Block]:
    """The section headings with anchors, and a table of contents pointing at them (the PDF
    prints their page numbers)."""
    entries: list[tuple[Text, str]] = []
    for i, b in enumerate(body):
        if isinstance(b, Heading) and b.level == 1:
            anchor = f"section-{len(entries) + 1}"
            body[i] = b.model_copy(update={"anchor": anchor})
            entries.append((b.text, anchor))
    return [Heading(text=_en(heading)), Contents(entries=tuple(entries))]


def build_brief(
    record: CaseRecord,
    *,
    jurisdiction: str,
    declaration: Declaration,
    assessments: Sequence[ElementAssessment],
    exhibits: list[ExhibitRef] | None = None,
    draft: bool = True,
    cite: Cite = authority_refs.cite,
    unjudged: Mode = "omit",
    today: date | None = None,
) -> Brief:
    notices: list[Notice] = []
    t = document_translator("en", notices)
    answers = Answers(record, "en", t)
    name, name_gaps = _english_name(answers)
    exhibits = exhibits or []
    pack = brief_texts.load(jurisdiction)
    forum = pack.forum(record.filing.forum, record.filing.proceeding)
    h, txt = pack.headings, pack.text
    chosen = select(record, assessments, unjudged)
    for el in chosen.unjudged:
        notices.append(Notice(
            template=N_("The brief does not argue \u201c{element}\u201d: no attorney has "
                        "judged it yet."),
            params={"element": el.title}, labels=("element",)))
    arguer = Arguer(record=record, pack=pack, party=forum.party, t=t, answers=answers,
                    decl=declaration, exhibits=exhibits, cite=cite, draft=draft,
                    against=frozenset(f.path for el in assessments for f in el.against))

    facts = statement_of_facts(record, declaration, exhibits, draft=draft,
                               gap_text=txt["gap_paragraph"])
    body: list[Block] = [Heading(text=_en(h["facts"])),
                         Paragraph(parts=(_en(txt["facts_intro"].format(
                             name=name or pack.blank)),)),
                         *facts.blocks]
    everything = [*chosen.argued, *chosen.alternative]
    if everything:
        body.append(Heading(text=_en(h["issues"])))
        body += [arguer.issue(el) for el in everything]
        body.append(Heading(text=_en(h["standard"])))
        for el in everything:
            body += arguer.standard(el)
    if chosen.argued:
        body.append(Heading(text=_en(h["argument"])))
        for el in chosen.argued:
            body += arguer.argument(el)
    if chosen.alternative:
        body.append(Heading(text=_en(h["unjudged"])))
        body.append(Paragraph(parts=(_en(txt["unjudged_intro"].format(party=forum.party)),)))
        for el in chosen.alternative:
            body += arguer.argument(el)
    relief = relief_for(record, jurisdiction, forum, assessments, today)
    body += relief_blocks(pack, relief, jurisdiction, t)
    body += country_blocks(pack, record, {el.key: t(el.title) for el in assessments})
    body.append(Paragraph(parts=(_en(txt["legal_as_of"].format(date=pack.as_of)),)))
    body += conclusion_blocks(pack, forum, relief)
    body += signature_blocks(pack, forum, record)
    body += certificate_of_service(pack, record)

    head = caption(pack, forum, caption_facts(record, jurisdiction, name))
    blocks = [*head, *_contents(h["contents"], body), *body]
    doc = Document(
        title=forum.title,
        lang="en",
        kind="brief",
        running=_running(t, record, jurisdiction, name),
        blocks=tuple(blocks),
        page_size=paper_name(jurisdiction),
    )
    untranslated = list(dict.fromkeys([*name_gaps, *facts.untranslated,
                                       *arguer.untranslated]))
    return Brief(doc, notices + answers.notices + arguer.notices, untranslated)
