"""User text on the page, never as markup: HTML only through autoescaped Jinja templates, and
`md_escape` for every element Streamlit renders as Markdown.

An applicant's answer shown to anyone, or the team's own words shown to her (`show_answer`),
is a block of its own with `dir="auto"` and the `lang` it is written in: a Persian answer
reads right to left on an English screen, English words left to right on a Persian one, and
a screen reader reads each with its own language's rules."""

from __future__ import annotations

import re
from functools import lru_cache

import streamlit as st
from jinja2 import Environment, Template


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=64)
def _template(source: str) -> Template:
    return _env().from_string(source)


def render(source: str, **values: object) -> str:
    return _template(source).render(**values)


def show(source: str, **values: object) -> None:
    st.html(render(source, **values))


ANSWER = '<div class="ap-answer" dir="auto" lang="{{ lang }}">{{ text }}</div>'
# A question and its answer in one element: a long review list sends half as many.
LABELLED_ANSWER = '<p class="ap-answer-label"><strong>{{ label }}</strong></p>' + ANSWER


def language_tag(lang: str) -> str:
    """The BCP 47 tag of one of our language codes (fa_AF -> fa-AF, zh_Hans -> zh-Hans)."""
    return lang.replace("_", "-")


def show_answer(text: str, *, lang: str,
                where: st.delta_generator.DeltaGenerator | None = None,
                label: str = "") -> None:
    """An answer as plain text (line breaks kept) in its own direction and language, under
    its question in bold when `label` is given (in the screen's language and direction)."""
    (where or st).html(render(LABELLED_ANSWER if label else ANSWER, label=label, text=text,
                              lang=language_tag(lang)))


WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"
# Characters that are markup wherever they stand.
_ALWAYS = re.compile(r"[\\`*_\[\]<>$|~&#]")
# Markup only in its place: a directive or shortcode (`:red[`, `::leaf`, `:smile:`); a list
# item, setext underline or thematic break at the start of a line (`- `, `+ `, `=`, `1.`, `1)`).
_PLACED = re.compile(r":(?=[A-Za-z:])|^[\u00a0]*(?:[-+=]|\d+[.)])", re.MULTILINE)
# Patterns Streamlit's frontend rewrites in the parsed text, where escapes no longer count: a
# word joiner goes after the match's last character.
_REWRITTEN = re.compile(
    r"(?i)https?(?=:)|www(?=\.)"  # web addresses (autolinks)
    r"|@"  # e-mail addresses (autolinks)
    r"|:(?=[^\s:]*:)"  # :name: shortcodes (icons, emoji, the logo picture)
    r"|(?:^|(?<=\s))[<>~-](?=[>=-]+(?:\s|$))",  # -> <- <-> -- >= <= ~= turned into arrows
    re.MULTILINE,
)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def md_escape(text: str) -> str:
    """User text for any element Streamlit renders as Markdown (st.markdown/write/caption,
    titles, alerts, widget and expander labels, help, radio options, st.table cells): shown
    literally, never as a link, image, formatting, icon, colour, formula or HTML.

    Every character that is markup where it stands gets a backslash (CommonMark then shows it
    as itself); other punctuation is left alone, so a sentence of ours with a name in it reads
    the same to a test as to a person. Streamlit's frontend also rewrites plain text after
    parsing, where escapes no longer count: bare web and e-mail addresses become links,
    `:material/x:`, `:streamlit:` and `:smile:` become icons and pictures, `->` an arrow. An
    invisible word joiner (U+2060) breaks each of those. Leading spaces become no-break spaces,
    so an indented line is not a code block.
    """
    text = _INDENT.sub(lambda m: NO_BREAK_SPACE * len(m.group().expandtabs(4)), text)
    escape = {m.start() for m in _ALWAYS.finditer(text)}
    escape |= {m.end() - 1 for m in _PLACED.finditer(text)}
    join = {m.end() - 1 for m in _REWRITTEN.finditer(text)}
    out: list[str] = []
    for i, ch in enumerate(text):
        if i in escape:
            out.append("\\")
        out.append(ch)
        if i in join:
            out.append(WORD_JOINER)
    return "".join(out)


BIG_CODE = """
<div class="ap-code" dir="ltr" lang="en" aria-label="{{ label }}"
     style="font-family: 'DejaVu Sans Mono', 'Noto Sans Mono', monospace; font-size: 2.6rem;
            font-weight: 700; letter-spacing: 0.18em; padding: 0.6em 0.8em; margin: 0.4em 0;
            border: 2px dashed #888; border-radius: 0.4em; text-align: center;
            direction: ltr; unicode-bidi: isolate; word-break: break-all;">{{ code }}</div>
"""
