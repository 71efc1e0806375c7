"""A consistency flag and its stable id, shared by the rule modules (`legal.consistency`,
`legal.consistency_answers`).

The id is a hash of the rule and the places (record paths, in any order), so a dismissal
(record.dismissed_flags[id]) survives edits and saves that leave those places as they are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Flag:
    id: str
    rule: str
    template: str
    params: tuple[tuple[str, str], ...]
    places: tuple[str, ...]
    dismissed: bool = False
    reason: str = ""
    labels: tuple[str, ...] = ()  # each place named by its wizard question, in English

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params))

    def with_labels(self, labels: tuple[str, ...]) -> Flag:
        return replace(self, labels=labels)

    def to_json(self) -> dict[str, object]:
        labels = self.labels or self.places
        return {"id": self.id, "rule": self.rule, "message": self.message,
                "places": [{"path": p, "label": label} for p, label in zip(self.places, labels,
                                                                        strict=True)],
                "dismissed": self.dismissed, "reason": self.reason or None}


def flag_id(rule: str, places: tuple[str, ...]) -> str:
    return hashlib.sha256("|".join((rule, *sorted(places))).encode()).hexdigest()[:16]


def make_flag(rule: str, template: str, places: tuple[str, ...], **params: object) -> Flag:
    return Flag(flag_id(rule, places), rule, template,
                tuple((k, str(v)) for k, v in params.items()), places)
