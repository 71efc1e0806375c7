"""The nine wizard steps in order, and lookups by section or record path."""

from __future__ import annotations

from asylum_prep.domain.record import SectionKey
from asylum_prep.forms import (
    about,
    beliefs,
    family,
    fear,
    harm_to_others,
    incidents,
    leaving,
    screening,
    timing,
)
from asylum_prep.forms.questions import ListSpec, Question, Step

STEPS: tuple[Step, ...] = (
    about.STEP, family.STEP, beliefs.STEP, incidents.STEP, harm_to_others.STEP, leaving.STEP,
    fear.STEP, screening.STEP, timing.STEP,
)
BY_KEY: dict[SectionKey, Step] = {step.key: step for step in STEPS}


def step_for(section: str | SectionKey) -> Step:
    return BY_KEY[SectionKey(section)]


def step_index(section: str | SectionKey) -> int:
    return STEPS.index(step_for(section))


def question_for(path: str) -> tuple[Step, ListSpec | None, Question] | None:
    """The question that asks the answer at `path` (list items addressed by id)."""
    parts = path.split(".")
    try:
        step = step_for(parts[0])
    except ValueError:
        return None
    for question in step.questions:
        if parts[1:] == [question.field]:
            return step, None, question
    for spec in step.lists:
        prefix = spec.path.split(".")
        if parts[: len(prefix)] == prefix and len(parts) == len(prefix) + 2:
            for question in spec.questions:
                if question.field == parts[-1]:
                    return step, spec, question
    return None
