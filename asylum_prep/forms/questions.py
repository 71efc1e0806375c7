"""Questions as data: what each wizard step asks, and the screens it asks them on.

A `Question` names the record field it fills, its plain label, an example answer, a one-line
"why we ask", whether "I don't know" / "Skip for now" is offered, and the widget kind. A
`Step` orders its questions and its lists (family members, incidents, ...); the wizard walks
a step as a sequence of `Screen`s: one per question, and one overview per list.

Nothing here imports streamlit: the step modules' data is used by the pages, the tests and
the documents alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from asylum_prep.domain.base import Model
from asylum_prep.domain.record import CaseRecord, SectionKey, get_path


class Widget(StrEnum):
    text = "text"  # one line
    long_text = "long_text"  # a few paragraphs
    date = "date"  # typed, read by domain.date_input
    yes_no = "yes_no"
    choice = "choice"  # one of `choices`
    multi_choice = "multi_choice"  # several of `choices`
    lines = "lines"  # a short list, one entry per line
    country = "country"  # an ISO 3166 code chosen from localised names


Condition = Callable[[Any], bool]


@dataclass(frozen=True)
class Question:
    field: str  # the field on the section (or list item) model
    label: str  # N_() English source
    example: str
    why: str
    widget: Widget = Widget.text
    allow_unknown: bool = True
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, N_ label)
    show_if: Condition | None = None  # given the section (or item) model

    def key(self, section: str, list_path: str | None = None) -> str:
        """The record path pattern, e.g. `about.family_name`, `incidents.items.*.place`."""
        return f"{list_path}.*.{self.field}" if list_path else f"{section}.{self.field}"

    def path(self, section: str, list_path: str | None = None, item_id: str | None = None) -> str:
        """The concrete record path of the answer."""
        if list_path:
            return f"{list_path}.{item_id}.{self.field}"
        return f"{section}.{self.field}"

    def shown(self, owner: Any) -> bool:
        return self.show_if is None or bool(self.show_if(owner))


@dataclass(frozen=True)
class ListSpec:
    path: str  # e.g. "incidents.items"
    title: str  # N_("Things that happened to you")
    intro: str
    item_name: str  # N_("incident"), used in "Add an {item}"... kept whole: add_label below
    add_label: str
    empty_label: str
    questions: tuple[Question, ...]
    summary: Callable[[Any], str]  # a short line naming an item in the overview
    why: str = ""


@dataclass(frozen=True)
class Step:
    key: SectionKey
    title: str
    intro: str
    questions: tuple[Question, ...] = ()
    lists: tuple[ListSpec, ...] = ()
    input_model: type[BaseModel] | None = None
    item_models: dict[str, type[BaseModel]] = field(default_factory=dict)


@dataclass(frozen=True)
class Screen:
    """One screen of a step: a top-level question, or a list overview."""

    step: Step
    question: Question | None = None
    list_spec: ListSpec | None = None

    @property
    def path(self) -> str:
        if self.question is not None:
            return self.question.path(self.step.key.value)
        assert self.list_spec is not None
        return self.list_spec.path

    @property
    def ident(self) -> str:
        return self.path


def screens(step: Step, record: CaseRecord) -> list[Screen]:
    """The screens of a step, in order, leaving out questions that do not apply."""
    section = getattr(record, step.key.value)
    out = [Screen(step, question=q) for q in step.questions if q.shown(section)]
    out.extend(Screen(step, list_spec=spec) for spec in step.lists)
    return out


def item_questions(spec: ListSpec, item: Any) -> list[Question]:
    return [q for q in spec.questions if q.shown(item)]


def _default(owner: Any, name: str) -> Any:
    info = type(owner).model_fields[name]
    return info.get_default(call_default_factory=True)


def is_answered(record: CaseRecord, path: str) -> bool:
    """Answered: a value other than the empty default, or marked "I don't know" / skipped."""
    if path in record.skipped:
        return True
    parent_path, _, name = path.rpartition(".")
    owner = get_path(record, parent_path)
    if isinstance(owner, Model) and name in type(owner).model_fields:
        value = getattr(owner, name)
        if isinstance(value, list) and spec_is_items(value):
            return bool(value)
        return bool(value) and value != _default(owner, name)
    return False


def spec_is_items(value: list[Any]) -> bool:
    return bool(value) and all(hasattr(v, "id") for v in value)


def screen_answered(record: CaseRecord, screen: Screen) -> bool:
    if screen.list_spec is not None:
        items = get_path(record, screen.list_spec.path) or []
        return bool(items) or screen.list_spec.path in record.skipped
    return is_answered(record, screen.path)


def first_unanswered(step: Step, record: CaseRecord) -> int | None:
    for index, screen in enumerate(screens(step, record)):
        if not screen_answered(record, screen):
            return index
    return None


def count_answered(step: Step, record: CaseRecord) -> tuple[int, int]:
    all_screens = screens(step, record)
    return sum(screen_answered(record, s) for s in all_screens), len(all_screens)


def yes(name: str) -> Condition:
    """Show a follow-up only when `name` was answered yes."""
    return lambda owner: getattr(owner, name) == "yes"


def not_yes(name: str) -> Condition:
    return lambda owner: getattr(owner, name) != "yes"


def has(name: str, value: str) -> Condition:
    return lambda owner: value in (getattr(owner, name) or [])


def equals(name: str, value: str) -> Condition:
    return lambda owner: getattr(owner, name) == value
