"""The page edge: our own errors become a translated message. Anything else is a bug: the
router shows a calm translated message instead of Streamlit's English one, and the server log
gets the exception type and where it happened, never its message (a validation error can
quote an applicant's answer)."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from asylum_prep.errors import AsylumPrepError
from asylum_prep.i18n import Translator
from asylum_prep.ui.html import md_escape

log = logging.getLogger("asylum_prep.ui")


@contextmanager
def shown_errors(t: Translator) -> Iterator[None]:
    """`with shown_errors(ctx.t): service_call(...)` shows an AsylumPrepError as st.error
    (as plain text: a message may quote what someone typed)."""
    try:
        yield
    except AsylumPrepError as exc:
        st.error(md_escape(exc.message(t)), icon=":material/error:")


def report_unexpected(t: Translator, exc: Exception) -> None:
    """The last line of defence, for bugs: a translated message and a log line without data."""
    if isinstance(exc, AsylumPrepError):
        st.error(md_escape(exc.message(t)), icon=":material/error:")
        return
    frames = traceback.extract_tb(exc.__traceback__)[-8:]
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
    log.error("unexpected %s at %s", type(exc).__name__, where)
    st.error(
        t("Something went wrong on this page. What you saved before is safe. Go back to the "
          "previous page and try again; if it happens again, tell your legal team."),
        icon=":material/error:",
    )
