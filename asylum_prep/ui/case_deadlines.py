"""The case list's deadline and review columns (used by ui/case_list.py).

Per case: days to the US one-year filing deadline (red under 30 days, "overdue" when past,
"filed", "not applicable" outside the US, "arrival date missing" when no arrival is recorded)
and the number of open review items (for the attorney and paralegal of the case). The sort key
puts overdue and nearest deadlines first, then unknown, filed and not applicable.

Review items read the case history, so their count is cached in the session per case version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from asylum_prep.errors import N_, AsylumPrepError
from asylum_prep.i18n import Translator
from asylum_prep.legal.deadline import DeadlineInfo
from asylum_prep.services import checks, review
from asylum_prep.services.actor import Role
from asylum_prep.services.cases import CaseSummary
from asylum_prep.ui import state
from asylum_prep.ui.context import PageContext

SORT_LABEL = N_("Deadline (nearest first)")
TEAM = frozenset({Role.attorney, Role.paralegal})


@dataclass(frozen=True)
class CaseFacts:
    deadline: DeadlineInfo | None
    applies: bool  # the US one-year rule applies to this case
    review_items: int | None  # None: not shown to this role


def load(ctx: PageContext, items: list[CaseSummary], *,
         today: date | None = None) -> dict[str, CaseFacts]:
    deadlines = (checks.deadline_for_cases(ctx.store, ctx.actor, today=today)
                 if ctx.actor.role in TEAM else {})  # a legal check: the team's only
    cache: dict[str, tuple[int, int]] = st.session_state.setdefault(
        state.CASE_REVIEW_COUNTS, {})
    out: dict[str, CaseFacts] = {}
    for item in items:
        count: int | None = None
        if item.role in TEAM:
            cached = cache.get(item.id)
            if cached is not None and cached[0] == item.version:
                count = cached[1]
            else:
                try:
                    count = len(review.review_items(ctx.store, ctx.actor, item.id))
                except AsylumPrepError:
                    count = None
                else:
                    cache[item.id] = (item.version, count)
        info = deadlines.get(item.id)
        applies = item.jurisdiction.value == "us" and info is not None \
            and info.rule == "us_one_year"
        out[item.id] = CaseFacts(info if applies else None, applies, count)
    return out


def sort_key(facts: CaseFacts | None) -> tuple[int, int]:
    if facts is None or not facts.applies:
        return (3, 0)
    return checks.sort_key(facts.deadline)


def deadline_text(t: Translator, facts: CaseFacts) -> tuple[str, bool]:
    """(translated text, shown in red)."""
    info = facts.deadline
    if not facts.applies or info is None:
        return t("One-year deadline: not applicable"), False
    if info.level == "filed":
        return t("One-year deadline: filed"), False
    if info.days_left is None:
        return t("One-year deadline: arrival date missing"), False
    if info.days_left < 0:
        return t.plural("One-year deadline: overdue by {n} day",
                        "One-year deadline: overdue by {n} days", -info.days_left), True
    return t.plural("One-year deadline: {n} day left", "One-year deadline: {n} days left",
                    info.days_left), info.red


def render(ctx: PageContext, facts: CaseFacts | None) -> None:
    """The deadline badge and the open review items of one case row."""
    if facts is None:
        return
    t = ctx.t
    text, red = deadline_text(t, facts)
    cols = st.columns(2)
    cols[0].badge(text, color="red" if red else "gray",
                  icon=":material/schedule:" if not red else ":material/warning:")
    if facts.review_items is not None:
        cols[1].badge(t.plural("{n} open review item", "{n} open review items",
                               facts.review_items),
                      color="orange" if facts.review_items else "gray")
