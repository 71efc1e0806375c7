"""The legal team's layer over the answers: review states, comments, translations, links."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from asylum_prep.domain.base import Item, Model, Short, Text


class SectionStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    changes_requested = "changes_requested"
    approved = "approved"


class StatusChange(Model):
    status: SectionStatus
    by: int
    at: datetime


class SectionReview(Model):
    status: SectionStatus = SectionStatus.draft
    history: list[StatusChange] = Field(default_factory=list)


class Comment(Item):
    """The team's note or request on one answer. `template` names a plain request from
    forms/requests.py (shown in the reader's language); `text` is the team's own words, in
    English, optional beside a template. `translation` is the case translator's rendering of
    `text` in the applicant's language."""

    path: Short = Field(description="The answer commented on, e.g. incidents.items.ab12.place")
    author: int
    at: datetime
    text: Text = ""
    template: Short = ""
    translation: Text = ""
    translated_by: int | None = None
    translated_at: datetime | None = None
    reply: Text = ""
    replied_at: datetime | None = None
    resolved: bool = False


class Translation(Model):
    text: Text
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    translator: int
    at: datetime


class ElementLink(Model):
    element: Short
    path: Short
    linked: bool = True
    by: int
    at: datetime


class Dismissal(Model):
    reason: Text
    by: int
    at: datetime


class Verdict(StrEnum):
    agree = "agree"
    disagree = "disagree"


class ElementJudgment(Model):
    """The attorney's own reading of one element, beside the tool's. The latest entry for an
    element wins; earlier ones stay as its history."""

    element: Short
    verdict: Verdict
    strength: Short = ""  # the attorney's own rating when they disagree ("supported", ...)
    argue: bool = True  # argue this element in the brief (issue 13)
    tool_strength: Short = ""  # the tool's reading when the attorney judged (to see it change)
    reason: Text = ""
    by: int
    at: datetime
