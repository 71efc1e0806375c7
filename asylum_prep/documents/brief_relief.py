"""The brief's alternative relief, country conditions and conclusion.

Relief follows the element results and the deadline, never a rule's wording:
- US immigration court: withholding of removal and CAT protection in the alternative; where
  asylum is time-barred (the timeliness element "against" or "missing" with the deadline
  passed) they are argued as the main relief and the conclusion asks for them alone;
- the one-year exception is argued where the deadline has passed and an exception is claimed;
- humanitarian asylum where a "humanitarian" part of the past-persecution test is met.
The non-refoulement bases of the legal packs follow. Country conditions are the case's own
citations (`record.citations`), quoted as stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from asylum_prep.documents import legal_texts
from asylum_prep.documents.brief_texts import BriefPack, ForumText
from asylum_prep.documents.model import Block, Citation, Heading, Paragraph, Quotation, Text
from asylum_prep.domain.citations import format_citation
from asylum_prep.domain.record import CaseRecord, Forum
from asylum_prep.i18n import Translator, format_list
from asylum_prep.legal.assessment import ElementAssessment
from asylum_prep.legal.deadline import deadline_for


def en(text: str) -> Text:
    return Text(text=text, lang="en")


@dataclass(frozen=True)
class Relief:
    time_barred: bool = False
    exception: bool = False
    humanitarian: bool = False
    alternatives: bool = False  # withholding and CAT (US immigration court)


def relief_for(record: CaseRecord, jurisdiction: str, forum: ForumText,
               assessments: Sequence[ElementAssessment], today: date | None = None) -> Relief:
    if jurisdiction != "us":
        return Relief()
    by_key = {el.key: el for el in assessments}
    info = deadline_for(record, jurisdiction, today=today)
    passed = bool(info and info.deadline and info.filed_in_time is not True
                  and (info.filed_on or today or date.today()) > info.deadline)
    timely = by_key.get("timeliness")
    barred = bool(passed and timely and timely.strength in ("against", "missing")
                  and not (info and info.exception_claimed))
    past = by_key.get("past_persecution")
    humanitarian = bool(past and any("humanitarian" in p.key and p.status == "met"
                                     for p in past.parts))
    court = forum.key == Forum.us_immigration_court.value
    return Relief(time_barred=barred and court,
                  exception=bool(passed and info and info.exception_claimed),
                  humanitarian=humanitarian, alternatives=court)


def relief_blocks(pack: BriefPack, relief: Relief, jurisdiction: str,
                  t: Translator) -> list[Block]:
    texts = pack.relief_text
    out: list[Block] = []
    if relief.time_barred:
        out += [Heading(text=en(pack.headings["main_relief"])),
                Paragraph(parts=(en(texts["time_barred"]),))]
    elif any((relief.alternatives, relief.exception, relief.humanitarian)):
        out.append(Heading(text=en(pack.headings["relief"])))
    if relief.exception and not relief.time_barred:
        out.append(Paragraph(parts=(en(texts["one_year_exception"]),)))
    if relief.humanitarian and not relief.time_barred:
        out.append(Paragraph(parts=(en(texts["humanitarian"]),)))
    if relief.alternatives or relief.time_barred:
        out += [Paragraph(parts=(en(texts["withholding"]),)),
                Paragraph(parts=(en(texts["cat"]),))]
    legal = legal_texts.load(jurisdiction)
    out.append(Heading(text=en(pack.headings["nonrefoulement"])))
    for basis in legal.nonrefoulement:
        out += [Heading(text=en(t(basis.title)), level=2),
                Paragraph(parts=(en(t(basis.text)),)),
                Citation(text=en(t("{citation} (text as of {date})", citation=basis.citation,
                                   date=basis.as_of)), as_of=basis.as_of)]
    return out


def country_blocks(pack: BriefPack, record: CaseRecord,
                   titles: dict[str, str]) -> list[Block]:
    """The case's citations by element (bars left out), each quoted as stored."""
    cites = [c for c in record.citations if c.element.value != "bars"]
    if not cites:
        return []
    out: list[Block] = [Heading(text=en(pack.headings["country"]))]
    for key in dict.fromkeys(c.element.value for c in cites):
        title = titles.get(key, key.replace("_", " "))
        out.append(Paragraph(parts=(en(pack.text["country_intro"].format(element=title)),)))
        for c in (c for c in cites if c.element.value == key):
            out += [Quotation(text=en(c.quote)),
                    Citation(text=en(format_citation(c)), as_of=c.accessed.isoformat())]
    return out


def conclusion_blocks(pack: BriefPack, forum: ForumText, relief: Relief) -> list[Block]:
    asked = forum.time_barred_relief if relief.time_barred else forum.relief
    text = (pack.text["conclusion"].format(party=forum.party, relief=format_list(asked, "en"))
            if asked else pack.text["conclusion_none"].format(party=forum.party))
    return [Heading(text=en(pack.headings["conclusion"])), Paragraph(parts=(en(text),))]
