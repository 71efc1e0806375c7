"""Streamlit's own screen-reader names, in the reader's language.

Streamlit names the controls it draws itself in English, whatever language the page is in, and
offers no option to name them: a screen reader in a Persian interface says "Show password",
"Open", "Remove <option>". The names below are those Streamlit 1.67 gives on our screens, as
collected in Chromium from the applicant's and the team's pages (tests/e2e/test_builtin_aria.py
checks them there): the password box's eye button; the select boxes' and multiselects' "Open",
"Clear value", "Clear all", the group of chosen options and each one's remove button, and the
hidden button that closes an open list; the sidebar, its page list and its collapse and expand
buttons; the link beside each heading; the help "?" beside a label; the progress bar; the file
uploader's input, its add button and each chosen file's remove, cancel and retry; the date
picker's button, month arrows and instructions and the names of its day, month and year
fields; the chart toolbar's buttons; the clock and warning icons of a deadline badge; the
"Skip to main content" link.

One constant script (its SHA-256 is allowed by the Content-Security-Policy in
deploy/nginx.conf, like styling.LANG_SCRIPT) reads a JSON map from its own `data-map`
attribute: exact names {English: translated}; names built around one value ("Remove {name}")
as an English prefix and suffix with the translated ones; two screen-reader texts. One
MutationObserver, kept on `window.apAria` so that a rerun (which sends the script again) only
hands it the new map, rewrites matching aria-label and title attributes as Streamlit adds or
changes them, touching nothing else. It keeps each English original: when `<html lang>` (set
by LANG_SCRIPT on every run) stops being the map's language, it puts the originals back, and
it translates only while the two agree; so an English page, which gets no map, shows
Streamlit's words as they are, also after another language.

Not reached: the date picker's calendar speaks the browser's own language (its month and
weekday names, its day buttons, "Today", its month and year pickers), and its fields' values
are always American English (each part's value, "Empty" when there is none, "mm/dd/yyyy"):
values and dates, not names, of endless variety; the date picker is on team pages only,
beside a translated label. The words Vega writes into the timeline chart for screen readers
(axis and mark descriptions with English dates, "axis", "bar"; the chart itself is named by
its spec's description). A chosen file is read as its name and its size in Streamlit's units
("letter.pdf, 15.0KB").
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import streamlit as st

from asylum_prep.errors import N_
from asylum_prep.i18n import DEFAULT, Translator, translator
from asylum_prep.ui import html

# (what Streamlit says, our msgid): the msgid is Streamlit's words unless those alone would be
# ambiguous to a translator ("Open" is also a case's state, "Dismiss" a flag's button).
NAMES: tuple[tuple[str, str], ...] = (
    ("Show password", N_("Show password")),  # password box
    ("Hide password", N_("Hide password")),
    ("Open", N_("Open the list")),  # select box, multiselect
    ("Clear value", N_("Clear value")),  # select box with no default
    ("Clear all", N_("Clear all")),  # multiselect
    ("Selected values", N_("Selected values")),
    ("Dismiss", N_("Close the list")),  # hidden button at either end of an open list
    ("Sidebar", N_("Sidebar")),
    ("App pages", N_("App pages")),
    ("Collapse sidebar", N_("Collapse sidebar")),
    ("Expand sidebar", N_("Expand sidebar")),
    ("Link to heading", N_("Link to heading")),
    ("progress", N_("Progress")),  # progress bar
    ("file upload", N_("Choose files")),  # file uploader's input
    ("Add files", N_("Add files")),
    ("Click to retry upload", N_("Click to retry upload")),
    ("Choose date", N_("Choose date")),  # date picker
    ("Previous month", N_("Previous month")),
    ("Next month", N_("Next month")),
    ("Fullscreen", N_("Fullscreen")),  # chart toolbar
    ("Close fullscreen", N_("Close fullscreen")),
    ("Show data", N_("Show data")),
    ("Download as PNG", N_("Download as PNG")),
    ("Copy Vega-Lite spec", N_("Copy Vega-Lite spec")),
    ("Copied!", N_("Copied!")),
    ("schedule icon", N_("Clock icon")),  # deadline badge
    ("warning icon", N_("Warning icon")),
)
# Names Streamlit builds around one value: the same placeholder in both.
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("Remove {name}", N_("Remove {name}")),  # a chosen option; a chosen file
    ("Cancel upload of {name}", N_("Cancel upload of {name}")),
    ("Help for {label}", N_("Help for {label}")),
    ("day, {label}", N_("day, {label}")),  # the date field's parts
    ("month, {label}", N_("month, {label}")),
    ("year, {label}", N_("year, {label}")),
)
# Screen-reader texts (the only text of their element): the skip link, the date picker's
# instructions. The script looks for them in TEXT_PLACES only.
TEXTS: tuple[tuple[str, str], ...] = (
    ("Skip to main content", N_("Skip to main content")),
    ("Use arrow keys to navigate dates. Enter to select. Escape to close.",
     N_("Use arrow keys to navigate dates. Enter to select. Escape to close.")),
)
SLOTS = ("{name}", "{label}")

# Constant (the CSP allows it by hash: tests/unit/test_deploy_headers.py). No Jinja syntax in
# it: ARIA_HTML is a template.
ARIA_SCRIPT = """(function () {
  var s = document.currentScript, raw = s && s.dataset.map, map;
  if (!raw) { return; }
  try { map = JSON.parse(raw); } catch (e) { return; }
  if (window.apAria) { window.apAria.use(raw, map); return; }
  var own = Object.prototype.hasOwnProperty, root = document.documentElement;
  var ATTRS = ["aria-label", "title"], NAMED = "[aria-label], [title]", SAID = "data-ap-said";
  var PLACES = '[data-testid="stSkipToContent"], [data-testid="stDateInputCalendar"] > [id]';
  var kept = new WeakMap(), now = map, last = raw;
  function on() { return root.lang === now.lang; }
  function said(v) {
    var i, p, n = v.length;
    if (own.call(now.names, v)) { return now.names[v]; }
    for (i = 0; i < now.templates.length; i++) {
      p = now.templates[i];
      if (n > p[0].length + p[1].length && v.slice(0, p[0].length) === p[0]
          && v.slice(n - p[1].length) === p[1]) {
        return p[2] + v.slice(p[0].length, n - p[1].length) + p[3];
      }
    }
    return null;
  }
  function name(el, a) {
    var v = el.getAttribute(a), k = kept.get(el), out;
    if (v === null || (k && k[a] && k[a][1] === v)) { return; }
    out = said(v);
    if (out === null) { return; }
    if (!k) { k = {}; kept.set(el, k); el.setAttribute(SAID, ""); }
    k[a] = [v, out];
    el.setAttribute(a, out);
  }
  function text(el) {
    var t = el.firstChild, v;
    if (!t || t !== el.lastChild || t.nodeType !== 3) { return; }
    v = t.nodeValue;
    if (!own.call(now.texts, v)) { return; }
    kept.set(t, [v, now.texts[v]]);
    el.setAttribute(SAID, "");
    t.nodeValue = now.texts[v];
  }
  function each(node, selector, fn) {
    var all = node.querySelectorAll(selector), i;
    if (node.matches(selector)) { fn(node); }
    for (i = 0; i < all.length; i++) { fn(all[i]); }
  }
  function scan(node) {
    if (node.nodeType === 3 && node.parentElement && node.parentElement.matches(PLACES)) {
      text(node.parentElement);
    }
    if (node.nodeType !== 1) { return; }
    each(node, NAMED, function (el) { name(el, ATTRS[0]); name(el, ATTRS[1]); });
    each(node, PLACES, text);
  }
  function redo() {
    var all = document.querySelectorAll("[" + SAID + "]"), i, j, el, k, t;
    for (i = 0; i < all.length; i++) {
      el = all[i]; k = kept.get(el); t = el.firstChild;
      for (j = 0; k && j < ATTRS.length; j++) {
        if (k[ATTRS[j]] && el.getAttribute(ATTRS[j]) === k[ATTRS[j]][1]) {
          el.setAttribute(ATTRS[j], k[ATTRS[j]][0]);
        }
      }
      if (t && kept.get(t) && t.nodeValue === kept.get(t)[1]) { t.nodeValue = kept.get(t)[0]; }
      kept.delete(el); if (t) { kept.delete(t); }
      el.removeAttribute(SAID);
    }
    if (on()) { scan(document.body); }
  }
  var watch = new MutationObserver(function (records) {
    var i, j, r;
    for (i = 0; i < records.length; i++) {
      r = records[i];
      if (r.target === root) { redo(); }
      else if (!on()) { continue; }
      else if (r.type === "attributes") { name(r.target, r.attributeName); }
      else { for (j = 0; j < r.addedNodes.length; j++) { scan(r.addedNodes[j]); } }
    }
  });
  window.apAria = {use: function (r, m) { if (r !== last) { last = r; now = m; redo(); } }};
  watch.observe(document.body, {subtree: true, childList: true, attributes: true,
                                attributeFilter: ATTRS});
  watch.observe(root, {attributes: true, attributeFilter: ["lang"]});
  redo();
})();"""
ARIA_HTML = ('<script data-ap-names="" data-map="{{ map }}">' + ARIA_SCRIPT + "</script>")


def _template(english: str, translated: str) -> list[str] | None:
    """[English prefix, English suffix, translated prefix, translated suffix] of a name built
    around one value; None when the translation lost the placeholder or says the same."""
    slot = next(s for s in SLOTS if s in english)
    before, _, after = english.partition(slot)
    t_before, found, t_after = translated.partition(slot)
    if not found or (t_before, t_after) == (before, after):
        return None
    return [before, after, t_before, t_after]


def aria_map(t: Translator) -> dict[str, Any]:
    """What the script needs for `t`'s language: its tag (the script works while `<html lang>`
    says it), and every name and text the catalog translates (an untranslated one stays as
    Streamlit says it)."""

    def translated(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
        return {en: said for en, msgid in pairs if (said := t(msgid)) not in (en, msgid)}

    templates = [_template(en, t(msgid)) for en, msgid in TEMPLATES]
    return {"lang": html.language_tag(t.lang), "names": translated(NAMES),
            "templates": [p for p in templates if p is not None], "texts": translated(TEXTS)}


def aria_html(t: Translator) -> str:
    """The script element for `t`'s language: its map as JSON in an attribute, HTML-escaped by
    the template, so no translation can end the attribute or the element."""
    data = json.dumps(aria_map(t), ensure_ascii=False, separators=(",", ":"))
    return html.render(ARIA_HTML, map=data)


@lru_cache(maxsize=32)
def _aria_html(lang: str) -> str:
    return aria_html(translator(lang))


def translate_builtin_names(t: Translator) -> None:
    """Streamlit's own screen-reader names in `t`'s language, on the whole page (nothing for
    English: the script would have nothing to do)."""
    if t.lang == DEFAULT:
        return
    st.html(_aria_html(t.lang), unsafe_allow_javascript=True)
