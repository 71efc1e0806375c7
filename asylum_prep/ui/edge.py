"""The page edge: our own errors become a translated message; anything else is a bug and is
left to Streamlit (configured with showErrorDetails = "none", so no traceback reaches a user)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from asylum_prep.errors import AsylumPrepError
from asylum_prep.i18n import Translator


@contextmanager
def shown_errors(t: Translator) -> Iterator[None]:
    """`with shown_errors(ctx.t): service_call(...)` shows an AsylumPrepError as st.error."""
    try:
        yield
    except AsylumPrepError as exc:
        st.error(exc.message(t), icon=":material/error:")
