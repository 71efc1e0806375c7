"""Transactions take turns at the database in one process, and a read-only transaction
cannot change anything: storage/write_turns.py and Store.reading()."""

import threading
import time

import pytest
from sqlalchemy import text

from asylum_prep.errors import StorageUnavailable
from asylum_prep.services import cases
from asylum_prep.storage.db_errors import LOCKED
from asylum_prep.storage.tables import Meta
from asylum_prep.storage.write_turns import WriteTurns, turns_for


def test_a_second_thread_waits_until_the_first_has_finished() -> None:
    turns, order = WriteTurns(), []
    inside, release = threading.Event(), threading.Event()

    def first() -> None:
        with turns.turn(5):
            order.append("first in")
            inside.set()
            release.wait(5)
            order.append("first out")

    def second() -> None:
        inside.wait(5)
        with turns.turn(5):
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    inside.wait(5)
    time.sleep(0.1)  # the second thread is waiting now
    assert order == ["first in"]
    release.set()
    for t in threads:
        t.join(5)
    assert order == ["first in", "first out", "second in"]


def test_a_turn_taken_inside_another_on_the_same_thread_goes_on() -> None:
    turns = WriteTurns()
    with turns.turn(1), turns.turn(1):
        pass
    with turns.turn(1):  # and it was released
        pass


def test_waiting_too_long_is_the_locked_message_not_a_hang() -> None:
    turns, held, done = WriteTurns(), threading.Event(), threading.Event()

    def hold() -> None:
        with turns.turn(5):
            held.set()
            done.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with pytest.raises(StorageUnavailable) as info, turns.turn(0.2):
            pass
        assert info.value.template == LOCKED
    finally:
        done.set()
        holder.join(5)


def test_every_store_on_one_database_shares_its_queue(store) -> None:
    if not store.settings.is_sqlite:
        pytest.skip("PostgreSQL orders its own writers")
    assert store._turns is turns_for(str(store.engine.url))


def test_a_read_only_transaction_refuses_a_change_and_keeps_nothing(store, people) -> None:
    with pytest.raises(RuntimeError), store.reading() as session:
        session.add(Meta(key="written-while-reading", value=b"x"))
        session.flush()
    try:  # a raw statement: PostgreSQL refuses it; SQLite's is never committed
        with store.reading() as session:
            session.execute(text("INSERT INTO meta (key, value) VALUES ('raw', :v)"),
                            {"v": b"\x00"})
    except StorageUnavailable:
        pass
    with store.session() as session:
        assert session.get(Meta, "written-while-reading") is None
        assert session.get(Meta, "raw") is None
    # what was read stays readable after the read-only transaction has ended
    opened = cases.open_case(store, people.attorney, people.case_id, audit_view=False)
    assert opened.title == "Test case A"
