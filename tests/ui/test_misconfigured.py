"""A misconfigured server shows, instead of the app, which ASYLUM_PREP_ variable is wrong and
what it must be, in the reader's language; never the value (it may be a secret), never a
traceback. A data directory or database that cannot be opened says so too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.config import Settings
from asylum_prep.i18n import translator
from asylum_prep.ui import misconfigured, state
from asylum_prep.ui.html import md_escape
from tests.ui.conftest import texts


def _run(make_app: Callable[..., AppTest], **extra: object) -> AppTest:
    at = make_app(**extra)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "-1",
     "This server is misconfigured: ASYLUM_PREP_IDLE_TIMEOUT_MINUTES must be at least 1."),
    ("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "0",
     "This server is misconfigured: ASYLUM_PREP_IDLE_TIMEOUT_MINUTES must be at least 1."),
    ("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "half an hour",
     "This server is misconfigured: ASYLUM_PREP_IDLE_TIMEOUT_MINUTES must be a whole number."),
    ("ASYLUM_PREP_COI_STALE_YEARS", "99",
     "This server is misconfigured: ASYLUM_PREP_COI_STALE_YEARS must be at most 20."),
    ("ASYLUM_PREP_OIDC_ENABLED", "perhaps",
     "This server is misconfigured: ASYLUM_PREP_OIDC_ENABLED must be true or false."),
])
def test_a_broken_setting_is_named_with_its_rule(
    variable: str, value: str, expected: str, app_settings: Settings,
    monkeypatch: pytest.MonkeyPatch, make_app: Callable[..., AppTest],
) -> None:
    monkeypatch.setenv(variable, value)
    at = _run(make_app)
    assert _errors(at) == [md_escape(expected)]
    assert "Nothing was changed" in at.caption[0].value
    assert value not in texts(at)  # the value itself is never shown
    assert not at.title  # no page of the app ran on the broken setting


def test_every_broken_setting_is_named_in_the_readers_language(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch,
    make_app: Callable[..., AppTest],
) -> None:
    monkeypatch.setenv("ASYLUM_PREP_IDLE_TIMEOUT_MINUTES", "-5")
    monkeypatch.setenv("ASYLUM_PREP_MAX_FAILED_SIGN_INS", "secret-looking-value-123")
    at = _run(make_app, **{state.LANG: "fa"})
    t = translator("fa")
    assert sorted(_errors(at)) == sorted([
        md_escape(t(misconfigured.AT_LEAST, variable="ASYLUM_PREP_IDLE_TIMEOUT_MINUTES",
                    limit=1)),
        md_escape(t(misconfigured.WHOLE_NUMBER, variable="ASYLUM_PREP_MAX_FAILED_SIGN_INS")),
    ])
    assert all("پیکربندی" in error for error in _errors(at))  # Persian, not English
    assert "secret-looking-value-123" not in texts(at)


def test_a_database_address_of_no_known_kind_is_named(
    app_settings: Settings, monkeypatch: pytest.MonkeyPatch, make_app: Callable[..., AppTest],
) -> None:
    """Settings check the address's kind (SQLite or PostgreSQL) before anything is opened."""
    monkeypatch.setenv("ASYLUM_PREP_DATABASE_URL", "not a database address")
    at = _run(make_app)
    assert _errors(at) == [md_escape(
        "This server is misconfigured: ASYLUM_PREP_DATABASE_URL has a value the app cannot "
        "use.")]
    assert "not a database address" not in texts(at)


@pytest.mark.parametrize(("variable", "value"), [
    ("ASYLUM_PREP_DATA_DIR", "/proc/no-such-place/data"),
])
def test_data_that_cannot_be_opened_is_said_plainly(
    variable: str, value: str, app_settings: Settings, monkeypatch: pytest.MonkeyPatch,
    make_app: Callable[..., AppTest], tmp_path: Path,
) -> None:
    monkeypatch.setenv(variable, value)
    at = _run(make_app)
    assert _errors(at) == [md_escape(
        "This server is misconfigured: the app cannot open its data with "
        "ASYLUM_PREP_DATA_DIR and ASYLUM_PREP_DATABASE_URL. Check both.")]
    assert value not in texts(at)


def test_the_rules_are_said_in_whole_numbers() -> None:
    """A `gt`/`lt` bound (another engineer may write one) reads as "at least"/"at most"."""
    from pydantic import BaseModel, Field, ValidationError

    class Bounds(BaseModel):
        data_dir: int = Field(gt=0)
        database_url: int = Field(lt=10)

    with pytest.raises(ValidationError) as caught:
        Bounds(data_dir=0, database_url=10)
    assert misconfigured.sentences(caught.value, translator("en")) == [
        "This server is misconfigured: ASYLUM_PREP_DATA_DIR must be at least 1.",
        "This server is misconfigured: ASYLUM_PREP_DATABASE_URL must be at most 9.",
    ]
