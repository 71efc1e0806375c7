"""Streamlit's own English labels, replaced or hidden behind translated text.

Streamlit draws some words itself, which no catalog reaches: the file uploader's "Drag and
drop files here", "Limit 25MB per file" and "Browse files"; the "Press Enter to apply" hint
under text boxes; the "Choose an option" placeholder of select boxes. Here:

- `file_uploader(t, label, key=..., ...)`: a file uploader whose instructions and button
  caption are ours, translated (CSS scoped to the widget's `.st-key-<key>` class; the words
  go into CSS strings escaped character by character, so no text can break out of them).
- `HINTS_CSS` (added by `styling.apply` for every language but English) hides the
  "Press Enter to apply" hints: answers are saved when the box is left anyway.
- The select boxes' placeholder: every `st.selectbox` passes
  `placeholder=t("Choose an option")`, every `st.multiselect` `t("Choose one or more")`.
- A multiselect's "Select all" entry (English, no option to name it): every `st.multiselect`
  passes `select_all=False`. Its "No results" (when typed words match no option): the short
  lists (the wizard's choices, the part picker, filters) pass `filter_mode=None`, so nothing
  is typed into them (no keyboard pops up on a phone either) and that message cannot appear.
  The country list (about 250 names) keeps its filter; there a search that finds nothing
  says "No results" in Streamlit's English, which `NO_RESULTS_CSS` (added by `styling.apply`
  for every language but English) hides and replaces with our "Not found." (its element is
  the one option of the drop-down without a `data-key`).
- Screen-reader names Streamlit gives its own buttons ("Clear all", "Open", "Remove ...",
  "Show password") cannot be set through its API: `builtin_aria` (added by `styling.apply`
  for every language but English) translates them in the page, by a constant script allowed
  by its hash in the Content-Security-Policy.

The date input's calendar pop-up (month and weekday names) is drawn by Streamlit in the
browser's own language (English in an English browser), which no catalog reaches (its buttons'
names are translated by `builtin_aria`);
applicant pages never use it (dates are typed, see domain.date_input), and the staff pages
that do show it beside a translated label and an ISO format.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from markupsafe import Markup

from asylum_prep.i18n import Translator
from asylum_prep.ui import html

UPLOADER_CSS = """
<style>
.st-key-{{ key }} [data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
{% if drop %}
.st-key-{{ key }} [data-testid="stFileUploaderDropzone"]::before {
  content: "{{ drop }}"; flex: 1 1 auto; align-self: center; padding: 0 0.75rem;
  font-size: 0.95rem; }
{% endif %}
.st-key-{{ key }} [data-testid="stFileUploaderDropzone"]
  button [data-testid="stMarkdownContainer"] { display: none; }
.st-key-{{ key }} [data-testid="stFileUploaderDropzone"] button::after {
  content: "{{ browse }}"; font-size: 0.95rem; margin-inline-start: 0.4rem; }
.st-key-{{ key }} [data-testid="stFileUploaderPagination"] small { display: none; }
</style>
"""

NO_RESULTS_CSS = """<style id="ap-no-results">
[data-testid="stSelectboxVirtualDropdown"] [role="option"]:not([data-key]) > span {
  display: none; }
[data-testid="stSelectboxVirtualDropdown"] [role="option"]:not([data-key])::after {
  content: "{{ text }}"; display: block; padding: 0.5rem 1rem; }
</style>"""

HINTS_CSS = """<style id="ap-hints">
[data-testid="InputInstructions"] { display: none; }
</style>"""


def css_string(text: str) -> Markup:
    """Text safe inside a CSS double-quoted string inside a <style> element: letters, digits
    and spaces as they are, everything else as a CSS escape."""
    escaped = "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
    return Markup(escaped)  # noqa: S704 (only letters, digits, spaces and CSS escapes)


def translate_no_results(t: Translator) -> None:
    """Our "Not found." in place of a select box's "No results" (CSS for the whole page)."""
    html.show(NO_RESULTS_CSS, text=css_string(t("Not found.")))


def uploader_texts(t: Translator, *, max_mb: int | None) -> tuple[str, str]:
    """(drop-zone instructions, button caption) in the interface language."""
    drop = (t("Drop files here, or choose them. Up to {mb} MB per file.", mb=max_mb)
            if max_mb else t("Drop files here, or choose them."))
    return drop, t("Choose files")


def translate_uploader(t: Translator, key: str, *, max_mb: int | None = None,
                       button: str | None = None, instructions: bool = True) -> None:
    """Put translated words over the uploader with widget key `key` (call before it).

    `button`: another (translated) caption for the button; `instructions=False` shows no
    drop-zone sentence (a phone's one-file picker, whose page says the limit itself)."""
    drop, browse = uploader_texts(t, max_mb=max_mb)
    html.show(UPLOADER_CSS, key=key, drop=css_string(drop) if instructions else "",
              browse=css_string(button or browse))


def file_uploader(t: Translator, label: str, *, key: str, max_mb: int | None = None,
                  **kwargs: Any) -> Any:
    """`st.file_uploader` with translated instructions and button (label already translated)."""
    translate_uploader(t, key, max_mb=max_mb)
    return st.file_uploader(label, key=key, **kwargs)

