"""The element map's screens (Streamlit AppTest, real SQLite store): the tool's reading with
its parts, facts for and against, authorities and the question to ask, shown from a report
built here (never a rule's wording); the attorney's judgment form, its refusals, history and
the concurrent-edit message; the paralegal's read-only view; the dashboard's counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from markupsafe import escape
from streamlit.testing.v1 import AppTest

from asylum_prep.legal.assessment import ElementAssessment, Fact, part
from asylum_prep.services import cases, checks, judgments
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.html import md_escape
from tests.support import People
from tests.ui.conftest import elements_open, html_bodies
from tests.unit.legal.factories import strong_record

App = Callable[..., AppTest]
DASHBOARD = "ui/views/case_dashboard.py"
HOSTILE = "They said **you** are [next](http://x.example) <b>:red[traitor]</b>"


def _save(store: Store, people: People) -> int:
    opened = cases.open_case(store, people.attorney, people.case_id)
    return cases.save_record(store, people.attorney, people.case_id, record=strong_record(),
                             base_version=opened.version)


def _dashboard(make_app: App, actor: object, people: People, **extra: object) -> AppTest:
    at = make_app(actor, **{state.CASE_ID: people.case_id, **elements_open(), **extra}).run()
    at.switch_page(DASHBOARD).run()
    assert not at.exception, at.exception
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric if m.label.startswith("Elements")}


def _constructed(store: Store, people: People) -> tuple[tuple[str, int, str], checks.CheckReport]:
    """A report whose one element the facts point against, built here."""
    version = cases.open_case(store, people.attorney, people.case_id).version
    element = ElementAssessment(
        key="nexus", title="Nexus", strength="against", reason="", facts=(
            Fact("fear.why", "Why they would harm the applicant", "Because of my articles."),),
        next_step="", reason_template="The persecutors wanted money.",
        next_step_template="Did they say why they chose you?", parts=(
            part("central_reason", "One central reason", "met"),
            part("motive", "Motive of the persecutor", "against",
                 "The applicant said they asked for money."),
            part("evidence", "Evidence of the motive", "not_shown")),
        against=(Fact("incidents.items.x.said", "What was said", HOSTILE),),
        authorities=("j-b-n-s-m", "ina-208-b-1-b-i"))
    report = checks.CheckReport(case_id=people.case_id, jurisdiction="us", version=version,
                                elements=[element], deadline=None, flags=[], readiness=[])
    return (people.case_id, version, date.today().isoformat()), report


def test_the_tools_reading_is_shown_in_words_marks_and_colours(make_app: App, people: People,
                                                               seed_store: Store) -> None:
    _save(seed_store, people)
    key, report = _constructed(seed_store, people)
    at = _dashboard(make_app, people.paralegal, people, **{state.LEGAL_REPORT: (key, report)})
    [header] = [e.label for e in at.expander if "Nexus" in e.label]
    assert ":violet[▼ Facts point against]" in header and "Not judged yet" in header
    shown = "\n".join(m.value for m in at.markdown)
    assert "The persecutors wanted money." in [m.value for m in at.markdown]
    assert ":green[✓ Met] **One central reason**" in shown
    assert (":violet[✗ Facts point against] **Motive of the persecutor** — The applicant said "
            "they asked for money.") in shown
    assert ":orange[? Not shown yet] **Evidence of the motive**" in shown
    assert "**Facts for**" in shown and "**Facts against**" in shown
    quotes = "\n".join(html_bodies(at))
    assert re.search('\u201c<bdi dir="auto"[^>]*>Because of my articles.</bdi>\u201d', quotes)
    assert f"\u201c<bdi dir=\"auto\">{escape(HOSTILE)}</bdi>\u201d" in quotes  # shown literally
    assert "Ask the client: Did they say why they chose you?" in shown
    # authorities by their citation from the library, escaped ("&" is Markdown-safe)
    assert any(c.value.startswith("Authorities: Matter of J-B-N- \\& S-M-, 24 I\\&N Dec. 208")
               and "INA § 208(b)(1)(B)(i)" in c.value for c in at.caption)
    assert _metrics(at) == {"Elements where the attorney disagrees": "0",
                            "Elements not judged yet": "1"}


def test_attorney_judges_an_element_and_sees_its_history(make_app: App, people: People,
                                                         seed_store: Store) -> None:
    v = _save(seed_store, people)
    at = _dashboard(make_app, people.attorney, people)
    n = len(checks.run_checks(seed_store, people.attorney, people.case_id).elements)
    assert _metrics(at) == {"Elements where the attorney disagrees": "0",
                            "Elements not judged yet": str(n)}
    # disagreeing without a reason is refused and saves nothing
    at.radio(key=f"{state.W_LG_JUDGE_VERDICT_PREFIX}nexus").set_value("disagree")
    at.selectbox(key=f"{state.W_LG_JUDGE_STRENGTH_PREFIX}nexus").select("thin")
    at.button(key=f"{state.W_LG_JUDGE_SAVE_PREFIX}nexus").click().run()
    assert any("Give a reason for disagreeing" in e.value for e in at.error)
    assert cases.open_case(seed_store, people.attorney, people.case_id).version == v
    # with a reason it is saved, said so, and counted
    at.text_area(key=f"{state.W_LG_JUDGE_REASON_PREFIX}nexus").input("Extortion only.")
    at.checkbox(key=f"{state.W_LG_JUDGE_ARGUE_PREFIX}nexus").uncheck()
    at.button(key=f"{state.W_LG_JUDGE_SAVE_PREFIX}nexus").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [s.value for s in at.success if "judgment" in s.value] == ["Your judgment was saved."]
    [saved] = cases.open_case(seed_store, people.attorney, people.case_id).record.element_judgments
    assert (saved.element, saved.verdict.value, saved.strength, saved.argue, saved.reason) == (
        "nexus", "disagree", "thin", False, "Extortion only.")
    assert _metrics(at) == {"Elements where the attorney disagrees": "1",
                            "Elements not judged yet": str(n - 1)}
    assert any("Nexus" in e.label and "Attorney disagrees" in e.label for e in at.expander)
    # agreeing later: the strength box is ignored, the earlier judgment goes to the history
    at.radio(key=f"{state.W_LG_JUDGE_VERDICT_PREFIX}nexus").set_value("agree")
    at.text_area(key=f"{state.W_LG_JUDGE_REASON_PREFIX}nexus").input("")
    at.button(key=f"{state.W_LG_JUDGE_SAVE_PREFIX}nexus").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    latest = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert [(j.verdict.value, j.strength) for j in latest.element_judgments] == [
        ("disagree", "thin"), ("agree", "")]
    [history] = [e for e in at.expander if e.label == "Earlier judgments"]
    assert any("Extortion only." in m.value for m in history.markdown)
    assert _metrics(at)["Elements where the attorney disagrees"] == "0"


def test_a_judgment_made_meanwhile_is_refused_with_the_standard_message(
        make_app: App, people: People, seed_store: Store) -> None:
    v = _save(seed_store, people)
    at = _dashboard(make_app, people.attorney, people)
    # someone judges the same element after this page was drawn
    judgments.record_judgment(seed_store, people.attorney, people.case_id, element="harm",
                              verdict="agree", base_version=v)
    at.radio(key=f"{state.W_LG_JUDGE_VERDICT_PREFIX}harm").set_value("disagree")
    at.text_area(key=f"{state.W_LG_JUDGE_REASON_PREFIX}harm").input("Threats only.")
    at.button(key=f"{state.W_LG_JUDGE_SAVE_PREFIX}harm").click().run()
    assert not at.exception
    assert any("Someone else saved this case while you were editing" in e.value
               for e in at.error), [e.value for e in at.error]
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert [j.verdict.value for j in record.element_judgments] == ["agree"]


def test_paralegal_reads_the_judgment_without_the_form(make_app: App, people: People,
                                                      seed_store: Store) -> None:
    v = _save(seed_store, people)
    judgments.record_judgment(seed_store, people.attorney, people.case_id, element="nexus",
                              verdict="disagree", strength="against", argue=False,
                              reason="The *gang* wanted money.", base_version=v)
    at = _dashboard(make_app, people.paralegal, people)
    assert not [k for k in (w.key for w in [*at.button, *at.radio, *at.text_area])
                if k and k.startswith("w_lg_judge_")]
    shown = "\n".join(m.value for m in at.markdown)
    assert "**Attorney disagrees** — By attorney on " in shown
    assert "Own strength: Facts point against" in shown and "Not argued in the brief." in shown
    assert f"Reason: {md_escape('The *gang* wanted money.')}" in shown
    assert _metrics(at)["Elements where the attorney disagrees"] == "1"
