"""Every save is a version; a stale save merges by answer or is refused, never overwrites."""

import pytest

from asylum_prep.domain.events import Incident
from asylum_prep.errors import StaleVersionError
from asylum_prep.services import cases


def _edit(store, actor, case_id, change, base=None):
    opened = cases.open_case(store, actor, case_id)
    record = opened.record.model_copy(deep=True)
    change(record)
    return cases.save_record(
        store, actor, case_id, record=record, base_version=opened.version if base is None else base
    )


def test_each_save_is_a_new_version_and_history_is_kept(store, people):
    v2 = _edit(
        store, people.applicant, people.case_id, lambda r: setattr(r.about, "family_name", "Karimi")
    )
    v3 = _edit(
        store,
        people.applicant,
        people.case_id,
        lambda r: setattr(r.about, "family_name", "Karimi-Rad"),
    )
    assert (v2, v3) == (2, 3)
    history = cases.list_versions(store, people.attorney, people.case_id)
    assert [h.version for h in history] == [3, 2, 1]
    assert history[0].changed == ["about.family_name"]
    assert (
        cases.view_version(store, people.attorney, people.case_id, 2).about.family_name == "Karimi"
    )


def test_unchanged_save_makes_no_version(store, people):
    opened = cases.open_case(store, people.applicant, people.case_id)
    assert (
        cases.save_record(
            store,
            people.applicant,
            people.case_id,
            record=opened.record,
            base_version=opened.version,
        )
        == opened.version
    )


def test_stale_save_of_a_different_answer_is_merged(store, people):
    base = cases.open_case(store, people.applicant, people.case_id)
    _edit(store, people.attorney, people.case_id, lambda r: setattr(r.about, "religion", "Baha'i"))
    mine = base.record.model_copy(deep=True)
    mine.about.birth_place = "Tabriz"
    cases.save_record(
        store, people.applicant, people.case_id, record=mine, base_version=base.version
    )
    now = cases.open_case(store, people.attorney, people.case_id).record
    assert (now.about.religion, now.about.birth_place) == ("Baha'i", "Tabriz")


def test_stale_save_of_the_same_answer_is_refused_and_nothing_is_lost(store, people):
    base = cases.open_case(store, people.applicant, people.case_id)
    _edit(store, people.attorney, people.case_id, lambda r: setattr(r.about, "religion", "Baha'i"))
    mine = base.record.model_copy(deep=True)
    mine.about.religion = "Christian"
    with pytest.raises(StaleVersionError) as info:
        cases.save_record(
            store, people.applicant, people.case_id, record=mine, base_version=base.version
        )
    message = info.value.message()
    assert "about.religion" in message and "version 1" in message and "version 2" in message
    now = cases.open_case(store, people.attorney, people.case_id)
    assert now.record.about.religion == "Baha'i" and now.version == 2


def test_two_people_adding_list_items_concurrently_keeps_both(store, people):
    base = cases.open_case(store, people.applicant, people.case_id)
    _edit(
        store,
        people.attorney,
        people.case_id,
        lambda r: r.incidents.items.append(Incident(place="Tehran")),
    )
    mine = base.record.model_copy(deep=True)
    mine.incidents.items.append(Incident(place="Karaj"))
    cases.save_record(
        store, people.applicant, people.case_id, record=mine, base_version=base.version
    )
    places = [
        i.place
        for i in cases.open_case(store, people.attorney, people.case_id).record.incidents.items
    ]
    assert places == ["Tehran", "Karaj"]


def test_restore_makes_an_old_version_current_as_a_new_version(store, people):
    _edit(store, people.applicant, people.case_id, lambda r: setattr(r.about, "family_name", "One"))
    _edit(store, people.applicant, people.case_id, lambda r: setattr(r.about, "family_name", "Two"))
    new = cases.restore_version(store, people.attorney, people.case_id, version=2, base_version=3)
    assert new == 4
    assert cases.open_case(store, people.attorney, people.case_id).record.about.family_name == "One"
    assert len(cases.list_versions(store, people.attorney, people.case_id)) == 4


def test_restore_from_a_stale_view_is_refused(store, people):
    _edit(store, people.applicant, people.case_id, lambda r: setattr(r.about, "family_name", "One"))
    with pytest.raises(StaleVersionError):
        cases.restore_version(store, people.attorney, people.case_id, version=1, base_version=1)


def test_the_history_and_the_review_list_read_one_record_not_every_version(store, people):
    """Their summaries are read for every version; the encrypted records only where needed
    (the review list: the current one), so a long-lived case's pages stay quick."""
    from sqlalchemy import event

    from asylum_prep.services import review

    for name in ("Karimi", "Karimi-Rad", "Rad"):
        _edit(store, people.applicant, people.case_id,
              lambda r, name=name: setattr(r.about, "family_name", name))
    records: list[str] = []

    def statement(conn, cursor, sql, params, *rest):
        if "record_enc" in sql and "case_versions" in sql and "INSERT" not in sql:
            records.append(sql)

    event.listen(store.engine, "before_cursor_execute", statement)
    try:
        assert len(cases.list_versions(store, people.attorney, people.case_id)) >= 4
        assert records == []
        review.review_items(store, people.attorney, people.case_id)
        assert len(records) == 1
    finally:
        event.remove(store.engine, "before_cursor_execute", statement)
