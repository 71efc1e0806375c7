"""Once the applicant has sent the last of the ten parts, the wizard and her home say so in
one calm sentence, in her language; not before."""

from __future__ import annotations

from typing import Any

from asylum_prep.forms.registry import STEPS
from asylum_prep.services import cases, review
from asylum_prep.ui import state
from tests.ui.test_wizard_flow import click, open_story

SENT = "All parts of your story are sent."


def _send(store: Any, people: Any, sections: list[str]) -> None:
    for section in sections:
        version = cases.open_case(store, people.applicant, people.case_id).version
        review.submit_section(store, people.applicant, people.case_id, section=section,
                              base_version=version)


def _successes(at: Any) -> str:
    return "\n".join(s.value for s in at.success)


def test_sentence_appears_only_after_the_last_part_is_sent(make_app, people, seed_store) -> None:
    keys = [step.key.value for step in STEPS]
    _send(seed_store, people, keys[:-1])
    at = open_story(make_app, people.applicant, people.case_id)
    assert SENT not in _successes(at)
    at.selectbox(key=state.W_WZ_PART).set_value(keys[-1]).run()
    for _ in range(60):  # walk to the end screen of the last part, skipping every question
        if any(b.key == state.W_WZ_SUBMIT for b in at.button):
            break
        click(at, state.W_WZ_NEXT)
    click(at, state.W_WZ_SUBMIT)
    assert SENT in _successes(at)
    assert "contact you here if they need anything" in _successes(at)


def test_home_says_it_in_her_language(make_app, people, seed_store) -> None:
    _send(seed_store, people, [step.key.value for step in STEPS])
    at = make_app(people.applicant, **{state.CASE_ID: people.case_id, state.LANG: "fa"})
    at.run()
    assert not at.exception
    shown = _successes(at)
    assert SENT not in shown
    assert "تیم حقوقی" in shown
