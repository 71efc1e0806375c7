"""The store, opened once per process (per distinct data location) and shared by all sessions.

Settings come from the environment (`read_settings()`); the cache key is the data dir plus the
database URL, so a test that points ASYLUM_PREP_DATA_DIR at a fresh directory gets a fresh
store. Settings depend on the ASYLUM_PREP_* variables alone, so they are parsed again only
when one of those changes (`_settings`): parsing and resolving the data dir on every run
cost a page tens of milliseconds on a loaded machine, twice per run.
A missing or wrong key, or a broken configuration, stops the page with its own clear message
instead of a traceback (and never starts an empty store over existing data): a setting that
breaks its rule is named with what it must be (ui/misconfigured.py), and a data
directory or database that cannot be opened at all says so.
Opening it is also the app's start: the scratch directories a killed run left in RAM (with
an applicant's document in them, perhaps) are removed then, not at the first conversion.
"""

from __future__ import annotations

import os
import threading

import streamlit as st
from pydantic import ValidationError

from asylum_prep import scratch
from asylum_prep.config import ENV_PREFIX, Settings, read_settings
from asylum_prep.errors import ConfigError
from asylum_prep.i18n import Translator
from asylum_prep.services import ocr_worker
from asylum_prep.storage.engine import Store, open_store
from asylum_prep.ui import misconfigured
from asylum_prep.ui.html import md_escape

_OPENED: list[Store] = []
_WORKERS: list[ocr_worker.Worker] = []
_SETTINGS: dict[tuple[tuple[str, str], ...], tuple[Settings, str]] = {}
_SETTINGS_LOCK = threading.Lock()


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


def _settings() -> tuple[Settings, str]:
    """The settings and their store's cache key, parsed once per distinct set of ASYLUM_PREP_*
    variables (a broken one raises ValidationError every time, never cached)."""
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(ENV_PREFIX)))
    with _SETTINGS_LOCK:
        found = _SETTINGS.get(env)
    if found is None:
        settings = read_settings()
        found = (settings, cache_key(settings))
        with _SETTINGS_LOCK:
            if len(_SETTINGS) >= 8:
                _SETTINGS.clear()
            _SETTINGS[env] = found
    return found


def get_store(t: Translator) -> Store:
    """The shared store, or a clear message and `st.stop()`. Settings are checked on every
    run (from the environment as it is now), so a page never runs on a broken one."""
    try:
        settings, key = _settings()
    except ValidationError as exc:  # an ASYLUM_PREP_* variable breaks its rule
        misconfigured.show_invalid_settings(exc, t)
        st.stop()
    try:
        return _open(key, settings)
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
    with _SETTINGS_LOCK:
        _SETTINGS.clear()
    while _OPENED:
        _OPENED.pop().close()
