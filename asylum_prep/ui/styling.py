"""Page styling: right-to-left layout for Persian and other RTL languages, quiet base styles.

The CSS is a constant of ours (no user text), injected with st.html. Code, ids and invite codes
stay left-to-right inside an RTL page.
"""

from __future__ import annotations

import streamlit as st

from asylum_prep.i18n import Translator

RTL_CSS = """<style id="ap-rtl">
[data-testid="stMain"], [data-testid="stMainBlockContainer"], [data-testid="stSidebar"],
[data-testid="stSidebarContent"], section.main, .stMarkdown, .stAlert,
[data-testid="stHeading"], [data-testid="stMarkdownContainer"], h1, h2, h3, h4, h5, h6 {
  direction: rtl; text-align: right !important;
}
[data-testid="stHeading"] { width: 100%; }
[data-testid="stMain"], [data-testid="stSidebar"], .stMarkdown, input, textarea {
  font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "Source Sans Pro",
    Tahoma, sans-serif;
}
input, textarea, select, [data-baseweb="select"], [data-baseweb="input"], table,
[data-testid="stTable"], [data-testid="stDataFrame"], [data-testid="stForm"],
[data-testid="stExpander"], label, [data-testid="stWidgetLabel"] {
  direction: rtl; text-align: right;
}
code, pre, kbd, samp, .ap-code, .ltr, [data-testid="stCode"], [data-testid="stJson"] {
  direction: ltr !important; text-align: left; unicode-bidi: isolate;
  font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace !important;
}
</style>"""

BASE_CSS = """<style id="ap-base">
/* Readable at 200% zoom and on phones: no fixed widths, generous line height. */
[data-testid="stMainBlockContainer"] { max-width: 60rem; }
.stMarkdown p { line-height: 1.6; }
</style>"""


def apply(t: Translator) -> None:
    st.html(BASE_CSS)
    if t.rtl:
        st.html(RTL_CSS)
