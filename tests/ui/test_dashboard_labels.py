"""The case dashboard says things in words, in the interface language, never by stored values:
the timeline names an activity's or a legal event's kind ("Protest or demonstration", not
"protest"), and adding a colleague of another role is refused in a whole sentence, not with
the role's value ("attorney") inside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from asylum_prep.domain.beliefs import ActivityKind
from asylum_prep.domain.events import LegalKind
from asylum_prep.i18n import translator
from asylum_prep.services import cases
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.unit.legal.factories import activity, legal_event, strong_record


def _spanish_dashboard(make_app: Callable[..., AppTest], people: People) -> AppTest:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: "es",
                                      state.LANG_CHOSEN: True}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _chart_rows(at: AppTest) -> list[dict[str, Any]]:
    """The rows the timeline chart draws, read back from the Arrow data Streamlit sends."""
    [chart] = at.get("vega_lite_chart")
    blobs = [chart.proto.data.data] + [d.data.data for d in chart.proto.datasets]
    rows: list[dict[str, Any]] = []
    for blob in blobs:
        if blob:
            rows += pa.ipc.open_stream(blob).read_all().to_pylist()
    return rows


def test_timeline_names_kinds_in_words_in_the_interface_language(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    opened = cases.open_case(seed_store, people.attorney, people.case_id)
    record = strong_record()
    record.beliefs.activities.append(activity("2021-06-01", kind=ActivityKind.protest))
    record.harm_to_others.legal_events = [legal_event(LegalKind.warrant, "2022-07-20")]
    cases.save_record(seed_store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)
    labels = [row["label"] for row in _chart_rows(_spanish_dashboard(make_app, people))]
    assert "Actividad: Protesta o manifestación" in labels, labels
    assert "Hecho jurídico: Orden de arresto" in labels, labels
    raw = {k.value for k in ActivityKind} | {k.value for k in LegalKind}
    assert not [x for x in labels if x.split(": ")[-1] in raw], labels


def test_adding_a_colleague_of_another_role_is_refused_in_words(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    at = _spanish_dashboard(make_app, people)
    at.text_input(key=state.W_MEMBER_USER).input(people.paralegal.username)
    at.selectbox(key=state.W_MEMBER_ROLE).select(Role.attorney.value)
    at.button(key=state.W_MEMBER_SUBMIT).click().run()
    errors = [e.value for e in at.error]
    assert translator("es")("That account is not an attorney's account.") in errors, errors
    assert not any("attorney" in e for e in errors), errors
