"""The packet's cover page (the case caption) and its certificate of service, as template data.

The caption holds only what the case holds: the forum named by the jurisdiction's legal text
pack for the case's proceeding (affirmative or defensive), the applicant's name and their
A-number or reference. Whatever is missing is a blank line to fill in by hand, never a guess.
The wording comes from the legal text packs (templates/legal/<jurisdiction>.toml, section
`packet`), which `services.packet` reads and passes here as `PacketTexts`; the packet is
printed in English, the language of the forums it is filed with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from asylum_prep.domain.record import CaseRecord, Proceeding

BLANK = "_" * 32
SHORT_BLANK = "_" * 16


@dataclass(frozen=True)
class PacketTexts:
    """The `packet` section of a legal text pack; an empty forum prints a blank line."""

    forum_affirmative: str = ""
    forum_defensive: str = ""
    proceeding_defensive: str = ""
    number_label: str = "Reference"
    service_title: str = "Certificate of Service"
    service: str = (
        "I certify that on {date} I served a copy of this index and of the documents listed "
        "in it on {party} by {method}."
    )
    # The translator's certificate after each translated exhibit (the pack's `certificates`
    # table: {translator}, {source}, {target}), and the authorities it cites as printed.
    translation_certificate: str = (
        "I, {translator}, certify that I am competent to translate from {source} into "
        "{target}, and that the translation of the document listed below is complete and "
        "accurate."
    )
    translation_authority: str = ""


@dataclass(frozen=True)
class CertificateOfService:
    served_party: str
    method: str
    signer: str
    served_on: date
    address: str = ""


@dataclass(frozen=True)
class Caption:
    forum: str  # "" when the case does not say: a blank line on the page
    proceeding: str
    applicant: str
    number_label: str
    number: str


def applicant_name(record: CaseRecord) -> str:
    about = record.about
    return " ".join(p for p in (about.given_names, about.family_name) if p).strip()


def caption(record: CaseRecord, jurisdiction: str, texts: PacketTexts) -> Caption:
    """The caption facts the case holds; nothing is made up for what it does not."""
    defensive = record.filing.proceeding is Proceeding.defensive
    affirmative = record.filing.proceeding is Proceeding.affirmative
    forum = texts.forum_defensive if defensive else texts.forum_affirmative if affirmative else ""
    about = record.about
    # an A-number is a US number: elsewhere only the reference the team entered is printed
    number = about.a_number if jurisdiction == "us" else about.reference
    return Caption(
        forum=forum,
        proceeding=texts.proceeding_defensive if defensive else "",
        applicant=applicant_name(record),
        number_label=texts.number_label,
        number=number,
    )


def cover_context(record: CaseRecord, jurisdiction: str, texts: PacketTexts) -> dict[str, str]:
    c = caption(record, jurisdiction, texts)
    return {
        "forum": c.forum or BLANK,
        "proceeding": c.proceeding,
        "applicant": c.applicant or BLANK,
        "number_label": c.number_label,
        "number": c.number or BLANK,
        "blank": BLANK,
    }


def certificate_context(
    cert: CertificateOfService | None, texts: PacketTexts
) -> dict[str, str]:
    """The certificate of service, filled in from `cert` or with blanks for the date, the
    party served and the method, and a signature line."""
    if cert is None:
        when, party, method, signer = SHORT_BLANK, BLANK, SHORT_BLANK, ""
    else:
        day = cert.served_on
        when = f"{day:%B} {day.day}, {day.year}"
        party = cert.served_party + (f", {cert.address}" if cert.address else "")
        method, signer = cert.method, cert.signer
    return {
        "title": texts.service_title,
        "text": texts.service.format(date=when, party=party, method=method),
        "signer": signer,
        "date": when,
    }
