"""Element rule for the US one-year filing deadline (timeliness; other jurisdictions have no
such element).

Parts:
- one year: filed, or still within one year, of the last arrival (INA 208(a)(2)(B); 8 CFR
  1208.4(a)); against when the deadline has passed.
- exception (only when late): changed or extraordinary circumstances (INA 208(a)(2)(D)):
  met when described with a date (timing.changed_circumstances_date, when the change happened;
  timing.extraordinary_circumstances_end, when it stopped preventing filing); not shown when
  described without a date; against when none is claimed.
- reasonable period (only when late with a dated exception): filing must follow within a
  reasonable period of the change or of the end of the extraordinary circumstance (8 CFR
  1208.4(a)(4)(ii), (a)(5)); no automatic period applies (Matter of T-M-H- & S-W-C-, 25 I&N
  Dec. 193 (BIA 2010)), so the part shows the months elapsed (counted from the earliest day the
  date could mean, up to the filing date or today) and stays "not shown": the attorney judges.
- withholding and CAT (only when late): they have no filing deadline and stay open (INA
  241(b)(3); 8 CFR 1208.16); the reason says so too.
Strength: supported when filed in time or within the deadline from an exact arrival; thin when
within it from an approximate arrival, or late with an exception claimed; against when late
with no exception claimed (asylum time-barred; withholding and CAT stay open); missing when no
arrival is recorded.
"""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.errors import N_
from asylum_prep.legal import facts as F
from asylum_prep.legal import spans
from asylum_prep.legal.assessment import Fact, RuleResult, TestPart, part, plural, result
from asylum_prep.legal.rules_claim import RuleInput
from asylum_prep.legal.spans import show

ONE_YEAR_AUTH = ("ina-208-a-2-b", "8-cfr-1208-4-a")


def is_late(inp: RuleInput) -> bool:
    """US asylum filed, or still to be filed, after the one-year deadline."""
    info = inp.deadline
    if inp.jurisdiction != "us" or info is None or info.deadline is None:
        return False
    return info.filed_in_time is False or (info.filed_in_time is None and info.level == "overdue")


def time_barred(inp: RuleInput) -> bool:
    """Late with no exception claimed: asylum is barred unless one is found."""
    return is_late(inp) and inp.deadline is not None and not inp.deadline.exception_claimed


def still_open() -> TestPart:
    return part("still_open", N_("Withholding of removal and CAT protection"), "met",
                N_("They have no filing deadline and stay open even if asylum is "
                   "time-barred."), authorities=("ina-241-b-3", "8-cfr-1208-16"))


def _months(since: date, until: date) -> int:
    return max(0, (until.year - since.year) * 12 + until.month - since.month
               - (1 if until.day < since.day else 0))


def _exception_parts(inp: RuleInput) -> tuple[list[TestPart], list[Fact]]:
    t = inp.record.timing
    label = N_("Changed or extraordinary circumstances")
    auth = ("ina-208-a-2-d", "8-cfr-1208-4-a")
    dated: list[tuple[str, FuzzyDate]] = []
    facts: list[Fact] = []
    if t.changed_circumstances.strip() and t.changed_circumstances_date is not None:
        dated.append(("changed", t.changed_circumstances_date))
        facts.append(F.make("timing.changed_circumstances_date",
                            F.FIELD_LABELS["timing.changed_circumstances_date"],
                            show(t.changed_circumstances_date)))
    if (t.extraordinary_circumstances.strip()
            and t.extraordinary_circumstances_end is not None):
        dated.append(("extraordinary", t.extraordinary_circumstances_end))
        facts.append(F.make("timing.extraordinary_circumstances_end",
                            F.FIELD_LABELS["timing.extraordinary_circumstances_end"],
                            show(t.extraordinary_circumstances_end)))
    if not (t.changed_circumstances.strip() or t.extraordinary_circumstances.strip()):
        return [part("exception", label, "against", N_("No exception is claimed."),
                     authorities=auth)], facts
    if not dated:
        return [part("exception", label, "not_shown",
                     N_("An exception is described but not when it happened or ended, so the "
                        "reasonable period cannot be counted."), authorities=auth)], facts
    _, latest = max(dated, key=lambda d: spans.earliest(d[1]))
    start = spans.earliest(latest)
    until = spans.latest(t.filed_on) if t.filed_on is not None else inp.today
    n = _months(start, until)
    return [part("exception", label, "met", N_("An exception is described, with its date."),
                 authorities=auth),
            part("reasonable_period", N_("Filed within a reasonable period"), "not_shown",
                 plural("{n} month from {date} to filing or today: whether that is a "
                        "reasonable period is for the attorney to judge.",
                        "{n} months from {date} to filing or today: whether that is a "
                        "reasonable period is for the attorney to judge."),
                 authorities=("8-cfr-1208-4-a", "t-m-h-s-w-c"), n=n, date=show(latest))], facts


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
    label = N_("Filed within one year of the last arrival")
    if info is None or info.deadline is None:
        missing = N_("No arrival date is recorded, so timeliness cannot be shown.")
        parts = [part("one_year", label, "not_shown", missing, authorities=ONE_YEAR_AUTH)]
        return result("missing", facts, missing,
                      N_("Ask for the date and place of the last arrival, and for a document "
                         "that shows it."), parts=parts, authorities=ONE_YEAR_AUTH)
    d = info.deadline.isoformat()
    if is_late(inp):
        parts = [part("one_year", label, "against", N_("The deadline of {deadline} has "
                                                       "passed."),
                      authorities=ONE_YEAR_AUTH, deadline=d)]
        more, dates = _exception_parts(inp)
        parts += [*more, still_open()]
        auth = tuple(dict.fromkeys(a for p in parts for a in p.authorities))
        if info.exception_claimed:
            return result("thin", facts + dates,
                          N_("The deadline of {deadline} has passed and an exception is claimed; "
                             "withholding of removal and CAT protection stay open either way."),
                          N_("Ask when the changed or extraordinary circumstances began and "
                             "ended, and what evidence shows it."),
                          reason_params={"deadline": d}, parts=parts, authorities=auth)
        return result("against", facts,
                      N_("Asylum may be time-barred: the deadline of {deadline} has passed and "
                         "no exception is claimed; withholding of removal and CAT protection "
                         "stay open."),
                      N_("Ask what changed, or what prevented filing within the year, to see "
                         "whether an exception applies."),
                      reason_params={"deadline": d}, parts=parts, authorities=auth)
    if info.filed_in_time is True:
        parts = [part("one_year", label, "met", N_("Filed within the deadline of {deadline}."),
                      authorities=ONE_YEAR_AUTH, deadline=d)]
        return result("supported", facts, N_("Filed within the deadline of {deadline}."),
                      N_("Keep proof of the filing date with the case."),
                      reason_params={"deadline": d}, parts=parts, authorities=ONE_YEAR_AUTH)
    if info.approximate_arrival:
        parts = [part("one_year", label, "not_shown",
                      N_("The arrival date is approximate, so the deadline may be earlier."),
                      authorities=ONE_YEAR_AUTH)]
        return result("thin", facts,
                      plural("Within the deadline ({n} day left until {deadline}), but the "
                             "arrival date is approximate.",
                             "Within the deadline ({n} days left until {deadline}), but the "
                             "arrival date is approximate."),
                      N_("Confirm the exact date of the last arrival with a document (passport "
                         "stamp, entry record or ticket)."),
                      reason_params={"n": info.days_left, "deadline": d}, parts=parts,
                      authorities=ONE_YEAR_AUTH)
    parts = [part("one_year", label, "met", N_("File by {deadline}."), authorities=ONE_YEAR_AUTH,
                  deadline=d)]
    return result("supported", facts, plural("Within the deadline: {n} day left until "
                                             "{deadline}.",
                                             "Within the deadline: {n} days left until "
                                             "{deadline}."),
                  N_("File by {deadline}."),
                  reason_params={"n": info.days_left, "deadline": d},
                  next_params={"deadline": d}, parts=parts, authorities=ONE_YEAR_AUTH)
