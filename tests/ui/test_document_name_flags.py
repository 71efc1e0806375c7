"""A name spelled differently in an exhibit, as the attorney sees it on the case dashboard
(Streamlit AppTest, real SQLite store): the flag in the attorney's language, both places named
by their questions, dismissed with a reason."""

from __future__ import annotations

from asylum_prep.domain.evidence import ExhibitText
from asylum_prep.legal.document_words import words_in
from asylum_prep.services import cases, checks
from asylum_prep.services import evidence as ev
from asylum_prep.ui import state
from tests.support import People
from tests.ui.conftest import app_settings, make_app, people, seed_store  # noqa: F401

DASHBOARD = "ui/views/case_dashboard.py"


def test_the_attorney_sees_the_name_flag_in_persian_and_dismisses_it(people: People, make_app,  # noqa: F811
                                                                     seed_store) -> None:  # noqa: F811
    version = cases.open_case(seed_store, people.attorney, people.case_id).version
    eid, version, _ = ev.add_evidence(seed_store, people.paralegal, people.case_id,
                                      data=b"Summons for Mr. Rezai.\n", filename="summons.txt",
                                      title="Summons", base_version=version)
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    record.about.family_name = "Rezaei"
    item = next(i for i in record.evidence if i.id == eid)
    item.text = ExhibitText(words=words_in("Summons for Mr. Rezai."))
    cases.save_record(seed_store, people.attorney, people.case_id, record=record,
                      base_version=version)
    [flag] = [f for f in checks.run_checks(seed_store, people.attorney, people.case_id).flags
              if f.rule == "document_name_vs_story"]

    at = make_app(people.attorney, **{state.CASE_ID: people.case_id, state.LANG: "fa"}).run()
    at.switch_page(DASHBOARD).run()
    assert not at.exception, at.exception
    # The exhibit's title is a known phrase: it is shown translated too.
    assert 'سند «احضار» نام را «Rezai» نوشته است و روایت «Rezaei».' in [
        w.value for w in at.warning]
    at.text_input(key=f"{state.W_LG_DISMISS_REASON_PREFIX}{flag.id}").input(
        "Both spellings of the name are in use.")
    at.button(key=f"{state.W_LG_DISMISS_PREFIX}{flag.id}").click().run()
    assert not at.exception
    record = cases.open_case(seed_store, people.attorney, people.case_id).record
    assert record.dismissed_flags[flag.id].reason == "Both spellings of the name are in use."
