"""The store, opened once per process (per distinct data location) and shared by all sessions.

Settings come from the environment (`read_settings()`); the cache key is the data dir plus the
database URL, so a test that points ASYLUM_PREP_DATA_DIR at a fresh directory gets a fresh
store. A missing or wrong key, or a broken configuration, stops the page with its own clear
message instead of a traceback (and never starts an empty store over existing data): a setting
that breaks its rule is named with what it must be (ui/misconfigured.py), and a data
directory or database that cannot be opened at all says so.
Opening it is also the app's start: the scratch directories a killed run left in RAM (with
an applicant's document in them, perhaps) are removed then, not at the first conversion.
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from asylum_prep import scratch
from asylum_prep.config import Settings, read_settings
from asylum_prep.errors import ConfigError
from asylum_prep.i18n import Translator
from asylum_prep.services import ocr_worker
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.ui import misconfigured
from asylum_prep.ui.html import md_escape

_OPENED: list[Store] = []
_WORKERS: list[ocr_worker.Worker] = []


@st.cache_resource(show_spinner=False, max_entries=8)
def _open(cache_key: str, _settings: Settings) -> Store:
    scratch.remove_leftovers()
    store = open_store(_settings)
    _OPENED.append(store)
    if _settings.ocr_in_background:
        # A daemon thread: scanned exhibits are read in the background (services.ocr).
        _WORKERS.append(ocr_worker.start(store))
    return store


def cache_key(settings: Settings) -> str:
    return f"{settings.data_dir.resolve()}|{settings.resolved_database_url}"


def get_store(t: Translator) -> Store:
    """The shared store, or a clear message and `st.stop()`. Settings are read and checked
    on every run, so a page never runs on a broken one."""
    try:
        settings = read_settings()
    except ValidationError as exc:  # an ASYLUM_PREP_* variable breaks its rule
        misconfigured.show_invalid_settings(exc, t)
        st.stop()
    try:
        return _open(cache_key(settings), settings)
    except ConfigError as exc:  # includes KeyMissingError, WrongKeyError, StorageUnavailable
        st.error(md_escape(exc.message(t)))
        st.stop()
    except Exception as exc:  # noqa: BLE001 - at start, anything else is the set-up: no traceback
        misconfigured.show_unopenable(exc, t)
        st.stop()


def clear_cache() -> None:
    """Forget every opened store (tests call this between cases; engines are disposed)."""
    _open.clear()
    while _WORKERS:
        _WORKERS.pop().stop()
    while _OPENED:
        _OPENED.pop().close()
