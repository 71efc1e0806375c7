"""The attorney worksheet: the team's working notes on a case, never filed.

Everything the brief leaves out lives here: each element's rating, reason, the parts of its
test, the facts for and against it, the next step; the attorney's judgment of it; the bars;
the open consistency flags; the country-conditions citations with their currency warnings;
the blank items the filing still needs. Titled "Attorney work
product: not for filing" and always watermarked NOT FOR FILING (the render service sets it).
Written in English, like the brief; the applicant's words are quoted as the declaration
prints them (the translation when current, else the original, flagged).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from asylum_prep.documents.answers import Answers, display_name, document_translator
from asylum_prep.documents.brief_argument import latest_judgments
from asylum_prep.documents.build_declaration import running_text
from asylum_prep.documents.model import (
    Block,
    Caption,
    Document,
    Heading,
    Notice,
    Paragraph,
    Quotation,
    Text,
)
from asylum_prep.domain.citation_currency import CurrencyWarning
from asylum_prep.domain.citations import format_citation
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import Verdict
from asylum_prep.errors import N_
from asylum_prep.evidence.translated import untranslated, warning_template
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.i18n import Translator
from asylum_prep.legal import consistency
from asylum_prep.legal.assessment import ElementAssessment, Fact, localize
from asylum_prep.legal.readiness import readiness

TITLE = N_("Attorney work product: not for filing")
WATERMARK = N_("NOT FOR FILING")
STRENGTH = {"supported": N_("Supported"), "thin": N_("Thin"), "missing": N_("Missing"),
            "against": N_("Against")}
PART = {"met": N_("Part of the test met: {part}."),
        "not_shown": N_("Part of the test not shown: {part}."),
        "against": N_("Part of the test the facts weigh against: {part}.")}


def _en(text: str) -> Text:
    return Text(text=text, lang="en")


def _para(text: str) -> Paragraph:
    return Paragraph(parts=(_en(text),))


def _facts(t: Translator, a: Answers, heading: str, facts: Sequence[Fact]) -> list[Block]:
    if not facts:
        return []
    out: list[Block] = [Heading(text=_en(heading), level=3)]
    for f in facts:
        got = a.get(f.path)
        a.take_pending()
        label = localize(f.label_template, f.label_params, t) or t(f.label)
        out += [_para(label), Quotation(text=got or Text(text=f.text, lang=a.src_lang))]
    return out


def _judgment(t: Translator, record: CaseRecord, key: str) -> list[Block]:
    j = latest_judgments(record).get(key)
    if j is None:
        return [_para(t("No attorney has judged this element yet."))]
    agrees = j.verdict is Verdict.agree
    out: list[Block] = [_para(
        t("The attorney agrees with the tool's rating.") if agrees
        else t("The attorney disagrees and rates it: {strength}.",
               strength=t(STRENGTH[j.strength]) if j.strength in STRENGTH
               else j.strength or "\u2014"))]
    out.append(_para(t("The attorney says to argue it in the brief.") if j.argue
                     else t("The attorney says not to argue it in the brief.")))
    if j.reason.strip():
        out.append(Quotation(text=_en(j.reason.strip())))
    return out


def _element(t: Translator, a: Answers, record: CaseRecord,
             el: ElementAssessment) -> list[Block]:
    reason = localize(el.reason_template, el.reason_params, t) or el.reason
    out: list[Block] = [Heading(text=_en(t(el.title)), level=2),
                        _para(f"{t(STRENGTH.get(el.strength, el.strength))}: {reason}")]
    for p in el.parts:
        note = localize(p.note, p.note_params, t)
        out.append(_para(" ".join(x for x in (t(PART[p.status], part=t(p.label)), note) if x)))
    out += _facts(t, a, t("Facts for"), el.facts)
    out += _facts(t, a, t("Facts against"), el.against)
    next_step = localize(el.next_step_template, el.next_step_params, t) or el.next_step
    if next_step:
        out.append(_para(f"{t('Next step')}: {next_step}"))
    return out + _judgment(t, record, el.key)


def _citations(t: Translator, record: CaseRecord, assessments: Sequence[ElementAssessment],
               currency: Mapping[str, Sequence[CurrencyWarning]]) -> list[Block]:
    """Each citation as the brief would print it, under its element, with its warnings."""
    if not record.citations:
        return []
    titles = {el.key: t(el.title) for el in assessments}
    out: list[Block] = [Heading(text=_en(t("Country conditions")))]
    for c in record.citations:
        element = titles.get(c.element.value, c.element.value)
        out.append(_para(f"{element}: {format_citation(c)}"))
        out += [_para(w.message(t)) for w in currency.get(c.id, [])]
    return out


def build_worksheet(record: CaseRecord, *, jurisdiction: str,
                    assessments: Sequence[ElementAssessment],
                    currency: Mapping[str, Sequence[CurrencyWarning]] | None = None,
                    ) -> tuple[Document, list[Notice]]:
    """`currency`: the currency warnings per citation id (services.coi)."""
    notices: list[Notice] = []
    t = document_translator("en", notices)
    a = Answers(record, "en", t)
    name = display_name(a)
    rows = [(_en(t("Applicant:")), _en(name or "\u2014"))]
    if record.about.reference or record.about.a_number:
        rows.append((_en(t("Reference:")),
                     _en(record.about.a_number or record.about.reference)))
    blocks: list[Block] = [Caption(title=_en(t(TITLE)), rows=tuple(rows)),
                           Heading(text=_en(t("Legal elements")))]
    bars = [el for el in assessments if el.key == "bars"]
    for el in assessments:
        if el.key != "bars":
            blocks += _element(t, a, record, el)
    if bars:
        blocks.append(Heading(text=_en(t("Bars to protection"))))
        for el in bars:  # the section heading names it already
            blocks += _element(t, a, record, el)[1:]
    flags = [f for f in consistency.check(record) if not f.dismissed]
    if flags:
        blocks.append(Heading(text=_en(t("Consistency"))))
        for n, flag in enumerate(flags, start=1):
            where = ", ".join(dict.fromkeys(answer_label(record, p).text(t)
                                            for p in flag.places))
            blocks.append(_para(t("{n}. {message} (look at: {where})").format(
                n=n, message=t(flag.template, **dict(flag.params)), where=where)))
    blocks += _citations(t, record, assessments, currency or {})
    gaps = untranslated(record)
    if gaps:
        blocks.append(Heading(text=_en(t("Exhibit translations"))))
        blocks += [_para(t(warning_template(g.status), title=g.title)) for g in gaps]
    items = readiness(record, jurisdiction)
    if items:
        blocks.append(Heading(text=_en(t("Filing readiness"))))
        blocks += [_para(f"{i.part}: {t(i.label)}" if i.part else t(i.label)) for i in items]
    doc = Document(title=t(TITLE), lang="en", kind="worksheet",
                   running=running_text(t, record, "en", name), blocks=tuple(blocks),
                   page_size="letter" if jurisdiction in ("us", "ca") else "A4")
    return doc, notices + a.notices
