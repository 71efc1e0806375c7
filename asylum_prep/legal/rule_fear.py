"""Element rules for the fear of return: subjective fear and its objective basis.

subjective_fear (every jurisdiction). Parts: the fear stated (whom and what harm), and no
return home (a return weighs against the fear: part "against" and the element "against"
until it is explained). UK: a third part names the standard by the claim date (filing date,
else last arrival): from 28 June 2022 the fear itself on the balance of probabilities
(Nationality and Borders Act 2022 s.32(2)(b); in force as of October 2025, verify), before it
a reasonable degree of likelihood (Sivakumaran). Strength: missing when neither whom nor what
is said; against after a return home; thin when only one is said; supported otherwise.

objective_fear. Parts: the applicant's own facts (still sought, how they would know, past
incidents, harm to others), country conditions (inp.country_evidence["objective_fear"]),
then the jurisdiction's standard, met when both are present. Own facts include, besides a
past incident, the applicant holding the belief or trait the fear is about (a ground stated and
described, and why they fear): with country evidence that people who share it are persecuted,
no past incident is needed (US pattern or practice, 8 CFR 1208.13(b)(2)(iii); HJ (Iran); RT
(Zimbabwe); Salibian in Canada).
- US: asylum, reasonable possibility (Cardoza-Fonseca; Mogharrabi; 8 CFR 1208.13(b)(2)); also
  met without country evidence on the applicant's own detailed account of the Mogharrabi
  factors (credible testimony can suffice without corroboration, Mogharrabi headnote 5; INA
  208(b)(1)(B)(ii)): a ground stated, an incident in which the persecutor (known) threatened or
  hurt the applicant for a ground reason, and a way they would learn of a return (how they
  would know, or still looking);
  withholding, more likely than not (Stevic; INA 241(b)(3)): met only when the applicant is
  still sought, was harmed before by a known actor (injured or detained) and country evidence
  is attached, so the map says which protections the facts reach. Country evidence without
  own facts: the reason names pattern or practice (8 CFR 1208.13(b)(2)(iii)).
- UK: reasonable degree of likelihood (Sivakumaran; s.32(4) for claims from 28 June 2022),
  with the claim-date part.
- UK and EU, one more part when the applicant says she would have to hide who she is, what she
  believes or how she lives to be safe (fear.would_hide): living openly, met (a risk avoided
  only by hiding is still a risk: HJ (Iran), RT (Zimbabwe); X, Y and Z, Y and Z). It informs and
  never lowers the strength; nothing is added when the answer is no or missing.
- Canada: s.96 serious possibility (Adjei); s.97 on the balance of probabilities (Li) is
  against when every reason chosen for the incidents is "everyone was at risk", "ordinary
  crime" or "money or extortion" (generalised risk, s.97(1)(b)(ii); Prophète), met on the
  withholding facts above.
- EU: art. 4 assessment; past persecution (injury or detention by a known actor, on a ground)
  is a serious indication (art. 4(4)).
Past persecution (injury or detention by a known actor, for a reason chosen that is a ground)
also supports the element without country evidence where the law gives it that weight: US, a
presumed well-founded fear unless DHS shows changed conditions or reasonable relocation (8 CFR
1208.13(b)(1)), a part of its own; UK, a serious indication (Immigration Rules para. 339K), a
part of its own; EU, art. 4(4) (the part above). Canada has no such rule: past persecution is
evidence among the rest.
Strength: supported with own facts and country evidence, or past persecution on a ground (US,
UK, EU), or (US) the testimony path above; thin with one of own facts and country evidence;
missing with neither.
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import Incident, Perpetrator, TargetReason
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, RuleResult, TestPart, part, plural, result
from asylum_prep.legal.risk_facts import (
    GENERALISED_NOTE,
    NABA_FROM,
    claim_date,
    generalised_facts,
    generalised_only,
    hurt,
    past_persecution_shown,
)
from asylum_prep.legal.rules_claim import RuleInput, described

SUBJECTIVE_AUTH = {"us": ("mogharrabi",), "uk": ("sivakumaran",), "ca": ("irpa-96", "adjei"),
                   "eu": ("qd-2011-95-art-4",)}
STANDARD = {  # the jurisdiction's standard for a well-founded fear: label, authorities
    "us": (N_("Asylum: a reasonable possibility"),
           ("cardoza-fonseca", "mogharrabi", "8-cfr-1208-13-b-2")),
    "uk": (N_("A reasonable degree of likelihood"), ("sivakumaran", "refugee-convention-1a2")),
    "ca": (N_("s.96: a serious possibility"), ("irpa-96", "adjei")),
    "eu": (N_("Well-founded fear (art. 4)"), ("qd-2011-95-art-4",)),
}
MET = N_("The applicant's own facts and the country evidence together can meet this standard.")
NOT_MET = N_("Both the applicant's own facts and country evidence are needed to meet this "
             "standard.")
STRONG = N_("The facts point to more likely than not: still sought, harmed before, and "
            "country evidence; the attorney weighs it.")
NOT_STRONG = N_("More likely than not is a higher standard; the record does not reach it yet.")
TESTIMONY = N_("Credible, detailed testimony can meet this standard without corroboration: the "
               "applicant holds the belief or trait, the persecutor has already acted on it "
               "against them and can learn of a return (Mogharrabi).")
PRESUMED = N_("Past persecution is recorded ({date}): a well-founded fear is presumed unless it "
              "is shown that conditions have changed or the applicant could reasonably "
              "relocate.")
SERIOUS = N_("Past persecution is recorded: a serious indication of risk unless good reasons "
             "show it will not be repeated.")
GROUND_REASONS = frozenset({TargetReason.political_opinion, TargetReason.imputed_political_opinion,
                            TargetReason.religion, TargetReason.race, TargetReason.nationality,
                            TargetReason.particular_social_group})


def uk_standard(inp: RuleInput) -> TestPart:
    """Which UK standard applies, by the date the claim was made."""
    made = claim_date(inp.record, inp.deadline)
    label = N_("Standard of proof by claim date")
    if made is None:
        return part("standard", label, "not_shown",
                    N_("The claim date is not recorded, so it is not known whether the "
                       "standards for claims from 28 June 2022 apply."),
                    authorities=("naba-2022-s32", "sivakumaran"))
    if made >= NABA_FROM:
        return part("standard", label, "met",
                    N_("Claim made from 28 June 2022: the characteristic and the fear on the "
                       "balance of probabilities, the risk on return a reasonable likelihood "
                       "(Nationality and Borders Act 2022 s.32; verify)."),
                    authorities=("naba-2022-s32",))
    return part("standard", label, "met",
                N_("Claim made before 28 June 2022: a reasonable degree of likelihood "
                   "throughout (Sivakumaran)."), authorities=("sivakumaran",))


def returns_part(r: CaseRecord) -> TestPart:
    label = N_("No return home")
    answer = r.screening.returned_home
    if answer is YesNo.yes:
        return part("returns", label, "against",
                    N_("The applicant returned home at some point; return trips weigh against "
                       "the fear and need explaining."))
    if answer is YesNo.no:
        return part("returns", label, "met", N_("The applicant has not gone back since "
                                                "leaving."))
    return part("returns", label, "not_shown", N_("Whether the applicant went back home is not "
                                                  "answered."))


def subjective_fear(inp: RuleInput) -> RuleResult:
    r = inp.record
    fr = r.fear
    facts = F.answers(r, "fear.who", "fear.what_harm", "fear.why", "fear.how_they_would_know",
                      "fear.still_looking_detail")
    who, what = bool(fr.who.strip()), bool(fr.what_harm.strip())
    auth = SUBJECTIVE_AUTH[inp.jurisdiction]
    label = N_("Fear stated: whom and what harm")
    if who and what:
        stated = part("stated", label, "met", N_("The applicant says whom they fear and what "
                                                 "harm."), authorities=auth)
    elif who or what:
        stated = part("stated", label, "not_shown", N_("Only one of whom the applicant fears "
                                                       "and what harm is said."),
                      authorities=auth)
    else:
        stated = part("stated", label, "not_shown", N_("No answer says whom the applicant fears "
                                                       "or what harm."), authorities=auth)
    parts = [stated, returns_part(r)]
    if inp.jurisdiction == "uk":
        parts.append(uk_standard(inp))
    if not who and not what:
        return result("missing", facts, N_("No answer says whom the applicant fears or what "
                                           "harm."),
                      N_("Ask whom the applicant fears and what they fear would happen on "
                         "return."), parts=parts, authorities=auth)
    if r.screening.returned_home is YesNo.yes:
        return result("against", facts, N_("The applicant returned home at some point; return "
                                           "trips weigh against the fear and need explaining."),
                      N_("Ask about each return home: when, why, for how long, and how the "
                         "applicant stayed safe."),
                      against=F.answers(r, "screening.returned_home_detail"),
                      parts=parts, authorities=auth)
    if not who:
        return result("thin", facts, N_("The harm feared is stated but not who would do it."),
                      N_("Ask whom the applicant fears on return."), parts=parts, authorities=auth)
    if not what:
        return result("thin", facts, N_("Who the applicant fears is stated but not what they "
                                        "would do."),
                      N_("Ask what the applicant fears would be done to them on return."),
                      parts=parts, authorities=auth)
    return result("supported", facts, N_("The applicant says whom they fear and what harm."),
                  N_("Ask whether they still look for the applicant and how they would know of "
                     "a return."), parts=parts, authorities=auth)


def _own_facts(r: CaseRecord) -> list[Fact]:
    facts: list[Fact] = F.answers(r, "fear.still_looking_detail", "fear.how_they_would_know")
    for o in r.harm_to_others.others:
        if o.what_happened.strip():
            facts.append(F.make(f"harm_to_others.others.{o.id}", N_("Harm to {relation}"),
                                o.what_happened, relation=o.relation or o.person or "?"))
    return facts


def holds_trait(r: CaseRecord) -> bool:
    """A ground is chosen and described, and the applicant says why they fear: they hold the
    belief or trait the fear is about (what a pattern or practice, or a group risk, needs)."""
    b = r.beliefs
    said = (b.beliefs_description, b.social_group_description, b.attributed_opinion_description,
            b.group_shared_trait, r.about.religion)
    return bool(b.grounds) and any(x.strip() for x in said) and bool(r.fear.why.strip())


def testimony_incident(r: CaseRecord) -> Incident | None:
    """US: an incident showing the Mogharrabi factors on the applicant's own account: the
    persecutor (known) threatened or hurt the applicant for a ground reason, and the applicant
    says how they would learn of a return or that they still look for them."""
    aware = bool(r.fear.how_they_would_know.strip()) or r.fear.still_looking is YesNo.yes
    if not (r.beliefs.grounds and aware):
        return None
    return next((i for i in described(r) if i.perpetrator is not Perpetrator.unknown
                 and GROUND_REASONS & set(i.target_reasons)
                 and (i.threatened is YesNo.yes or hurt(i))), None)


def past_on_ground(r: CaseRecord) -> Incident | None:
    """Past persecution for the presumption: injury or detention by a known actor, for a reason
    that is a ground (harm for money or recruitment alone is not persecution)."""
    return next((i for i in described(r) if hurt(i) and i.perpetrator is not Perpetrator.unknown
                 and GROUND_REASONS & set(i.target_reasons)), None)


def _past_parts(inp: RuleInput, past: Incident | None) -> list[TestPart]:
    """US and UK: what recorded past persecution does to the fear (EU: in the standard)."""
    none = N_("No past persecution with injury or detention is recorded.")
    if inp.jurisdiction == "us":
        return [part("presumption",
                     N_("Past persecution: a presumed well-founded fear (8 CFR 1208.13(b)(1))"),
                     "met" if past else "not_shown", PRESUMED if past else none,
                     authorities=("8-cfr-1208-13-b-1",),
                     **({"date": F.when(past)} if past else {}))]
    if inp.jurisdiction == "uk":
        return [part("past", N_("Past persecution: a serious indication (para. 339K)"),
                     "met" if past else "not_shown", SERIOUS if past else none,
                     authorities=("immigration-rules-339k",))]
    return []


def _standard_parts(inp: RuleInput, both: bool, strong: bool, testimony: bool = False,
                    past: Incident | None = None) -> list[TestPart]:
    j = inp.jurisdiction
    label, auth = STANDARD[j]
    if past is not None and not both:
        out = [part("standard_" + j, label, "met", PRESUMED if j == "us" else SERIOUS,
                    authorities=auth, **({"date": F.when(past)} if j == "us" else {}))]
    elif testimony and not both:
        out = [part("standard_us", label, "met", TESTIMONY, authorities=auth)]
    else:
        out = [part("standard_" + j, label, "met" if both else "not_shown",
                    MET if both else NOT_MET, authorities=auth)]
    if j == "us":
        out.append(part("withholding", N_("Withholding of removal: more likely than not"),
                        "met" if strong else "not_shown", STRONG if strong else NOT_STRONG,
                        authorities=("stevic", "ina-241-b-3")))
    elif j == "uk":
        out.append(uk_standard(inp))
    elif j == "ca":
        label97 = N_("s.97: more likely than not, and not a generalised risk")
        auth97 = ("irpa-97", "li-2005", "prophete")
        if generalised_only(inp.record):
            out.append(part("s97", label97, "against",
                            GENERALISED_NOTE, authorities=auth97))
        else:
            out.append(part("s97", label97, "met" if strong else "not_shown",
                            STRONG if strong else NOT_STRONG, authorities=auth97))
    else:
        out.append(part("past", N_("Past persecution: a serious indication (art. 4(4))"),
                        "met" if past else "not_shown",
                        N_("Past persecution is recorded: a serious indication of risk unless "
                           "good reasons show it will not be repeated.") if past else
                        N_("No past persecution with injury or detention is recorded."),
                        authorities=("qd-2011-95-art-4",)))
    return out


# Where the courts held that a refugee cannot be expected to hide a protected characteristic
# to avoid persecution (the concealment part of objective_fear).
CONCEALMENT = {"uk": ("hj-iran", "rt-zimbabwe"), "eu": ("x-y-z", "y-z")}


def objective_fear(inp: RuleInput) -> RuleResult:
    r = inp.record
    cited = int(inp.country_evidence.get("objective_fear", 0))
    facts = _own_facts(r)
    personal = bool(facts) or bool(described(r)) or r.fear.still_looking is YesNo.yes
    trait = holds_trait(r)
    own = personal or trait
    if trait and not personal:
        facts += F.answers(r, "beliefs.beliefs_description", "beliefs.social_group_description",
                           "beliefs.attributed_opinion_description", "fear.why")
    testimony = inp.jurisdiction == "us" and testimony_incident(r) is not None
    past = past_on_ground(r) if inp.jurisdiction != "ca" else None
    strong = (own and bool(cited) and r.fear.still_looking is YesNo.yes
              and past_persecution_shown(r) is not None)
    parts = [
        part("own_facts", N_("The applicant's own facts"), "met" if own else "not_shown",
             N_("The answers tie the risk to the applicant: past incidents, harm to others, or "
                "being still sought.") if personal else
             N_("The applicant holds the belief or trait the fear is about; country evidence "
                "that people who share it are persecuted can show the risk without any past "
                "incident.") if trait else
             N_("Nothing in the answers yet ties the risk to the applicant.")),
        part("country", N_("Country conditions"), "met" if cited else "not_shown",
             plural("{n} country-conditions passage is attached.",
                    "{n} country-conditions passages are attached.") if cited else
             N_("No country-conditions passage is attached."), n=cited),
        *_standard_parts(inp, own and bool(cited), strong, testimony, past),
    ]
    parts += _past_parts(inp, past)
    if r.fear.would_hide is YesNo.yes and inp.jurisdiction in CONCEALMENT:
        # informs, never lowers: a risk she could avoid only by hiding who she is is still a
        # risk (HJ (Iran); for the EU, X, Y and Z and Y and Z)
        parts.append(part("concealment", N_("Living openly"), "met",
                          N_("To be safe the applicant would have to hide who they are, what "
                             "they believe or how they live; a risk avoided only by hiding is "
                             "still a risk."), authorities=CONCEALMENT[inp.jurisdiction]))
        facts += F.answers(r, "fear.would_hide_detail")
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities))
    against = generalised_facts(r) if inp.jurisdiction == "ca" else []
    if cited and own:
        return result("supported", facts,
                      plural("{n} country-conditions passage is attached and the applicant's "
                             "own facts support the fear.",
                             "{n} country-conditions passages are attached and the applicant's "
                             "own facts support the fear."),
                      N_("Check that the attached passages are recent and about people like "
                         "the applicant."), reason_params={"n": cited}, parts=parts,
                      against=against, authorities=auth)
    if past is not None:
        return result("supported", facts, PRESUMED if inp.jurisdiction == "us" else SERIOUS,
                      N_("Attach country-conditions passages showing that people like the "
                         "applicant are harmed (none is attached)."),
                      reason_params={"date": F.when(past)} if inp.jurisdiction == "us" else None,
                      parts=parts, against=against, authorities=auth)
    if testimony:
        return result("supported", facts, TESTIMONY,
                      N_("Attach country-conditions passages showing that people like the "
                         "applicant are harmed (none is attached)."), parts=parts,
                      against=against, authorities=auth)
    if own:
        return result("thin", facts, N_("The applicant's facts support the fear, but no "
                                        "country-conditions passage is attached."),
                      N_("Attach country-conditions passages showing that people like the "
                         "applicant are harmed (none is attached)."), parts=parts,
                      against=against, authorities=auth)
    if cited:
        reason = (N_("Country evidence is attached but nothing in the answers ties the risk to "
                     "the applicant; it can still show a pattern or practice against people "
                     "like the applicant (8 CFR 1208.13(b)(2)(iii)).")
                  if inp.jurisdiction == "us" else
                  N_("Country-conditions passages are attached, but nothing in the answers ties "
                     "the risk to the applicant."))
        return result("thin", facts, reason,
                      N_("Ask whether anyone still looks for the applicant, and how they would "
                         "know of a return."), parts=parts, against=against,
                      authorities=auth)
    return result("missing", facts, N_("Nothing yet shows why the fear is reasonable."),
                  N_("Ask whether the persecutors still look for the applicant and how they "
                     "would know of a return; then attach country conditions."), parts=parts,
                  against=against, authorities=auth)
