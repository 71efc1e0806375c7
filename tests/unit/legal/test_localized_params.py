"""The parameters of the legal texts in the reader's language (legal.assessment.localize): the
protected grounds and the bars touched are lists of words joined the language's way, never
stored values glued with ", "; dates read as the language writes them; counts in its digits.
The English text (fill: JSON, CLI) stays plain English with dates as stored."""

from __future__ import annotations

import copy
import pickle

import pytest

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import LegalKind, Perpetrator
from asylum_prep.domain.record import CaseRecord
from asylum_prep.i18n import SUPPORTED, format_list, translator
from asylum_prep.i18n_dates import format_fuzzy, from_display
from asylum_prep.legal.assessment import ElementAssessment, fill, localize, params_of, plural
from asylum_prep.legal.elements import assess
from asylum_prep.legal.rules_claim import GROUND_LABELS, INCIDENT_STEPS, incident_step
from tests.unit.legal.factories import TODAY, arrival, fd, incident, legal_event, record


def el(r: CaseRecord, key: str) -> ElementAssessment:
    [found] = [a for a in assess(r, "us", today=TODAY) if a.key == key]
    return found


def reason(a: ElementAssessment, lang: str) -> str:
    return localize(a.reason_template, a.reason_params, translator(lang))


def next_step(a: ElementAssessment, lang: str) -> str:
    return localize(a.next_step_template, a.next_step_params, translator(lang))


def _grounds() -> ElementAssessment:
    return el(record(**{"beliefs.grounds": [Ground.political_opinion,
                                            Ground.particular_social_group],
                        "beliefs.social_group_description": "Journalists who report arrests.",
                        "beliefs.group_shared_trait": "We report arrests.",
                        "beliefs.group_can_change": YesNo.no,
                        "beliefs.group_who_belongs": "Those with a press card.",
                        "beliefs.group_seen_as_group": YesNo.yes}),
              "protected_ground")


def test_every_ground_has_a_label_in_words_in_every_catalog() -> None:
    assert set(GROUND_LABELS) == set(Ground)
    es = translator("es")
    for ground, label in GROUND_LABELS.items():
        assert "_" not in label and label == label.lower(), (ground, label)
        assert es(label) != label, label


def test_grounds_are_named_in_words_and_joined_the_languages_way() -> None:
    a = _grounds()
    assert a.strength == "supported"
    assert dict(a.reason_params)["grounds"] == ("political opinion",
                                                "membership in a particular social group")
    assert a.reason.startswith("Grounds are chosen (political opinion and membership in a "
                               "particular social group) and 5 answers describe them.")
    assert "(opinión política y pertenencia a un grupo social determinado)" in reason(a, "es")
    assert "(opinion politique et appartenance à un certain groupe social)" in reason(a, "fr")
    assert "(عقیدهٔ سیاسی و عضویت در گروه اجتماعی خاص)" in reason(a, "fa")
    assert "（政治观点和属于特定社会群体）" in reason(a, "zh_Hans")
    assert "opinyon politik ak fè pati" in reason(a, "ht")  # Kreyòl "ak", not CLDR's "et"


def test_bars_touched_are_a_list_each_piece_translated() -> None:
    r = record(**{"screening.armed_groups": YesNo.yes, "screening.harmed_others": YesNo.no,
                  "screening.serious_crimes": YesNo.no, "screening.status_elsewhere": YesNo.no,
                  "harm_to_others.legal_events": [legal_event(LegalKind.conviction,
                                                              "2021-01-01")]})
    a = el(r, "bars")  # an armed group of unknown kind, and a conviction
    # named in lower case inside the sentence (the part labels are headings)
    assert dict(a.reason_params)["which"] == (
        "material support", "a serious nonpolitical or particularly serious crime")
    assert a.reason.endswith("review: material support and a serious nonpolitical or "
                             "particularly serious crime.")
    es = ": apoyo material y un delito grave común o un delito particularmente grave."
    assert reason(a, "es").endswith(es) and next_step(a, "es").endswith(es)
    assert reason(a, "zh_Hans").endswith("：物质支持和严重非政治罪行或特别严重的罪行。")
    assert "Material" not in reason(a, "ru") and "crime" not in reason(a, "ru")


def test_dates_in_params_read_as_the_language_writes_them() -> None:
    r = record(**{"beliefs.grounds": [Ground.political_opinion], "incidents.items": [
        incident(fd("2022-10-01", "month", approximate=True), perpetrator=Perpetrator.unknown)]})
    a = el(r, "nexus")
    assert a.next_step == ("Ask why the people responsible targeted the applicant in the "
                           "incident of ~2022-10: no reason is stated.")  # JSON and CLI
    assert next_step(a, "en") == ("Ask why the people responsible targeted the applicant in "
                                  "the incident of about October 2022: no reason is stated.")
    persian = next_step(a, "fa")
    assert "حدود مهر ۱۴۰۱" in persian and "2022" not in persian and "~" not in persian
    assert "alrededor de octubre de 2022" in next_step(a, "es")
    exact = el(record(**{"incidents.items": [incident("2022-05-03", what_happened="x")]}),
               "harm")
    assert "the incident of May 3, 2022," in next_step(exact, "en")


def test_counts_in_the_languages_digits_and_the_applicants_words_as_written() -> None:
    r = record(**{"beliefs.grounds": [Ground.religion], "about.religion": "Baháʼí",
                  "beliefs.beliefs_description": "x"})
    a = el(r, "protected_ground")
    assert a.reason.endswith("(religion) and 2 answers describe them.")
    assert "۲" in reason(a, "fa") and "2" not in reason(a, "fa")
    label = localize("Membership: {organisation}",
                     params_of(organisation="Tovin Student Press"), translator("es"))
    assert label.endswith("Tovin Student Press")


def test_format_list_per_language() -> None:
    items = ["a", "b", "c"]
    assert format_list(items, "en") == "a, b, and c"
    assert format_list(items, "es") == "a, b y c"
    assert format_list(items[:2], "ht") == "a ak b"
    assert format_list(items[:2], "zh_Hans") == "a和b"
    assert format_list(items[:1], "fa") == "a" and format_list([], "fa") == ""


INCIDENT_OF = tuple(dated for dated, _undated in INCIDENT_STEPS.values())


@pytest.mark.parametrize(("lang", "around"), [
    ("fr", "({})"), ("ru", "({})"), ("uk", "({})"), ("es", "con fecha {}"),
])
def test_any_kind_of_date_reads_in_the_incident_steps(lang: str, around: str) -> None:
    """French "l'événement du octobre 2022", Russian "после случая октябрь 2022 г.", Spanish
    "del incidente del 2022" read wrong: these languages put the date where any date fits."""
    t = translator(lang)
    for template in INCIDENT_OF:
        for when in ("2022-05-03", "2022-10", "~2022-10", "2022"):
            fuzzy = from_display(when)
            assert fuzzy is not None
            text = localize(template, params_of(date=when, who="the police"), t)
            assert around.format(format_fuzzy(fuzzy[0], t)) in text, (template, when, text)


@pytest.mark.parametrize(("key", "answers", "element"), [
    ("what_done", {}, "harm"),
    ("severity_again", {"what_happened": "They beat me."}, "harm"),
    ("who_how", {"perpetrator": Perpetrator.unknown}, "agent_state_protection"),
    ("police", {"perpetrator": Perpetrator.non_state}, "agent_state_protection"),
    ("severity_again", {"what_happened": "They beat me.", "perpetrator": Perpetrator.unknown},
     "past_persecution"),
    ("how_badly", {"what_happened": "They beat me.", "injuries": "Ribs."}, "harm"),
    ("how_long", {"what_happened": "Held.", "detained": YesNo.yes}, "harm"),
])
def test_an_undated_incident_is_the_undated_incident(key: str, answers: dict[str, object],
                                                     element: str) -> None:
    """Never "in the incident of no date given"."""
    r = record(**{"beliefs.grounds": [Ground.religion],
                  "incidents.items": [incident(None, **answers)]})
    a = el(r, element)
    dated, undated = INCIDENT_STEPS[key]
    assert a.next_step_template == undated and "date" not in dict(a.next_step_params)
    assert "the undated incident" in a.next_step and "no date given" not in a.next_step
    old = params_of(date="no date given", **dict(a.next_step_params))
    for lang in SUPPORTED:
        text = next_step(a, lang)
        assert text != localize(dated, old, translator(lang)) and "{" not in text, (lang, text)


def test_every_incident_step_has_an_undated_form_in_every_language() -> None:
    undated = incident(None)
    for key, (dated, without) in INCIDENT_STEPS.items():
        assert incident_step(key, undated, who="the police") == (without, {"who": "the police"})
        assert incident_step(key, incident("2022-05-03"))[1]["date"] == "2022-05-03"
        assert "{date}" in dated and "{date}" not in without and "undated incident" in without
        for lang in SUPPORTED[1:]:
            t = translator(lang)
            assert t(without) != without, (lang, without)


def _harm(n: int, m: int) -> ElementAssessment:
    items = [incident(f"2022-05-{d:02d}", what_happened=f"They beat me ({d}).",
                      detained=YesNo.yes if d <= m else YesNo.no) for d in range(1, n + 1)]
    return el(record(**{"incidents.items": items}), "harm")


def _cumulative(n: int, m: int, lang: str) -> str:
    """The cumulative-harm note for n incidents, m of them with injuries or detention."""
    [p] = [p for p in _harm(2, 0).parts if p.key == "cumulative"]
    return localize(p.note, params_of(n=n, m=m), translator(lang))


def test_counts_take_the_form_the_number_needs() -> None:
    """"1 incidents describe harm" in English, one Russian form for 1, 2 and 5."""
    [two] = [p for p in _harm(2, 0).parts if p.key == "cumulative"]
    [five] = [p for p in _harm(5, 2).parts if p.key == "cumulative"]
    assert fill(two.note, two.note_params) == ("2 incidents describe harm (0 with injuries or "
                                               "detention).")
    assert fill(five.note, five.note_params) == ("5 incidents describe harm (2 with injuries or "
                                                 "detention).")
    assert _cumulative(1, 1, "en") == "1 incident describes harm (1 with injuries or detention)."
    assert _cumulative(1, 1, "ru").startswith("1 случай описывает вред")
    assert _cumulative(2, 0, "ru").startswith("2 случая описывают вред")
    assert _cumulative(5, 2, "ru").startswith("5 случаев описывают вред")
    assert _cumulative(21, 1, "ru").startswith("21 случай описывает вред")
    assert _cumulative(1, 1, "ar").startswith("تصف حادثة واحدة ضررًا")
    assert _cumulative(2, 0, "ar").startswith("تصف حادثتان ضررًا")
    assert _cumulative(5, 2, "ar").startswith("تصف 5 حوادث ضررًا")
    assert _cumulative(21, 1, "ar").startswith("تصف 21 حادثةً ضررًا")
    assert _cumulative(5, 2, "fa").startswith("۵ رویداد")  # one form, Persian digits
    assert "(2 " in _cumulative(5, 2, "es")
    assert _cumulative(1, 1, "es").startswith("1 incidente describe")


def test_a_plural_template_is_a_str_with_both_english_forms() -> None:
    counted = plural("{n} answer by hand", "{n} answers by hand")
    assert isinstance(counted, str) and counted == "{n} answer by hand"
    assert counted.other == "{n} answers by hand"
    assert fill(counted, params_of(n=1)) == "1 answer by hand"
    assert fill(counted, params_of(n=0)) == "0 answers by hand"
    assert copy.deepcopy(counted).other == counted.other
    assert pickle.loads(pickle.dumps(counted)).other == counted.other


def test_days_left_within_the_deadline_count_one_day_as_one() -> None:
    for ago in range(360, 368):
        r = record(**{"leaving.entries": [arrival(TODAY.fromordinal(TODAY.toordinal() - ago)
                                                  .isoformat())]})
        a = el(r, "timeliness")
        if dict(a.reason_params).get("n") == "1":
            break
    assert a.reason.startswith("Within the deadline: 1 day left until "), a.reason
    assert reason(a, "ru").startswith("В пределах срока: до ") and "остался 1 день" in reason(
        a, "ru")
