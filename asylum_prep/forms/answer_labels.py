"""Plain labels for answer paths (`incidents.items.ab12.place` -> "What happened to you,
entry 2: Where did it happen?"), from the wizard's own questions (forms/registry.py).
Streamlit-free, so services, legal texts and documents name answers the same way.

The parts are English N_() sources, translated at the edge (`AnswerLabel.text(t)`), so the
same label reads in the translator's, the attorney's or the applicant's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.errors import N_
from asylum_prep.forms.answer_kinds import translatable
from asylum_prep.forms.registry import question_for, step_for

__all__ = ["AnswerLabel", "answer_label", "translatable"]


@dataclass(frozen=True)
class AnswerLabel:
    section: str  # the step title (N_ source), or the path's first part when no step has it
    question: str  # the question label (N_ source), or the raw field name when unknown
    list_title: str = ""  # the list's title (N_ source) for a list entry
    entry: int | None = None  # 1-based position of the entry in its list
    known: bool = True  # False when no wizard question asks this path
    part_known: bool = True  # False when no wizard step holds this path

    def template(self, unknown: str | None = None) -> tuple[str, dict[str, object]]:
        """The label as an English template and its parameters (N_ sources, an entry number).
        With `unknown` (an N_ source), a path no question asks is named by it instead of its
        raw field name, and a path outside every part by it alone."""
        question = self.question if self.known or unknown is None else unknown
        if not self.part_known and unknown is not None:
            return unknown, {}
        if self.entry is not None and self.list_title:
            return N_("{list}, entry {n}: {question}"), {"list": self.list_title, "n": self.entry,
                                                          "question": question}
        return N_("{part}: {question}"), {"part": self.section, "question": question}

    def text(self, t: Callable[..., str]) -> str:
        template, params = self.template()
        shown = {k: t(v) if isinstance(v, str) and (k != "question" or self.known) else v
                 for k, v in params.items()}
        return t(template, **shown)


def answer_label(record: CaseRecord, path: str) -> AnswerLabel:
    parts = path.split(".")
    if parts[0] == "evidence" and len(parts) > 1:  # an exhibit (its text): named by its title
        item = next((it for it in record.evidence if it.id == parts[1]), None)
        name = (item.title or item.filename) if item else parts[1]
        return AnswerLabel(section=N_("Evidence"), question=name, known=False)
    found = question_for(path)
    if found is None:
        try:
            section = step_for(parts[0]).title
        except ValueError:
            return AnswerLabel(section=parts[0], question=parts[-1].replace("_", " "),
                               known=False, part_known=False)
        return AnswerLabel(section=section, question=parts[-1].replace("_", " "), known=False)
    step, spec, question = found
    if spec is None:
        return AnswerLabel(section=step.title, question=question.label)
    items = get_path(record, spec.path) or []
    item_id = parts[-2]
    entry = next((n for n, item in enumerate(items, start=1) if item.id == item_id), None)
    return AnswerLabel(section=step.title, question=question.label, list_title=spec.title,
                       entry=entry)

