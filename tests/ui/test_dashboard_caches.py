"""What the dashboard keeps between reruns, and what it must not: a saved answer shows at once
(the link picker's answers are kept per case version), someone taken off the case gets
nothing on the next run though their session still holds the earlier screen's data (the
service checks access on every run), and the view is audited once per visit of the page, not
on every rerun a click makes."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import select
from streamlit.testing.v1 import AppTest

from asylum_prep.services import answers, cases, users
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import PASSWORD, People
from tests.ui.conftest import elements_open

App = Callable[..., AppTest]
WORDS = "They broke the printing press at night."


def _dashboard(make_app: App, actor: object, people: People) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: people.case_id, **elements_open()}).run()
    at.switch_page(BY_ID["case"].script).run()
    assert not at.exception, at.exception
    return at


def _link_options(at: AppTest) -> list[str]:
    return [o for box in at.selectbox if box.key.startswith(state.W_LG_LINK_PICK_PREFIX)
            for o in box.options]


def _views(store: Store, case_id: str) -> int:
    with store.session() as session:
        return len(list(session.exec(select(AuditEvent).where(
            AuditEvent.action == "case_view", AuditEvent.case_id == case_id))))


def _save(store: Store, people: People, path: str, value: str) -> None:
    version = cases.open_case(store, people.attorney, people.case_id, audit_view=False).version
    answers.save_answer(store, people.applicant, people.case_id, path=path, value=value,
                        base_version=version)


def test_a_saved_answer_is_in_the_link_picker_at_once(make_app: App, people: People,
                                                       seed_store: Store) -> None:
    _save(seed_store, people, "fear.who", "The police")
    at = _dashboard(make_app, people.attorney, people)
    assert any("The police" in o for o in _link_options(at))
    assert not any(WORDS in o for o in _link_options(at))
    _save(seed_store, people, "fear.why", WORDS)
    at.run()  # any rerun: a click elsewhere on the page
    assert not at.exception
    assert any(WORDS in o for o in _link_options(at))


def test_someone_taken_off_the_case_gets_nothing_on_the_next_run(
        make_app: App, people: People, seed_store: Store) -> None:
    colleague = users.create_user(seed_store, people.admin, username="colleague",
                                  password=PASSWORD, role=Role.attorney)
    cases.add_member(seed_store, people.attorney, people.case_id, username="colleague",
                     role=Role.attorney)
    _save(seed_store, people, "fear.who", WORDS)
    at = _dashboard(make_app, colleague, people)
    assert any(WORDS in o for o in _link_options(at))  # the kept labels hold her words now
    cases.remove_member(seed_store, people.attorney, people.case_id, user_id=colleague.id)
    at.run()
    assert not at.exception
    assert at.error, "the service refused"
    assert not _link_options(at)
    shown = " ".join([m.value for m in at.markdown] + [e.label for e in at.expander]
                     + [t.value for t in at.title])
    assert WORDS not in shown and "Test case" not in shown


def test_the_view_is_audited_once_per_visit(make_app: App, people: People,
                                            seed_store: Store) -> None:
    at = _dashboard(make_app, people.attorney, people)
    assert _views(seed_store, people.case_id) == 1
    at.toggle(key=state.W_SHOW_HISTORY).set_value(True).run()  # reruns on the same page
    at.run()
    assert not at.exception
    assert _views(seed_store, people.case_id) == 1
    at.switch_page(BY_ID["account"].script).run()
    at.switch_page(BY_ID["case"].script).run()  # a new visit
    assert not at.exception
    assert _views(seed_store, people.case_id) == 2
