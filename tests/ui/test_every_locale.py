"""Every page renders in every interface language, and applicant pages leave no English.

1. Every registered page, for each role that sees it, renders without an exception in each
   of the sixteen languages (one session per role and language, switching pages).
2. The applicant's pages (home, about, every wizard screen incl. list overviews and the
   questions of a list entry, the legal team's questions) show no English: no text on them
   equals (or, for a message with placeholders, matches) an English message of the template,
   unless the language's catalog gives that same text as its translation or the text is on
   the allowlist (proper nouns, the app name). Each finding says whether the catalog lacks the
   translation (the translators' part) or the code shows an untranslated string (ours).
   This fails until the catalogs are complete; `-rA` prints the counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.forms import flow
from asylum_prep.forms.questions import screens
from asylum_prep.forms.registry import STEPS
from asylum_prep.i18n import DEFAULT, SUPPORTED, po_path
from asylum_prep.samples import load_sample
from asylum_prep.services import cases, review
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import ANON, PAGES
from tests.support import People
from tests.unit.i18n import checks

LANGS = [code for code in SUPPORTED if code != DEFAULT]
# Proper nouns and names: the app name, "Canada" (the same word in the CLDR country names
# of several languages, e.g. Haitian Creole and French).
ALLOW = frozenset({"asylum-prep", "English", "Language", "PDF", "DOCX", "OK", "A-number", "Canada"})
# Widget fields holding what the person typed or chose (her answers), not the app's words.
USER_VALUE_FIELDS = frozenset({"default", "value", "values", "raw_value", "raw_values",
                               "set_value"})
APPLICANT_PAGES = ["applicant_home.py", "welcome.py", "account.py"]


def _strings(message: Any) -> Iterator[str]:
    """Every string field of a protobuf message, recursively (labels, help, options, bodies)."""
    if getattr(message, "DESCRIPTOR", None) is None:
        return
    if message.DESCRIPTOR.name == "Html":  # our CSS and scripts
        return
    for field, value in message.ListFields():
        if field.name in USER_VALUE_FIELDS:
            continue
        repeated = getattr(field, "is_repeated", None)
        if repeated is None:
            repeated = field.label == field.LABEL_REPEATED
        values = value if repeated else [value]
        for item in values:
            if isinstance(item, str):
                yield item
            elif hasattr(item, "DESCRIPTOR"):
                yield from _strings(item)


def _shown(at: AppTest) -> list[str]:
    out: list[str] = []
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.extend(s for s in _strings(proto) if s.strip())
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())
    return out


@lru_cache(maxsize=1)
def _english() -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """Plain messages (text -> msgid) and messages with placeholders (pattern, msgid) worth
    matching: at least two words of their own."""
    plain: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for message in checks.template():
        if not message.id:
            continue
        for text in [message.id] if isinstance(message.id, str) else list(message.id):
            literal = re.sub(r"\{[^}]*\}", " ", text)
            if len(re.findall(r"[A-Za-z]{2,}", literal)) < (1 if "{" not in text else 2):
                continue
            if text in ALLOW:
                continue
            if "{" in text:
                parts = re.split(r"\{[^}]*\}", text)
                regex = r"(?:.+?)".join(re.escape(p) for p in parts)
                patterns.append((re.compile(regex), checks.key_of(message)))
            else:
                plain[text] = checks.key_of(message)
    return plain, patterns


def _english_left(lang: str, shown: list[str]) -> dict[str, str]:
    """msgid -> "catalog" (no translation yet) or "code" (translated, yet shown in English)."""
    plain, patterns = _english()
    catalog = checks.catalog(lang) if po_path(lang).exists() else None

    def verdict(msgid: str) -> str | None:
        entry = catalog.get(msgid) if catalog is not None else None
        forms = checks.forms(entry) if entry is not None else []
        if entry is not None and forms and all(forms) and not entry.fuzzy:
            return None if msgid in forms else "code"
        return "catalog"

    found: dict[str, str] = {}
    for text in shown:
        for line in (s.strip() for s in re.split(r"\n+", text)):
            if not line:
                continue
            cleaned = re.sub(r"^[-*#>\s]+|[*_`]", "", line).strip()
            msgid = plain.get(cleaned)
            if msgid is None:
                msgid = next((m for p, m in patterns if p.fullmatch(cleaned)), None)
            if msgid is not None and (kind := verdict(msgid)) is not None:
                found[msgid] = kind
    return found


def _in(at: AppTest, lang: str) -> AppTest:
    at.session_state[state.LANG] = lang
    at.session_state[state.LANG_CHOSEN] = True
    return at


# --- 1. every page, every role, every language -------------------------------------------

ROLES = sorted({r for spec in PAGES for r in spec.roles if r != ANON})


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_renders_in_every_language(
    lang: str, people: People, make_app: Callable[..., AppTest]
) -> None:
    for role in ROLES:
        at = _in(make_app(getattr(people, role), **{state.CASE_ID: people.case_id}), lang)
        at.run()
        assert not at.exception, (lang, role, [e.value for e in at.exception])
        for spec in PAGES:
            if role not in spec.roles or not spec.path.is_file():
                continue
            at.switch_page(spec.script).run()
            assert not at.exception, (lang, role, spec.id, [e.value for e in at.exception])


def test_public_pages_render_in_every_language(make_app: Callable[..., AppTest],
                                               people: People) -> None:
    for lang in LANGS:
        for page_id in ("sign-in", "join"):
            spec = next(p for p in PAGES if p.id == page_id)
            at = _in(make_app(), lang)
            at.run()
            at.switch_page(spec.script).run()
            assert not at.exception, (lang, page_id)


# --- 2. no English left on the applicant's pages ------------------------------------------

def _seed(store: Store, people: People) -> None:
    """The fictional sample answers and one question from the attorney."""
    version = cases.save_record(store, people.attorney, people.case_id, record=load_sample(),
                                base_version=1)
    version = review.submit_section(store, people.applicant, people.case_id, section="about",
                                    base_version=version)
    review.request_changes(store, people.attorney, people.case_id, section="about",
                           path="about.name", comment="Please check the spelling.",
                           base_version=version)


def _wizard_positions(record: Any) -> Iterator[flow.Position]:
    for step in STEPS:
        for screen in screens(step, record):
            pos = flow.Position(step.key.value, screen.ident)
            yield pos
            if screen.list_spec is not None:
                from asylum_prep.domain.record import get_path

                items = get_path(record, screen.list_spec.path) or []
                if items:
                    entry = flow.edit_item(pos, record, items[0].id)
                    while entry.item_id is not None:
                        yield entry
                        entry = flow.next_position(entry, record)
        yield flow.Position(step.key.value, flow.END)


@pytest.mark.parametrize("lang", LANGS)
def test_no_english_left_on_applicant_pages(
    lang: str, seed_store: Store, people: People, make_app: Callable[..., AppTest]
) -> None:
    _seed(seed_store, people)
    applicant = people.applicant
    at = _in(make_app(applicant, **{state.CASE_ID: people.case_id}), lang)
    at.run()
    shown: list[str] = []
    for file in APPLICANT_PAGES:
        at.switch_page(f"ui/views/{file}").run()
        assert not at.exception, (lang, file)
        shown += _shown(at)
    record = cases.open_case(seed_store, applicant, people.case_id, audit_view=False).record
    at.switch_page("ui/views/wizard.py").run()
    screens_seen = 0
    for pos in _wizard_positions(record):
        at.session_state[state.WIZARD_POS] = {f"{people.case_id}:{applicant.id}":
                                              flow.to_state(pos)}
        at.run()
        assert not at.exception, (lang, pos, [e.value for e in at.exception])
        shown += _shown(at)
        screens_seen += 1
    assert screens_seen > 40
    left = _english_left(lang, shown)
    if left:
        by_kind = {k: sorted(m for m, v in left.items() if v == k) for k in ("code", "catalog")}
        pytest.fail(
            f"{lang}: {len(left)} English strings on applicant pages: "
            f"{len(by_kind['code'])} shown untranslated by the code {by_kind['code'][:10]}, "
            f"{len(by_kind['catalog'])} not yet in the catalog {by_kind['catalog'][:10]}",
            pytrace=False,
        )


def test_the_english_check_catches_english(people: People,
                                           make_app: Callable[..., AppTest]) -> None:
    """The detector is not blind: in a language without a catalog every string is English."""
    at = _in(make_app(people.applicant, **{state.CASE_ID: people.case_id}), "en")
    at.run()
    at.switch_page("ui/views/welcome.py").run()
    plain, _patterns = _english()
    shown = _shown(at)
    assert any(line.strip() in plain for text in shown for line in text.split("\n"))


def test_admin_sees_review_state_of_every_language(people: People,
                                                   make_app: Callable[..., AppTest]) -> None:
    at = make_app(people.admin)
    at.run()
    at.switch_page("ui/views/admin.py").run()
    assert not at.exception
    frames = [str(df.value) for df in at.dataframe]
    table = next(f for f in frames if "fa_AF" in f)
    for code in LANGS:
        assert code in table
    assert "دری" in table and ("Machine-assisted" in table or "native speaker" in table
                               or "not recorded" in table)
    assert any(r is Role.admin for r in [people.admin.role])
