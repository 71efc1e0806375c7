"""Page styling: the whole interface mirrored for right-to-left languages, quiet base styles,
and the direction of charts.

Right-to-left (ar, fa, fa_AF, ps, ur): the app root gets `direction: rtl`, so flex rows
(columns, radio and checkbox rows, tabs, expander headers, buttons with icons) reverse and
text starts on the right; the sidebar moves to the right edge (also when it slides in over
the page on a phone), lists put their bullets on the right, the progress bar fills from the
right. Text boxes get `dir="auto"` behaviour (`unicode-bidi: plaintext`): an answer typed in
Latin letters in a Persian interface is left-aligned and vice versa. Code, ids and invite
codes stay left-to-right (`.ltr`, code, pre).

The page's `<html lang dir>` follow the interface language (`document_language`): Streamlit's
page says `lang="en"` whatever is shown, so a screen reader would read Persian with English
rules. One constant script (its SHA-256 is allowed by the Content-Security-Policy in
deploy/nginx.conf) copies the language tag and direction from its own data attributes; its
element is hidden, so it takes no room on the page. For every language but English a second
one (builtin_aria) puts Streamlit's own screen-reader names into that language.

The CSS is a constant of ours (no user text), injected with st.html.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from asylum_prep.i18n import Translator
from asylum_prep.ui import html

# Sets <html lang dir> from the script element's own data attributes. Constant: the CSP allows
# it by hash (tests/unit/test_deploy_headers.py checks that).
LANG_SCRIPT = ("(function () { var s = document.currentScript, h = document.documentElement;"
               " if (!s) { return; } h.lang = s.dataset.lang; h.dir = s.dataset.dir; })();")
LANG_HTML = ('<script data-ap-lang="" data-lang="{{ lang }}" data-dir="{{ dir }}">'
             + LANG_SCRIPT + "</script>")

RTL_CSS = """<style id="ap-rtl">
/* The whole app mirrors: flex rows reverse, text starts on the right. */
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"],
[data-testid="stSidebar"], [data-testid="stHeader"], [data-baseweb="popover"],
[data-baseweb="tooltip"], [data-testid="stTooltipContent"], [role="dialog"] {
  direction: rtl;
}
.stApp, [data-testid="stMain"], [data-testid="stSidebar"], [data-baseweb="popover"],
[data-testid="stMarkdownContainer"], [data-testid="stHeading"], [data-testid="stCaptionContainer"],
[data-testid="stWidgetLabel"], [data-testid="stAlert"], [data-testid="stExpander"],
h1, h2, h3, h4, h5, h6, p, li, label, th, td {
  text-align: right;
}
[data-testid="stHeading"] { width: 100%; }
[data-testid="stMain"], [data-testid="stSidebar"], .stMarkdown, input, textarea,
[data-baseweb="popover"] {
  font-family: "Vazirmatn", "Noto Naskh Arabic", "Noto Sans Arabic", "Source Sans Pro",
    Tahoma, sans-serif;
}
/* Sidebar on the right edge, its resize handle on its inner (left) side. */
[data-testid="stSidebar"] { left: auto; right: 0; }
[data-testid="stSidebarResizeHandle"] { left: 0; right: auto; }
/* Collapsed, Streamlit gives the sidebar no width and slides its content out to the left,
   which on the right edge would be over the page: clip it instead. */
[data-testid="stSidebar"] { overflow: hidden; }
[data-testid="stSidebarCollapseButton"] { margin-right: auto; margin-left: 0; }
[data-testid="stSidebarCollapseButton"] button, [data-testid="stExpandSidebarButton"] {
  transform: scaleX(-1);
}
/* Lists: bullets and numbers on the right. */
ul, ol { direction: rtl; padding-right: 1.5em; padding-left: 0; }
[data-testid="stSidebarNavItems"] { padding-right: 0; }
/* Inputs: the box is right-to-left, the text inside follows its own first strong letter. */
input, textarea { direction: rtl; text-align: start; unicode-bidi: plaintext; }
input[type="password"], input[type="number"], input[type="email"], input[type="url"] {
  direction: ltr; text-align: left; unicode-bidi: isolate;
}
[data-baseweb="select"], [data-baseweb="input"], [data-baseweb="textarea"],
[data-baseweb="tag"], [data-baseweb="menu"], [role="listbox"], [role="option"] {
  direction: rtl; text-align: right;
}
/* Tables (st.table and our own HTML) read right to left. st.dataframe draws on a canvas:
   its text is shaped correctly but its column order stays as given. */
table, [data-testid="stTable"] { direction: rtl; }
/* Progress bars fill from the right. */
[data-testid="stProgress"] [role="progressbar"] { transform: scaleX(-1); }
/* Sliders and toggles keep working in either direction; number steppers stay LTR. */
[data-testid="stNumberInputContainer"] { direction: ltr; }
/* Icons that point somewhere (arrows, chevrons in expanders) mirror. */
[data-testid="stExpander"] summary [data-testid="stExpanderIcon"],
[data-testid="stIconMaterial"].ap-mirror { transform: scaleX(-1); }
/* Charts: Vega draws in its own box; keep the tooltip readable. */
#vg-tooltip-element { direction: rtl; text-align: right; }
/* Things that must stay left to right. */
code, pre, kbd, samp, .ap-code, .ltr, [data-testid="stCode"], [data-testid="stJson"] {
  direction: ltr !important; text-align: left; unicode-bidi: isolate;
  font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace !important;
}
bdi, .ap-value { unicode-bidi: isolate; }
</style>"""

BASE_CSS = """<style id="ap-base">
/* Readable at 200% zoom and on phones: no fixed widths, generous line height. */
[data-testid="stMainBlockContainer"] { max-width: 60rem; }
.stMarkdown p { line-height: 1.6; }
/* Free text reads in its own direction whatever the interface language. */
textarea, input[type="text"] { unicode-bidi: plaintext; }
bdi, .ap-value { unicode-bidi: isolate; }
/* Small print (captions, "Signed in as ...", why we ask): Streamlit fades it (opacity 0.6) to
   4.0:1 on white, below WCAG AA's 4.5:1; this solid grey is 7.6:1 on white and 6.9:1 on the
   sidebar. */
.stApp [data-testid="stCaptionContainer"] { opacity: 1; }
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] p {
  color: #4b5563;
}
/* An answer: plain text in its own direction (html.show_answer), line breaks kept, starting
   on its own side (a Latin answer on the left of a Persian screen). */
.ap-answer {
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 0.5rem; text-align: start;
}
.ap-answer-label { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
/* The elements of the scripts that set the page language and direction, and translate
   Streamlit's own screen-reader names (builtin_aria), take no room. */
[data-testid="stElementContainer"]:has(script[data-ap-lang]) { display: none; }
[data-testid="stElementContainer"]:has(script[data-ap-names]) { display: none; }
</style>"""


def document_language(t: Translator) -> None:
    """Set the page's <html lang dir> to the interface language."""
    st.html(html.render(LANG_HTML, lang=html.language_tag(t.lang), dir="rtl" if t.rtl else "ltr"),
            unsafe_allow_javascript=True)


def apply(t: Translator) -> None:
    st.html(BASE_CSS)
    document_language(t)
    if t.lang != "en":
        from asylum_prep.ui.builtin_aria import translate_builtin_names
        from asylum_prep.ui.builtin_labels import HINTS_CSS, translate_no_results

        st.html(HINTS_CSS)
        translate_no_results(t)
        translate_builtin_names(t)
    if t.rtl:
        st.html(RTL_CSS)


def chart_direction(t: Translator) -> dict[str, Any]:
    """Vega-Lite settings that mirror a time chart for a right-to-left reader: time runs from
    right to left and the category labels sit on the right. `d["scale"]` is the time
    channel's scale, `d["axis"]` the category channel's axis."""
    return {"scale": {"reverse": t.rtl}, "axis": {"orient": "right" if t.rtl else "left"}}
