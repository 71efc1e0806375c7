"""Drives the "Your story" wizard in a real browser: one question per screen, answers from a
fictional story keyed by the end of the answer path, one entry per list, each part sent to
the legal team at its end. Mirrors tests/ui/test_wizard_flow.py's walk over AppTest."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.ui import FAILURES, TIMEOUT, click, key, mark, settle

PREFIX = "w_wz_a_"

# A fictional story (people, places and events invented), answered in Persian.
STORY: dict[str, str] = {
    "family_name": "کریمی",
    "given_names": "نسرین",
    "name_native_script": "نسرین کریمی",
    "birth_place": "تبریز",
    "religion": "اسلام",
    "ethnicity": "آذری",
    "native_language": "فارسی",
    "birth_date": "۱۳۷۰/۰۶/۱۵",
    "what_happened": "ماموران لباس شخصی مرا در خیابان گرفتند و سه روز در بازداشت نگه داشتند.",
    "words_said": "گفتند اگر دوباره در تجمع باشی خانواده‌ات را هم می‌بریم.",
    "why_targeted": "به خاطر عضویت در انجمن دانشجویی و نوشتن مقاله علیه سانسور.",
    "place": "تهران",
    "injuries": "کبودی روی بازوها و درد شدید کمر.",
    "who": "ماموران اطلاعات سپاه",
    "what_harm": "بازداشت دوباره و شکنجه",
    "why": "چون فعالیت سیاسی من را می‌دانند.",
    "why_now": "پس از رسیدن، مدتی طول کشید تا وکیل پیدا کنم.",
    "organisation": "انجمن دانشجویی آزاد",
    "role": "دبیر",
}
DATE_SUFFIXES = ("date", "start", "arrived", "left", "filed_on", "end", "end_date",
                 "departure_date")
DATES = {"birth_date": "۱۳۷۰/۰۶/۱۵", "filed_on": ""}


def _answer_box(page: Any) -> tuple[str, Any] | None:
    boxes = page.locator(f"[class*='st-key-{PREFIX}']")
    if boxes.count() == 0:
        return None
    box = boxes.first
    cls = box.get_attribute("class") or ""
    path = re.search(rf"st-key-{PREFIX}(\S+)", cls).group(1)  # type: ignore[union-attr]
    return path, box


def _fill(page: Any, path: str, box: Any) -> bool:
    """Answer the box; False when it is a kind we leave to "I don't know"."""
    leaf = re.split(r"[.-]", path)[-1]  # keys keep dots; CSS classes turn them into dashes
    since = mark(page)
    if box.locator("textarea").count():
        field = box.locator("textarea").first
        field.fill(STORY.get(leaf, f"پاسخ برای {leaf}"))
        field.press("Tab")
    elif box.locator("[role=radiogroup]").count():
        radios = box.locator("label")
        wanted = 1 if leaf in ("harmed_others", "serious_crimes", "armed_groups",
                               "prior_applications", "returned_home", "status_elsewhere") else 0
        radios.nth(min(wanted, radios.count() - 1)).click()
    elif box.locator("input[role=combobox], [data-testid=stMultiSelect] input").count() or \
            box.locator("input[aria-autocomplete]").count():
        box.locator("input").first.click()
        page.get_by_role("option").first.click(timeout=TIMEOUT)
        page.keyboard.press("Escape")
    elif box.locator("input").count():
        field = box.locator("input").first
        if leaf.endswith(DATE_SUFFIXES) or leaf in DATE_SUFFIXES:
            value = DATES.get(leaf, "حدود پاییز ۱۴۰۱")
            if not value:
                return False
        elif leaf == "a_number":
            value = "A123-456-789"  # fictional
        else:
            value = STORY.get(leaf, f"پاسخ {leaf}")
        field.fill(value)
        field.press("Tab")
    else:
        return False
    settle(page, since)
    return True


def _has(page: Any, widget_key: str) -> bool:
    return key(page, widget_key).count() > 0


def walk_part(page: Any) -> int:
    """Answer every screen of the current part, send it, go on. Returns screens answered."""
    answered = 0
    for _ in range(90):
        if _has(page, "w_wz_submit"):
            click(page, "w_wz_submit")
            click(page, "w_wz_next")
            return answered
        if _has(page, "w_wz_add"):
            if page.locator("[class*='st-key-w_wz_edit_']").count() == 0:
                click(page, "w_wz_add")
                found = _answer_box(page)
                assert found, "a new list entry shows its first question"
                _fill(page, *found)
                click(page, "w_wz_done")
            click(page, "w_wz_next")
            answered += 1
            continue
        found = _answer_box(page)
        assert found, "every wizard screen has one answer box"
        if not _fill(page, *found):
            click(page, "w_wz_unknown" if _has(page, "w_wz_unknown") else "w_wz_skip")
        else:
            click(page, "w_wz_next")
        errors = page.locator("[data-testid=stAlertContentError]").all_inner_texts()
        if errors:
            FAILURES.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(FAILURES / f"wizard-error-{found[0]}.png"), full_page=True)
        assert not errors, (found[0], errors)
        answered += 1
    raise AssertionError("a wizard part did not end")
