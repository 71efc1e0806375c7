"""Every page sets <html lang dir> to the interface language: the one script of
`styling.LANG_HTML`, with the language's BCP 47 tag and its direction (the browser test
tests/e2e/test_accessibility.py reads the attributes back from the live page). Every page but
an English one carries the one script of `builtin_aria`, with its language's map."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.ui import state
from tests.support import People
from tests.ui.conftest import html_bodies

LANG_ATTRS = re.compile(r'data-lang="([^"]*)" data-dir="([^"]*)"')
ARIA_MAP = re.compile(r'<script data-ap-names="" data-map="([^"]*)">')


@pytest.mark.parametrize(("lang", "tag", "direction"), [
    ("en", "en", "ltr"), ("fa", "fa", "rtl"), ("fa_AF", "fa-AF", "rtl"), ("ar", "ar", "rtl"),
    ("zh_Hans", "zh-Hans", "ltr"),
])
def test_the_page_says_its_language_and_direction(
    lang: str, tag: str, direction: str, people: People, make_app: Callable[..., AppTest]
) -> None:
    for actor in (None, people.applicant, people.attorney):
        at = make_app(actor, **{state.LANG: lang, state.LANG_CHOSEN: True,
                                state.CASE_ID: people.case_id})
        at.run()
        assert not at.exception
        found = [LANG_ATTRS.search(body) for body in html_bodies(at)]
        assert [m.groups() for m in found if m] == [(tag, direction)], actor
        maps = [m.group(1) for body in html_bodies(at) if (m := ARIA_MAP.search(body))]
        assert [json.loads(unescape(m))["lang"] for m in maps] == ([] if lang == "en" else [tag])


def test_no_style_sheet_holds_what_the_sanitiser_takes_for_a_tag() -> None:
    """Streamlit cleans st.html with DOMPurify, which drops a whole <style> element whose text
    contains "<" followed by a letter or "/" (a tag, even in a CSS comment)."""
    from asylum_prep.ui.builtin_labels import HINTS_CSS
    from asylum_prep.ui.styling import BASE_CSS, RTL_CSS

    for sheet in (BASE_CSS, RTL_CSS, HINTS_CSS):
        inner = re.sub(r"^<style[^>]*>|</style>$", "", sheet.strip())
        assert not re.search(r"<[/\w]", inner), sheet[:40]
