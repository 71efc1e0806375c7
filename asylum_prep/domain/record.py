"""The case record: one validated document holding every answer and the team's layer over it.

Every document and check is built from this one store of facts, so that what the applicant
said is said the same way everywhere (consistency decides credibility).
"""

from __future__ import annotations

import hashlib
from datetime import date
from enum import StrEnum
from typing import Any, Self

from pydantic import Field

from asylum_prep.domain.background import Background
from asylum_prep.domain.base import Model, Short, YesNo
from asylum_prep.domain.beliefs import Beliefs
from asylum_prep.domain.citations import Citation
from asylum_prep.domain.events import HarmToOthers, Incidents
from asylum_prep.domain.evidence import EvidenceItem, ExhibitSettings, ExhibitTranslation
from asylum_prep.domain.form_details import FormDetails
from asylum_prep.domain.journey import Fear, Leaving, Screening, Timing
from asylum_prep.domain.people import AboutYou, Family
from asylum_prep.domain.record_versions import upgrade, upgrade_json
from asylum_prep.domain.review import (
    Comment,
    Dismissal,
    ElementJudgment,
    ElementLink,
    SectionReview,
    Translation,
)

SCHEMA_VERSION = 2  # 2: structured incident, group, work-opinion, bar and exception answers;
#    attorney judgments (older records are upgraded on reading: domain.record_versions)


class SectionKey(StrEnum):
    """The ten wizard parts, in order."""

    about = "about"
    family = "family"
    background = "background"
    beliefs = "beliefs"
    incidents = "incidents"
    harm_to_others = "harm_to_others"
    leaving = "leaving"
    fear = "fear"
    screening = "screening"
    timing = "timing"


class Proceeding(StrEnum):
    affirmative = "affirmative"
    defensive = "defensive"
    other = "other"


class Forum(StrEnum):
    """Where the claim is decided: it sets the caption of the brief and the packet's cover."""

    unset = ""
    us_asylum_office = "us_asylum_office"  # USCIS asylum office (affirmative)
    us_immigration_court = "us_immigration_court"  # EOIR immigration court (removal proceedings)
    uk_home_office = "uk_home_office"
    uk_tribunal = "uk_tribunal"  # First-tier Tribunal (Immigration and Asylum Chamber)
    ca_rpd = "ca_rpd"  # IRB Refugee Protection Division
    eu_authority = "eu_authority"  # the national determining authority


FORUMS_BY_JURISDICTION: dict[str, tuple[Forum, ...]] = {
    "us": (Forum.us_asylum_office, Forum.us_immigration_court),
    "uk": (Forum.uk_home_office, Forum.uk_tribunal),
    "ca": (Forum.ca_rpd,),
    "eu": (Forum.eu_authority,),
}


class Filing(Model):
    """Set by the legal team, not the applicant: how and where the claim is filed, and the
    caption facts of the brief and the packet (forum, court, judge, hearing, counsel). What is
    not entered stays blank on the paper, never guessed."""

    proceeding: Proceeding = Proceeding.affirmative
    signed_outside_us: YesNo = YesNo.no
    answer_language: Short = "en"
    forum: Forum = Forum.unset
    court: Short = ""  # "Immigration Court, Chicago, Illinois"; "Taylor House"; IRB office
    judge: Short = ""  # immigration judge, tribunal judge or RPD member
    next_hearing: date | None = None
    hearing_kind: Short = ""  # "individual hearing", "master calendar", "substantive hearing"
    file_number: Short = ""  # IRB file, Home Office or tribunal reference, national file number
    counsel_name: Short = ""
    counsel_firm: Short = ""
    counsel_address: Short = ""
    counsel_phone: Short = ""
    counsel_email: Short = ""
    counsel_bar_number: Short = ""  # state bar, SRA or law-society number
    counsel_eoir_id: Short = ""  # EOIR ID (US immigration court)
    served_on: Short = ""  # the party served: "DHS/ICE Office of the Principal Legal Advisor"


class CaseRecord(Model):
    # Always the current version once validated: older records are upgraded on reading.
    schema_version: int = Field(default=SCHEMA_VERSION, ge=SCHEMA_VERSION, le=SCHEMA_VERSION)
    filing: Filing = Field(default_factory=Filing)
    form_details: FormDetails = Field(default_factory=FormDetails)  # staff: I-589 details
    about: AboutYou = Field(default_factory=AboutYou)
    family: Family = Field(default_factory=Family)
    background: Background = Field(default_factory=Background)
    beliefs: Beliefs = Field(default_factory=Beliefs)
    incidents: Incidents = Field(default_factory=Incidents)
    harm_to_others: HarmToOthers = Field(default_factory=HarmToOthers)
    leaving: Leaving = Field(default_factory=Leaving)
    fear: Fear = Field(default_factory=Fear)
    screening: Screening = Field(default_factory=Screening)
    timing: Timing = Field(default_factory=Timing)

    skipped: dict[Short, Short] = Field(
        default_factory=dict, description="Answer path -> 'unknown' or 'skip'"
    )
    reviews: dict[SectionKey, SectionReview] = Field(default_factory=dict)
    comments: list[Comment] = Field(default_factory=list)
    translations: dict[Short, Translation] = Field(default_factory=dict)
    element_links: list[ElementLink] = Field(default_factory=list)
    element_judgments: list[ElementJudgment] = Field(default_factory=list)
    dismissed_flags: dict[Short, Dismissal] = Field(default_factory=dict)
    evidence: list[EvidenceItem] = Field(default_factory=list)
    exhibit_settings: ExhibitSettings = Field(default_factory=ExhibitSettings)
    exhibit_translations: dict[Short, ExhibitTranslation] = Field(
        default_factory=dict, description="Evidence id -> its English translation."
    )
    citations: list[Citation] = Field(default_factory=list)
    extensions: dict[Short, Any] = Field(
        default_factory=dict,
        description="Validated sub-documents owned by later modules (evidence, citations).",
    )

    # Every record read (store, archive, answers file, sample) is brought up to the current
    # version first, and a newer one is refused (domain.record_versions). Done here rather
    # than in a "before" validator, which would turn JSON into Python objects and so make
    # strict JSON validation (`case create --answers`) refuse dates written as strings.
    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **kwargs: Any) -> Self:
        return super().model_validate_json(upgrade_json(json_data), **kwargs)

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Self:
        return super().model_validate(upgrade(obj) if isinstance(obj, dict) else obj, **kwargs)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get_path(record: CaseRecord, path: str) -> Any:
    """Read an answer by path: `about.family_name`, `incidents.items.<id>.place`.

    List items are addressed by their id, never their position, so reordering keeps paths.
    """
    node: Any = record
    for part in path.split("."):
        if isinstance(node, list):
            node = next((item for item in node if getattr(item, "id", None) == part), None)
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            node = getattr(node, part, None)
        if node is None:
            return None
    return node


def iter_text_answers(record: CaseRecord) -> list[tuple[str, str]]:
    """Every non-empty free-text answer with its path (what a translator translates)."""
    out: list[tuple[str, str]] = []

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, Model):
            for name in type(node).model_fields:
                walk(getattr(node, name), f"{prefix}.{name}" if prefix else name)
        elif isinstance(node, list):
            for item in node:
                item_id = getattr(item, "id", None)
                if item_id is not None:
                    walk(item, f"{prefix}.{item_id}")
        elif isinstance(node, str) and node.strip() and not isinstance(node, StrEnum):
            out.append((prefix, node))

    for section in SectionKey:
        walk(getattr(record, section.value), section.value)
    return out
