"""The case dashboard says things in words, in the interface language, never by stored values:
the timeline names an activity's or a legal event's kind ("Protest or demonstration", not
"protest"), and adding a colleague of another role is refused in a whole sentence, not with
the role's value ("attorney") inside it. The element map names the grounds and the bars
touched in the reader's words, joined her language's way, and dates as she reads them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import altair as alt
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import ActivityKind, Ground
from asylum_prep.domain.events import LegalKind, Perpetrator
from asylum_prep.i18n import translator
from asylum_prep.services import cases
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import elements_open
from tests.unit.legal.factories import activity, fd, incident, legal_event, strong_record


def _spanish_dashboard(make_app: Callable[..., AppTest], people: People) -> AppTest:
    return _dashboard(make_app, people, "es")


def _dashboard(make_app: Callable[..., AppTest], people: People, lang: str) -> AppTest:
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: lang,
                                      state.LANG_CHOSEN: True, **elements_open()}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _shown(at: AppTest) -> str:
    """The markdown the element map writes, with its escaping of applicant text undone."""
    return "\n".join(re.sub(r"\\(.)", r"\1", m.value) for m in at.markdown)


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


@pytest.mark.parametrize(("lang", "rtl"), [("en", False), ("fa", True)])
def test_the_timeline_is_valid_vega_lite_mirrored_for_right_to_left(
    make_app: Callable[..., AppTest], people: People, seed_store: Store, lang: str, rtl: bool
) -> None:
    """The spec is written by hand (no Altair at run time): the schema checks it here, with
    the rows Streamlit sends, and a Persian reader's time runs right to left."""
    opened = cases.open_case(seed_store, people.attorney, people.case_id)
    cases.save_record(seed_store, people.attorney, people.case_id, record=strong_record(),
                      base_version=opened.version)
    at = _dashboard(make_app, people, lang)
    [chart] = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    rows = _chart_rows(at)
    assert rows and {"lane", "label", "start", "end", "point"} <= set(rows[0])
    alt.Chart.from_dict({**spec, "data": {"values": rows}}, validate=True)
    for layer in spec["layer"]:
        assert layer["encoding"]["x"]["scale"]["reverse"] is rtl
        assert layer["encoding"]["y"]["axis"]["orient"] == ("right" if rtl else "left")
    lanes = spec["layer"][0]["encoding"]["y"]["sort"]
    assert translator(lang)("Incidents") in lanes and len(lanes) == 12
    assert spec["description"] == translator(lang)("Timeline")  # its screen-reader name


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


def _save_lists_and_a_month(people: People, store: Store) -> None:
    """Two grounds, two bars touched, and an incident of "about March 2022" that states no
    reason (the first such incident, so the nexus next step names it)."""
    opened = cases.open_case(store, people.attorney, people.case_id)
    record = strong_record()
    record.beliefs.grounds = [Ground.political_opinion, Ground.particular_social_group]
    record.beliefs.social_group_description = "Student journalists who report arrests."
    record.screening.armed_groups = YesNo.yes
    record.harm_to_others.legal_events = [legal_event(LegalKind.conviction, "2021-01-01")]
    record.incidents.items.insert(0, incident(fd("2022-03-01", "month", approximate=True),
                                              perpetrator=Perpetrator.unknown))
    cases.save_record(store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)


def test_grounds_and_bars_are_named_in_spanish_and_joined_the_spanish_way(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    _save_lists_and_a_month(people, seed_store)
    shown = _shown(_spanish_dashboard(make_app, people))
    assert "(opinión política y pertenencia a un grupo social determinado)" in shown, shown
    assert ("revisión del abogado: apoyo material y un delito grave común o un delito "
            "particularmente grave.") in shown, shown
    for english in ("political opinion", "social group", "material support", "crime"):
        assert english not in shown, english


def test_a_next_step_shows_an_approximate_month_as_the_reader_writes_it(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    _save_lists_and_a_month(people, seed_store)
    at = _dashboard(make_app, people, "en")
    english = _shown(at)
    assert ("Ask why the people responsible targeted the applicant in the incident of about "
            "March 2022: no reason is stated.") in english, english
    # the deadline banner writes its date the same way (filed 2023-05-01, deadline 2023-08-21)
    assert "Filed within the one-year deadline (August 21, 2023)." in [
        s.value for s in at.success]
    at = _dashboard(make_app, people, "fa")
    persian = _shown(at)
    assert "حدود اسفند ۱۴۰۰" in persian, persian  # Solar Hijri, Persian digits
    assert any("۳۰ مرداد ۱۴۰۲" in s.value for s in at.success)
    for shown in (english, persian):
        assert "~2022-03" not in shown and "2022-03" not in shown
