"""Element rules for the risk on return, timing, bars and torture.

Strength rules:
- subjective_fear: supported when the applicant says whom they fear and what harm; thin when
  only one is said, or when they returned home (screening), which weighs against the fear;
  missing when neither is said.
- objective_fear: supported when country-conditions passages are attached
  (country_evidence["objective_fear"] > 0) and the applicant's own facts support the fear
  (they still look for the applicant, how they would know of a return, past incidents, harm
  to others); thin when only one of the two exists; missing when neither.
- internal_relocation: supported when the applicant says relocation is not possible and why;
  thin when they say it is not possible without saying why, or say why without answering;
  missing when unanswered or when the applicant said they could live safely elsewhere.
- timeliness (US): supported when filed in time, or still within the deadline from an exact
  arrival date; thin when within the deadline from an approximate date, or late with an
  exception claimed; missing when no arrival is recorded, or late with no exception claimed.
- bars: "supported" here means nothing in the answers raises a bar: every screening question
  (harm to others, serious crimes, status elsewhere, armed groups) is answered "no" and no
  transit country offered status and no conviction is recorded; thin when any of these answers
  touches a bar (for the attorney to review, never a judgment); missing when screening
  questions are unanswered.
- torture_official: supported when the applicant fears torture and describes it, and (US and
  Canada, where torture needs a public official) an official did or allowed the past harm
  (a state actor, or the authorities refused protection); thin when the fear is not described,
  no official is tied to it, or officials injured the applicant but the torture question is not
  answered yes; missing otherwise.
"""

from __future__ import annotations

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import STATE_ACTORS, LegalKind, StateProtection
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal.assessment import Fact, RuleResult, plural, result
from asylum_prep.legal.rules_claim import RuleInput, described
from asylum_prep.legal.spans import show

OFFICIAL_REQUIRED = frozenset({"us", "ca"})

BAR_QUESTIONS = (
    ("harmed_others", N_("harm to others")),
    ("serious_crimes", N_("serious crimes")),
    ("status_elsewhere", N_("status in another country")),
    ("armed_groups", N_("armed groups")),
)


def subjective_fear(inp: RuleInput) -> RuleResult:
    r = inp.record
    fr = r.fear
    facts = F.answers(r, "fear.who", "fear.what_harm", "fear.why", "fear.how_they_would_know",
                      "fear.still_looking_detail")
    if not fr.who.strip() and not fr.what_harm.strip():
        return result("missing", facts, N_("No answer says whom the applicant fears or what "
                                           "harm."),
                      N_("Ask whom the applicant fears and what they fear would happen on "
                         "return."))
    if r.screening.returned_home is YesNo.yes:
        return result("thin", facts + F.answers(r, "screening.returned_home_detail"),
                      N_("The applicant returned home at some point; return trips weigh against "
                         "the fear and need explaining."),
                      N_("Ask about each return home: when, why, for how long, and how the "
                         "applicant stayed safe."))
    if not fr.who.strip():
        return result("thin", facts, N_("The harm feared is stated but not who would do it."),
                      N_("Ask whom the applicant fears on return."))
    if not fr.what_harm.strip():
        return result("thin", facts, N_("Who the applicant fears is stated but not what they "
                                        "would do."),
                      N_("Ask what the applicant fears would be done to them on return."))
    return result("supported", facts, N_("The applicant says whom they fear and what harm."),
                  N_("Ask whether they still look for the applicant and how they would know of "
                     "a return."))


def objective_fear(inp: RuleInput) -> RuleResult:
    r = inp.record
    cited = int(inp.country_evidence.get("objective_fear", 0))
    facts: list[Fact] = F.answers(r, "fear.still_looking_detail", "fear.how_they_would_know")
    for o in r.harm_to_others.others:
        if o.what_happened.strip():
            facts.append(F.make(f"harm_to_others.others.{o.id}", N_("Harm to {relation}"),
                                o.what_happened, relation=o.relation or o.person or "?"))
    own = bool(facts) or bool(described(r)) or r.fear.still_looking is YesNo.yes
    if cited and own:
        return result("supported", facts,
                      plural("{n} country-conditions passage is attached and the applicant's "
                             "own facts support the fear.",
                             "{n} country-conditions passages are attached and the applicant's "
                             "own facts support the fear."),
                      N_("Check that the attached passages are recent and about people like "
                         "the applicant."), reason_params={"n": cited})
    if own:
        return result("thin", facts, N_("The applicant's facts support the fear, but no "
                                        "country-conditions passage is attached."),
                      N_("Attach country-conditions passages showing that people like the "
                         "applicant are harmed (none is attached)."))
    if cited:
        return result("thin", facts, N_("Country-conditions passages are attached, but nothing "
                                        "in the answers ties the risk to the applicant."),
                      N_("Ask whether anyone still looks for the applicant, and how they would "
                         "know of a return."))
    return result("missing", facts, N_("Nothing yet shows why the fear is reasonable."),
                  N_("Ask whether the persecutors still look for the applicant and how they "
                     "would know of a return; then attach country conditions."))


def internal_relocation(inp: RuleInput) -> RuleResult:
    r = inp.record
    facts = F.answers(r, "fear.relocation_why_not")
    answer = r.fear.relocation_possible
    why = r.fear.relocation_why_not.strip()
    if answer is YesNo.no and why:
        return result("supported", facts, N_("The applicant says they could not live safely "
                                             "elsewhere in the country, and why."),
                      N_("Support the answer with country conditions on the reach of the "
                         "persecutors."))
    if answer is YesNo.no:
        return result("thin", facts, N_("The applicant says they could not live safely elsewhere, "
                                        "but not why."),
                      N_("Ask why the applicant could not live safely in another part of the "
                         "country."))
    if answer is YesNo.yes:
        return result("missing", facts, N_("The applicant said they could live safely elsewhere "
                                           "in the country."),
                      N_("Ask where, for how long, and whether it would really be safe and "
                         "reasonable to live there."))
    if why:
        return result("thin", facts, N_("A reason is given but the question whether relocation "
                                        "is possible is not answered."),
                      N_("Ask whether the applicant could live safely in another part of the "
                         "country."))
    return result("missing", facts, N_("No answer says whether the applicant could live "
                                       "elsewhere in the country."),
                  N_("Ask whether the applicant could live safely in another part of the "
                     "country, and why not."))


def timeliness(inp: RuleInput) -> RuleResult:
    r = inp.record
    info = inp.deadline
    facts = F.answers(r, "timing.why_now", "timing.changed_circumstances",
                      "timing.extraordinary_circumstances")
    if info is not None and info.last_arrival_path:
        entry_id = info.last_arrival_path.split(".")[2]
        entry = next((e for e in r.leaving.entries if e.id == entry_id), None)
        if entry is not None and entry.date is not None:
            facts.insert(0, F.make(info.last_arrival_path, N_("Last arrival ({date})"),
                                   entry.place or entry.date.display(), date=show(entry.date)))
    if info is None or info.deadline is None:
        return result("missing", facts, N_("No arrival date is recorded, so timeliness cannot be "
                                           "shown."),
                      N_("Ask for the date and place of the last arrival, and for a document "
                         "that shows it."))
    d = info.deadline.isoformat()
    if info.filed_in_time is True:
        return result("supported", facts, N_("Filed within the deadline of {deadline}."),
                      N_("Keep proof of the filing date with the case."),
                      reason_params={"deadline": d})
    late = info.filed_in_time is False or info.level == "overdue"
    if late and info.exception_claimed:
        return result("thin", facts, N_("The deadline of {deadline} has passed; an exception is "
                                        "claimed."),
                      N_("Gather evidence of the changed or extraordinary circumstances and when "
                         "they arose, and file within a reasonable time."),
                      reason_params={"deadline": d})
    if late:
        return result("missing", facts, N_("The deadline of {deadline} has passed and no "
                                           "exception is claimed."),
                      N_("Ask what changed, or what prevented filing within the year, to see "
                         "whether an exception applies."), reason_params={"deadline": d})
    if info.approximate_arrival:
        return result("thin", facts,
                      plural("Within the deadline ({n} day left until {deadline}), but the "
                             "arrival date is approximate.",
                             "Within the deadline ({n} days left until {deadline}), but the "
                             "arrival date is approximate."),
                      N_("Confirm the exact date of the last arrival with a document (passport "
                         "stamp, entry record or ticket)."),
                      reason_params={"n": info.days_left, "deadline": d})
    return result("supported", facts, plural("Within the deadline: {n} day left until "
                                             "{deadline}.",
                                             "Within the deadline: {n} days left until "
                                             "{deadline}."),
                  N_("File by {deadline}."),
                  reason_params={"n": info.days_left, "deadline": d},
                  next_params={"deadline": d})


def bars(inp: RuleInput) -> RuleResult:
    r = inp.record
    s = r.screening
    facts: list[Fact] = []
    touched: list[str] = []
    open_: list[str] = []
    for name, label in BAR_QUESTIONS:
        value = getattr(s, name)
        if value is YesNo.yes:
            touched.append(label)
            facts += F.answers(r, f"screening.{name}_detail")
        elif value is YesNo.unknown:
            open_.append(label)
    for t in r.leaving.route:
        if t.status_offered is YesNo.yes:
            touched.append(N_("status offered in a transit country"))
            if t.status_detail.strip():
                facts.append(F.make(f"leaving.route.{t.id}.status_detail",
                                    N_("Status offered in {country}"), t.status_detail,
                                    country=t.country or "?"))
    for e in r.harm_to_others.legal_events:
        if e.kind is LegalKind.conviction:
            touched.append(N_("a conviction"))
            if e.description.strip():
                facts.append(F.make(f"harm_to_others.legal_events.{e.id}",
                                    N_("Conviction ({date})"), e.description,
                                    date=show(e.start) if e.start else F.NO_DATE))
    if touched:
        which = tuple(dict.fromkeys(touched))  # a list: each language joins it its way
        return result("thin", facts, N_("Some answers touch a bar and need the attorney's review: "
                                        "{which}."),
                      N_("Review these answers with the applicant, carefully and without "
                         "judgment, before filing: {which}."),
                      reason_params={"which": which}, next_params={"which": which})
    if open_:
        which = tuple(open_)
        return result("missing", facts, N_("Some screening questions are unanswered: {which}."),
                      N_("Ask the screening questions still open, with care: {which}."),
                      reason_params={"which": which}, next_params={"which": which})
    return result("supported", facts, N_("The screening answers raise no bar."),
                  N_("Nothing to do unless new facts appear."))


def torture_official(inp: RuleInput) -> RuleResult:
    r = inp.record
    fr = r.fear
    facts = F.answers(r, "fear.torture_detail")
    items = r.incidents.items
    official = [i for i in items if i.perpetrator in STATE_ACTORS
                or i.state_protection is StateProtection.sought_refused]
    for i in official:
        facts += F.incident_facts(i, "injuries")
    needed = inp.jurisdiction in OFFICIAL_REQUIRED
    if fr.torture_fear is YesNo.yes and fr.torture_detail.strip():
        if official or not needed:
            return result("supported", facts, N_("The applicant fears torture and describes it; "
                                                 "the past harm involved officials or their "
                                                 "acquiescence.") if official else
                          N_("The applicant fears torture and describes it."),
                          N_("Support the risk with country conditions on torture in detention."))
        return result("thin", facts, N_("The applicant fears torture, but no answer ties it to a "
                                        "public official, by their act or acquiescence."),
                      N_("Ask whether officials took part in, allowed or ignored the harm, and "
                         "what happened when protection was sought."))
    if fr.torture_fear is YesNo.yes:
        return result("thin", facts, N_("The applicant fears torture but does not say what or by "
                                        "whom."),
                      N_("Ask, with care, what the applicant fears would be done to them, and "
                         "by whom."))
    hurt = [i for i in official if i.injuries.strip()]
    if hurt:
        return result("thin", facts, N_("Officials injured the applicant in the past ({date}), "
                                        "but the question about fear of torture is not answered "
                                        "yes."),
                      N_("Ask, with care, whether the applicant fears torture if returned."),
                      reason_params={"date": F.when(hurt[0])})
    if fr.torture_fear is YesNo.no:
        return result("missing", facts, N_("The applicant said they do not fear torture."),
                      N_("Revisit the question only if new facts suggest a risk of torture."))
    return result("missing", facts, N_("Whether the applicant fears torture is not answered."),
                  N_("Ask, with care, whether the applicant fears torture on return, and by "
                     "whom."))
