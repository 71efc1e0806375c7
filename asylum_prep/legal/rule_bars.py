"""Element rule for bars to protection (US) and exclusion (UK, Canada, EU).

Each bar is a part: "met" means the answers raise nothing (the screening question is answered
no), "against" that the answers raise it, as a risk for the attorney's review with the facts
that raise it (never a judgment), "not shown" that the question is unanswered or the facts
do not say enough.

US (INA 208(b)(2)(A)):
- persecutor: screening.harmed_others yes. Said to be forced (harmed_others_voluntary forced or
  both): the Attorney General held there is no duress exception (Matter of Negusie, 28 I&N
  Dec. 120 (A.G. 2020); revisited by the A.G. in October 2025: verify).
- material support (INA 212(a)(3)(B)(iv)(VI)): screening.armed_groups yes with a non-state
  group (a Tier III group counts, 212(a)(3)(B)(vi)(III)): help of any kind, even small (food,
  cooking, money, shelter, labour: Matter of A-C-M-, 27 I&N Dec. 303 (BIA 2018)), and no
  implied duress exception, only exemptions (Matter of M-H-Z-, 26 I&N Dec. 757 (BIA 2016)).
  Service in the state's own forces raises nothing here (the persecutor question stays); a
  group of unknown kind is raised, for the attorney to ask.
- firm resettlement (8 CFR 1208.15): screening.status_elsewhere yes, or status offered in a
  transit country; the time spent there (leaving.route arrived/left) is quoted.
- serious crimes (serious nonpolitical crime, particularly serious crime): screening
  serious_crimes yes, or a recorded conviction.
UK, Canada, EU:
- art. 1F acts against others: harmed others, or help to a non-state armed group; membership
  alone is not enough (B and D), complicity needs a voluntary, significant and knowing
  contribution (Ezokola); EU arts 12(2) and 17.
- art. 1F(b) serious non-political crime: as the US crimes part.
- art. 1E (Canada: IRPA s.98; EU art. 12(1)(b)): status like a national's elsewhere, raised by
  status elsewhere or offered in transit.
Strength: "supported" when every part is met (no bar raised); "against" when any part is
raised; "thin" when none is raised but some question is open; "missing" when every
screening question is unanswered.
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.journey import ArmedGroupKind, Voluntariness
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, PartStatus, RuleResult, TestPart, part, result
from asylum_prep.legal.risk_facts import HELP_LABELS, armed_group_facts, harmed_others_facts
from asylum_prep.legal.rules_claim import RuleInput
from asylum_prep.legal.spans import show

FORCED = frozenset({Voluntariness.forced, Voluntariness.both})
RAISED = N_("Raised for the attorney's review by the answers quoted.")
CLEAR = N_("The screening answer is no.")
OPEN = N_("The screening question is not answered.")
MATERIAL_SUPPORT = N_("Help of any kind to a non-state armed group, even small ({help}), can be "
                      "material support; there is no implied duress exception, only exemptions "
                      "(Matter of M-H-Z-).")
NONE_LISTED = N_("no help listed")
KIND_UNKNOWN = N_("The answers do not say whether the group was the state's forces or a "
                  "non-state armed group.")


def _status(answer: YesNo, raised: bool) -> PartStatus:
    if raised:
        return "against"
    return "met" if answer is YesNo.no else "not_shown"


def _simple(key: str, label: str, answer: YesNo, raised: bool, auth: tuple[str, ...],
            raised_note: str = RAISED, **params: object) -> TestPart:
    status = _status(answer, raised)
    note = raised_note if raised else CLEAR if status == "met" else OPEN
    return part(key, label, status, note, authorities=auth, **(params if raised else {}))


def _resettlement(r: CaseRecord) -> tuple[bool, list[Fact]]:
    facts = F.answers(r, "screening.status_elsewhere_detail") \
        if r.screening.status_elsewhere is YesNo.yes else []
    for t in r.leaving.route:
        if t.status_offered is YesNo.yes:
            facts.append(F.make(f"leaving.route.{t.id}.status_detail",
                                N_("Status offered in {country} (there from {arrived} to "
                                   "{left})"), t.status_detail or t.country,
                                country=t.country or "?", arrived=show(t.arrived),
                                left=show(t.left)))
    raised = r.screening.status_elsewhere is YesNo.yes or any(
        t.status_offered is YesNo.yes for t in r.leaving.route)
    return raised, facts


def _crimes(r: CaseRecord) -> tuple[bool, list[Fact]]:
    facts = F.answers(r, "screening.serious_crimes_detail") \
        if r.screening.serious_crimes is YesNo.yes else []
    convictions = [e for e in r.harm_to_others.legal_events if e.kind is LegalKind.conviction]
    for e in convictions:
        facts.append(F.make(f"harm_to_others.legal_events.{e.id}", N_("Conviction ({date})"),
                            e.description or e.outcome or e.authority or "?",
                            date=show(e.start) if e.start else F.NO_DATE))
    return r.screening.serious_crimes is YesNo.yes or bool(convictions), facts


def _armed(r: CaseRecord) -> tuple[bool, bool]:
    """(non-state help raised, kind unknown) for a "yes" to the armed-groups question."""
    s = r.screening
    if s.armed_groups is not YesNo.yes:
        return False, False
    return s.armed_group_kind is ArmedGroupKind.non_state, \
        s.armed_group_kind is ArmedGroupKind.unknown


def _us_parts(r: CaseRecord) -> list[TestPart]:
    s = r.screening
    harmed = s.harmed_others is YesNo.yes
    forced = s.harmed_others_voluntary in FORCED
    non_state, kind_unknown = _armed(r)
    help_ = tuple(dict.fromkeys(HELP_LABELS[h] for h in s.armed_group_help)) or (NONE_LISTED,)
    if s.armed_groups is YesNo.yes and s.armed_group_kind is ArmedGroupKind.state_forces:
        support = part("material_support", N_("Material support"), "met",
                       N_("Service in the state's own forces is not support to a terrorist "
                          "organisation; the persecutor question still applies."),
                       authorities=("ina-212-a-3-b-iv-vi",))
    elif kind_unknown:
        support = part("material_support", N_("Material support"), "against", KIND_UNKNOWN,
                       authorities=("ina-212-a-3-b-iv-vi", "ina-212-a-3-b-vi-iii"))
    else:
        support = _simple("material_support", N_("Material support"), s.armed_groups, non_state,
                          ("ina-212-a-3-b-iv-vi", "ina-212-a-3-b-vi-iii", "m-h-z", "a-c-m"),
                          MATERIAL_SUPPORT, help=help_)
    resettled, _ = _resettlement(r)
    crimes, _ = _crimes(r)
    return [
        _simple("persecutor", N_("Persecutor bar"), s.harmed_others, harmed,
                ("ina-208-b-2-a", "negusie-2020") if forced else ("ina-208-b-2-a",),
                N_("Said to be forced: the Attorney General held there is no duress exception "
                   "to the persecutor bar (Matter of Negusie, 2020; verify).") if forced
                else RAISED),
        support,
        _simple("firm_resettlement", N_("Firm resettlement"), s.status_elsewhere, resettled,
                ("ina-208-b-2-a", "8-cfr-1208-15"),
                N_("Whether the status offered elsewhere was permanent decides firm "
                   "resettlement; the time spent there is quoted.")),
        _simple("crimes", N_("Serious nonpolitical or particularly serious crime"),
                s.serious_crimes, crimes, ("ina-208-b-2-a",)),
    ]


EXCLUSION_AUTH = {"uk": ("refugee-convention-1f", "ezokola"),
                  "ca": ("refugee-convention-1f", "ezokola", "irpa-98"),
                  "eu": ("qd-2011-95-art-12", "qd-2011-95-art-17", "b-d")}
ONE_E_AUTH = {"uk": ("refugee-convention-1e",), "ca": ("irpa-98",),
              "eu": ("qd-2011-95-art-12",)}


def _exclusion_parts(r: CaseRecord, j: str) -> list[TestPart]:
    s = r.screening
    non_state, kind_unknown = _armed(r)
    state_service = (s.armed_groups is YesNo.yes
                     and s.armed_group_kind is ArmedGroupKind.state_forces)
    auth = EXCLUSION_AUTH[j]
    acts_label = N_("Article 1F: acts against others")
    if kind_unknown:
        acts = part("1f_acts", acts_label, "against", KIND_UNKNOWN, authorities=auth)
    elif s.harmed_others is YesNo.yes or non_state:
        acts = part("1f_acts", acts_label, "against",
                    N_("Membership or help alone is not enough: exclusion needs a voluntary, "
                       "significant and knowing contribution (Ezokola; B and D)."),
                    authorities=auth)
    elif s.harmed_others is YesNo.no and (s.armed_groups is YesNo.no or state_service):
        acts = part("1f_acts", acts_label, "met", CLEAR, authorities=auth)
    else:
        acts = part("1f_acts", acts_label, "not_shown", OPEN, authorities=auth)
    resettled, _ = _resettlement(r)
    crimes, _ = _crimes(r)
    return [
        acts,
        _simple("1f_crime", N_("Article 1F(b): serious non-political crime"), s.serious_crimes,
                crimes, auth),
        _simple("1e", N_("Article 1E: status like a national's elsewhere"), s.status_elsewhere,
                resettled, ONE_E_AUTH[j]),
    ]


# Each bar as named inside a sentence ("... need the attorney's review: material support and
# a serious crime."): lower case, where the part labels are headings.
IN_SENTENCE = {
    "material_support": N_("material support"),
    "persecutor": N_("the persecutor bar"),
    "firm_resettlement": N_("firm resettlement"),
    "crimes": N_("a serious nonpolitical or particularly serious crime"),
    "1f_acts": N_("acts against others (article 1F)"),
    "1f_crime": N_("a serious non-political crime (article 1F(b))"),
    "1e": N_("status like a national's elsewhere (article 1E)"),
}


def raised_bars(inp: RuleInput) -> list[TestPart]:
    """The bar parts the answers raise (for the torture element)."""
    return [p for p in _parts(inp) if p.status == "against"]


def _parts(inp: RuleInput) -> list[TestPart]:
    if inp.jurisdiction == "us":
        return _us_parts(inp.record)
    return _exclusion_parts(inp.record, inp.jurisdiction)


def bars(inp: RuleInput) -> RuleResult:
    r = inp.record
    s = r.screening
    parts = _parts(inp)
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities))
    against: list[Fact] = []
    if s.harmed_others is YesNo.yes:
        against += harmed_others_facts(r)
    if s.armed_groups is YesNo.yes:
        against += F.answers(r, "screening.armed_groups_detail") + armed_group_facts(r)
    against += _resettlement(r)[1] + _crimes(r)[1]
    raised = [p for p in parts if p.status == "against"]
    if raised:
        which = tuple(IN_SENTENCE.get(p.key, p.label) for p in raised)  # each language joins it
        return result("against", [], N_("Some answers touch a bar and need the attorney's "
                                        "review: {which}."),
                      N_("Review these answers with the applicant, carefully and without "
                         "judgment, before filing: {which}."),
                      reason_params={"which": which}, next_params={"which": which},
                      parts=parts, against=against, authorities=auth)
    questions = (s.harmed_others, s.serious_crimes, s.status_elsewhere, s.armed_groups)
    open_ = tuple(IN_SENTENCE.get(p.key, p.label) for p in parts if p.status == "not_shown")
    if all(q is YesNo.unknown for q in questions):
        return result("missing", [], N_("Some screening questions are unanswered: {which}."),
                      N_("Ask the screening questions still open, with care: {which}."),
                      reason_params={"which": open_}, next_params={"which": open_},
                      parts=parts, against=against, authorities=auth)
    if open_:
        return result("thin", [], N_("Some screening questions are unanswered: {which}."),
                      N_("Ask the screening questions still open, with care: {which}."),
                      reason_params={"which": open_}, next_params={"which": open_},
                      parts=parts, against=against, authorities=auth)
    return result("supported", [], N_("The screening answers raise no bar."),
                  N_("Nothing to do unless new facts appear."), parts=parts, authorities=auth)
