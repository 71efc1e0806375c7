"""Element rule for torture and other serious harm (complementary protection).

US, CAT (8 CFR 1208.16(c)-1208.18): torture more likely than not, with specific intent, by or
with the consent or acquiescence of a public official (acquiescence includes willful
blindness, 8 CFR 1208.18(a)(7)). Each link in the chain must be more likely than not (Matter
of J-F-F-), so one part per link:
- who: the applicant names whom they fear (fear.who);
- found: they would find the applicant (still looking yes, or how they would know);
- torture: the applicant fears torture and describes it (fear.torture_*); against when the
  applicant said they do not fear torture;
- official: an official did the past harm or refused protection (state actor, or protection
  sought and refused).
When asylum is time-barred (see rule_timeliness) a part says CAT has no filing deadline; when
a bar is raised (see rule_bars) a part says deferral of removal stays available to barred
applicants (8 CFR 1208.17(a); verify).
UK, ECHR art. 3 (Soering, Chahal, Saadi): a real risk of torture or inhuman or degrading
treatment: met when the applicant fears torture, describes it, and names who or how they
would be found; absolute, so a raised exclusion does not remove it (a part says so).
Canada, s.97(1)(a) torture within CAT art. 1 (needs an official, as in the US) and s.97(1)(b)
risk to life or cruel and unusual treatment, in three parts: a personal risk (whom and what
harm), not generalised (against when every reason chosen is "everyone was at risk", "ordinary
crime" or "money or extortion": Prophète); the state cannot or will not protect (s.97(1)(b)(i):
an official did or allowed the harm, or protection was sought and refused or failed); and the
risk is faced in every part of the country (s.97(1)(b)(ii): the applicant says they could not
live safely elsewhere, and why).
EU, art. 15: (a)-(b) death penalty, torture or inhuman treatment, as the UK part; (c)
indiscriminate violence in armed conflict (Elgafaji: the more individually affected, the less
violence needed; Diakité): met only when incidents show individual targeting (a reason other
than "everyone was at risk" is chosen), otherwise not shown: attach country evidence.
Every jurisdiction: a part for country conditions on torture (inp.country_evidence
["torture_official"]); it informs the attorney and does not change the strength.
Strength: supported when every link (US) or the main part (UK: art. 3; Canada: s.97(1)(a), or
all three parts of (b); EU: 15(a)-(b)) is met; against when the applicant said they do not fear
torture, or (Canada) the risk is generalised, and nothing else is shown; thin when some part
(EU: including 15(c)) is met; missing when none is. Until the torture question is answered:
US missing (whom the applicant fears and that they would be found are not yet CAT) unless
officials injured the applicant ("None." is not an injury), then thin; UK thin when whom and
what harm are said (the harm may engage Article 3).
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import STATE_ACTORS, InjuryLevel, StateProtection, TargetReason
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, RuleResult, TestPart, part, plural, result
from asylum_prep.legal.risk_facts import (
    GENERALISED_NOTE,
    generalised_facts,
    generalised_only,
    official_incidents,
)
from asylum_prep.legal.rule_bars import raised_bars
from asylum_prep.legal.rule_timeliness import time_barred
from asylum_prep.legal.rules_claim import RuleInput

NOT_SHOWN = N_("The answers do not show this yet.")
SAID_NO = N_("The applicant said they do not fear torture.")


def _fear_part(inp: RuleInput, key: str, label: str, auth: tuple[str, ...]) -> TestPart:
    fr = inp.record.fear
    if fr.torture_fear is YesNo.yes and fr.torture_detail.strip():
        return part(key, label, "met", N_("The applicant fears torture and describes it."),
                    authorities=auth)
    if fr.torture_fear is YesNo.no:
        return part(key, label, "against", SAID_NO, authorities=auth)
    if fr.torture_fear is YesNo.yes:
        return part(key, label, "not_shown", N_("The applicant fears torture but does not say "
                                                "what or by whom."), authorities=auth)
    return part(key, label, "not_shown", N_("Whether the applicant fears torture is not "
                                            "answered."), authorities=auth)


def _official_part(inp: RuleInput, auth: tuple[str, ...]) -> TestPart:
    label = N_("By or with the acquiescence of a public official")
    official = official_incidents(inp.record)
    if official:
        return part("official", label, "met",
                    N_("Officials did or allowed the past harm ({date}); acquiescence includes "
                       "willful blindness."), authorities=auth, date=F.when(official[0]))
    return part("official", label, "not_shown",
                N_("No answer ties the harm to a public official, by act or acquiescence."),
                authorities=auth)


def _us_parts(inp: RuleInput) -> list[TestPart]:
    fr = inp.record.fear
    auth = ("8-cfr-1208-16", "8-cfr-1208-18", "j-f-f")
    found = fr.still_looking is YesNo.yes or bool(fr.how_they_would_know.strip())
    parts = [
        part("who", N_("Who would torture the applicant"), "met" if fr.who.strip()
             else "not_shown", N_("The applicant names whom they fear.") if fr.who.strip()
             else NOT_SHOWN, authorities=("j-f-f",)),
        part("found", N_("They would find the applicant"), "met" if found else "not_shown",
             N_("They still look for the applicant, or would learn of a return.") if found
             else NOT_SHOWN, authorities=("j-f-f",)),
        _fear_part(inp, "torture", N_("Torture, with specific intent, more likely than not"),
                   auth),
        _official_part(inp, ("8-cfr-1208-18", "cat-art-1")),
    ]
    if time_barred(inp):
        parts.append(part("no_deadline", N_("No filing deadline"), "met",
                          N_("CAT protection has no filing deadline and stays open although "
                             "asylum may be time-barred."),
                          authorities=("8-cfr-1208-16", "cat-art-3")))
    if raised_bars(inp):
        parts.append(part("despite_bars", N_("Protection despite a bar"), "met",
                          N_("Deferral of removal under CAT stays available even if a bar "
                             "applies (verify)."), authorities=("8-cfr-1208-17",)))
    return parts


def _individual(inp: RuleInput) -> bool:
    reasons = {x for i in inp.record.incidents.items for x in i.target_reasons}
    return bool(reasons - {TargetReason.everyone_at_risk, TargetReason.dont_know})


def _ca_protection(inp: RuleInput) -> TestPart:
    """s.97(1)(b)(i): unable, or because of the risk unwilling, to seek the state's protection."""
    label = N_("The state did not or could not protect")
    auth = ("irpa-97",)
    items = inp.record.incidents.items
    state = [i for i in items if i.perpetrator in STATE_ACTORS
             or i.state_protection is StateProtection.sought_refused]
    if state:
        return part("s97_protection", label, "met",
                    N_("Officials did or allowed the past harm ({date}); acquiescence includes "
                       "willful blindness."), authorities=auth, date=F.when(state[0]))
    if any(i.state_protection is StateProtection.sought_failed for i in items):
        return part("s97_protection", label, "met",
                    N_("A non-state actor did the harm, and the answers explain why the state "
                       "did not protect."), authorities=auth)
    return part("s97_protection", label, "not_shown", NOT_SHOWN, authorities=auth)


def _ca_every_part(inp: RuleInput) -> TestPart:
    """s.97(1)(b)(ii): the risk is faced in every part of the country."""
    fr = inp.record.fear
    label = N_("s.97(1)(b)(ii): a risk in every part of the country")
    auth = ("irpa-97", "rasaratnam")
    if fr.relocation_possible is YesNo.yes:
        return part("s97_every_part", label, "against",
                    N_("The applicant said they could live safely elsewhere in the country."),
                    authorities=auth)
    if fr.relocation_possible is YesNo.no and fr.relocation_why_not.strip():
        return part("s97_every_part", label, "met",
                    N_("The applicant says they could not live safely elsewhere in the country, "
                       "and why."), authorities=auth)
    return part("s97_every_part", label, "not_shown", NOT_SHOWN, authorities=auth)


def _other_parts(inp: RuleInput) -> list[TestPart]:
    j = inp.jurisdiction
    fr = inp.record.fear
    if j == "uk":
        parts = [_fear_part(inp, "art3", N_("A real risk of torture or inhuman or degrading "
                                             "treatment (ECHR art. 3)"),
                            ("echr-art-3", "soering", "chahal", "saadi"))]
        if raised_bars(inp):
            parts.append(part("despite_bars", N_("Protection despite a bar"), "met",
                              N_("Article 3 is absolute: exclusion from refugee status does not "
                                 "remove it."), authorities=("chahal", "saadi")))
        return parts
    if j == "ca":
        torture = _fear_part(inp, "s97_1a", N_("s.97(1)(a): torture by or with the acquiescence "
                                               "of a public official"), ("irpa-97", "cat-art-1"))
        if torture.status == "met" and not official_incidents(inp.record):
            torture = part("s97_1a", torture.label, "not_shown", N_(
                "No answer ties the harm to a public official, by act or acquiescence."),
                authorities=torture.authorities)
        label_b = N_("s.97(1)(b): a personal risk to life or of cruel and unusual treatment")
        auth_b = ("irpa-97", "li-2005", "prophete")
        if generalised_only(inp.record):
            life = part("s97_1b", label_b, "against", GENERALISED_NOTE, authorities=auth_b)
        elif fr.who.strip() and fr.what_harm.strip():
            life = part("s97_1b", label_b, "met", N_("The applicant says whom they fear and "
                                                     "what harm."), authorities=auth_b)
        else:
            life = part("s97_1b", label_b, "not_shown", NOT_SHOWN, authorities=auth_b)
        return [torture, life, _ca_protection(inp), _ca_every_part(inp)]
    individual = _individual(inp)
    return [
        _fear_part(inp, "art15_ab", N_("Art. 15(a)-(b): death penalty, torture or inhuman "
                                       "treatment"), ("qd-2011-95-art-15",)),
        part("art15_c", N_("Art. 15(c): indiscriminate violence in armed conflict"),
             "met" if individual else "not_shown",
             N_("The incidents show individual targeting, which lowers the level of violence "
                "needed (Elgafaji).") if individual else
             N_("The answers cannot show this: attach country evidence on the level of "
                "violence."), authorities=("qd-2011-95-art-15", "elgafaji", "diakite")),
    ]


MAIN = {"us": ("who", "found", "torture", "official"), "uk": ("art3",),
        "ca": ("s97_1a", "s97_1b", "s97_protection", "s97_every_part"), "eu": ("art15_ab",)}
# Parts that, met on their own, make the element thin (EU: art. 15(c) is a head of its own).
SOME = {**MAIN, "eu": ("art15_ab", "art15_c")}
CA_B = ("s97_1b", "s97_protection", "s97_every_part")


def torture_official(inp: RuleInput) -> RuleResult:
    r = inp.record
    j = inp.jurisdiction
    cited = int(inp.country_evidence.get("torture_official", 0))
    parts = [*(_us_parts(inp) if j == "us" else _other_parts(inp)),
             part("country", N_("Country conditions"), "met" if cited else "not_shown",
                  plural("{n} country-conditions passage is attached.",
                         "{n} country-conditions passages are attached.") if cited else
                  N_("No country-conditions passage is attached."), n=cited)]
    facts: list[Fact] = F.answers(r, "fear.torture_detail")
    for i in official_incidents(r):
        facts += F.incident_facts(i, "injuries")
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities))
    against = generalised_facts(r) if j == "ca" else []
    main = [p for p in parts if p.key in MAIN[j]]
    met = [p for p in main if p.status == "met"]
    keys = {p.key for p in met}
    if j == "ca":
        done = "s97_1a" in keys or set(CA_B) <= keys
    else:
        done = len(met) == len(main)
    if done:
        return result("supported", facts,
                      N_("Every part of the test is met on the answers; the attorney weighs "
                         "whether it is more likely than not.") if j == "us" else
                      N_("The applicant fears torture and describes it."),
                      N_("Support the risk with country conditions on torture in detention."),
                      parts=parts, against=against,
                      authorities=auth)
    hurt = [i for i in official_incidents(r) if i.injuries.strip()
            and i.injury_level is not InjuryLevel.none]  # "None." is not an injury
    if hurt and r.fear.torture_fear is not YesNo.yes:
        return result("thin", facts, N_("Officials injured the applicant in the past ({date}), "
                                        "but the question about fear of torture is not answered "
                                        "yes."),
                      N_("Ask, with care, whether the applicant fears torture if returned."),
                      reason_params={"date": F.when(hurt[0])}, parts=parts, against=against,
                      authorities=auth)
    unanswered = r.fear.torture_fear is YesNo.unknown
    if unanswered and j == "us":  # whom they fear and that they would be found are not CAT
        return result("missing", facts, N_("Whether the applicant fears torture is not "
                                           "answered."),
                      N_("Ask, with care, whether the applicant fears torture on return, and by "
                         "whom."), parts=parts, against=against, authorities=auth)
    if unanswered and j == "uk" and r.fear.who.strip() and r.fear.what_harm.strip():
        return result("thin", facts, N_("The harm feared may engage Article 3, but the question "
                                        "about fear of torture or inhuman treatment is not "
                                        "answered."),
                      N_("Ask, with care, whether the applicant fears torture if returned."),
                      parts=parts, against=against, authorities=auth)
    some = [p for p in parts if p.key in SOME[j] and p.status == "met"]
    if some:
        gaps = tuple(p.label for p in main if p.status != "met")
        return result("thin", facts, N_("Some parts of the test are not shown yet: {which}."),
                      N_("Ask, with care, what the applicant fears would be done to them, by "
                         "whom, and whether officials took part in, allowed or ignored it."),
                      reason_params={"which": gaps}, parts=parts, against=against,
                      authorities=auth)
    if j == "ca" and generalised_only(r):
        return result("against", facts, GENERALISED_NOTE,
                      N_("Ask whether the applicant was singled out personally, and how their "
                         "risk differs from the risk others in the country face."),
                      parts=parts, against=against, authorities=auth)
    if r.fear.torture_fear is YesNo.no:
        return result("against", facts, SAID_NO,
                      N_("Revisit the question only if new facts suggest a risk of torture."),
                      parts=parts, against=against,
                      authorities=auth)
    if r.fear.torture_fear is YesNo.yes:
        return result("thin", facts, N_("The applicant fears torture but does not say what or by "
                                        "whom."),
                      N_("Ask, with care, what the applicant fears would be done to them, and "
                         "by whom."), parts=parts, against=against,
                      authorities=auth)
    return result("missing", facts, N_("Whether the applicant fears torture is not answered."),
                  N_("Ask, with care, whether the applicant fears torture on return, and by "
                     "whom."), parts=parts, against=against,
                      authorities=auth)
