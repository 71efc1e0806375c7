"""A small page for tests/e2e/test_markup_escape.py: every hostile text of
tests/hostile/markup.py through `md_escape` into each kind of element Streamlit draws as
Markdown, one keyed container per text."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, for `tests`

from asylum_prep.ui.html import md_escape  # noqa: E402
from tests.hostile.markup import MARKUP  # noqa: E402

for name, text in MARKUP.items():
    shown = md_escape(text)
    with st.container(key=f"markup-{name}"):
        st.markdown(shown)
        st.caption(shown)
        st.info(shown)
        st.button(shown, key=f"button-{name}")
        st.checkbox(shown, key=f"check-{name}")
        st.radio(md_escape(name), [shown], key=f"radio-{name}")
        st.table([{"cell": shown}])
        with st.expander(shown):
            st.text("inside")
        st.tabs([shown])
