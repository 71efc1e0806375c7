"""Legal elements are named by their translated titles in sentences, never by their keys
("protected_ground", "nexus", "harm"): evidence warnings, the evidence details form, the
brief's gap notices and the dashboard's consistency flags."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.evidence import ELEMENT_KEYS
from asylum_prep.evidence.checks import evidence_warnings
from asylum_prep.i18n import translator
from asylum_prep.legal.jurisdictions import element_titles
from asylum_prep.services import cases
from asylum_prep.services import evidence as ev
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.unit.evidence import hostile as h

KEYS = [k for k in ELEMENT_KEYS if "_" in k or k in ("nexus", "harm", "bars")]


def _no_keys(text: str) -> None:
    for key in KEYS:
        assert key not in text, key


def test_evidence_warnings_name_elements_by_their_translated_title(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    v = cases.open_case(seed_store, people.attorney, people.case_id).version
    ev.add_evidence(seed_store, people.paralegal, people.case_id, data=h.simple_pdf(1),
                    filename="a.pdf", title="Summons", base_version=v)
    fa = translator("fa")
    titles = element_titles("us")
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: "fa"}).run()
    at.switch_page(BY_ID["evidence"].script).run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert fa(titles["protected_ground"]) in warnings  # "Protected ground", in Persian
    assert fa(titles["harm"]) in warnings
    _no_keys(warnings)
    supports = next(m for m in at.multiselect if m.key.startswith(state.W_EV_ELEMENTS_PREFIX))
    shown = [supports.format_func(o) for o in supports.options]
    assert fa(titles["nexus"]) in shown
    _no_keys(" ".join(shown))


def test_warning_message_translates_the_title_and_keeps_the_key_as_data(people: People,
                                                                       seed_store: Store) -> None:
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    found = evidence_warnings(record, ["harm"], element_titles("uk"))
    assert [w.element for w in found] == ["harm"]
    assert "\u201cPersecution\u201d" in found[0].message(translator("en"))
    assert "\u201cPersecution\u201d" in found[0].message()
    assert translator("fr")("Persecution") in found[0].message(translator("fr"))


def test_brief_gap_notice_names_the_element_by_its_translated_title() -> None:
    from asylum_prep.documents.build_brief import build_brief
    from asylum_prep.documents.build_declaration import build_declaration
    from asylum_prep.domain.record import CaseRecord
    from asylum_prep.legal.elements import assess

    record = CaseRecord()
    decl = build_declaration(record, jurisdiction="us", lang="en")
    brief = build_brief(record, jurisdiction="us", declaration=decl,
                        assessments=assess(record, "us"), exhibits=[])
    fa = translator("fa")
    messages = [n.message(fa) for n in brief.notices if "element" in n.params]
    assert messages
    assert any(fa(element_titles("us")["harm"]) in m for m in messages)
    _no_keys(" ".join(messages))
    assert all("gap" not in m for m in messages)  # the sentence itself is in Persian


def test_consistency_flag_says_where_in_plain_words(
    make_app: Callable[..., AppTest], people: People, seed_store: Store
) -> None:
    from datetime import date

    from asylum_prep.domain.dates import FuzzyDate, Precision

    opened = cases.open_case(seed_store, people.attorney, people.case_id)
    record = opened.record.model_copy(deep=True)
    record.about.birth_date = FuzzyDate(iso=date(2990, 1, 1), precision=Precision.day)
    cases.save_record(seed_store, people.attorney, people.case_id, record=record,
                      base_version=opened.version)
    at = make_app(people.attorney, **{state.CASE_ID: people.case_id}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception
    where = [c.value for c in at.caption if c.value.startswith("Where:")]
    assert where
    assert "about.birth_date" not in where[0]
    assert "When were you born?" in where[0]
