"""The attorney's case list: days to the one-year deadline (red under 30), open review items,
a sort by deadline (nearest first), with search still narrowing the list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.journey import Entry, EntryKind
from asylum_prep.domain.record import CaseRecord
from asylum_prep.services import answers, cases, review
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.html import md_escape
from tests.support import People


def _arrived(days_ago: int) -> CaseRecord:
    record = CaseRecord()
    record.leaving.entries.append(Entry(kind=EntryKind.arrival, date=FuzzyDate(
        iso=date.today() - timedelta(days=days_ago), precision=Precision.day)))
    return record


def _deadline_in(days: int) -> CaseRecord:
    """Arrival such that the one-year deadline is `days` from today."""
    deadline = date.today() + timedelta(days=days)
    arrived = deadline.replace(year=deadline.year - 1) if not (
        deadline.month == 2 and deadline.day == 29) else deadline - timedelta(days=366)
    record = CaseRecord()
    record.leaving.entries.append(Entry(kind=EntryKind.arrival, date=FuzzyDate(
        iso=arrived, precision=Precision.day)))
    return record


def _titles(at: AppTest) -> list[str]:
    return [m.value for m in at.main.markdown if m.value.startswith("**")]


def _badges(at: AppTest) -> list[str]:
    return [m.value for m in at.main.markdown if "-badge[" in m.value]


def test_deadline_column_red_and_sorted_first(people: People, make_app: Any,
                                              seed_store: Store) -> None:
    attorney = people.attorney
    cases.create_case(seed_store, attorney, title="Zed far deadline", record=_deadline_in(200))
    cases.create_case(seed_store, attorney, title="Yara near deadline", record=_deadline_in(20))
    cases.create_case(seed_store, attorney, title="Xavier overdue", record=_arrived(400))
    cases.create_case(seed_store, attorney, title="Wren in the UK", jurisdiction="uk",
                      record=_arrived(10))
    # the people fixture's case has no arrival; give it a submitted part (one review item)
    version = cases.open_case(seed_store, attorney, people.case_id).version
    version = answers.save_answer(seed_store, people.applicant, people.case_id,
                                  path="fear.who", value="The police", base_version=version)
    review.submit_section(seed_store, people.applicant, people.case_id, section="fear",
                          base_version=version)

    at = make_app(attorney).run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key=state.W_CASES_SORT).select("deadline").run()
    assert not at.exception, [e.value for e in at.exception]
    titles = _titles(at)
    assert titles[:2] == [f"**{md_escape('Xavier overdue')}**",
                          f"**{md_escape('Yara near deadline')}**"]
    assert titles.index(f"**{md_escape('Zed far deadline')}**") == 2
    assert titles[-1] == f"**{md_escape('Wren in the UK')}**"  # not applicable: last
    badges = _badges(at)
    assert any(b.startswith(":red-badge[") and "20 days left" in b for b in badges), badges
    assert any(b.startswith(":red-badge[") and "overdue by" in b for b in badges), badges
    assert any(b.startswith(":gray-badge[") and "200 days left" in b for b in badges), badges
    assert any("not applicable" in b for b in badges)
    assert any("arrival date missing" in b for b in badges)
    assert any("1 open review item" in b for b in badges), badges

    # search still narrows, and the deadline sort stays
    at.text_input(key=state.W_CASES_SEARCH).input("deadline").run()
    assert _titles(at) == [f"**{md_escape('Yara near deadline')}**",
                           f"**{md_escape('Zed far deadline')}**"]
