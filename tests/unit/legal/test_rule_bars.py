"""Bars (US) and exclusion (UK, Canada, EU): each raised as a risk with the facts that raise
it, never as a judgment; material support with M-H-Z- and A-C-M-; military service; firm
resettlement; crimes; the persecutor bar and duress."""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.journey import ArmedGroupKind, Duration, HelpKind, Voluntariness
from asylum_prep.i18n import translator
from asylum_prep.legal.assessment import localize
from tests.unit.legal.element_helpers import el, note, parts, status
from tests.unit.legal.factories import legal_event, record, transit

CLEAR = {f"screening.{k}": YesNo.no for k in ("harmed_others", "serious_crimes",
                                               "status_elsewhere", "armed_groups")}
US_PARTS = ("persecutor", "material_support", "firm_resettlement", "crimes")


def _rebels_cook() -> dict[str, object]:
    return {**CLEAR, "screening.armed_groups": YesNo.yes,
            "screening.armed_groups_detail": "The rebels made me cook for them in the camp.",
            "screening.armed_group_kind": ArmedGroupKind.non_state,
            "screening.armed_group_help": [HelpKind.food],
            "screening.armed_group_voluntary": Voluntariness.forced,
            "screening.armed_group_duration": Duration.months}


def test_nothing_answered_is_missing_all_no_is_supported() -> None:
    empty = el(record(), "bars")
    assert empty.strength == "missing" and set(status(empty).values()) == {"not_shown"}
    clear = el(record(**CLEAR), "bars")
    assert clear.strength == "supported" and tuple(status(clear)) == US_PARTS
    assert set(status(clear).values()) == {"met"} and clear.against == ()
    some = el(record(**{**CLEAR, "screening.serious_crimes": YesNo.unknown}), "bars")
    assert some.strength == "thin" and status(some)["crimes"] == "not_shown"


def test_woman_forced_by_rebels_to_cook_raises_material_support_without_duress() -> None:
    a = el(record(**_rebels_cook()), "bars")
    assert a.strength == "against" and status(a)["material_support"] == "against"
    p = parts(a)["material_support"]
    assert "M-H-Z-" in p.note and "no implied duress exception" in note(p)
    assert "food or cooking" in note(p)
    assert {"m-h-z", "ina-212-a-3-b-iv-vi", "ina-212-a-3-b-vi-iii"} <= set(p.authorities)
    texts = {f.path: f.text for f in a.against}
    assert texts["screening.armed_groups_detail"] == "The rebels made me cook for them in the " \
                                                     "camp."
    assert texts["screening.armed_group_help"] == "food or cooking"
    assert texts["screening.armed_group_voluntary"] == "under threat or by force"
    assert "material support" in a.reason and a.facts == ()
    # the choices are shown as translated choice labels, never as stored values
    help_fact = next(f for f in a.against if f.path == "screening.armed_group_help")
    shown = localize(help_fact.label_template, help_fact.label_params, translator("es"))
    assert "food" not in shown and "{" not in shown


def test_compulsory_army_service_as_a_cook_is_not_material_support() -> None:
    r = record(**{**CLEAR, "screening.armed_groups": YesNo.yes,
                  "screening.armed_groups_detail": "Compulsory military service as a cook.",
                  "screening.armed_group_kind": ArmedGroupKind.state_forces,
                  "screening.armed_group_help": [HelpKind.food],
                  "screening.harmed_others": YesNo.unknown})
    a = el(r, "bars")
    p = parts(a)["material_support"]
    assert p.status == "met" and "persecutor question" in p.note
    assert status(a)["persecutor"] == "not_shown"  # the persecutor question stays open
    assert a.strength == "thin"


def test_m_h_z_pattern() -> None:
    # Matter of M-H-Z- (BIA 2016): a Colombian shop owner forced by the FARC to hand over
    # goods; no implied duress exception to the material support bar.
    r = record(**{**CLEAR, "screening.armed_groups": YesNo.yes,
                  "screening.armed_groups_detail": "The guerrillas took goods from my shop "
                                                   "and said they would kill my family.",
                  "screening.armed_group_kind": ArmedGroupKind.non_state,
                  "screening.armed_group_help": [HelpKind.food, HelpKind.other],
                  "screening.armed_group_voluntary": Voluntariness.forced})
    p = parts(el(r, "bars"))["material_support"]
    assert p.status == "against" and "m-h-z" in p.authorities


def test_a_c_m_pattern_small_forced_labour_counts() -> None:
    # Matter of A-C-M- (BIA 2018): forced cooking, cleaning and washing for guerrillas.
    r = record(**{**CLEAR, "screening.armed_groups": YesNo.yes,
                  "screening.armed_group_kind": ArmedGroupKind.non_state,
                  "screening.armed_group_help": [HelpKind.food, HelpKind.labour],
                  "screening.armed_group_voluntary": Voluntariness.forced,
                  "screening.armed_group_duration": Duration.weeks})
    p = parts(el(r, "bars"))["material_support"]
    assert p.status == "against" and "a-c-m" in p.authorities
    assert dict(p.note_params)["help"] == ("food or cooking", "other work")


def test_an_armed_group_of_unknown_kind_is_raised_for_the_attorney() -> None:
    r = record(**{**CLEAR, "screening.armed_groups": YesNo.yes})
    a = el(r, "bars")
    assert status(a)["material_support"] == "against" and a.strength == "against"
    assert "state's forces" in parts(a)["material_support"].note


def test_persecutor_bar_names_negusie_only_when_forced() -> None:
    r = record(**{**CLEAR, "screening.harmed_others": YesNo.yes,
                  "screening.harmed_others_detail": "I had to guard detainees.",
                  "screening.harmed_others_voluntary": Voluntariness.forced})
    a = el(r, "bars")
    p = parts(a)["persecutor"]
    assert p.status == "against" and "Negusie" in p.note and "verify" in p.note
    assert "negusie-2020" in p.authorities
    assert [f.path for f in a.against] == ["screening.harmed_others_detail",
                                           "screening.harmed_others_voluntary"]
    chose = record(**{**CLEAR, "screening.harmed_others": YesNo.yes,
                      "screening.harmed_others_voluntary": Voluntariness.voluntary})
    assert "negusie-2020" not in parts(el(chose, "bars"))["persecutor"].authorities


def test_firm_resettlement_quotes_the_offer_and_the_time_there() -> None:
    # Pattern of Matter of A-G-G- (BIA 2011): permanent status was available in a third
    # country; not applying for it does not avoid the bar.
    stay = transit("Valmora", "2019-03-01", "2022-08-01", status_offered=YesNo.yes,
                   status_detail="They offered me a residence card; I never collected it.")
    a = el(record(**CLEAR, **{"leaving.route": [stay]}), "bars")
    assert status(a)["firm_resettlement"] == "against"
    [f] = [f for f in a.against if f.path.startswith("leaving.route")]
    assert f.text == "They offered me a residence card; I never collected it."
    assert f.label == "Status offered in Valmora (there from 2019-03-01 to 2022-08-01)"
    assert "8-cfr-1208-15" in a.authorities
    offered_no = transit("Valmora", "2019-03-01", status_offered=YesNo.no)
    assert el(record(**CLEAR, **{"leaving.route": [offered_no]}), "bars").strength == "supported"


def test_crimes_and_convictions() -> None:
    convicted = record(**CLEAR, **{"harm_to_others.legal_events": [
        legal_event(LegalKind.conviction, "2021-01-01", description="Insulting the governor.")]})
    a = el(convicted, "bars")
    assert status(a)["crimes"] == "against"
    assert [f.text for f in a.against] == ["Insulting the governor."]
    charged = record(**CLEAR, **{"harm_to_others.legal_events": [
        legal_event(LegalKind.charge, "2021-01-01")]})
    assert el(charged, "bars").strength == "supported"


def test_exclusion_parts_outside_the_us() -> None:
    for juris in ("uk", "ca", "eu"):
        clear = el(record(**CLEAR), "bars", juris)
        assert clear.strength == "supported"
        assert tuple(status(clear)) == ("1f_acts", "1f_crime", "1e")
    a = el(record(**_rebels_cook()), "bars", "ca")
    assert status(a)["1f_acts"] == "against" and "Ezokola" in parts(a)["1f_acts"].note
    assert "irpa-98" in parts(a)["1e"].authorities
    eu = el(record(**_rebels_cook()), "bars", "eu")
    assert {"b-d", "qd-2011-95-art-12", "qd-2011-95-art-17"} <= set(eu.authorities)
    army = record(**{**CLEAR, "screening.armed_groups": YesNo.yes,
                     "screening.armed_group_kind": ArmedGroupKind.state_forces})
    assert el(army, "bars", "uk").strength == "supported"
    stay = transit("Valmora", "2019-03-01", status_offered=YesNo.yes)
    assert status(el(record(**CLEAR, **{"leaving.route": [stay]}), "bars", "ca"))["1e"] == \
        "against"
