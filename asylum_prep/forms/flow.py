"""Where the applicant is in the wizard, and where to go next (pure logic, no Streamlit).

A `Position` names a step, a screen of it (a question path, a list overview, or the step's
end screen) and, while an entry of a list is being filled in, that entry and its question.
`resume_position` derives where to reopen from the record alone, for a fresh session: the
first unanswered question of the last part that has any answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.forms.questions import (
    Screen,
    Step,
    first_unanswered,
    item_questions,
    screen_answered,
    screens,
)
from asylum_prep.forms.registry import STEPS, question_for, step_for, step_index

END = "__end__"  # the screen after a step's last question: send for review, go on


@dataclass(frozen=True)
class Position:
    section: str
    screen: str  # a question path, a list path, or END
    item_id: str | None = None  # editing this entry of the list `screen`
    item_field: str | None = None  # ... at this question

    @property
    def step(self) -> Step:
        return step_for(self.section)


def start_of(step: Step, record: CaseRecord) -> Position:
    all_screens = screens(step, record)
    return Position(step.key.value, all_screens[0].ident if all_screens else END)


def first_open(step: Step, record: CaseRecord) -> Position:
    """The first unanswered screen of a step, or its end screen."""
    all_screens = screens(step, record)
    index = first_unanswered(step, record)
    return Position(step.key.value, all_screens[index].ident if index is not None else END)


def _has_answers(step: Step, record: CaseRecord) -> bool:
    return any(screen_answered(record, s) for s in screens(step, record))


def resume_position(record: CaseRecord) -> Position:
    """Reopen at the first unanswered question of the last part with any answer; when that
    part is complete, at the next part with something open."""
    touched = [i for i, step in enumerate(STEPS) if _has_answers(step, record)]
    start = touched[-1] if touched else 0
    for step in STEPS[start:]:
        if first_unanswered(step, record) is not None:
            return first_open(step, record)
    return Position(STEPS[start].key.value, END)


def screen_list(pos: Position, record: CaseRecord) -> list[Screen]:
    return screens(pos.step, record)


def current_screen(pos: Position, record: CaseRecord) -> tuple[int, Screen | None]:
    """The index and screen of `pos` (END: index == len(screens), screen None)."""
    all_screens = screen_list(pos, record)
    for index, screen in enumerate(all_screens):
        if screen.ident == pos.screen:
            return index, screen
    if pos.screen == END:
        return len(all_screens), None
    # a follow-up question no longer applies: fall back to the first open screen
    fallback = first_open(pos.step, record)
    return current_screen(fallback, record) if fallback.screen != pos.screen else (0, None)


def _at(pos: Position, record: CaseRecord, index: int) -> Position:
    all_screens = screen_list(pos, record)
    if index >= len(all_screens):
        return Position(pos.section, END)
    return Position(pos.section, all_screens[max(0, index)].ident)


def next_position(pos: Position, record: CaseRecord) -> Position:
    if pos.item_id is not None:
        return _next_in_item(pos, record)
    index, _ = current_screen(pos, record)
    if pos.screen == END:
        number = step_index(pos.section)
        if number + 1 < len(STEPS):
            return start_of(STEPS[number + 1], record)
        return pos
    return _at(pos, record, index + 1)


def previous_position(pos: Position, record: CaseRecord) -> Position:
    if pos.item_id is not None:
        return _previous_in_item(pos, record)
    index, _ = current_screen(pos, record)
    if index == 0:
        number = step_index(pos.section)
        if number > 0:
            return Position(STEPS[number - 1].key.value, END)
        return pos
    return _at(pos, record, index - 1)


def _item(pos: Position, record: CaseRecord) -> Any:
    return get_path(record, f"{pos.screen}.{pos.item_id}")


def _item_fields(pos: Position, record: CaseRecord) -> list[str]:
    spec = next((s for s in pos.step.lists if s.path == pos.screen), None)
    item = _item(pos, record)
    if spec is None or item is None:
        return []
    return [q.field for q in item_questions(spec, item)]


def _next_in_item(pos: Position, record: CaseRecord) -> Position:
    fields = _item_fields(pos, record)
    if pos.item_field in fields and fields.index(pos.item_field) + 1 < len(fields):
        return replace(pos, item_field=fields[fields.index(pos.item_field) + 1])
    return Position(pos.section, pos.screen)  # back to the list overview


def _previous_in_item(pos: Position, record: CaseRecord) -> Position:
    fields = _item_fields(pos, record)
    if pos.item_field in fields and fields.index(pos.item_field) > 0:
        return replace(pos, item_field=fields[fields.index(pos.item_field) - 1])
    return Position(pos.section, pos.screen)


def edit_item(pos: Position, record: CaseRecord, item_id: str) -> Position:
    entry = Position(pos.section, pos.screen, item_id, None)
    fields = _item_fields(entry, record)
    return replace(entry, item_field=fields[0] if fields else None)


def position_for_path(path: str, record: CaseRecord) -> Position | None:
    """The screen that asks the answer at `path` (to jump to a comment's question)."""
    found = question_for(path)
    if found is None:
        return None
    step, spec, question = found
    if spec is None:
        return Position(step.key.value, path)
    item_id = path.split(".")[-2]
    return Position(step.key.value, spec.path, item_id, question.field)


def progress(record: CaseRecord, pos: Position) -> float:
    """Progress over the ten parts, 0..1: finished parts plus the share of this one."""
    number = step_index(pos.section)
    index, _ = current_screen(pos, record)
    total = max(1, len(screen_list(pos, record)))
    return min(1.0, (number + min(index, total) / total) / len(STEPS))


def to_state(pos: Position) -> dict[str, str | None]:
    return {"section": pos.section, "screen": pos.screen, "item_id": pos.item_id,
            "item_field": pos.item_field}


def from_state(data: object) -> Position | None:
    if not isinstance(data, dict):
        return None
    try:
        step_for(str(data.get("section")))
    except ValueError:
        return None
    return Position(str(data["section"]), str(data.get("screen") or END),
                    data.get("item_id"), data.get("item_field"))
