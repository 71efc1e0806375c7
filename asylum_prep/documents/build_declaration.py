"""Case -> declaration `Document`: caption, numbered first-person paragraphs, closing, signature.

Chronological: background; beliefs and activities; incidents and legal events by date; harm to
family; why they targeted me; departure and route; fear of return; why not elsewhere; why now.
Content comes only from answers (see `declaration_writer`). Modes: `draft=True` shows Gap blocks
where answers are missing (for the attorney); `draft=False` (filing) leaves them out and lists
them as notices. Languages: the answer language prints answers as given; English prints the
stored translations, and an answer without a current translation is printed as given, flagged
in the text and in the notices, never machine-translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from asylum_prep.documents import dated as d
from asylum_prep.documents import declaration_edited, legal_texts
from asylum_prep.documents import declaration_sections as sec
from asylum_prep.documents.answers import (
    Answers,
    display_name,
    document_translator,
    phrase_lang,
    sort_key,
)
from asylum_prep.documents.declaration_writer import Writer
from asylum_prep.documents.gendered import gendered
from asylum_prep.documents.model import (
    BilingualRow,
    Block,
    Caption,
    Document,
    Gap,
    Heading,
    Notice,
    NumberedParagraph,
    Paragraph,
    Quotation,
    RunningText,
    SignatureBlock,
    SignatureLine,
    Text,
)
from asylum_prep.domain.base import YesNo
from asylum_prep.domain.declaration import EditedDeclaration
from asylum_prep.domain.paper import paper_name
from asylum_prep.domain.record import CaseRecord, Proceeding
from asylum_prep.errors import N_, InputRefused
from asylum_prep.i18n import Translator, native_name


@dataclass
class Declaration:
    document: Document
    paragraphs: dict[str, int] = field(default_factory=dict)  # answer path -> paragraph number
    notices: list[Notice] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)  # edited paragraph id -> number
    # From the edited declaration: (answer path, "missing"/"stale", number) of each paragraph
    # whose English is not a current translation; None for the generated declaration.
    edited_uncovered: list[tuple[str, str, int]] | None = None

    def paragraph_for(self, path: str) -> int | None:
        """The first paragraph built from `path` or from an answer under it."""
        if path in self.paragraphs:
            return self.paragraphs[path]
        hits = [
            n
            for p, n in self.paragraphs.items()
            if p.startswith(path + ".") or path.startswith(p + ".")
        ]
        return min(hits) if hits else None


def _after_events(w: Writer, r: CaseRecord) -> None:
    t, a = w.t, w.a
    lead: str | None
    harmed = [m for m in r.family.members if m.harmed is YesNo.yes]
    if harmed or r.harm_to_others.others:
        w.heading(t("Harm to my family"))
    for m in harmed:
        base = f"family.members.{m.id}"
        name = a.plain(f"{base}.name")
        w.answer(
            t("What happened to {name}:", name=name)
            if name
            else t("What happened to my relative:"),
            f"{base}.harm_description",
            gap=t("what happened to this relative"),
        )
    for o in sorted(r.harm_to_others.others, key=lambda o: sort_key(o.date)):
        base = f"harm_to_others.others.{o.id}"
        person = a.plain(f"{base}.person") or t("a person close to me")
        lead = (
            a.dated(o.date, d.HAPPENED_TO, person=person)
            if o.date
            else t("What happened to {person}:", person=person)
        )
        w.answer(lead, f"{base}.what_happened", gap=t("what happened to this person"))
        w.answer(t("Why I believe this happened to them:"), f"{base}.why")

    w.heading(t("Why they targeted me"))
    found = False
    for inc in sorted(r.incidents.items, key=lambda i: sort_key(i.date)):
        lead = (
            a.dated(inc.date, d.TARGETED) if inc.date else t("Why I believe they targeted me:")
        )
        found = w.answer(lead, f"incidents.items.{inc.id}.why_targeted") is not None or found
    if not found:
        w.missing("incidents.why_targeted", t("why they targeted you"))

    w.heading(t("How I left my country"))
    lv = r.leaving
    lead = a.when_where(
        lv.departure_date,
        "leaving.departure_place",
        d.LEFT_COUNTRY_FROM,
        d.LEFT_COUNTRY,
        N_("I left my country from {place}."),
        None,
    )
    how = a.get("leaving.how_left")
    w.para(
        lead, how, sources=("leaving.departure_date", "leaving.departure_place", "leaving.how_left")
    )
    if lead is None and how is None:
        w.missing("leaving.departure_date", t("when and how you left your country"))
    if lv.passport_used is YesNo.yes:
        w.para(t("I used my own passport to leave."), sources=("leaving.passport_used",))
    elif lv.passport_used is YesNo.no:
        w.para(t("I did not use my own passport to leave."), sources=("leaving.passport_used",))
    for tr in lv.route:
        base = f"leaving.route.{tr.id}"
        country = a.country(tr.country) if len(tr.country) == 2 else a.plain(f"{base}.country")
        offered = {
            YesNo.yes: t("I was offered legal status there."),
            YesNo.no: t("I was not offered legal status there."),
        }.get(tr.status_offered)
        w.para(
            t("I passed through {country}.", country=country) if country else None,
            a.dated(tr.arrived, d.ARRIVED_THERE) if tr.arrived else None,
            a.dated(tr.left, d.LEFT_THERE) if tr.left else None,
            offered,
            a.get(f"{base}.status_detail"),
            sources=(base,),
        )
        w.answer(t("Why I did not stay there:"), f"{base}.why_not_stay")
    for en in sorted(lv.entries, key=lambda e: sort_key(e.date)):
        base = f"leaving.entries.{en.id}"
        if en.kind.value == "arrival":
            lead = a.when_where(
                en.date,
                f"{base}.place",
                d.ARRIVED_IN,
                d.ARRIVED,
                N_("I arrived in {place}."),
                None,
            )
        else:
            lead = a.when_where(
                en.date,
                f"{base}.place",
                d.LEFT_PLACE,
                d.LEFT,
                N_("I left {place}."),
                None,
            )
        status = a.get(f"{base}.status")
        w.para(lead, t("How:") if status else None, status, sources=(base,))

    w.heading(t("Why I fear returning"))
    w.answer(t("Who I fear:"), "fear.who", gap=t("who you fear"))
    w.answer(t("What I fear they would do to me:"), "fear.what_harm", gap=t("what harm you fear"))
    w.answer(t("Why they would harm me:"), "fear.why", gap=t("why they would harm you"))
    w.answer(t("How they would know that I have returned:"), "fear.how_they_would_know")
    if r.fear.would_hide is YesNo.yes:
        w.para(
            t("To be safe there, I would have to hide who I am, what I believe or how I live."),
            a.get("fear.would_hide_detail"),
            sources=("fear.would_hide",),
        )
    if r.fear.still_looking is YesNo.yes:
        w.para(
            t("They are still looking for me."),
            a.get("fear.still_looking_detail"),
            sources=("fear.still_looking",),
        )
    if r.fear.torture_fear is YesNo.yes:
        w.para(
            t("I fear that I would be tortured."),
            a.get("fear.torture_detail"),
            sources=("fear.torture_fear",),
        )

    w.heading(t("Why I cannot live elsewhere in my country"))
    w.answer(
        None,
        "fear.relocation_why_not",
        gap=t("why you cannot live safely elsewhere in your country"),
    )

    w.heading(t("Why I am filing now"))
    n = [
        w.answer(None, "timing.why_now"),
        w.answer(t("What has changed:"), "timing.changed_circumstances"),
        w.answer(t("What kept me from filing earlier:"), "timing.extraordinary_circumstances"),
    ]
    if not any(n):
        w.missing("timing.why_now", t("why you are filing now"))


def _caption(t: Translator, r: CaseRecord, jurisdiction: str, lang: str, name: str) -> Caption:
    name = name or "________________"
    rows = [(t("Name:"), name)]
    if jurisdiction == "us" and r.about.a_number:
        rows.append((t("A-number:"), r.about.a_number))
    if r.about.reference:
        rows.append((t("Reference:"), r.about.reference))
    proceeding = {
        Proceeding.affirmative: t("Affirmative application"),
        Proceeding.defensive: t("Removal proceedings"),
        Proceeding.other: "",
    }[r.filing.proceeding]
    if proceeding:
        rows.append((t("Proceeding:"), proceeding))
    return Caption(
        title=Text(text=t("Declaration of {name}", name=name), lang=lang),
        rows=tuple((Text(text=k, lang=lang), Text(text=v, lang=lang)) for k, v in rows),
    )


def running_text(t: Translator, r: CaseRecord, lang: str, name: str) -> RunningText:
    ref = r.about.a_number or r.about.reference
    head = [Text(text=name, lang=lang)] + ([Text(text=ref, lang=lang)] if ref else [])
    return RunningText(header=tuple(head), page_template=t("Page {page} of {pages}"))


def closing_blocks(
    t: Translator, r: CaseRecord, jurisdiction: str, lang: str, name: str
) -> list[Block]:
    pack = legal_texts.load(jurisdiction)
    abroad = (
        jurisdiction == "us" and r.filing.signed_outside_us is YesNo.yes and pack.closing_abroad
    )
    text = t(pack.closing_abroad) if abroad else t(pack.closing)
    blank = "________________"
    out: list[Block] = [Paragraph(parts=(Text(text=text, lang=lang),))]
    if pack.executed:
        out.append(Paragraph(parts=(Text(text=t(pack.executed, date=blank), lang=lang),)))
    lines = tuple(
        SignatureLine(
            label=Text(text=t(label), lang=lang),
            value=Text(text=name, lang=lang) if "name" in label.lower() and name else None,
        )
        for label in pack.signature_labels
    )
    out.append(SignatureBlock(lines=lines))
    return out


def build_declaration(
    record: CaseRecord, *, jurisdiction: str, lang: str | None = None, draft: bool = False,
    edited: EditedDeclaration | None = None,
) -> Declaration:
    """The declaration in `lang`: generated from the answers, or the team's edited paragraphs
    (`edited`) between the same caption, opening and closing."""
    src = record.filing.answer_language or "en"
    lang = lang or src
    if lang not in (src, "en"):
        raise InputRefused(
            N_(
                "A declaration can be made in the answer language ({src}) or in "
                "English from the stored translations."
            ),
            src=src,
        )
    notices: list[Notice] = []
    t = gendered(document_translator(lang, notices), record.about.sex)
    answers = Answers(record, lang, t)
    answers.notices.extend(notices)
    w = Writer(answers, draft=draft)
    flang = phrase_lang(lang)
    name = display_name(answers)
    w.blocks.append(_caption(t, record, jurisdiction, flang, name))
    w.blocks.append(
        Paragraph(
            parts=(
                Text(
                    text=t("I, {name}, declare as follows:", name=name)
                    if name
                    else t("I declare as follows:"),
                    lang=flang,
                ),
            )
        )
    )
    drawn = None
    if edited is not None:
        drawn = declaration_edited.blocks(edited, record, lang=lang, fixed_lang=flang, t=t,
                                          draft=draft, notices=answers.notices)
        w.blocks.extend(drawn.blocks)
    else:
        sec.background(w, record)
        sec.beliefs(w, record)
        sec.events(w, record)
        _after_events(w, record)
    w.blocks.extend(closing_blocks(t, record, jurisdiction, flang, name))
    doc = Document(
        title=t("Declaration of {name}", name=name or "—"),
        lang=lang,
        kind="declaration",
        running=running_text(t, record, flang, name),
        blocks=tuple(w.blocks),
        page_size=paper_name(jurisdiction),
    )
    if drawn is not None:
        return Declaration(document=doc, paragraphs=drawn.paths, notices=answers.notices,
                           ids=drawn.ids, edited_uncovered=drawn.uncovered)
    return Declaration(document=doc, paragraphs=w.paths, notices=answers.notices)


def _cells(block: Block) -> tuple[tuple[Text, ...], Text | None]:
    if isinstance(block, NumberedParagraph):
        return block.parts, block.flag
    if isinstance(block, Heading | Gap):
        return (block.text,), None
    if isinstance(block, Quotation):
        return (block.text,), block.flag
    if isinstance(block, Paragraph):
        return block.parts, None
    return (), None


def _columns(src: str) -> BilingualRow:
    """The column headings: each language named in itself ("فارسی" | "English")."""
    return BilingualRow(left=(Text(text=native_name(src), lang=src),),
                        right=(Text(text=native_name("en"), lang="en"),), style="columns")


def build_bilingual(record: CaseRecord, *, jurisdiction: str, draft: bool = False,
                    edited: EditedDeclaration | None = None) -> Declaration:
    """Paragraph-aligned two columns: the applicant's words | the English translation.

    Both columns come from the same builder over the same answers, so block sequences align;
    the caption and signature lines are the English ones. Every paragraph, the jurat (closing
    statement and "Executed on") included, is a row in both languages, under column headings
    that name each language in itself."""
    src = record.filing.answer_language or "en"
    left = build_declaration(record, jurisdiction=jurisdiction, lang=src, draft=draft,
                             edited=edited)
    right = build_declaration(record, jurisdiction=jurisdiction, lang="en", draft=draft,
                              edited=edited)
    lb, rb = left.document.blocks, right.document.blocks
    if len(lb) != len(rb):  # pragma: no cover - same builder, same answers
        raise InputRefused(N_("The two language versions did not line up; nothing was made."))
    blocks: list[Block] = []
    for lblock, rblock in zip(lb, rb, strict=True):
        if not isinstance(rblock, Caption) and not any(
                isinstance(b, BilingualRow) for b in blocks):
            blocks.append(_columns(src))
        if isinstance(rblock, NumberedParagraph | Heading | Gap | Quotation | Paragraph):
            lparts, lflag = _cells(lblock)  # the team's words not yet in her language
            lparts = (*lparts, lflag) if lflag is not None else lparts
            rparts, flag = _cells(rblock)
            style = (
                "heading"
                if isinstance(rblock, Heading)
                else "gap"
                if isinstance(rblock, Gap)
                else "paragraph"
            )
            number = rblock.number if isinstance(rblock, NumberedParagraph) else None
            blocks.append(
                BilingualRow(number=number, left=lparts, right=rparts, style=style, flag=flag)
            )
        else:
            blocks.append(rblock)
    doc = right.document.model_copy(
        update={"blocks": tuple(blocks), "kind": "declaration-bilingual"}
    )
    return Declaration(document=doc, paragraphs=right.paragraphs, notices=right.notices,
                       ids=right.ids, edited_uncovered=right.edited_uncovered)
