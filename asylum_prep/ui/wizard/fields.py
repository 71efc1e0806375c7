"""Drawing one question's answer box, and turning stored answers into box values and back.

Every box has the stable key `W_WZ_ANSWER_PREFIX + path`. Its first value comes from the
record; after that Streamlit keeps what the person typed, so a refused or conflicting save
never empties the box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from asylum_prep import countries
from asylum_prep.domain.date_input import format_for_input
from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.forms.questions import Question, Widget
from asylum_prep.i18n import Translator
from asylum_prep.ui import state


def box_key(path: str) -> str:
    return state.W_WZ_ANSWER_PREFIX + path


def box_value(question: Question, stored: Any, answered: bool) -> Any:
    """What the answer box shows for a stored answer."""
    kind = question.widget
    if kind is Widget.date:
        return format_for_input(stored if isinstance(stored, FuzzyDate) else None)
    if kind is Widget.lines:
        return "\n".join(stored or [])
    if kind is Widget.multi_choice:
        return [str(v) for v in stored or []]
    if kind in (Widget.yes_no, Widget.choice):
        value = str(stored) if stored is not None else None
        if kind is Widget.yes_no and value == "unknown":
            return None
        return value if answered else None
    if kind is Widget.country:
        return stored or None
    return stored or ""


def changed(question: Question, box: Any, shown: Any) -> bool:
    """Did the person change the answer (ignoring blank edits of an empty answer)?"""
    if question.widget in (Widget.text, Widget.long_text, Widget.date, Widget.lines):
        return str(box or "").strip() != str(shown or "").strip()
    if question.widget is Widget.multi_choice:
        return sorted(box or []) != sorted(shown or [])
    return box is not None and box != shown


def draw(question: Question, path: str, t: Translator, *, initial: Any, disabled: bool,
         lang: str, on_change: Callable[..., Any] | None = None, args: tuple[Any, ...] = ()
         ) -> None:
    """Draw the box (its value is read from session state by the caller); `on_change` saves
    as soon as the answer is given (Enter, leaving the box, picking an option)."""
    key = box_key(path)
    common: dict[str, Any] = {"key": key, "disabled": disabled, "on_change": on_change,
                              "args": args}
    if key not in st.session_state:
        st.session_state[key] = initial
    label = t(question.label)
    hint = t("For example: {example}", example=t(question.example))
    kind = question.widget
    if kind is Widget.long_text:
        st.text_area(label, help=hint, height=160, **common)
    elif kind is Widget.lines:
        st.text_area(label, help=hint, height=100, **common)
    elif kind is Widget.yes_no:
        labels = {"yes": t("Yes"), "no": t("No")}
        st.radio(label, ["yes", "no"], format_func=labels.__getitem__, horizontal=True,
                 **common)
    elif kind is Widget.choice:
        options = dict(question.choices)
        st.radio(label, list(options), format_func=lambda v: t(options[v]), **common)
    elif kind is Widget.multi_choice:
        options = dict(question.choices)
        st.multiselect(label, list(options), format_func=lambda v: t(options[v]),
                       placeholder=t("Choose one or more"), select_all=False, filter_mode=None,
                       **common)
    elif kind is Widget.country:
        names = dict(countries.choices(lang))
        st.selectbox(label, list(names), format_func=names.__getitem__,
                     placeholder=t("Choose a country"), **common)
    else:
        st.text_input(label, help=hint, **common)
    st.caption(hint)


def to_raw(question: Question, box: Any) -> Any:
    """The box value as the step's input model expects it."""
    if question.widget is Widget.lines:
        return str(box or "")
    return box


def reset_box(path: str) -> None:
    """Forget the box's value so it is drawn again from the record (only in callbacks)."""
    st.session_state.pop(box_key(path), None)
