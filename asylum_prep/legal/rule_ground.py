"""The protected-ground element: is there a Convention ground, and does it meet its test?

Rules (parts, each met / not shown / against; authorities per jurisdiction):
- No ground chosen: missing.
- Race, religion, nationality, political opinion: the part "described" is met when an answer
  describes the belief, identity or activity (the beliefs, a membership, an activity, the
  religion, ethnicity or nationality given), not shown otherwise. An imputed political opinion
  needs the opinion the persecutors attributed ("attributed").
- A political opinion shown through work (opinion_through_work yes: whistleblowing, refusing
  orders), Matter of N-M-: "state tie" is met when officials took part in or protected the
  wrongdoing, against when they did not; "spoke out" is met when the applicant spoke out beyond
  the job, against when not. Unanswered: not shown.
- A particular social group, decided on the structured answers (free text in sixteen languages
  is quoted, never parsed; each note says what the attorney must check):
  immutability: met when members cannot stop being members, or could but say why they should
  not have to (fundamental to identity or conscience: the attorney checks the reason); against
  when they could and nothing says why not (an occupation one can leave, like driving a taxi,
  is not immutable: Matter of Acosta); circularity: met when the applicant names what members
  share apart from the harm (the attorney checks it is not the harm itself), not shown when
  nothing does; particularity (US: M-E-V-G-, W-G-R-): met when the answers say who belongs;
  social distinction (US, UK, EU): met when others see them as a group, against when they do
  not. UK (Nationality and Borders Act 2022 s.33, claims made from 28 June 2022) and EU
  (art. 10(1)(d)) need both the characteristic and the distinct identity ("both"; verify).
  A UK claim made before 28 June 2022 (the claim date, else the assessment date) needs either
  of them ("either"; DH (Afghanistan) [2020] UKUT 223 (IAC), following Fornah and Shah and
  Islam): when one is met the other is not needed and is left out; when neither is met, a
  part against counts only if the other is against too.
  Canada takes Ward's categories (immutability and circularity), without social distinction.
- Strength: each chosen ground's parts make its strength (any against: against; all met:
  supported; else thin); the element takes the best ground, since one ground suffices. The
  reason is the note of the part that decides it; the next step asks the client about it.
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import (
    STRENGTHS,
    Fact,
    PartStatus,
    RuleResult,
    TestPart,
    part,
    plural,
    result,
)
from asylum_prep.legal.risk_facts import NABA_FROM, claim_date
from asylum_prep.legal.rules_claim import (
    GROUND_LABELS,
    RuleInput,
    by_jurisdiction,
    grounds_text,
    strength_of,
)
from asylum_prep.legal.spans import show

GROUND_AUTHORITIES = {"us": ("ina-101-a-42",), "uk": ("refugee-convention-1a2",),
                      "ca": ("irpa-96", "refugee-convention-1a2"),
                      "eu": ("qd-2011-95-art-10", "qr-2024-1347")}
PSG_AUTHORITIES = {"us": ("acosta", "m-e-v-g", "w-g-r"), "uk": ("shah-islam", "naba-2022-s33"),
                   "ca": ("ward",), "eu": ("qd-2011-95-art-10", "qr-2024-1347")}
IMMUTABLE = {"us": ("acosta",), "uk": ("shah-islam",), "ca": ("ward",),
             "eu": ("qd-2011-95-art-10",)}
DISTINCT = {"us": ("m-e-v-g", "w-g-r"), "uk": ("naba-2022-s33",),
            "eu": ("qd-2011-95-art-10", "qr-2024-1347")}
EITHER = N_("For a claim made before 28 June 2022, either the protected characteristic or the "
            "distinct identity is enough.")
BOTH = {"uk": N_("Nationality and Borders Act 2022 s.33 requires both the protected "
                 "characteristic and the distinct identity for claims made from 28 June 2022 "
                 "(verify)."),
        "eu": N_("Article 10(1)(d) requires both the characteristic and the distinct identity "
                 "(verify under Regulation (EU) 2024/1347).")}

# Next steps, by the part that is not met (the question to ask the client).
ASK = {
    "described": N_("Ask what the applicant believes, does or is that is tied to {grounds}."),
    "attributed": N_("Ask what opinion the persecutors believed the applicant held, and what "
                     "made them believe it."),
    "immutability": N_("Ask whether members could stop belonging to the group and, if so, why "
                       "they should not have to."),
    "circularity": N_("Ask what members of the group share apart from being harmed or "
                      "threatened."),
    "particularity": N_("Ask how people there tell who belongs to the group and who does not."),
    "distinction": N_("Ask whether people there see the group as a group, and how it shows."),
    "state_tie": N_("Ask whether officials took part in or protected the wrongdoing the "
                    "applicant opposed."),
    "spoke_out": N_("Ask whether the applicant spoke out beyond the job's duties, to whom and "
                    "how publicly."),
    "motive": N_("Ask what the persecutors said or did that shows they acted because of the "
                 "applicant's opinion."),
}
ASK["both"] = ASK["distinction"]
ASK["either"] = ASK["immutability"]
POLITICAL = frozenset({Ground.political_opinion, Ground.imputed_political_opinion})


def said(answers: dict[str, str]) -> list[Fact]:
    """The beliefs answers given (field name -> text), quoted as facts."""
    return [F.make(f"beliefs.{name}", F.FIELD_LABELS[f"beliefs.{name}"], text)
            for name, text in answers.items() if text.strip()]


def work_parts(inp: RuleInput, facts: list[Fact], against: list[Fact]) -> list[TestPart]:
    """Matter of N-M-: an opinion shown through work (whistleblowing, refusing orders) is
    political when the wrongdoing was tied to the state and the applicant spoke out beyond the
    job. Empty unless the applicant says the opinion was shown through work."""
    r = inp.record
    b = r.beliefs
    if b.opinion_through_work is not YesNo.yes:
        return []
    auth = ("n-m",) if inp.jurisdiction == "us" else by_jurisdiction(inp, GROUND_AUTHORITIES)
    facts += [f for f in (F.choice(r, "beliefs.opinion_through_work"),) if f]
    for path, value in (("beliefs.wrongdoing_by_state", b.wrongdoing_by_state),
                        ("beliefs.spoke_out", b.spoke_out)):
        fact = F.choice(r, path)
        if fact is not None:
            (facts if value is YesNo.yes else against).append(fact)
    facts += said({"spoke_out_to": b.spoke_out_to})
    label = N_("Wrongdoing tied to the state")
    if b.wrongdoing_by_state is YesNo.yes:
        tie = part("state_tie", label, "met", N_("Officials took part in or protected the "
                                                 "wrongdoing, which makes exposing it "
                                                 "political."), authorities=auth)
    elif b.wrongdoing_by_state is YesNo.no:
        tie = part("state_tie", label, "against", N_("The wrongdoing was not tied to the state: "
                                                     "opposing private wrongdoing is not in "
                                                     "itself a political opinion."),
                   authorities=auth)
    else:
        tie = part("state_tie", label, "not_shown", N_("No answer says whether officials took "
                                                       "part in or protected the wrongdoing."),
                   authorities=auth)
    label = N_("Spoke out beyond the job")
    if b.spoke_out is YesNo.yes:
        spoke = part("spoke_out", label, "met", N_("The applicant spoke out beyond the job's "
                                                   "duties: check to whom and how publicly."),
                     authorities=auth)
    elif b.spoke_out is YesNo.no:
        spoke = part("spoke_out", label, "against", N_("The applicant did not speak out beyond "
                                                       "the job's duties."), authorities=auth)
    else:
        spoke = part("spoke_out", label, "not_shown", N_("No answer says whether the applicant "
                                                         "spoke out beyond the job."),
                     authorities=auth)
    return [tie, spoke]


def psg_parts(inp: RuleInput, facts: list[Fact], against: list[Fact]) -> list[TestPart]:
    r = inp.record
    b = r.beliefs
    j = inp.jurisdiction
    facts += said({"social_group_name": b.social_group_name,
                   "social_group_description": b.social_group_description,
                   "group_shared_trait": b.group_shared_trait,
                   "group_should_not_change": b.group_should_not_change,
                   "group_who_belongs": b.group_who_belongs,
                   "group_seen_detail": b.group_seen_detail})
    can = F.choice(r, "beliefs.group_can_change")
    seen = F.choice(r, "beliefs.group_seen_as_group")
    parts: list[TestPart] = []
    label, auth = N_("Immutable or fundamental"), by_jurisdiction(inp, IMMUTABLE)
    if b.group_can_change is YesNo.no:
        parts.append(part("immutability", label, "met", N_("The applicant says members cannot "
                                                           "stop being members."),
                          authorities=auth))
    elif b.group_can_change is YesNo.yes and b.group_should_not_change.strip():
        parts.append(part("immutability", label, "met", N_(
            "Members could change it, but the applicant says why they should not have to: "
            "check that it is fundamental to identity or conscience."), authorities=auth))
    elif b.group_can_change is YesNo.yes:
        parts.append(part("immutability", label, "against", N_(
            "Members could change it and no answer says why they should not have to: an "
            "occupation or status one can leave is not immutable."), authorities=auth))
    else:
        parts.append(part("immutability", label, "not_shown", N_(
            "No answer says whether members could stop being members."), authorities=auth))
    if can is not None:
        (against if parts[-1].status == "against" else facts).append(can)
    label = N_("Defined apart from the harm")
    if b.group_shared_trait.strip():
        parts.append(part("circularity", label, "met", N_(
            "The applicant names what members share apart from the harm: check that it is not "
            "the harm itself, since a group defined only by the harm is circular."),
            authorities=auth))
    else:
        parts.append(part("circularity", label, "not_shown", N_(
            "No answer says what members share apart from being harmed or threatened; a group "
            "defined only by the harm is circular."), authorities=auth))
    if j == "us":
        label = N_("Clear boundaries (particularity)")
        parts.append(part("particularity", label, "met" if b.group_who_belongs.strip()
                          else "not_shown",
                          N_("The applicant says how one tells who belongs: check that the "
                             "boundaries are clear, not amorphous.")
                          if b.group_who_belongs.strip() else
                          N_("No answer says how one tells who belongs to the group."),
                          authorities=("m-e-v-g", "w-g-r")))
    if j in DISTINCT:
        label, auth = N_("Seen as a distinct group (social distinction)"), DISTINCT[j]
        if b.group_seen_as_group is YesNo.yes:
            parts.append(part("distinction", label, "met", N_(
                "The applicant says others see them as a group: country evidence must show "
                "that the society sees it as distinct."), authorities=auth))
        elif b.group_seen_as_group is YesNo.no:
            parts.append(part("distinction", label, "against", N_(
                "The applicant says others do not see them as a group."), authorities=auth))
        else:
            parts.append(part("distinction", label, "not_shown", N_(
                "No answer says whether others see them as a group."), authorities=auth))
        if seen is not None:
            (against if parts[-1].status == "against" else facts).append(seen)
    if j == "uk" and (claim_date(r, None) or inp.today) < NABA_FROM:
        return _either(parts)
    if j in BOTH:
        pair = [p for p in parts if p.key in ("immutability", "distinction")]
        both = strength_of(pair)
        parts.append(part("both", N_("Both conditions together"),
                          "met" if both == "supported" else
                          "against" if both == "against" else "not_shown", BOTH[j],
                          authorities=by_jurisdiction(inp, PSG_AUTHORITIES)))
    return parts


def _either(parts: list[TestPart]) -> list[TestPart]:
    """The UK test before the Nationality and Borders Act 2022: the protected characteristic
    or the distinct identity, either one (DH (Afghanistan)); the parts not needed are left out."""
    pair = [p for p in parts if p.key in ("immutability", "distinction")]
    met = [p for p in pair if p.status == "met"]
    drop = ({p.key for p in pair if p.status != "met"} if met else
            {p.key for p in pair if p.status == "against"}
            if any(p.status == "not_shown" for p in pair) else set())
    kept = [p for p in parts if p.key not in drop]
    status: PartStatus = ("met" if met else "against" if all(p.status == "against" for p in pair)
                          else "not_shown")
    return kept + [part("either", N_("Either condition"), status, EITHER,
                        authorities=("dh-afghanistan", "shah-islam"))]


def _described(r: CaseRecord) -> list[Fact]:
    b = r.beliefs
    facts = F.answers(r, "beliefs.beliefs_description")
    for m in b.memberships:
        text = m.description or m.role or m.organisation
        if text.strip():
            facts.append(F.make(f"beliefs.memberships.{m.id}", N_("Membership: {organisation}"),
                                text, organisation=m.organisation or "?"))
    for a in b.activities:
        if a.description.strip():
            facts.append(F.make(f"beliefs.activities.{a.id}", N_("Activity ({date})"),
                                a.description, date=show(a.date) if a.date else F.NO_DATE))
    if Ground.religion in b.grounds:
        facts += F.answers(r, "about.religion")
    if Ground.race in b.grounds or Ground.nationality in b.grounds:
        facts += F.answers(r, "about.ethnicity")
    if Ground.nationality in b.grounds:
        facts += F.answers(r, "about.nationalities")
    return facts


def _grouped(inp: RuleInput, facts: list[Fact], against: list[Fact]) -> list[list[TestPart]]:
    """The parts of each chosen ground, one list per ground (or kind of ground)."""
    r = inp.record
    grounds = set(r.beliefs.grounds)
    auth = by_jurisdiction(inp, GROUND_AUTHORITIES)
    groups: list[list[TestPart]] = []
    described = _described(r)
    facts += described
    plain = grounds - {Ground.particular_social_group, Ground.imputed_political_opinion}
    work = work_parts(inp, facts, against) if grounds & POLITICAL else []
    label = N_("The belief or identity is described")
    if plain:
        groups.append([part("described", label, "met", plural(
            "{n} answer describes the belief, identity or activity.",
            "{n} answers describe the belief, identity or activity."), authorities=auth,
            n=len(described)) if described else
            part("described", label, "not_shown", N_(
                "Grounds are chosen ({grounds}) but no answer describes the belief, identity "
                "or activity behind them."), authorities=auth,
                grounds=tuple(GROUND_LABELS[g] for g in r.beliefs.grounds if g in plain))]
                      + (work if Ground.political_opinion in plain else []))
    if Ground.imputed_political_opinion in grounds:
        said = F.answers(r, "beliefs.attributed_opinion_description")
        facts += said
        groups.append([part("attributed", N_("The attributed opinion is described"), "met",
                            N_("An answer says what opinion the persecutors attributed to the "
                               "applicant."), authorities=auth) if said else
                       part("attributed", N_("The attributed opinion is described"),
                            "not_shown", N_("An attributed political opinion is chosen but no "
                                            "answer says what opinion was attributed."),
                            authorities=auth)] + work)
    if Ground.particular_social_group in grounds:
        groups.append(psg_parts(inp, facts, against))
    return groups


def protected_ground(inp: RuleInput) -> RuleResult:
    r = inp.record
    facts: list[Fact] = []
    against: list[Fact] = []
    if not r.beliefs.grounds:
        return result("missing", _described(r), N_("No protected ground is chosen."),
                      N_("Ask which ground fits: race, religion, nationality, a particular "
                         "social group or political opinion (including one attributed to the "
                         "applicant)."))
    groups = _grouped(inp, facts, against)
    best = max(groups, key=lambda ps: STRENGTHS.index(strength_of(ps)))
    strength = strength_of(best)
    parts = [p for ps in groups for p in ps]
    parts = list({p.key: p for p in parts}.values())  # the work parts once
    g = grounds_text(r)
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities)) or \
        by_jurisdiction(inp, GROUND_AUTHORITIES)
    facts = list({f.path: f for f in facts}.values())
    if strength == "supported":
        return result("supported", facts, plural("Grounds are chosen ({grounds}) and {n} answer "
                                                 "describes them.",
                                                 "Grounds are chosen ({grounds}) and {n} answers "
                                                 "describe them."),
                      N_("Ask for documents or witnesses that show the belief or identity, and "
                         "how the persecutors knew of it."),
                      reason_params={"grounds": g, "n": len(facts)}, parts=parts,
                      against=against, authorities=auth)
    gap = next(p for p in best if p.status == strength.replace("thin", "not_shown"))
    return result(strength, facts, gap.note, ASK[gap.key], reason_params=dict(gap.note_params),
                  next_params={"grounds": g} if gap.key == "described" else None,
                  parts=parts, against=against, authorities=auth)
