"""Where the service layer reads the caller's account state (services.access): inside the
first transaction the call opens, before that transaction's work, not in one of its own.
Real store; the transactions are counted as the database sees them begin."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from asylum_prep.errors import AccountDisabled, InputRefused, PasswordChangeRequired
from asylum_prep.services import access, accounts, answers, cases
from asylum_prep.services.access import SERVICE_RULES
from asylum_prep.storage.engine import Store
from tests.support import People


@contextmanager
def _begins(store: Store) -> Iterator[list[int]]:
    """How many transactions the database sees begin in the block."""
    seen: list[int] = []

    def began(conn: Any) -> None:
        seen.append(1)

    event.listen(store.engine, "begin", began)
    try:
        yield seen
    finally:
        event.remove(store.engine, "begin", began)


def test_a_call_opens_no_transaction_for_its_account_check(store: Store, people: People):
    with _begins(store) as reading:
        cases.open_case(store, people.attorney, people.case_id, audit_view=False)
    assert len(reading) == 1  # the case's read, with the account's state read first in it
    version = cases.open_case(store, people.attorney, people.case_id).version
    with _begins(store) as saving:
        answers.save_answer(store, people.attorney, people.case_id, path="about.family_name",
                            value="Ahmadi", base_version=version)
    assert len(saving) == 2  # the read at the base version, then the save


def test_a_switched_off_account_is_refused_before_the_transactions_work(
        store: Store, people: People):
    version = cases.open_case(store, people.attorney, people.case_id).version
    accounts.deactivate(store, people.admin, username=people.attorney.username)
    with pytest.raises(AccountDisabled):
        answers.save_answer(store, people.attorney, people.case_id, path="about.family_name",
                            value="Ahmadi", base_version=version)
    with pytest.raises(AccountDisabled):  # not "not found": the account is told first
        cases.open_case(store, people.attorney, "no-such-case")
    accounts.reactivate(store, people.admin, username=people.attorney.username)
    assert cases.open_case(store, people.attorney, people.case_id).version == version


def test_a_new_password_due_is_asked_for_in_the_same_way(store: Store, people: People):
    accounts.reset_password(store, people.admin, username=people.paralegal.username)
    with pytest.raises(PasswordChangeRequired):
        cases.open_case(store, people.paralegal, people.case_id)


def _run(store: Store, actor: Any, call: Callable[[], object]) -> object:
    return access._checked_in_first_transaction(store, actor, SERVICE_RULES["cases.open_case"],
                                                call)


def test_a_call_that_opens_no_transaction_is_checked_after_it(store: Store, people: People):
    assert _run(store, people.attorney, lambda: "done") == "done"
    accounts.deactivate(store, people.admin, username=people.attorney.username)
    with pytest.raises(AccountDisabled):
        _run(store, people.attorney, lambda: "done")

    def refuse() -> None:
        raise InputRefused("bad input")

    with pytest.raises(AccountDisabled):  # its own error comes second to the account's
        _run(store, people.attorney, refuse)


def test_the_check_runs_once_and_only_in_its_own_call(store: Store, people: People):
    reads: list[str] = []

    def statement(conn: Any, cursor: Any, sql: str, *rest: Any) -> None:
        if "FROM users" in sql:
            reads.append(sql)

    def twice() -> None:
        for _ in range(2):
            with store.reading():
                pass

    event.listen(store.engine, "before_cursor_execute", statement)
    try:
        _run(store, people.attorney, twice)
        assert len(reads) == 1  # the first of its two transactions read the account
        with store.reading() as session:  # after the call, none is left for the next one
            session.connection()
        assert len(reads) == 1
    finally:
        event.remove(store.engine, "before_cursor_execute", statement)
