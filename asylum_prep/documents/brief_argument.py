"""Which elements the brief argues, and the issues, legal standards and argument for them.

The brief argues what the attorney confirmed (`record.element_judgments`, the latest entry per
element wins): an element whose judgment says to argue it and either agrees with the tool's
rating or disagrees with the attorney's own, where the rating that stands is "thin" or
"supported" (agreeing that an element is missing is no reason to argue it). An element nobody
has judged is left out, or, when the caller asks and the tool rates it thin or supported,
argued under its own heading "in the alternative". Bars are never argued: they are the
worksheet's.

The argument for an element is fixed, editable text from the legal packs (`brief_texts`) plus
the applicant's own words: the parts of the test the rules found met, and the facts the rules
list for the element (`facts`; never an answer any element lists against it, such as "no
injuries" offered as evidence of injury), each quoted in English and cited
to the declaration paragraph and the exhibits. Authorities are printed through `cite` (id ->
citation); an id it cannot cite is left out and reported, never printed raw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from asylum_prep.documents.answers import Answers
from asylum_prep.documents.brief_facts import ExhibitRef, decl_cite, exhibit_cites
from asylum_prep.documents.brief_texts import BriefPack
from asylum_prep.documents.build_declaration import Declaration
from asylum_prep.documents.model import (
    Block,
    Citation,
    Gap,
    Heading,
    Notice,
    Paragraph,
    Quotation,
    Text,
)
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import ElementJudgment, Verdict
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.legal.assessment import ElementAssessment, localize

Cite = Callable[[str], str | None]
Mode = Literal["omit", "alternative"]
NEVER_ARGUED = frozenset({"bars"})
ARGUABLE = frozenset({"thin", "supported"})


def latest_judgments(record: CaseRecord) -> dict[str, ElementJudgment]:
    """element -> the attorney's latest judgment of it."""
    out: dict[str, ElementJudgment] = {}
    for j in sorted(record.element_judgments, key=lambda j: j.at):
        out[j.element] = j
    return out


def confirmed(judgment: ElementJudgment, el: ElementAssessment) -> bool:
    """The attorney said to argue it, and the rating that stands (the tool's where the
    attorney agrees, else the attorney's own) is thin or supported: agreeing that an element
    is missing or against the claim never puts it in the brief."""
    rating = el.strength if judgment.verdict is Verdict.agree else judgment.strength
    return judgment.argue and rating in ARGUABLE


@dataclass
class Selection:
    argued: list[ElementAssessment] = field(default_factory=list)
    alternative: list[ElementAssessment] = field(default_factory=list)
    unjudged: list[ElementAssessment] = field(default_factory=list)  # left out


def select(record: CaseRecord, assessments: Sequence[ElementAssessment],
           unjudged: Mode) -> Selection:
    judged = latest_judgments(record)
    out = Selection()
    for el in assessments:
        if el.key in NEVER_ARGUED:
            continue
        j = judged.get(el.key)
        if j is not None:
            if confirmed(j, el):
                out.argued.append(el)
        elif unjudged == "alternative" and el.strength in ARGUABLE and el.facts:
            out.alternative.append(el)
        else:
            out.unjudged.append(el)
    return out


def en(text: str) -> Text:
    return Text(text=text, lang="en")


@dataclass
class Arguer:
    """Builds the issues, standards and argument of one brief."""

    record: CaseRecord
    pack: BriefPack
    party: str
    t: Translator
    answers: Answers
    decl: Declaration
    exhibits: list[ExhibitRef]
    cite: Cite
    draft: bool
    against: frozenset[str] = frozenset()  # answer paths any element lists as against it
    notices: list[Notice] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    _uncited: set[str] = field(default_factory=set)

    def issue(self, el: ElementAssessment) -> Paragraph:
        return Paragraph(parts=(en(self.pack.text["issue"].format(
            party=self.party, element=self.t(el.title))),))

    def authorities(self, ids: Sequence[str]) -> list[str]:
        out = []
        for aid in dict.fromkeys(ids):
            citation = self.cite(aid)
            if citation:
                out.append(citation)
            elif aid not in self._uncited:
                self._uncited.add(aid)
                self.notices.append(Notice(
                    template=N_("The brief left out an authority it could not cite: {id}. "
                                "Add it to the authorities library or cite it by hand."),
                    params={"id": aid}))
        return out

    def standard(self, el: ElementAssessment) -> list[Block]:
        out: list[Block] = [Heading(text=en(self.t(el.title)), level=2)]
        if el.test:
            out.append(Paragraph(parts=(en(self.t(el.test)),)))
        ids = [*el.authorities, *(a for p in el.parts for a in p.authorities)]
        cited = self.authorities(ids)
        if cited:
            out.append(Citation(text=en(self.pack.text["standard_authorities"].format(
                authorities="; ".join(cited)))))
        return out

    def argument(self, el: ElementAssessment) -> list[Block]:
        out: list[Block] = [Heading(text=en(self.t(el.title)), level=2)]
        met = [self.t(p.label) for p in el.parts if p.status == "met"]
        if met:  # one line per part: the rules' labels may be phrases or sentences
            out.append(Paragraph(parts=(en(self.pack.text["argument_parts"].format(
                party=self.party)),)))
            out += [Paragraph(parts=(en(f"({chr(ord('a') + n)}) {label}"),))
                    for n, label in enumerate(met[:26])]
        if self.draft:
            for p in el.parts:
                if p.status != "met":
                    out.append(Gap(text=en(self.pack.text["gap_part"].format(
                        part=self.t(p.label))), path=el.key))
        against = self.against | {f.path for f in el.against}
        facts = [f for f in el.facts if f.path not in against]
        if facts:
            out.append(Paragraph(parts=(en(self.pack.text["argument_facts"]),)))
        for fact in facts:
            out.extend(self.fact(el, fact.path, fact.text, fact.label_template,
                                 fact.label_params, fact.label))
        return out

    def fact(self, el: ElementAssessment, path: str, own_words: str, label_template: str,
             label_params: tuple[tuple[str, object], ...], label: str) -> list[Block]:
        got = self.answers.get(path)
        status = self.answers.take_pending().get(path, "original")
        if status in ("missing", "stale"):
            self.untranslated.append(path)
            if self.draft:
                return [Gap(text=en(self.pack.text["gap_fact"].format(
                    label=self.t(label))), path=el.key)]
            return []
        words = got if got is not None else en(own_words)
        para = self.decl.paragraph_for(path)
        cite = decl_cite([para] if para else [], exhibit_cites([path], self.exhibits))
        lead = (localize(label_template, label_params, self.t)  # type: ignore[arg-type]
                or self.t(label)).rstrip(": ")
        return [Paragraph(parts=(en(f"{lead}:"), en(cite))) if cite else
                Paragraph(parts=(en(f"{lead}:"),)), Quotation(text=words)]
