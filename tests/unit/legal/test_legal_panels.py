"""The legal panels on the real case dashboard (Streamlit AppTest, real SQLite store): element
map, deadline banner, flags dismissed with a reason, links by hand, the timeline chart."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.deadline import deadline_for
from asylum_prep.services import cases, checks
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from tests.support import People
from tests.ui.conftest import (  # noqa: F401
    app_settings,
    elements_open,
    make_app,
    people,
    seed_store,
)
from tests.unit.legal.factories import arrival, incident, strong_record

DASHBOARD = "ui/views/case_dashboard.py"


def _save(store: Store, people: People, record: CaseRecord) -> int:  # noqa: F811
    opened = cases.open_case(store, people.attorney, people.case_id)
    return cases.save_record(store, people.attorney, people.case_id, record=record,
                             base_version=opened.version)


def _days_ago(n: int) -> str:
    return date.fromordinal(date.today().toordinal() - n).isoformat()


def _flagged_record() -> CaseRecord:
    r = strong_record()
    r.timing.filed_on = None
    # arrived 345 days ago: about 20 days left, a red banner
    r.leaving.entries = [arrival(_days_ago(345), place="Newark", status="B-2")]
    r.leaving.departure_date = r.leaving.entries[0].date
    r.leaving.route = []
    r.incidents.items.append(incident(_days_ago(300), place="A transit camp"))
    return r


def test_attorney_sees_and_acts_on_the_legal_panels(people: People, make_app, seed_store):  # noqa: F811
    _save(seed_store, people, _flagged_record())
    report = checks.run_checks(seed_store, people.attorney, people.case_id)
    [flag] = [f for f in report.flags if f.rule == "incident_after_departure"]
    # every element open: each is drawn only while open, supported ones start closed
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, **elements_open()}).run()
    at.switch_page(DASHBOARD).run()
    assert not at.exception, at.exception
    labels = [e.label for e in at.expander]
    assert any("Protected ground" in x and "Supported" in x for x in labels)
    # detained and beaten by the police for his articles, still sought: his own detailed
    # account meets the asylum standard without corroboration (Mogharrabi)
    assert any("Objective basis of fear" in x and "Supported" in x for x in labels)
    assert any("days left until the one-year deadline" in e.value for e in at.error)
    assert any("no return home is recorded" in w.value for w in at.warning)
    assert at.get("vega_lite_chart")
    # the standards of each protection, and each element's legal test
    captions = [c.value for c in at.caption]
    assert "Withholding of removal: Persecution more likely than not; mandatory if the " \
           "standard is met." in captions
    assert "Severe harm or the threat of it." in captions  # "Harm amounting to persecution"

    # dismissing without a reason is refused, with a reason it is kept
    at.button(key=f"{state.W_LG_DISMISS_PREFIX}{flag.id}").click().run()
    assert any("Give a reason" in e.value for e in at.error)
    at.text_input(key=f"{state.W_LG_DISMISS_REASON_PREFIX}{flag.id}").input(
        "Attacked in the transit camp.")
    at.button(key=f"{state.W_LG_DISMISS_PREFIX}{flag.id}").click().run()
    assert not at.exception
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.dismissed_flags[flag.id].reason == "Attacked in the transit camp."
    assert any("Attacked in the transit camp." in c.value for c in at.caption)

    # link an answer by hand to an element
    at.selectbox(key=f"{state.W_LG_LINK_PICK_PREFIX}bars").select("fear.why")
    at.button(key=f"{state.W_LG_LINK_PREFIX}bars").click().run()
    assert not at.exception
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert [(lk.element, lk.path, lk.linked) for lk in record.element_links] == [
        ("bars", "fear.why", True)]
    at.button(key=f"{state.W_LG_UNLINK_PREFIX}bars_0").click().run()
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.element_links[-1].linked is False


def test_paralegal_sees_the_panels_without_attorney_controls(people: People, make_app,  # noqa: F811
                                                             seed_store):  # noqa: F811
    _save(seed_store, people, _flagged_record())
    at = make_app(people.paralegal, **{state.CASE_ID: people.case_id}).run()
    at.switch_page(DASHBOARD).run()
    assert not at.exception
    assert [e for e in at.expander if "Nexus" in e.label]
    keys = [b.key for b in at.button]
    assert not any(k and k.startswith(("w_lg_dismiss_", "w_lg_link_", "w_lg_unlink_"))
                   for k in keys)


def _one_day_left() -> CaseRecord:
    r = _flagged_record()
    for ago in range(360, 368):  # the year may have 365 or 366 days
        r.leaving.entries = [arrival(_days_ago(ago), place="Newark", status="B-2")]
        info = deadline_for(r, "us")
        if info is not None and info.days_left == 1:
            return r
    raise AssertionError("no arrival date leaves one day")


def test_the_banner_counts_one_day_as_one_day(people: People, make_app, seed_store):  # noqa: F811
    _save(seed_store, people, _one_day_left())
    for lang, expected in (("en", "1 day left until the one-year deadline on "),
                           ("ru", "остался 1 день."), ("es", "Queda 1 día hasta el plazo")):
        at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: lang,
                                          state.LANG_CHOSEN: True}).run()
        at.switch_page(DASHBOARD).run()
        assert not at.exception, at.exception
        assert any(expected in e.value for e in at.error), [e.value for e in at.error]
