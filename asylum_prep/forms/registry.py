"""The wizard steps in the order of the record's parts, and lookups by section or record
path."""

from __future__ import annotations

from asylum_prep.domain.record import SectionKey
from asylum_prep.forms import (
    about,
    background,
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

# The parts and their order are written down once, in domain.record.SectionKey (the record,
# the review statuses and access control use it too); each part's questions are its module's
# STEP. Listed here alphabetically, since the order is not this list's.
BY_KEY: dict[SectionKey, Step] = {
    module.STEP.key: module.STEP
    for module in (about, background, beliefs, family, fear, harm_to_others, incidents, leaving,
                   screening, timing)
}
STEPS: tuple[Step, ...] = tuple(BY_KEY[key] for key in SectionKey)


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
