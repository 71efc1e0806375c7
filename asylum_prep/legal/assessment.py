"""The data an element assessment is made of (re-exported by legal.elements).

Text fields hold English filled in from N_-marked templates; the template and its parameters
ride along (`*_template`, `*_params`) so the UI can translate with `ctx.t(template, **params)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Strength = Literal["missing", "thin", "supported"]
Params = tuple[tuple[str, str], ...]


def params_of(**params: object) -> Params:
    return tuple((k, str(v)) for k, v in params.items())


def fill(template: str, params: Params) -> str:
    return template.format(**dict(params)) if params else template


@dataclass(frozen=True)
class Fact:
    path: str  # record path, e.g. "incidents.items.<id>.why_targeted" or "fear.why"
    label: str  # short English label ("What was said (2022-05-03)")
    text: str  # the applicant's own words, never generated
    manual: bool = False  # linked by hand by the attorney
    label_template: str = ""
    label_params: Params = ()

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "label": self.label, "text": self.text, "manual": self.manual}


@dataclass(frozen=True)
class ElementAssessment:
    key: str
    title: str
    strength: Strength
    reason: str
    facts: tuple[Fact, ...]
    next_step: str
    reason_template: str = ""
    reason_params: Params = ()
    next_step_template: str = ""
    next_step_params: Params = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.key, "key": self.key, "title": self.title, "strength": self.strength,
                "reason": self.reason, "facts": [f.to_json() for f in self.facts],
                "next_step": self.next_step}


@dataclass(frozen=True)
class RuleResult:
    """What a rule decides before manual links are applied."""

    strength: Strength
    reason: str
    reason_params: Params
    facts: tuple[Fact, ...]
    next_step: str
    next_params: Params = ()


def result(strength: Strength, facts: list[Fact] | tuple[Fact, ...], reason: str,
           next_step: str, *, reason_params: Mapping[str, object] | None = None,
           next_params: Mapping[str, object] | None = None) -> RuleResult:
    return RuleResult(strength, reason, params_of(**(reason_params or {})), tuple(facts),
                      next_step, params_of(**(next_params or {})))
