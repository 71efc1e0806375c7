"""HTML for the page, only through autoescaped Jinja templates (user text is always escaped)."""

from __future__ import annotations

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


def md_escape(text: str) -> str:
    """User text shown by a Markdown-rendering element (title, write, caption, widget label):
    escape Markdown so it shows literally and cannot become a link or formatting."""
    specials = "\\`*_{}[]()#+-.!|<>~$:"
    return "".join("\\" + ch if ch in specials else ch for ch in text)


BIG_CODE = """
<div class="ap-code" dir="ltr" lang="en" aria-label="{{ label }}"
     style="font-family: 'DejaVu Sans Mono', 'Noto Sans Mono', monospace; font-size: 2.6rem;
            font-weight: 700; letter-spacing: 0.18em; padding: 0.6em 0.8em; margin: 0.4em 0;
            border: 2px dashed #888; border-radius: 0.4em; text-align: center;
            direction: ltr; unicode-bidi: isolate; word-break: break-all;">{{ code }}</div>
"""
