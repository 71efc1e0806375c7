"""builtin_aria's Python side: every language's map names all of Streamlit's words with their
placeholders kept; the map rides in an escaped attribute that no translation can break out
of, beside the constant script whose hash the CSP allows; English gets no map. (The script at
work in Chromium: tests/e2e/test_builtin_aria.py.)"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from asylum_prep.i18n import SUPPORTED, Translator, translator
from asylum_prep.ui.builtin_aria import (
    ARIA_HTML,
    ARIA_SCRIPT,
    NAMES,
    TEMPLATES,
    TEXTS,
    aria_html,
    aria_map,
)

OTHERS = [lang for lang in SUPPORTED if lang != "en"]
HOSTILE = '"></script><script>alert(1)</script><p x=\'&amp; {name}'


class _Elements(HTMLParser):
    """The start tags and the text of a piece of HTML, as a browser would split it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


class _Hostile(Translator):
    """A catalog whose every translation tries to end the attribute and the element."""

    def __call__(self, message: str, **params: object) -> str:
        return f"{HOSTILE} {message}"


def _parse(markup: str) -> _Elements:
    parsed = _Elements()
    parsed.feed(markup)
    parsed.close()
    return parsed


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_translates_every_name(lang: str) -> None:
    found = aria_map(translator(lang))
    assert found["lang"] == lang.replace("_", "-")
    assert set(found["names"]) == {en for en, _msgid in NAMES}
    assert set(found["texts"]) == {en for en, _msgid in TEXTS}
    assert len(found["templates"]) == len(TEMPLATES)
    for (english, msgid), (before, after, t_before, t_after) in zip(
            TEMPLATES, found["templates"], strict=True):
        slot = re.search(r"\{\w+\}", english)
        assert slot and english == before + slot.group() + after
        assert translator(lang)(msgid) == t_before + slot.group() + t_after


def test_the_map_cannot_break_out_of_its_attribute() -> None:
    hostile = _Hostile("fa")
    markup = aria_html(hostile)
    parsed = _parse(markup)
    assert [tag for tag, _attrs in parsed.tags] == ["script"]
    attrs = parsed.tags[0][1]
    assert set(attrs) == {"data-ap-names", "data-map"}
    assert json.loads(attrs["data-map"] or "") == aria_map(hostile)
    assert "".join(parsed.text) == ARIA_SCRIPT  # the element holds the constant script only
    assert markup.endswith(ARIA_SCRIPT + "</script>") and markup.count("</script>") == 1


def test_the_script_is_the_constant_whose_hash_the_policy_allows() -> None:
    """ARIA_HTML is a Jinja template: the script in it has no template syntax, so it renders
    unchanged for every language (tests/unit/test_deploy_headers.py hashes it)."""
    assert not re.search(r"\{[{%#]", ARIA_SCRIPT)
    for lang in OTHERS:
        assert aria_html(translator(lang)).endswith(ARIA_SCRIPT + "</script>")
    assert ARIA_HTML.startswith("<script data-ap-names=")
    assert "eval(" not in ARIA_SCRIPT and "innerHTML" not in ARIA_SCRIPT


def test_an_untranslated_name_is_left_to_streamlit() -> None:
    """A catalog without an entry (the English text back, or our msgid) sends nothing for it."""
    found = aria_map(translator("en"))
    assert found["names"] == {} and found["texts"] == {} and found["templates"] == []
