"""Element rule for internal relocation (internal flight or protection alternative).

Two parts in every jurisdiction, from the applicant's answers (fear.relocation_possible,
fear.relocation_why_not) and who did the past harm (Perpetrator across incidents):
- safe elsewhere: no risk in another part of the country. Met when the applicant says they
  could not live safely elsewhere and why, or (US) a state actor did the harm (its reach is
  usually national; elsewhere state involvement alone does not rule relocation out: Januzi,
  AH (Sudan), Rasaratnam); against when the applicant says they could; not shown otherwise.
- reasonable to go there: met when the applicant says why not (the attorney checks the reasons
  show it would be unreasonable or unduly harsh); against when they say they could live there;
  not shown otherwise.
The tests behind them: US 8 CFR 1208.13(b)(3) (possible and reasonable); Canada the two-prong
IFA (Rasaratnam: no serious possibility of persecution there; Thirunavukkarasu: not
unreasonable in all the circumstances); UK Januzi and AH (Sudan) (reasonable, not unduly harsh)
and for claims from 28 June 2022 the Nationality and Borders Act 2022 s.35 (verify); EU art. 8
(safe, can travel and settle there, reasonably expected to).
US only, a third part, the burden: when the persecutor is the government, or past persecution
(injury or detention by a known actor) is recorded, relocation is presumed unreasonable and
DHS must show otherwise (8 CFR 1208.13(b)(3)(ii)); otherwise the applicant bears it
((b)(3)(i)).
Also against: the applicant lived elsewhere in the country since the trouble began and was not
found or harmed there (fear.lived_elsewhere, lived_elsewhere_harmed: Rasaratnam), or the only
reason she gives is hardship there, not danger (fear.relocation_reason: the reasonableness part
then asks whether it would be unduly harsh compared with others in the country, AH (Sudan)).
Strength: against when the applicant says they could live safely elsewhere; supported when they
say they could not and why, or (US) the presumption applies; thin when only one of the two
is answered or only a state actor is recorded; missing when nothing is.
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.journey import RelocationReason
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import RuleResult, TestPart, part, result
from asylum_prep.legal.risk_facts import past_persecution_shown, state_persecutor
from asylum_prep.legal.rules_claim import RuleInput

AUTH = {  # jurisdiction -> (safe part, reasonable part)
    "us": (("8-cfr-1208-13-b-3",), ("8-cfr-1208-13-b-3",)),
    "uk": (("januzi", "naba-2022-s35"), ("januzi", "ah-sudan", "naba-2022-s35")),
    "ca": (("rasaratnam",), ("thirunavukkarasu",)),
    "eu": (("qd-2011-95-art-8",), ("qd-2011-95-art-8",)),
}
SAFE = N_("Safe in another part of the country")
REASONABLE = N_("Reasonable to relocate there")
SAID_COULD = N_("The applicant said they could live safely elsewhere in the country.")


def _burden(inp: RuleInput) -> TestPart:
    label = N_("Who must prove relocation")
    auth = ("8-cfr-1208-13-b-3",)
    state = state_persecutor(inp.record)
    if state is not None:
        return part("burden", label, "met",
                    N_("The persecutor is the government ({who}, {date}): relocation is "
                       "presumed unreasonable unless DHS shows otherwise."),
                    authorities=auth, who=F.PERPETRATOR[state.perpetrator], date=F.when(state))
    past = past_persecution_shown(inp.record)
    if past is not None:
        return part("burden", label, "met",
                    N_("Past persecution is recorded ({date}): relocation is presumed "
                       "unreasonable unless DHS shows otherwise."),
                    authorities=(*auth, "8-cfr-1208-13-b-1"), date=F.when(past))
    return part("burden", label, "not_shown",
                N_("Neither a government persecutor nor past persecution is recorded, so the "
                   "applicant must show that relocation would be unreasonable."),
                authorities=auth)


def internal_relocation(inp: RuleInput) -> RuleResult:
    r = inp.record
    j = inp.jurisdiction
    facts = F.answers(r, "fear.relocation_why_not")
    answer = r.fear.relocation_possible
    why = bool(r.fear.relocation_why_not.strip())
    state = state_persecutor(r)
    safe_auth, reasonable_auth = AUTH[j]
    fr = r.fear
    lived_safely = fr.lived_elsewhere is YesNo.yes and fr.lived_elsewhere_harmed is YesNo.no
    hardship_only = answer is not YesNo.yes and fr.relocation_reason is RelocationReason.hardship
    facts += F.answers(r, "fear.lived_elsewhere_detail")
    if answer is YesNo.yes:
        safe = part("safe", SAFE, "against", SAID_COULD, authorities=safe_auth)
        reasonable = part("reasonable", REASONABLE, "against", SAID_COULD,
                          authorities=reasonable_auth)
    elif lived_safely:
        safe = part("safe", SAFE, "against",
                    N_("The applicant lived elsewhere in the country and was not found or "
                       "harmed there (Rasaratnam)."), authorities=(*safe_auth, "rasaratnam"))
        reasonable = part("reasonable", REASONABLE, "not_shown",
                          N_("Ask why living there again would be unreasonable."),
                          authorities=reasonable_auth)
    elif hardship_only:
        safe = part("safe", SAFE, "against",
                    N_("The reason given is hardship there, not danger."), authorities=safe_auth)
        reasonable = part("reasonable", REASONABLE, "not_shown",
                          N_("Hardship makes relocation unreasonable only if it is unduly harsh "
                             "compared with life for others in the country (AH (Sudan))."),
                          authorities=(*reasonable_auth, "ah-sudan"))
    else:
        if state is not None and j == "us":
            safe = part("safe", SAFE, "met", N_("A state actor did the harm ({who}), whose reach "
                                                "is usually national."),
                        authorities=safe_auth, who=F.PERPETRATOR[state.perpetrator])
        elif answer is YesNo.no and why:
            safe = part("safe", SAFE, "met", N_("The applicant says they could not live safely "
                                                "elsewhere in the country, and why."),
                        authorities=safe_auth)
        else:
            safe = part("safe", SAFE, "not_shown", N_("Nothing yet shows the risk would follow "
                                                      "the applicant elsewhere."),
                        authorities=safe_auth)
        reasonable = part("reasonable", REASONABLE, "met" if answer is YesNo.no and why
                          else "not_shown",
                          N_("The applicant gives reasons; check they show it would be "
                             "unreasonable or unduly harsh in all the circumstances.")
                          if answer is YesNo.no and why else
                          N_("No answer says why living elsewhere would be unreasonable."),
                          authorities=reasonable_auth)
    parts = [safe, reasonable]
    presumed = False
    if j == "us":
        burden = _burden(inp)
        presumed = burden.status == "met"
        parts.insert(0, burden)
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities))
    if lived_safely or hardship_only:
        return result("against", [],
                      N_("The applicant lived elsewhere in the country without harm.")
                      if lived_safely else
                      N_("The applicant fears hardship elsewhere in the country, not danger."),
                      N_("Ask what would happen to the applicant there now, and why it would "
                         "be unreasonable or unduly harsh to live there."),
                      parts=parts, against=facts, authorities=auth)
    if answer is YesNo.yes:
        return result("against", facts, SAID_COULD,
                      N_("Ask where, for how long, and whether it would really be safe and "
                         "reasonable to live there."), parts=parts, authorities=auth)
    if answer is YesNo.no and why:
        return result("supported", facts, N_("The applicant says they could not live safely "
                                              "elsewhere in the country, and why."),
                      N_("Support the answer with country conditions on the reach of the "
                         "persecutors."), parts=parts, authorities=auth)
    if presumed:
        return result("supported", facts,
                      N_("Relocation is presumed unreasonable here (a government persecutor or "
                         "past persecution)."),
                      N_("Ask whether the applicant could live safely in another part of the "
                         "country, and why not."), parts=parts, authorities=auth)
    if answer is YesNo.no:
        return result("thin", facts, N_("The applicant says they could not live safely elsewhere, "
                                        "but not why."),
                      N_("Ask why the applicant could not live safely in another part of the "
                         "country."), parts=parts, authorities=auth)
    if why:
        return result("thin", facts, N_("A reason is given but the question whether relocation "
                                        "is possible is not answered."),
                      N_("Ask whether the applicant could live safely in another part of the "
                         "country."), parts=parts, authorities=auth)
    if state is not None:
        return result("thin", facts, N_("A state actor did the harm, but no answer says whether "
                                        "the applicant could live elsewhere."),
                      N_("Ask whether the applicant could live safely in another part of the "
                         "country, and why not."), parts=parts, authorities=auth)
    return result("missing", facts, N_("No answer says whether the applicant could live "
                                       "elsewhere in the country."),
                  N_("Ask whether the applicant could live safely in another part of the "
                     "country, and why not."), parts=parts, authorities=auth)
