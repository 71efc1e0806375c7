"""Who is acting: passed explicitly to every service call, never read from a global."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    admin = "admin"
    attorney = "attorney"
    paralegal = "paralegal"
    translator = "translator"
    applicant = "applicant"


STAFF_ROLES = frozenset({Role.admin, Role.attorney, Role.paralegal, Role.translator})


@dataclass(frozen=True)
class Actor:
    id: int
    username: str
    role: Role
    display_name: str = ""
    operator: bool = False  # the local CLI operator: holds the master key, acts on every case

    @property
    def label(self) -> str:
        return self.display_name or self.username

