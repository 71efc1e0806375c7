"""The dashboard keeps unresolved consistency flags in view near the top, for the legal team
only, in the reader's language, until the attorney dismisses them (real store, real app)."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import LegalKind
from asylum_prep.i18n import translator
from asylum_prep.services import cases, checks
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.unit.legal.factories import legal_event, strong_record

OPEN = "consistency flag is open"


def _contradicting(store: Store, people: People) -> int:
    r = strong_record()
    r.screening.serious_crimes = YesNo.no
    r.harm_to_others.legal_events = [legal_event(LegalKind.warrant, "2022-06-01")]
    opened = cases.open_case(store, people.attorney, people.case_id)
    return cases.save_record(store, people.attorney, people.case_id, record=r,
                             base_version=opened.version)


def _open(make_app: Callable[..., AppTest], people: People, actor: object,
          lang: str = "en") -> AppTest:
    at = make_app(actor, **{state.CASE_ID: people.case_id, state.LANG: lang}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception
    return at


def test_open_flags_show_at_the_top_until_dismissed(make_app: Callable[..., AppTest],
                                                     people: People, seed_store: Store) -> None:
    v = _contradicting(seed_store, people)
    at = _open(make_app, people, people.attorney)
    banners = [w.value for w in at.warning if OPEN in w.value]
    assert len(banners) == 1
    assert banners[0].startswith("1 consistency flag is open")
    assert "persecutor" in banners[0]  # the flag's own sentence
    assert "Where:" in banners[0] and "What was it?" in banners[0]
    assert "screening.serious_crimes" not in banners[0]
    # the paralegal sees it too; the translator does not
    assert any(OPEN in w.value for w in _open(make_app, people, people.paralegal).warning)
    assert not any(OPEN in w.value for w in _open(make_app, people, people.translator).warning)
    [flag] = checks.run_checks(seed_store, people.attorney, people.case_id).flags
    checks.dismiss_flag(seed_store, people.attorney, people.case_id, flag_id=flag.id,
                        reason="A political charge; the I-589 answer will say yes.",
                        base_version=v)
    at = _open(make_app, people, people.attorney)
    assert not any(OPEN in w.value for w in at.warning)


def test_open_flags_read_in_the_readers_language(make_app: Callable[..., AppTest],
                                                 people: People, seed_store: Store) -> None:
    _contradicting(seed_store, people)
    at = _open(make_app, people, people.attorney, lang="ru")
    ru = translator("ru")
    heading = ru.plural("{n} consistency flag is open: the answers below contradict each "
                        "other until they are corrected or the flag is dismissed.",
                        "{n} consistency flags are open: the answers below contradict each "
                        "other until they are corrected or the flags are dismissed.", 1)
    assert heading.startswith("Открыто 1 замечание")
    assert any(w.value.startswith(heading) for w in at.warning)


def test_no_banner_without_open_flags(make_app: Callable[..., AppTest], people: People,
                                      seed_store: Store) -> None:
    opened = cases.open_case(seed_store, people.attorney, people.case_id)
    cases.save_record(seed_store, people.attorney, people.case_id, record=strong_record(),
                      base_version=opened.version)
    at = _open(make_app, people, people.attorney)
    assert not any(OPEN in w.value for w in at.warning)
