"""The I-589 item-by-item sheet: every Part and item number of Form I-589 with its label as
printed and the case's answer in English, for the team to copy into USCIS online filing.

Answers come from the item map (`legal.i589_map`). The applicant's own words are printed in
their current English translation (or as written when they are English already); an answer
with no current translation is named as untranslated, never printed in place of English. A
name or place the form needs in Latin letters that the applicant wrote only in her own
script is listed for the team to transliterate (never transliterated here). An answer longer
than fits an item's box goes on a continuation sheet in the manner of Supplement B, naming
the Part and item it continues. Repeated rows with nothing in them (a fifth child, a third
school) are left out. The sheet is made in English only, like the form: its fixed wording is
not offered for translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from asylum_prep.documents.answers import Answers
from asylum_prep.documents.model import (
    Block,
    Document,
    Heading,
    Notice,
    PageBreak,
    Paragraph,
    RunningText,
    Table,
    Text,
)
from asylum_prep.domain.record import CaseRecord
from asylum_prep.i18n import Translator
from asylum_prep.legal.i589_items import Answer, FormItem, Kind
from asylum_prep.legal.i589_map import items
from asylum_prep.text import latin_only

TITLE = "Form I-589: answers item by item"
LIMIT = 350  # characters an answer may have in the table; longer ones are continued
PARTS = {
    "A.I": "Part A.I. Information About You",
    "A.II": "Part A.II. Information About Your Spouse and Children",
    "A.III": "Part A.III. Information About Your Background",
    "B": "Part B. Information About Your Application",
    "C": "Part C. Additional Information About Your Application",
    "D": "Part D. Your Signature",
    "E": "Part E. Declaration of Person Preparing Form, if Other Than Applicant, Spouse, "
         "Parent, or Child",
}
CHOICES = {
    "male": "Male", "female": "Female", "single": "Single", "married": "Married",
    "divorced": "Divorced", "widowed": "Widowed", "yes": "Yes", "no": "No",
    "never": "A. I have never been in Immigration Court proceedings.",
    "now": "B. I am now in Immigration Court proceedings.",
    "past": "C. I am not now in Immigration Court proceedings, but I have been in the past.",
    "have": "I have children", "none": "I do not have any children",
}
NOT_TRANSLATED = "[Not translated yet: the applicant's answer has no current English translation]"
TO_TRANSLITERATE = ("[Written only in the applicant's own script: the team writes it in "
                    "Latin letters]")


@dataclass
class Sheet:
    answers: Answers
    untranslated: list[str] = field(default_factory=list)
    transliterate: list[str] = field(default_factory=list)
    continued: list[tuple[FormItem, str]] = field(default_factory=list)

    def text(self, item: FormItem, answer: Answer) -> str:
        if answer.blank:
            return ""
        if isinstance(answer.value, bool):
            return "Checked" if answer.value else "Not checked"
        shown: list[str] = []
        if answer.value is not None:
            shown.append(CHOICES.get(str(answer.value), str(answer.value))
                         if item.kind in (Kind.choice, Kind.yes_no) else str(answer.value))
        for piece in answer.pieces:
            got = self.answers.get(piece.path)
            status = self.answers.take_pending().get(piece.path, "original")
            if got is None:
                continue
            if item.latin and not latin_only(got.text):
                self.transliterate.append(_where(item))
                words = TO_TRANSLITERATE
            elif status in ("missing", "stale"):
                self.untranslated.append(_where(item))
                words = NOT_TRANSLATED
            else:
                words = got.text
            shown.append(f"{piece.lead}: {words}" if piece.lead else words)
        sep = "\n" if any(p.lead for p in answer.pieces) else ", "
        joined = sep.join(shown)
        if item.latin and answer.value is not None and not latin_only(str(answer.value)):
            self.transliterate.append(_where(item))
            return TO_TRANSLITERATE
        return joined

    def cell(self, item: FormItem, answer: Answer) -> str:
        text = self.text(item, answer)
        if len(text) > LIMIT:
            self.continued.append((item, text))
            return f"See the continuation sheet (Supplement B): {_where(item)}."
        return text


def _where(item: FormItem) -> str:
    group = f" ({item.group})" if item.group else ""
    extra = " (explanation)" if item.key.endswith(".explain") else ""
    return f"{item.where}{group}{extra}"


def _en(text: str) -> Text:
    return Text(text=text, lang="en")


def _table(rows: list[tuple[str, str, str]]) -> Table:
    return Table(header=(_en("Item"), _en("Question as printed"), _en("Answer")),
                 rows=tuple((_en(a), _en(b), _en(c)) for a, b, c in rows), widths=(12, 45, 43))


def build_i589_sheet(record: CaseRecord, *, today: date | None = None
                     ) -> tuple[Document, list[Notice]]:
    """The sheet for one case version, in English; the notices are the answers' own."""
    sheet = Sheet(Answers(record, "en", Translator("en")))
    blocks: list[Block] = [
        Heading(text=_en(TITLE)),
        Paragraph(parts=(_en("Every Part and item of Form I-589 (edition 04/09/19) with the "
                             "case's answer in English, to copy into the online application. "
                             "An empty answer is not known yet. This sheet is not the form "
                             "and is not filed."),)),
    ]
    part: str = ""
    group: str | None = None
    rows: list[tuple[str, str, str]] = []
    by_group: dict[tuple[str, str], list[tuple[FormItem, str]]] = {}
    order: list[tuple[str, str]] = []
    for item in items(record, today):
        key = (item.part, item.group)
        if key not in by_group:
            by_group[key] = []
            order.append(key)
        by_group[key].append((item, sheet.cell(item, item.read(record))))
    for part_key, group_name in order:
        filled = by_group[(part_key, group_name)]
        if group_name and not any(text for _, text in filled):
            continue  # an empty repeated row
        if part_key != part:
            if rows:
                blocks.append(_table(rows))
                rows = []
            part, group = part_key, None
            blocks.append(Heading(text=_en(PARTS[part_key]), level=2))
        if group_name != group:
            if rows:
                blocks.append(_table(rows))
                rows = []
            group = group_name
            if group_name:
                blocks.append(Heading(text=_en(group_name), level=3))
        rows += [(item.number, item.label, text) for item, text in filled]
    if rows:
        blocks.append(_table(rows))
    blocks += _continuation(sheet) + _for_the_team(sheet)
    name = " ".join(x for x in (record.about.given_names, record.about.family_name) if x)
    doc = Document(title=TITLE, lang="en", kind="i589-sheet", blocks=tuple(blocks),
                   running=RunningText(header=(_en(name if latin_only(name) else ""),),
                                       page_template="Page {page} of {pages}"),
                   page_size="letter")
    return doc, sheet.answers.notices


def _continuation(sheet: Sheet) -> list[Block]:
    if not sheet.continued:
        return []
    blocks: list[Block] = [PageBreak(), Heading(text=_en("Continuation sheet (Supplement B)")),
                           Paragraph(parts=(_en("Additional information about the claim, "
                                                "continued from the items named."),))]
    for item, text in sheet.continued:
        blocks.append(Heading(text=_en(f"Continues {_where(item)}: {item.label}"), level=3))
        blocks += [Paragraph(parts=(_en(line),)) for line in text.split("\n") if line.strip()]
    return blocks


def _for_the_team(sheet: Sheet) -> list[Block]:
    blocks: list[Block] = []
    for title, places in (("not translated yet", sheet.untranslated),
                          ("names and places to write in Latin letters", sheet.transliterate)):
        if places:
            blocks.append(Heading(text=_en(f"For the team: {title}"), level=2))
            blocks += [Paragraph(parts=(_en(p),)) for p in dict.fromkeys(places)]
    return blocks
