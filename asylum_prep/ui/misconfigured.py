"""The page a misconfigured server shows instead of the app: which ASYLUM_PREP_ variable is
wrong and what it must be, translated, never its value (it may be a key or a password), never
a traceback.

`get_store` (ui/store.py) calls `show_invalid_settings` when the settings do not validate
(their rules are the `Field(...)` constraints in config.py), and `show_unopenable` when the
data directory or database they name cannot be opened at all.
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st
from pydantic import ValidationError

from asylum_prep.config import Settings
from asylum_prep.errors import N_
from asylum_prep.i18n import Translator
from asylum_prep.ui.html import md_escape

log = logging.getLogger("asylum_prep.ui")

WHOLE_NUMBER = N_("This server is misconfigured: {variable} must be a whole number.")
AT_LEAST = N_("This server is misconfigured: {variable} must be at least {limit}.")
AT_MOST = N_("This server is misconfigured: {variable} must be at most {limit}.")
TRUE_OR_FALSE = N_("This server is misconfigured: {variable} must be true or false.")
NOT_USABLE = N_("This server is misconfigured: {variable} has a value the app cannot use.")
UNOPENABLE = N_("This server is misconfigured: the app cannot open its data with "
                "{data_dir} and {database_url}. Check both.")
WHAT_NOW = N_("Nothing was changed. The person who runs this server can correct the setting "
              "and start the app again.")

# pydantic's error type -> (sentence, the constraint whose number it names, added to it).
# Every numeric setting is a whole number, so "more than 0" is "at least 1".
RULES: dict[str, tuple[str, str | None, int]] = {
    "int_parsing": (WHOLE_NUMBER, None, 0), "int_type": (WHOLE_NUMBER, None, 0),
    "int_from_float": (WHOLE_NUMBER, None, 0),
    "greater_than_equal": (AT_LEAST, "ge", 0), "greater_than": (AT_LEAST, "gt", 1),
    "less_than_equal": (AT_MOST, "le", 0), "less_than": (AT_MOST, "lt", -1),
    "bool_parsing": (TRUE_OR_FALSE, None, 0), "bool_type": (TRUE_OR_FALSE, None, 0),
}


def variable(field: str) -> str:
    """The environment variable that sets a Settings field."""
    return f"{Settings.model_config.get('env_prefix', '')}{field}".upper()


def sentences(exc: ValidationError, t: Translator) -> list[str]:
    """One translated sentence per wrong setting."""
    out: list[str] = []
    for error in exc.errors():
        loc = error.get("loc") or ("",)
        template, limit_key, shift = RULES.get(error.get("type", ""), (NOT_USABLE, None, 0))
        context: dict[str, Any] = error.get("ctx") or {}
        limit = context.get(limit_key) if limit_key else None
        if limit_key and not isinstance(limit, int):  # a bound we cannot say in whole numbers
            template, limit = NOT_USABLE, None
        shown = "" if limit is None else limit + shift
        out.append(t(template, variable=variable(str(loc[0])), limit=shown))
    return out


def show_invalid_settings(exc: ValidationError, t: Translator) -> None:
    for sentence in sentences(exc, t):
        st.error(md_escape(sentence), icon=":material/settings:")
    st.caption(t(WHAT_NOW))


def show_unopenable(exc: Exception, t: Translator) -> None:
    log.error("store not opened at start: %s", type(exc).__name__)  # never the message
    st.error(md_escape(t(UNOPENABLE, data_dir=variable("data_dir"),
                         database_url=variable("database_url"))), icon=":material/settings:")
    st.caption(t(WHAT_NOW))
