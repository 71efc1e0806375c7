"""AppTest fixtures: each test gets a real SQLite store in its own temporary data dir.

The app reads its settings from the environment (ASYLUM_PREP_DATA_DIR), exactly as in
production; the store cache is keyed by data dir and cleared (engines disposed) after each
test. Tests seed people through the real services on a second handle to the same store, and
sign a person in by putting their Actor into session state (the sign-in form itself has its
own tests).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import asylum_prep
from asylum_prep.config import Settings, load_settings
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.ui import state
from asylum_prep.ui import store as ui_store
from tests.support import People, make_people

APP = str(Path(asylum_prep.__file__).resolve().parent / "app.py")
TIMEOUT = 30  # the machine is shared: generous


@pytest.fixture
def app_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    monkeypatch.setenv("ASYLUM_PREP_DATA_DIR", str(tmp_path / "data"))
    for var in (
        "ASYLUM_PREP_DATABASE_URL",
        "ASYLUM_PREP_MASTER_KEY",
        "ASYLUM_PREP_OIDC_ENABLED",
        "ASYLUM_PREP_IDLE_TIMEOUT_MINUTES",
        "ASYLUM_PREP_DISCREET_TITLE",
    ):
        monkeypatch.delenv(var, raising=False)
    ui_store.clear_cache()
    yield load_settings()
    ui_store.clear_cache()


@pytest.fixture
def seed_store(app_settings: Settings) -> Iterator[Store]:
    handle = open_store(app_settings)
    yield handle
    handle.close()


@pytest.fixture
def people(seed_store: Store) -> People:
    return make_people(seed_store)


@pytest.fixture
def make_app() -> Callable[..., AppTest]:
    def _make(actor: Actor | None = None, **extra: Any) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        if actor is not None:
            at.session_state[state.ACTOR] = actor
            at.session_state[state.LAST_ACTIVITY] = time.time()
        for key, value in extra.items():
            at.session_state[key] = value
        return at

    return _make


def _nodes(at: AppTest) -> Iterator[Any]:
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        yield node
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())


def texts(at: AppTest) -> str:
    """Every string of every element in the main area and sidebar (labels, help, options,
    values, markdown), as protobuf text: what a reader or a screen reader could meet."""
    from google.protobuf import text_format

    return "\n".join(
        text_format.MessageToString(node.proto, as_utf8=True)
        for node in _nodes(at)
        if getattr(node, "proto", None) is not None
    )


def html_bodies(at: AppTest) -> list[str]:
    """The bodies of st.html elements (our CSS and the quick-exit script)."""
    return [
        node.proto.body
        for node in _nodes(at)
        if getattr(node, "proto", None) is not None and node.proto.DESCRIPTOR.name == "Html"
    ]


_ANSWER = re.compile(r'<div class="ap-answer" dir="auto" lang="([^"]*)">(.*?)</div>', re.DOTALL)


def answers_shown(at: AppTest) -> list[str]:
    """The answers a page shows through `html.show_answer`, as plain text."""
    return [unescape(m.group(2)) for body in html_bodies(at) for m in _ANSWER.finditer(body)]


def answer_languages(at: AppTest) -> dict[str, str]:
    """Each answer shown -> the `lang` of its element."""
    return {unescape(m.group(2)): m.group(1) for body in html_bodies(at)
            for m in _ANSWER.finditer(body)}


def elements_open() -> dict[str, bool]:
    """Session state that opens every legal element on the dashboard (each is drawn only
    while open; the ones the tool finds supported start closed)."""
    from asylum_prep.legal import jurisdictions

    keys = {k for code in ("us", "uk", "ca", "eu") for k in jurisdictions.get(code).keys}
    return {state.W_LG_ELEMENT_PREFIX + k: True for k in keys}
