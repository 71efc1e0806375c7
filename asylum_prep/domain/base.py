"""Shared building blocks: answer text types, tri-state answers, item ids."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

MAX_ANSWER_CHARS = 100_000
MAX_SHORT_CHARS = 500

Text = Annotated[str, StringConstraints(max_length=MAX_ANSWER_CHARS)]
Short = Annotated[str, StringConstraints(max_length=MAX_SHORT_CHARS)]


def new_id() -> str:
    return uuid.uuid4().hex[:12]


class Model(BaseModel):
    """Strict base: unknown keys are refused, so a bad answers file cannot smuggle fields."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Item(Model):
    """A list entry with a stable id, so answers and links survive reordering."""

    id: str = Field(default_factory=new_id, pattern=r"^[a-z0-9]{1,32}$")


class YesNo(StrEnum):
    yes = "yes"
    no = "no"
    unknown = "unknown"
