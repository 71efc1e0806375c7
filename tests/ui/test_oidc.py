"""Single sign-on in the UI: what the app does given the provider's claims.

No identity provider runs here, so the round trip through `st.login()` is not driven. What
the provider hands back is what Streamlit exposes as `st.user`; AppTest lets a test set it
(`at.user`), and `st.logout()` under AppTest empties it. The decision itself is a plain
function (`ui.oidc.decide`) tested on the real store; the pages are driven through AppTest.
Nothing of our own is mocked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from asylum_prep.services import users
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui import oidc, state
from tests.support import PASSWORD, People

App = Callable[..., AppTest]
ISS = "https://idp.example"
SUB = "00u-subject-12345"


def _claims(sub: str = SUB, *, age: float = 5) -> dict[str, object]:
    return {"is_logged_in": True, "iss": ISS, "sub": sub, "email": "someone@example.org",
            "iat": int(time.time() - age)}


def _actions(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        return [(e.action, e.detail) for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.fixture
def sso_on(monkeypatch: pytest.MonkeyPatch, seed_store: Store) -> Iterator[None]:
    """The app (which reads the environment) runs with single sign-on switched on."""
    monkeypatch.setenv("ASYLUM_PREP_OIDC_ENABLED", "true")
    yield


# --- the decision, without Streamlit ---------------------------------------------------------

def _decide(store: Store, claims: dict[str, object], **overrides: object) -> oidc.Decision:
    args: dict[str, object] = {"enabled": True, "signed_in": False, "refused_before": False,
                               "now": time.time()}
    args.update(overrides)
    return oidc.decide(store, claims, **args)  # type: ignore[arg-type]


def test_decide_signs_in_the_linked_account(seed_store: Store, people: People) -> None:
    users.link_oidc(seed_store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    decision = _decide(seed_store, _claims())
    assert decision.kind == "sign_in" and decision.actor == people.attorney
    assert _actions(seed_store)[-1] == ("sign_in", "oidc")


def test_decide_does_nothing_unless_everything_applies(seed_store: Store, people: People) -> None:
    users.link_oidc(seed_store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    before = len(_actions(seed_store))
    assert _decide(seed_store, _claims(), enabled=False).kind == "nothing"
    assert _decide(seed_store, _claims(), signed_in=True).kind == "nothing"
    assert _decide(seed_store, _claims(), refused_before=True).kind == "nothing"
    assert _decide(seed_store, {**_claims(), "is_logged_in": False}).kind == "nothing"
    assert _decide(seed_store, {"email": "test@example.com"}).kind == "nothing"  # no provider
    # A confirmation older than the freshness window (a 30-day cookie) is not a sign-in.
    stale = _claims(age=oidc.FRESH_SECONDS + 60)
    assert _decide(seed_store, stale).kind == "stale"
    assert len(_actions(seed_store)) == before  # none of these touched the accounts or the log


def test_decide_refuses_an_unlinked_identity_and_says_which_it_is(
    seed_store: Store, people: People
) -> None:
    decision = _decide(seed_store, _claims("not-linked-1"))
    assert decision.kind == "refused" and decision.actor is None
    assert decision.message == users.OIDC_NOT_LINKED
    assert decision.identity == (ISS, "not-linked-1")
    missing = _decide(seed_store, {"is_logged_in": True, "iss": ISS})
    assert missing.kind == "refused" and missing.message == users.OIDC_NO_IDENTITY
    assert missing.identity is None


# --- the pages --------------------------------------------------------------------------------

def test_sign_in_with_a_linked_identity_and_sign_out_of_both(
    sso_on: None, seed_store: Store, people: People, make_app: App
) -> None:
    users.link_oidc(seed_store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    at = make_app()
    at.user = _claims()  # the provider just sent them back
    at.run()
    assert not at.exception
    assert at.session_state[state.ACTOR] == people.attorney
    assert at.session_state[state.OIDC_SESSION] is True
    assert at.title[0].value == "Cases"  # the attorney's home, as after a password sign-in
    assert ("sign_in", "oidc") in _actions(seed_store)
    at.switch_page("ui/views/account.py").run()
    at.button(key=state.W_SIGN_OUT).click().run()
    assert not at.exception
    assert state.ACTOR not in at.session_state
    assert at.user == {"is_logged_in": False}  # st.logout() ended the provider's sign-in too
    assert ("sign_out", "user") in _actions(seed_store)
    at.run()
    assert state.ACTOR not in at.session_state  # not signed straight back in


def test_unlinked_identity_is_refused_with_a_message_then_signed_out(
    sso_on: None, seed_store: Store, people: People, make_app: App
) -> None:
    at = make_app()
    at.user = _claims("not-linked-1")
    at.run()
    assert not at.exception
    assert state.ACTOR not in at.session_state
    assert [e.value for e in at.error] == [
        "This sign-in is not linked to an account here. Ask your administrator."]
    assert "not-linked-1" in at.code[0].value and ISS in at.code[0].value  # for the admin
    at.run()  # a rerun shows the message again without trying (and logging) again
    assert len([a for a in _actions(seed_store) if a[0] == "sign_in_failed"]) == 1
    assert at.error
    at.button(key=state.W_SIGNIN_OIDC_OUT).click().run()
    assert not at.exception
    assert at.user == {"is_logged_in": False}
    assert not at.error and at.button(key=state.W_SIGNIN_SUBMIT)  # the sign-in page, clean
    # The password still works afterwards.
    at.text_input(key=state.W_SIGNIN_USER).input("attorney")
    at.text_input(key=state.W_SIGNIN_PASSWORD).input(PASSWORD)
    at.button(key=state.W_SIGNIN_SUBMIT).click().run()
    assert at.session_state[state.ACTOR] == people.attorney


def test_nothing_happens_when_single_sign_on_is_off(
    seed_store: Store, people: People, make_app: App
) -> None:
    users.link_oidc(seed_store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    at = make_app()
    at.user = _claims()
    at.run()
    assert not at.exception
    assert state.ACTOR not in at.session_state
    assert not [b for b in at.button if b.key == state.W_SIGNIN_OIDC]  # no button either


def test_a_password_session_does_not_sign_out_of_the_provider(
    sso_on: None, people: People, make_app: App
) -> None:
    at = make_app(people.attorney)
    at.user = {**_claims(), "is_logged_in": True}
    at.switch_page("ui/views/account.py").run()
    at.button(key=state.W_SIGN_OUT).click().run()
    assert state.ACTOR not in at.session_state
    assert at.user["is_logged_in"] is True  # untouched: this session never used it


def test_idle_timeout_also_ends_the_provider_sign_in(
    sso_on: None, seed_store: Store, people: People, make_app: App
) -> None:
    users.link_oidc(seed_store, people.admin, user_id=people.attorney.id, issuer=ISS, subject=SUB)
    at = make_app()
    at.user = _claims()
    at.run()
    assert at.session_state[state.ACTOR] == people.attorney
    idle = seed_store.settings.idle_timeout_minutes * 60 + 5
    at.session_state[state.LAST_ACTIVITY] = time.time() - idle
    at.run()
    assert state.ACTOR not in at.session_state
    assert at.user == {"is_logged_in": False}
    assert ("sign_out", "idle") in _actions(seed_store)


def test_the_button_explains_when_the_server_is_not_set_up(
    sso_on: None, people: People, make_app: App
) -> None:
    """No [auth] section in secrets.toml here (and Authlib is not installed): st.login()
    refuses, and the person reads what to do instead of a technical error."""
    at = make_app().run()
    at.button(key=state.W_SIGNIN_OIDC).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Single sign-on is switched on, but it is not set up on this server yet. Sign in with "
        "your user name and password, and tell your administrator."]


def test_admin_links_and_unlinks_a_staff_account(
    seed_store: Store, people: People, make_app: App
) -> None:
    at = make_app(people.admin).run()
    assert at.title[0].value == "Administration"
    choices = at.selectbox(key=state.W_ADMIN_SSO_USER).options
    assert "attorney" in choices and people.applicant.username not in choices
    at.selectbox(key=state.W_ADMIN_SSO_USER).set_value(people.attorney.id)
    at.text_input(key=state.W_ADMIN_SSO_ISSUER).input(ISS)
    at.text_input(key=state.W_ADMIN_SSO_SUBJECT).input(SUB)
    at.button(key=state.W_ADMIN_SSO_LINK).click().run()
    assert not at.exception and not at.error
    assert "The account attorney can now sign in with your organisation." in [
        i.value for i in at.info]
    assert users.sign_in_oidc(seed_store, issuer=ISS, subject=SUB) == people.attorney
    assert "attorney (linked)" in at.selectbox(key=state.W_ADMIN_SSO_USER).options
    # An empty subject is refused with a message, and nothing changes.
    at.selectbox(key=state.W_ADMIN_SSO_USER).set_value(people.paralegal.id)
    at.text_input(key=state.W_ADMIN_SSO_ISSUER).input(ISS)
    at.button(key=state.W_ADMIN_SSO_LINK).click().run()
    assert "Enter both the issuer and the subject" in at.error[0].value
    # Unlink.
    at.selectbox(key=state.W_ADMIN_SSO_USER).set_value(people.attorney.id)
    at.button(key=state.W_ADMIN_SSO_UNLINK).click().run()
    assert not at.error
    assert any("no longer signs in with your organisation" in i.value for i in at.info)
    with pytest.raises(Exception, match="not linked"):
        users.sign_in_oidc(seed_store, issuer=ISS, subject=SUB)
