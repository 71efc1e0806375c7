"""The data an element assessment is made of (re-exported by legal.elements).

Text fields hold English filled in from N_-marked templates; the template and its parameters
ride along (`*_template`, `*_params`) so a reader gets them in her language: `localize`.

A parameter is a string (a msgid such as "the police", a `FuzzyDate.display()` date such as
"~2022-10", a number, or the applicant's own words) or a tuple of msgids, a list ("race",
"religion") that each language joins its own way.

A template that counts something is a `Plural` (made by `plural("{n} answer", "{n} answers")`,
which extraction reads like `t.plural`): a str, the singular msgid, that also carries the
plural msgid; its count is the parameter `n`. It goes wherever a template goes; `fill` picks
the English form, `localize` asks the catalog for the form the language needs for `n` (Russian
has three, Arabic six).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from asylum_prep.i18n import DEFAULT, Translator, format_list
from asylum_prep.i18n_dates import format_fuzzy, from_display

# How well the answers meet an element's test: "supported" (every part met), "thin" (some
# part not shown yet), "against" (the facts on record point against a part: a losing point
# unless more facts come), "missing" (nothing on record). For `bars`, "supported" means no
# bar is raised and "against" that the facts raise one.
Strength = Literal["missing", "against", "thin", "supported"]
STRENGTHS: tuple[Strength, ...] = ("missing", "against", "thin", "supported")
# One part of an element's test (immutability, particularity, ... for a social group).
PartStatus = Literal["met", "not_shown", "against"]
Param = str | tuple[str, ...]
Params = tuple[tuple[str, Param], ...]


class Plural(str):
    """A template with a count: the str is the singular msgid, `other` the plural msgid."""

    other: str

    def __new__(cls, singular: str, other: str) -> Plural:
        made = super().__new__(cls, singular)
        made.other = other
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return str(self), self.other  # so copies and pickles keep the plural


def plural(singular: str, other: str) -> Plural:
    """Mark a counted template for extraction (keyword `plural:1,2`); its count is `{n}`."""
    return Plural(singular, other)


def _count(params: dict[str, Any]) -> int:
    value = params.get("n", 0)
    return int(value) if str(value).isdigit() else 0


def params_of(**params: object) -> Params:
    """Parameters as stored: a list or tuple stays a tuple (of msgids), anything else a str."""
    return tuple((k, tuple(str(x) for x in v) if isinstance(v, list | tuple) else str(v))
                 for k, v in params.items())


def fill(template: str, params: Params) -> str:
    """The English text (JSON, CLI): lists joined the English way, dates as stored."""
    if not params:
        return str(template)
    values = {k: v if isinstance(v, str) else format_list(v, DEFAULT) for k, v in params}
    if isinstance(template, Plural) and _count(values) != 1:
        return template.other.format(**values)
    return template.format(**values)


def _localized(value: Param, t: Translator) -> str | int:
    if isinstance(value, tuple):
        return format_list([t(v) for v in value], t.lang)
    shown = from_display(value)
    if shown is not None and not shown[1]:  # the whole parameter is a date
        return format_fuzzy(shown[0], t)
    if value.isascii() and value.isdigit():
        return int(value)  # so the translator writes it in the language's digits
    return t(value) if value else value


def localize(template: str, params: Params, t: Translator) -> str:
    """The template and its parameters for a reader of `t.lang`: the template translated;
    each string parameter translated as a msgid (the applicant's words have no entry and stay
    as written), a list's msgids translated and joined the language's way, a display date
    shown as the language shows dates ("about October 2022", Solar Hijri in Persian); a `Plural`
    in the form the language needs for the count `n`."""
    if not template:
        return ""
    values = {k: _localized(v, t) for k, v in params}
    if isinstance(template, Plural):
        values.pop("n", None)
        return t.plural(template, template.other, _count(dict(params)), **values)
    return t(template, **values)


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
class TestPart:
    """One part of an element's legal test and how the answers meet it.

    `label` and `note` are English msgids (N_); `note` is one sentence saying why the part is
    met, not shown or against, with `note_params` as for reasons. `authorities` are ids in the
    authorities library (legal.authorities) that state this part of the test."""

    key: str
    label: str
    status: PartStatus
    note: str = ""
    note_params: Params = ()
    authorities: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "status": self.status,
                "note": fill(self.note, self.note_params), "authorities": list(self.authorities)}


def part(key: str, label: str, status: PartStatus, note: str = "", *,
         authorities: tuple[str, ...] | list[str] = (), **params: object) -> TestPart:
    return TestPart(key, label, status, note, params_of(**params), tuple(authorities))


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
    test: str = ""  # the jurisdiction's legal test for the element (an English msgid)
    parts: tuple[TestPart, ...] = ()  # the test's parts, each met / not shown / against
    against: tuple[Fact, ...] = ()  # facts that weigh against the element
    authorities: tuple[str, ...] = ()  # authorities-library ids governing the element

    def to_json(self) -> dict[str, Any]:
        return {"id": self.key, "key": self.key, "title": self.title, "strength": self.strength,
                "reason": self.reason, "facts": [f.to_json() for f in self.facts],
                "facts_against": [f.to_json() for f in self.against],
                "parts": [p.to_json() for p in self.parts],
                "authorities": list(self.authorities),
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
    parts: tuple[TestPart, ...] = ()
    against: tuple[Fact, ...] = ()
    authorities: tuple[str, ...] = ()


def result(strength: Strength, facts: list[Fact] | tuple[Fact, ...], reason: str,
           next_step: str, *, reason_params: Mapping[str, object] | None = None,
           next_params: Mapping[str, object] | None = None,
           parts: list[TestPart] | tuple[TestPart, ...] = (),
           against: list[Fact] | tuple[Fact, ...] = (),
           authorities: list[str] | tuple[str, ...] = ()) -> RuleResult:
    return RuleResult(strength, reason, params_of(**(reason_params or {})), tuple(facts),
                      next_step, params_of(**(next_params or {})), tuple(parts), tuple(against),
                      tuple(authorities))
