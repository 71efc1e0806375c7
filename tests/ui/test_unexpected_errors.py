"""A bug on a page shows a calm, translated message; the log names where, never what."""

from __future__ import annotations

import logging
import re

from streamlit.testing.v1 import AppTest


def _page(lang: str) -> None:
    from asylum_prep.i18n import Translator
    from asylum_prep.ui.edge import report_unexpected

    try:
        raise ValueError("Nasrin was detained in Evin on 12 May")  # applicant words in a message
    except ValueError as exc:
        report_unexpected(Translator(lang), exc)


def test_unexpected_error_is_calm_and_logs_no_applicant_words(caplog):
    caplog.set_level(logging.ERROR, logger="asylum_prep.ui")
    at = AppTest.from_function(_page, args=("en",), default_timeout=30).run()
    assert not at.exception
    assert "What you saved before is safe" in at.error[0].value
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert re.search(r"unexpected ValueError at \S+:\d+", logged)
    assert "Nasrin" not in logged and "Evin" not in logged


def test_streamlit_control_flow_is_not_swallowed():
    """st.switch_page and st.stop raise BaseException subclasses, which the router's
    `except Exception` must let through."""
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

    assert not issubclass(RerunException, Exception)
    assert not issubclass(StopException, Exception)
