"""Streamlit's own screen-reader names in the reader's language, in Chromium (builtin_aria).

In Persian and Arabic the applicant's screens (sign-in, home with her documents, wizard
screens with a select box and a multiselect, account) and, in Persian, the team's (case
list, dashboard, review, evidence with a chosen file, documents) name Streamlit's controls
in the language: the password box's eye button, the select boxes' open and clear buttons,
the multiselect's clear-all, group and remove buttons, the sidebar and its buttons, the
help buttons, the uploader's input and remove button, the chart toolbar, the skip link; and
no English name of builtin_aria's list is left on any of them that a screen reader would
meet, also after the wizard moves to its next screen. In English every name is Streamlit's
own and no map is sent. A change of language renames everything, English puts Streamlit's
words back, and through it all one observer watches the page."""

from __future__ import annotations

from typing import Any

import pytest

from asylum_prep.i18n import translator
from asylum_prep.ui.builtin_aria import NAMES, TEMPLATES, TEXTS
from tests.e2e import steps
from tests.e2e.seed import seed_people
from tests.e2e.ui import TIMEOUT, click, key, mark, open_page, settle
from tests.support import PASSWORD, People

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

MSGID = dict(NAMES) | dict(TEXTS)
# Streamlit's English, as builtin_aria lists it, plus Vega's name for an undescribed chart.
ENGLISH = sorted({*MSGID, "Vega visualization"})
ENGLISH_TEMPLATES = [en.split("{")[0] for en, _msgid in TEMPLATES]  # each ends in its slot

# Every aria-label and title a screen reader meets (not in an aria-hidden subtree, not
# undisplayed), and the skip link's text.
SPOKEN_JS = """() => {
  const out = [];
  for (const el of document.body.querySelectorAll('[aria-label], [title]')) {
    if (el.closest('[aria-hidden="true"]') || !el.checkVisibility({visibilityProperty: true}))
      continue;
    for (const a of ['aria-label', 'title'])
      if (el.hasAttribute(a)) out.push(el.getAttribute(a));
  }
  for (const el of document.querySelectorAll('[data-testid="stSkipToContent"]'))
    out.push(el.textContent);
  return out;
}"""
COUNT_OBSERVERS = """(() => {
  window.__apObservers = 0;
  const observe = MutationObserver.prototype.observe;
  MutationObserver.prototype.observe = function (target, options) {
    if (target === document.body && options && (options.attributeFilter || [])
        .includes('aria-label')) { window.__apObservers += 1; }
    return observe.call(this, target, options);
  };
})();"""
ROOM = "[class*='st-key-w_wz_a_']"  # the wizard's answer box


def said(lang: str, english: str, **values: str) -> str:
    """What builtin_aria makes of Streamlit's `english` in `lang`."""
    msgid = MSGID.get(english) or dict(TEMPLATES)[english]
    return translator(lang)(msgid, **values)


def _english(page: Any) -> list[str]:
    return [v for v in page.evaluate(SPOKEN_JS)
            if v in ENGLISH or any(v.startswith(p) for p in ENGLISH_TEMPLATES)]


def _no_english(page: Any, where: str) -> None:
    """Wait (the observer works as the page changes) until no English name is left."""
    js = "(english) => { const f = " + SPOKEN_JS + "; const s = f();" \
         " return !s.some((v) => english[0].includes(v) ||" \
         " english[1].some((p) => v.startsWith(p))); }"
    try:
        page.wait_for_function(js, arg=[ENGLISH, ENGLISH_TEMPLATES], timeout=10_000)
    except Exception:  # noqa: BLE001 (the assertion below says what is left)
        pass
    left = _english(page)
    assert not left, f"{where}: Streamlit's English names left: {left}"


def _named(where: Any, name: str) -> None:
    where.get_by_role("button", name=name, exact=True).first.wait_for(timeout=TIMEOUT)


def _label(page: Any, selector: str) -> str:
    locator = page.locator(selector).first
    locator.wait_for(state="attached", timeout=TIMEOUT)
    return str(locator.get_attribute("aria-label"))


@pytest.fixture(scope="module")
def seeded(server) -> People:
    return seed_people(server.data_dir, suffix="aria")


def _help_is_named(page: Any, lang: str) -> None:
    """The help button beside the question of the first screen (from this one on) that has
    one says "Help for <the question>" in the language."""
    before, _, after = said(lang, "Help for {label}", label="{label}").partition("{label}")
    for _ in range(10):
        helps = page.locator(f"{ROOM} [data-testid='stTooltipHoverTarget'] [aria-label]")
        if helps.count():
            name = str(helps.first.get_attribute("aria-label"))
            assert name.startswith(before) and name.endswith(after) and len(name) > len(
                before + after), name
            return
        click(page, "w_wz_next")
        page.locator(ROOM).first.wait_for(timeout=TIMEOUT)
    raise AssertionError("no question with a help button in ten screens")


def _to_a_multiselect(page: Any) -> Any:
    """From the first part's first screen, Next until a screen asks with a multiselect."""
    for _ in range(30):
        box = page.locator(f"{ROOM} [data-testid='stMultiSelect']")
        if box.count():
            return box.first
        click(page, "w_wz_next")
    raise AssertionError("no multiselect in the wizard's first part")


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_the_applicants_screens_name_streamlits_controls_in_her_language(
        server, browser, seeded: People, lang: str) -> None:
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    settle(page)
    steps.choose_language(page, lang)
    password = key(page, "w_signin_password")
    password.locator("input").first.fill("x")
    _named(password, said(lang, "Show password"))
    password.get_by_role("button").first.click()
    _named(password, said(lang, "Hide password"))
    password.locator("input").first.fill("")
    _named(key(page, "w_lang"), said(lang, "Open"))
    assert page.locator("[data-testid='stSkipToContent']").first.text_content() == said(
        lang, "Skip to main content")
    assert _label(page, "[data-testid='stSidebar']") == said(lang, "Sidebar")
    _no_english(page, f"{lang} sign-in")

    steps.fill_sign_in(page, seeded.applicant.username, PASSWORD)
    assert _label(page, "[data-testid='stFileUploaderDropzoneInput']") == said(lang,
                                                                               "file upload")
    _no_english(page, f"{lang} home")

    steps.go(page, "story")
    key(page, "w_wz_part").locator("input").first.click()  # an open list has a hidden close
    page.locator("[data-testid='stSelectboxVirtualDropdown']").first.wait_for(timeout=TIMEOUT)
    page.get_by_role("button", name=said(lang, "Dismiss"), exact=True).first.wait_for(
        state="attached", timeout=TIMEOUT)
    _no_english(page, f"{lang} wizard, the part list open")
    since = mark(page)
    page.get_by_role("option").first.click()  # the first part
    settle(page, since)
    box = _to_a_multiselect(page)
    box.locator("input").first.click()
    since = mark(page)
    page.get_by_role("option").first.click(timeout=TIMEOUT)
    page.keyboard.press("Escape")
    settle(page, since)
    box = page.locator(f"{ROOM} [data-testid='stMultiSelect']").first
    chosen = str(box.locator("[data-tag] [title]").first.get_attribute("title"))
    _named(box, said(lang, "Remove {name}", name=chosen))
    _named(box, said(lang, "Clear all"))
    _named(box, said(lang, "Open"))
    assert box.get_by_role("group", name=said(lang, "Selected values")).count() == 1
    _no_english(page, f"{lang} wizard, a multiselect answered")

    click(page, "w_wz_next")  # a rerun draws the next screen: still in her language
    page.locator(ROOM).first.wait_for(timeout=TIMEOUT)
    _no_english(page, f"{lang} wizard, the next screen")
    _help_is_named(page, lang)
    page.locator("[data-testid='stSidebarHeader']").first.hover()
    collapse = page.locator("[data-testid='stSidebarCollapseButton'] button").first
    assert collapse.get_attribute("aria-label") == said(lang, "Collapse sidebar")
    collapse.click()
    expand = page.locator("[data-testid='stExpandSidebarButton']").first
    expand.wait_for(timeout=TIMEOUT)
    assert expand.get_attribute("aria-label") == said(lang, "Expand sidebar")
    _no_english(page, f"{lang} wizard, the sidebar collapsed")
    expand.click()
    page.locator("[data-testid='stSidebarNav']").first.wait_for(timeout=TIMEOUT)

    steps.go(page, "account")
    _named(page, said(lang, "Show password"))
    _no_english(page, f"{lang} account")
    page.close()


def test_the_teams_screens_name_streamlits_controls_in_persian(server, browser,
                                                               seeded: People) -> None:
    lang = "fa"
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    settle(page)
    steps.choose_language(page, lang)
    steps.fill_sign_in(page, seeded.attorney.username, PASSWORD)
    _no_english(page, "case list")

    steps.open_first_case(page)
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for(timeout=TIMEOUT)
    chart.hover()
    settle(page)
    remove = key(page, "w_member_remove_pick")
    remove.scroll_into_view_if_needed(timeout=TIMEOUT)
    remove.locator("input").first.click()
    page.locator("[data-testid='stSelectboxVirtualDropdown']").first.wait_for(timeout=TIMEOUT)
    page.get_by_role("option").first.click(timeout=TIMEOUT)
    _named(remove, said(lang, "Clear value"))
    _named(page, said(lang, "Fullscreen"))
    _no_english(page, "dashboard")

    steps.go(page, "review")
    _no_english(page, "review")

    steps.go(page, "evidence")
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
        {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"})
    chip = page.locator("[data-testid='stFileChip']").first
    chip.wait_for(timeout=TIMEOUT)
    _named(page, said(lang, "Remove {name}", name="letter.pdf"))
    _no_english(page, "evidence, a file chosen")

    steps.go(page, "documents")
    _no_english(page, "documents")
    page.close()


def test_english_keeps_streamlits_own_names(server, browser) -> None:
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(server.url)
    settle(page)
    password = key(page, "w_signin_password")
    password.locator("input").first.fill("x")
    _named(password, "Show password")
    _named(key(page, "w_lang"), "Open")
    assert page.locator("[data-testid='stSkipToContent']").first.text_content() == \
        "Skip to main content"
    assert page.evaluate("() => document.querySelector('script[data-ap-names]') === null"
                         " && window.apAria === undefined")
    page.close()


def test_a_change_of_language_renames_and_english_restores(server, browser) -> None:
    page = open_page(browser, viewport={"width": 1280, "height": 900})
    page.add_init_script(COUNT_OBSERVERS)
    page.goto(server.url)
    settle(page)
    password = key(page, "w_signin_password")
    password.locator("input").first.fill("x")
    for lang in ("fa", "ar", "en", "fa"):
        steps.choose_language(page, lang)
        shown = "Show password" if lang == "en" else said(lang, "Show password")
        _named(password, shown)
        _named(key(page, "w_lang"), "Open" if lang == "en" else said(lang, "Open"))
        if lang != "en":
            _no_english(page, f"sign-in, after choosing {lang}")
        click(page, "w_signin_submit")  # a rerun (the form says what is missing)
        _named(password, shown)
    assert page.evaluate("() => window.__apObservers") == 1
    page.close()
