"""The brief's caption for its forum, counsel's signature block and the certificate of
service, from the filing facts staff enter (`record.filing`, `record.about.a_number`).

The wording is the forum's, from the legal packs (`brief_texts`). A fact nobody entered prints
as a blank line to fill by hand, never a guess; the applicant's name comes from the answers.
"""

from __future__ import annotations

from datetime import date

from asylum_prep.documents.brief_texts import BriefPack, ForumText
from asylum_prep.documents.model import (
    Block,
    Caption,
    Heading,
    Paragraph,
    SignatureBlock,
    SignatureLine,
    Text,
)
from asylum_prep.domain.record import CaseRecord


def _en(text: str) -> Text:
    return Text(text=text, lang="en")


def court_date(day: date, jurisdiction: str) -> str:
    """A date as the forum writes it: "June 3, 2025" (US), "3 June 2025" elsewhere."""
    month = day.strftime("%B")
    return f"{month} {day.day}, {day.year}" if jurisdiction == "us" else (
        f"{day.day} {month} {day.year}")


def caption_facts(record: CaseRecord, jurisdiction: str, name: str) -> dict[str, str]:
    """The facts a caption row may print, each "" when not entered."""
    f = record.filing
    hearing = ""
    if f.next_hearing is not None:
        hearing = court_date(f.next_hearing, jurisdiction)
        if f.hearing_kind.strip():
            hearing = f"{hearing} ({f.hearing_kind.strip()})"
    return {
        "name": name,
        "a_number": record.about.a_number.strip(),
        "court": f.court.strip(),
        "judge": f.judge.strip(),
        "hearing": hearing,
        "file_number": f.file_number.strip(),
    }


def caption(pack: BriefPack, forum: ForumText, facts: dict[str, str]) -> list[Block]:
    """The caption (authority line and rows) and the brief's title as the first heading."""
    rows = []
    for label, fact in forum.rows:
        value = (facts.get(fact, "") or pack.blank) if fact else ""
        rows.append((_en(label), _en(value)))
    return [
        Caption(title=_en(forum.authority), rows=tuple(rows)),
        Heading(text=_en(forum.title)),
    ]


def signature(pack: BriefPack, forum: ForumText, record: CaseRecord) -> list[Block]:
    """"Respectfully submitted", signature and date lines, then counsel's details: each line
    the forum prints, its value from the filing or a blank line."""
    f = record.filing
    lines = tuple(SignatureLine(label=_en(label)) for label in pack.signature_labels)
    details: list[Block] = [
        Paragraph(parts=(_en(pack.counsel_labels.get(field, field)),
                         _en(str(getattr(f, field, "")).strip() or pack.blank)))
        for field in forum.counsel
    ]
    # a heading, so it is kept on the page of the signature lines
    return [Heading(text=_en(pack.headings["signature"]), level=3), SignatureBlock(lines=lines),
            *details]


def certificate_of_service(pack: BriefPack, record: CaseRecord) -> list[Block]:
    """Who was served (from the filing); the date and the method stay blank for the person
    who serves the brief to write in."""
    served = record.filing.served_on.strip() or pack.blank
    text = pack.text["service"].format(date=pack.blank, served_on=served, method=pack.blank)
    lines = tuple(SignatureLine(label=_en(label)) for label in pack.signature_labels)
    return [
        Heading(text=_en(pack.headings["service"])),
        Paragraph(parts=(_en(text),)),
        SignatureBlock(lines=lines),
    ]
