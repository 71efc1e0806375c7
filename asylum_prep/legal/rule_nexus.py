"""The nexus element: did the persecutors act because of a protected ground?

Nexus is the persecutor's motive: a ground must be at least one central reason (US: INA
208(b)(1)(B)(i), Matter of J-B-N- & S-M-), "for reasons of" (UK, Refugee Convention art. 1A(2)),
"by reason of" (Canada, IRPA s.96), a connection between the acts and the reasons (EU art. 9(3);
attributed characteristics count, art. 10(2)). It is decided per incident on the reasons the
applicant chose (`target_reasons`) and the persecutors' words (`words_said`); the answers in
words (`why_targeted`, `words_said`) are quoted as facts but never parsed, and by themselves
never make nexus supported: each note says what the attorney must check.

Each incident is read as one of (best first):
- ground: a ground of the case chosen, and no other reason: the motive part is met;
- mixed motives with the persecutors' words on record (not forced recruitment): met, the note
  names the mixed motives and asks the attorney to check the words show a central reason;
- mixed motives (a ground and money, recruitment, a personal dispute, crime or general risk;
  Matter of S-P-): not shown, "thin", never supported without the persecutors' words;
- answered only in words: not shown; "I don't know": not shown;
- a group of the applicant's as the only ground-reason chosen, when the particular-social-group
  test is against (rule_ground: an occupation one can leave, a group not seen as one): against,
  since targeting a group that is not a particular social group is not targeting a protected
  ground (Matter of Acosta);
- forced recruitment without a ground: against (INS v. Elias-Zacarias; Matter of S-E-G-,
  E-A-G-): the next step asks whether the persecutors showed they targeted an opinion;
- other reasons only (money or extortion, a personal dispute, ordinary crime, everyone at
  risk): against: generalised violence or crime alone is not nexus;
- nothing said: not shown.
The best incident decides the motive part. A political opinion shown through work adds the
Matter of N-M- parts (wrongdoing tied to the state, spoke out beyond the job; rule_ground), and
its motive needs the persecutors' words: retaliation for opposing wrongdoing at work is not
enough by itself (N-M-: direct or circumstantial evidence that the persecutor was motivated by
the opinion), so a ground chosen alone, with no words on record, leaves the motive not shown.
Strength: missing without a ground; against when a part is against; supported when every part
is met; thin otherwise. The reason is the deciding part's note.
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import GROUND_REASONS, NEXUS_DEFEATERS, Incident, TargetReason
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, RuleResult, TestPart, part, result
from asylum_prep.legal.rule_ground import ASK, psg_parts, work_parts
from asylum_prep.legal.rules_claim import (
    RuleInput,
    by_jurisdiction,
    grounds_text,
    incident_step,
    strength_of,
    who,
)

NEXUS = {"us": ("ina-208-b-1-b-i", "j-b-n-s-m"), "uk": ("refugee-convention-1a2",),
         "ca": ("irpa-96",), "eu": ("qd-2011-95-art-9", "qd-2011-95-art-10")}
MIXED = {"us": ("ina-208-b-1-b-i", "j-b-n-s-m", "s-p")}
WORK_MOTIVE = {"us": ("n-m",)}
RECRUITED = {"us": ("elias-zacarias", "s-e-g", "e-a-g")}
POLITICAL = frozenset({TargetReason.political_opinion, TargetReason.imputed_political_opinion})

# How an incident bears on the motive, best first: (status, note, next step).
READINGS: dict[str, tuple[str, str, str]] = {
    "ground": ("met", N_("The applicant chose a ground of the case as the reason for the "
                         "incident ({date}), and no other reason."),
               N_("Ask what the persecutors said or did that shows why they target the "
                  "applicant.")),
    "mixed_words": ("met", N_("Mixed motives ({date}): a ground and another reason were chosen, "
                              "and the persecutors' words are on record: check that they show "
                              "the ground was one central reason, not incidental or "
                              "tangential."),
                    N_("Ask what the persecutors said or did that shows why they target the "
                       "applicant.")),
    "mixed": ("not_shown", N_("Mixed motives ({date}): a ground and another reason were chosen; "
                              "without the persecutors' words the ground may be incidental or "
                              "tangential."),
              N_("Ask what the persecutors said that shows which reason mattered to them.")),
    "words": ("not_shown", N_("Why the applicant was targeted is told only in words ({date}): "
                              "check that the answer shows a ground of the case."),
              N_("Ask the applicant to choose why they were targeted, and check the answer "
                 "against {grounds}.")),
    "dont_know": ("not_shown", N_("The applicant does not know why they were targeted "
                                  "({date})."),
                  N_("Ask what the persecutors said or did that shows why they target the "
                     "applicant.")),
    "group_fails": ("against", N_("The reason chosen ({date}) is a group of the applicant's, "
                                  "but the group does not meet the social-group test (see the "
                                  "protected ground), so targeting it is not targeting a "
                                  "protected ground."),
                    N_("Ask whether anything the persecutors said or did showed another reason, "
                       "tied to {grounds}.")),
    "recruitment": ("against", N_("Forced recruitment ({date}) is not in itself persecution for "
                                  "a political opinion: the persecutors must have targeted the "
                                  "applicant for an opinion."),
                    N_("Ask whether the persecutors did or said anything showing they targeted "
                       "the applicant for an opinion, such as how they took the refusal.")),
    "defeated": ("against", N_("Only reasons that are not a ground were chosen ({date}): money, "
                               "a personal dispute, ordinary crime or general violence alone do "
                               "not make nexus."),
                 N_("Ask whether anything the persecutors said or did showed another reason, "
                    "tied to {grounds}.")),
}
ORDER = tuple(READINGS) + ("silent",)


WORK_WORDS = N_("Retaliation for opposing wrongdoing at work is not enough by itself: the "
                "persecutors' words or acts must show that the applicant's opinion was one "
                "central reason.")


def _matches(reason: TargetReason, grounds: set[Ground]) -> bool:
    if reason in POLITICAL:  # an opinion held or attributed: either political ground
        return bool(grounds & {Ground.political_opinion, Ground.imputed_political_opinion})
    return reason in GROUND_REASONS and Ground(reason.value) in grounds


def reading(i: Incident, grounds: set[Ground], failed: frozenset[Ground] = frozenset()) -> str:
    """How the incident bears on the persecutor's motive (a key of READINGS, or "silent");
    `failed`: the grounds whose own test is against (a group that is not a social group)."""
    chosen = set(i.target_reasons)
    hit = any(_matches(x, grounds - failed) for x in chosen)
    defeaters = chosen & NEXUS_DEFEATERS
    if hit and not defeaters:
        return "ground"
    if hit:
        words = bool(i.words_said.strip()) and TargetReason.recruitment not in defeaters
        return "mixed_words" if words else "mixed"
    if any(_matches(x, grounds & failed) for x in chosen) and not defeaters:
        return "group_fails"
    if TargetReason.recruitment in defeaters:
        return "recruitment"
    if defeaters:
        return "defeated"
    if i.why_targeted.strip() or i.words_said.strip():
        return "words"
    if TargetReason.dont_know in chosen:
        return "dont_know"
    return "silent"


def nexus(inp: RuleInput) -> RuleResult:
    r = inp.record
    grounds = set(r.beliefs.grounds)
    memberships = {m.id: m for m in r.beliefs.memberships}
    facts: list[Fact] = []
    against: list[Fact] = []
    read: dict[str, list[Incident]] = {}
    failed = frozenset({Ground.particular_social_group}
                       if Ground.particular_social_group in grounds
                       and strength_of(psg_parts(inp, [], [])) == "against" else set())
    for i in r.incidents.items:
        kind = reading(i, grounds, failed)
        read.setdefault(kind, []).append(i)
        chosen = F.incident_choice(i, "target_reasons")
        if chosen is not None:
            (against if READINGS.get(kind, ("",))[0] == "against" else facts).append(chosen)
        facts += F.incident_facts(i, "why_targeted", "words_said")
        m = memberships.get(i.membership_id)
        if m is not None and m.organisation.strip():
            facts.append(F.make(f"incidents.items.{i.id}.membership_id",
                                N_("Tied to a membership ({date})"), m.organisation,
                                date=F.when(i)))
    facts += F.answers(r, "fear.why")
    if not grounds:
        return result("missing", facts, N_("No protected ground is chosen, so no connection to "
                                           "one can be shown."),
                      N_("Establish the ground first (see the protected ground), then ask why "
                         "they targeted the applicant."))
    g = grounds_text(r)
    label = N_("A ground as the persecutor's motive")
    best = next(k for k in ORDER if k in read) if read else ""
    parts: list[TestPart]
    if best in READINGS:
        status, note, step = READINGS[best]
        auth = by_jurisdiction(inp, {"mixed": MIXED, "mixed_words": MIXED,
                                     "recruitment": RECRUITED}.get(best, NEXUS)) or \
            by_jurisdiction(inp, NEXUS)
        i = read[best][0]
        motive = part("motive", label, status, note, authorities=auth,  # type: ignore[arg-type]
                      date=F.when(i))
        if best == "ground" and r.beliefs.opinion_through_work is YesNo.yes and not any(
                x.words_said.strip() for x in read[best]):
            motive = part("motive", label, "not_shown", WORK_WORDS,
                          authorities=by_jurisdiction(inp, WORK_MOTIVE) or auth)
            step = ASK["motive"]
        step_params: dict[str, object] = {"grounds": g} if "{grounds}" in step else {}
        silent = read.get("silent", [])
        if status == "met" and silent:
            step, step_params = incident_step("why", silent[0], who=who(silent[0]))
    elif best == "silent":
        i = read["silent"][0]
        motive = part("motive", label, "not_shown", N_("No incident says why the applicant was "
                                                       "targeted or what was said."),
                      authorities=by_jurisdiction(inp, NEXUS))
        step, step_params = incident_step("why", i, who=who(i))
    elif facts:
        motive = part("motive", label, "not_shown", N_("Only the fear of return says why; no "
                                                       "past incident does."),
                      authorities=by_jurisdiction(inp, NEXUS))
        step, step_params = READINGS["ground"][2], {}
    else:
        motive = part("motive", label, "not_shown", N_(
            "A ground is chosen ({grounds}) but no answer says why the applicant was or would be "
            "targeted."), authorities=by_jurisdiction(inp, NEXUS), grounds=g)
        step, step_params = N_("Ask why the applicant was or would be targeted, and what was "
                               "said that shows it."), {}
    parts = [motive, *work_parts(inp, facts, against)]
    strength = strength_of(parts)
    want = {"against": "against", "thin": "not_shown"}.get(strength, "met")
    decides = next((p for p in parts if p.status == want), motive)
    if decides is not motive:
        step, step_params = ASK[decides.key], {}
    auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities))
    return result(strength, facts, decides.note, step, reason_params=dict(decides.note_params),
                  next_params=step_params, parts=parts, against=against, authorities=auth)
