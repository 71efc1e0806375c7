"""Questions as data: what each wizard step asks, and the screens it asks them on.

A `Question` names the record field it fills, its plain label, an example answer, a one-line
"why we ask", whether "I don't know" / "Skip for now" is offered, and the widget kind. A
`Step` orders its questions and its lists (family members, incidents, ...); the wizard walks
a step as a sequence of `Screen`s: one per question, and one overview per list.

A step's input models (the pydantic models one raw answer is validated through) are derived,
not written: each asked field keeps its name and its domain model's type, and takes the answer
type its widget implies (`forms.validation`); a question may name its own (`answer`).

Nothing here imports streamlit: the step modules' data is used by the pages, the tests and
the documents alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, get_args

from pydantic import BaseModel, create_model

from asylum_prep.domain.base import Model
from asylum_prep.domain.record import CaseRecord, SectionKey, get_path
from asylum_prep.forms.validation import (
    CountryAnswer,
    DateAnswer,
    LinesAnswer,
    LongAnswer,
    ShortAnswer,
    StepInput,
    YesNoAnswer,
)


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
    answer: Any = None  # the input type, when the widget's (ANSWER_TYPES) is not the right one

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
    # Derived from the record's section model and the questions (see `input_model`).
    input_model: type[BaseModel] = field(init=False)
    item_models: dict[str, type[BaseModel]] = field(init=False)

    def __post_init__(self) -> None:
        section = _model_of(CaseRecord, self.key.value)
        items = {spec.path: input_model(_model_of(section, _list_field(spec)), spec.questions)
                 for spec in self.lists}
        lists = {_list_field(spec): _optional_list(items[spec.path]) for spec in self.lists}
        object.__setattr__(self, "input_model", input_model(section, self.questions, lists))
        object.__setattr__(self, "item_models", items)


# The answer type each widget implies; a choice keeps its domain type (an enum, or a list of
# one), and a date is `DateAnswer` itself, whose empty value is None already.
ANSWER_TYPES: dict[Widget, Any] = {
    Widget.text: ShortAnswer,
    Widget.long_text: LongAnswer,
    Widget.lines: LinesAnswer,
    Widget.country: CountryAnswer,
    Widget.yes_no: YesNoAnswer,
}


def _list_field(spec: ListSpec) -> str:
    return spec.path.rsplit(".", 1)[-1]


def _model_of(owner: type[Model], name: str) -> type[Model]:
    """The model a field of `owner` holds, or holds a list of (`list[Incident]` -> Incident)."""
    annotation = owner.model_fields[name].annotation
    model: type[Model] = (get_args(annotation) or (annotation,))[0]
    return model


def _optional_list(item: type[BaseModel]) -> Any:
    return list[item] | None  # type: ignore[valid-type]


def input_model(domain: type[Model], questions: tuple[Question, ...],
                lists: dict[str, Any] | None = None) -> type[BaseModel]:
    """The input model of `domain`'s asked fields: every field optional, so that one answer
    validates alone. A question naming a field `domain` lacks fails here, at import."""
    fields: dict[str, Any] = {}
    for question in questions:
        declared: Any = domain.model_fields[question.field].annotation
        kind: Any
        if question.answer is not None:
            kind = question.answer | None
        elif question.widget is Widget.date:
            kind = DateAnswer
        else:
            kind = ANSWER_TYPES.get(question.widget, declared) | None
        fields[question.field] = (kind, None)
    fields.update({name: (kind, None) for name, kind in (lists or {}).items()})
    model: type[BaseModel] = create_model(f"{domain.__name__}Input", __base__=StepInput,
                                          **fields)
    return model


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


def not_equals(name: str, value: str) -> Condition:
    return lambda owner: getattr(owner, name) != value


def has_any(name: str, *values: str) -> Condition:
    """Show a question when any of `values` was chosen in the multi-choice `name`."""
    return lambda owner: any(value in (getattr(owner, name) or []) for value in values)


def filled(name: str) -> Condition:
    """Show a follow-up only when the free-text answer `name` was written."""
    return lambda owner: bool(str(getattr(owner, name) or "").strip())


def every(*conditions: Condition) -> Condition:
    """Show a question only when all of `conditions` hold."""
    return lambda owner: all(condition(owner) for condition in conditions)


def either(*conditions: Condition) -> Condition:
    """Show a question when any of `conditions` holds."""
    return lambda owner: any(condition(owner) for condition in conditions)
