"""No raw values on the screens, in Persian: the applicant's pages (home, about, account, every
wizard screen incl. list entries) and the team's (cases, dashboard, review of every part,
evidence, translations, documents, country library, authorities), driven through the real app
on a real store with the fictional sample case, its countries set to Iran.

Fails on what a person should never read there: an ISO date ("2022-10-07", in any digits)
or a fuzzy date's "~", a snake_case value ("changes_requested"), the stored country code
("IR"), Streamlit's own English words ("Select all", "No results", "Choose an option"), a
Python value ("None", "True"), a metric in Western digits, a multiselect offering "Select
all". What the applicant typed is her own (shown as typed), a date question's example shows
the ISO form people may type, and the country library's code box asks for a code by example
(all three left out of the checks).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from asylum_prep.forms.questions import Widget
from asylum_prep.forms.registry import STEPS
from asylum_prep.i18n import translator
from asylum_prep.samples import load_sample
from asylum_prep.services import cases, review
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.navigation import BY_ID
from tests.support import People
from tests.ui.conftest import answers_shown
from tests.ui.test_every_locale import _wizard_positions

LANG = "fa"
CODE = "IR"
# Proto fields a reader sees (labels, text, help, options, captions, metric values).
SHOWN = frozenset({"label", "body", "help", "options", "placeholder", "text", "caption"})
CHECKS: dict[str, re.Pattern[str]] = {
    "ISO date": re.compile(r"(?<![\d۰-۹])[\d۰-۹]{4}-[\d۰-۹]{2}(?:-[\d۰-۹]{2})?(?![\d۰-۹])"),
    "fuzzy-date mark": re.compile(r"~"),
    "snake_case value": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "country code": re.compile(rf"(?<![A-Za-z]){CODE}(?![A-Za-z])"),
    "Streamlit's English": re.compile(
        r"Select all|No results|Choose an? option|Choose options|Browse files|Drag and drop|"
        r"Press Enter|Limit \d+ ?MB"),
    "Python value": re.compile(r"^(?:None|True|False|nan)$"),
}
TEAM_PAGES = ("cases", "case", "review", "evidence", "translate", "documents", "library",
              "authorities")


def _texts(message: Any, kind: str = "") -> Iterator[tuple[str, str]]:
    """(element kind, text) of every field a reader sees, recursively; never an st.html body
    (our CSS and scripts; the answers in it are read by `answers_shown`)."""
    if getattr(message, "DESCRIPTOR", None) is None or message.DESCRIPTOR.name == "Html":
        return
    kind = kind or message.DESCRIPTOR.name
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str) and field.name in SHOWN:
                yield kind, item
            elif hasattr(item, "DESCRIPTOR"):
                yield from _texts(item, kind)


def _protos(at: AppTest) -> Iterator[Any]:
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        if getattr(node, "proto", None) is not None:
            yield node.proto
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())


def _examples() -> list[str]:
    """Words that show the form of what may be typed: the date questions' examples, the
    I-589 details form's date help and the country library's code box, as the reader sees
    them."""
    t = translator(LANG)
    questions = [q for step in STEPS for q in step.questions] + [
        q for step in STEPS for spec in step.lists for q in spec.questions]
    found = {t(q.example) for q in questions if q.widget is Widget.date and q.example}
    return sorted(found | {t("Country code (ISO, e.g. IR)"),
                           t("Write the date as year-month-day, for example 2027-03-15.")},
                  key=len, reverse=True)


def _typed(record: Any) -> set[str]:
    """Every free text the sample's applicant typed (her words are shown as she wrote them)."""
    from asylum_prep.domain.record import iter_text_answers
    from asylum_prep.forms.answer_kinds import translatable

    return {text for path, text in iter_text_answers(record) if translatable(path)}


def findings(at: AppTest, where: str, typed: set[str]) -> list[str]:
    """What `at` shows that is a raw value, one line each."""
    examples = _examples()
    found: list[str] = []
    shown = [kind_text for proto in _protos(at) for kind_text in _texts(proto)]
    shown += [("answer", text) for text in answers_shown(at)]
    for proto in _protos(at):
        name = proto.DESCRIPTOR.name
        if name == "Metric" and re.search(r"[0-9]", proto.body):
            found.append(f"{where}: a number in Western digits: {proto.body!r}")
        if name == "MultiSelect" and proto.select_all != 0:
            found.append(f"{where}: a multiselect offers 'Select all': {proto.label!r}")
    for kind, text in shown:
        if text in typed:
            continue
        for example in examples:
            text = text.replace(example, "")
        for what, pattern in CHECKS.items():
            hit = pattern.search(text)
            if hit:
                found.append(f"{where}: {what} {hit.group()!r} in {kind}: {text[:120]!r}")
    return found


@pytest.fixture
def sample_in_iran(seed_store: Store, people: People) -> Any:
    """The sample case with its countries set to Iran, a part sent and a request on it."""
    record = load_sample()
    record.about.birth_country = CODE
    record.about.country_of_return = CODE
    version = cases.save_record(seed_store, people.attorney, people.case_id, record=record,
                                base_version=1)
    version = review.submit_section(seed_store, people.applicant, people.case_id,
                                    section="about", base_version=version)
    review.request_changes(seed_store, people.attorney, people.case_id, section="about",
                           path="about.birth_country", template="tell_more",
                           base_version=version)
    return cases.open_case(seed_store, people.attorney, people.case_id, audit_view=False).record


def _app(make_app: Callable[..., AppTest], actor: Any, case_id: str) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: case_id, state.LANG: LANG, state.LANG_CHOSEN: True})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_no_raw_values_on_the_applicants_screens(
    people: People, make_app: Callable[..., AppTest], sample_in_iran: Any
) -> None:
    typed = _typed(sample_in_iran)
    at = _app(make_app, people.applicant, people.case_id)
    found: list[str] = []
    for page_id in ("home", "welcome", "account"):
        at.switch_page(BY_ID[page_id].script).run()
        assert not at.exception, (page_id, [e.value for e in at.exception])
        found += findings(at, page_id, typed)
    at.switch_page(BY_ID["story"].script).run()
    seen = 0
    for pos in _wizard_positions(sample_in_iran):
        from asylum_prep.forms import flow

        at.session_state[state.WIZARD_POS] = {f"{people.case_id}:{people.applicant.id}":
                                              flow.to_state(pos)}
        at.run()
        assert not at.exception, (pos, [e.value for e in at.exception])
        found += findings(at, f"wizard {pos.section}/{pos.screen}", typed)
        seen += 1
    assert seen > 40
    assert not found, f"{len(found)} raw values:\n" + "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("role", ["attorney", "paralegal", "translator"])
def test_no_raw_values_on_the_teams_screens(
    role: str, people: People, make_app: Callable[..., AppTest], sample_in_iran: Any
) -> None:
    typed = _typed(sample_in_iran)
    actor = getattr(people, role)
    at = _app(make_app, actor, people.case_id)
    found: list[str] = []
    for page_id in TEAM_PAGES:
        if role not in BY_ID[page_id].roles:
            continue
        at.switch_page(BY_ID[page_id].script).run()
        assert not at.exception, (page_id, [e.value for e in at.exception])
        found += findings(at, page_id, typed)
        if page_id == "documents" and role != "translator":  # its forms, drawn once opened
            at.session_state[state.W_FILING_OPEN] = at.session_state[state.W_I589_OPEN] = True
            at.run()
            assert any(w.key == state.W_I589_PREFIX + "a_number" for w in at.text_input)
            found += findings(at, "documents, forms open", typed)
        if page_id == "review":
            for step in STEPS:
                at.selectbox(key=state.W_RV_SECTION).set_value(step.key.value).run()
                found += findings(at, f"review {step.key.value}", typed)
    assert not found, f"{len(found)} raw values:\n" + "\n".join(dict.fromkeys(found))


def test_the_check_finds_raw_values() -> None:
    """The patterns are not blind."""
    hits = {what for what, pattern in CHECKS.items()
            for text in ("~2022-05", "changes_requested", "born in IR", "Select all", "None",
                         "۲۰۲۲-۱۰-۰۷")
            if pattern.search(text)}
    assert hits == set(CHECKS)
