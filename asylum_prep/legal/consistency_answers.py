"""Consistency flags between answers of different parts, not only dates (the rules and their
exact firing conditions are listed in `legal.consistency`, the entry point).

Only structured answers (yes/no, choices, dates, the presence of an answer) fire these rules:
free text cannot be read reliably in sixteen languages, so it is never pattern-matched. Two
texts are compared only for exact equality after normalisation (Unicode NFKC, case folded,
single spaces), as a name typed twice. An answer of "unknown" (I don't know, skipped) never
contradicts anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import lru_cache

from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import DetentionLength, Incident, InjuryLevel, LegalKind
from asylum_prep.domain.people import Relation
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.i18n import SUPPORTED, translator
from asylum_prep.legal.consistency_flags import Flag, make_flag
from asylum_prep.legal.spans import bounds, definitely_before, show
from asylum_prep.text import collapse_spaces, fold_compatible

# What the screening question asks: "accused of, charged with or convicted of a crime". A
# summons, an arrest or a detention can happen without an accusation (a witness summoned, a
# protester held for a night), so they do not contradict a "no".
ACCUSED = frozenset({LegalKind.accusation, LegalKind.warrant, LegalKind.charge,
                     LegalKind.court_case, LegalKind.conviction})
# The follow-up choices asked after a "yes", in the order they are asked.
ARMED_GROUP_DETAILS = ("armed_group_help", "armed_group_kind", "armed_group_voluntary",
                       "armed_group_duration")
HARMED_OTHERS_DETAILS = ("harmed_others_voluntary",)
# The shortest a chosen detention length can be, in days counted inclusively: "weeks" is more
# than a week, "months" more than a month (28 days at the least, February).
LONGER_THAN = {DetentionLength.weeks: 7, DetentionLength.months: 28}

CRIMES_MESSAGE = N_(
    "The answer about crimes says the applicant was never accused, charged or convicted, yet "
    "an accusation, warrant, charge, court case or conviction is recorded; reconcile the two "
    "with the applicant, bearing in mind that a charge brought by the persecutor is often part "
    "of the persecution, not a crime.")
STATUS_MESSAGE = N_(
    "The answer about other countries says the applicant never had or was offered the right "
    "to live elsewhere, yet a stay in transit records that status was offered there; check "
    "which is right, since it bears on firm resettlement.")
SCREENING_DETAILS = {
    "armed_groups": (ARMED_GROUP_DETAILS, N_(
        "The answer about armed groups is no, yet the follow-up answers describe a group or "
        "help given to it; check which is right.")),
    "harmed_others": (HARMED_OTHERS_DETAILS, N_(
        "The answer about harm to others is no, yet the follow-up answer says whether it was by "
        "choice; check which is right.")),
}
TREATED_MESSAGE = N_("The incident says the applicant was not hurt, yet medical treatment is "
                     "described; check which is right.")
NOT_HELD_MESSAGE = N_("The incident says the applicant was not held, yet a length of detention "
                      "is given; check which is right.")
NOT_THREATENED_MESSAGE = N_("The incident says the applicant was not threatened, yet how often "
                            "the threats came or whether they were carried out is answered; "
                            "check which is right.")
LENGTH_MESSAGE = {
    DetentionLength.weeks: N_("The detention is said to have lasted more than a week, yet the "
                              "incident's dates ({start} – {end}) allow at most a week; check "
                              "which is right."),
    DetentionLength.months: N_("The detention is said to have lasted more than a month, yet the "
                               "incident's dates ({start} – {end}) allow less; check which is "
                               "right."),
}
FAMILY_HARM_MESSAGE = N_("A person close to the applicant is recorded as harmed under the same "
                         "name as a family member described as not harmed; check which is "
                         "right.")
PARENT_MESSAGE = N_("A parent's birth date ({date}) is after the applicant's ({birth}); check "
                    "the dates.")
CHILD_MESSAGE = N_("A child's birth date ({date}) is before the applicant's ({birth}); check "
                   "the dates.")


def _answered(value: object) -> bool:
    """A choice or a list of choices that was answered (not left unknown or empty)."""
    if isinstance(value, list):
        return bool(value)
    return str(value) not in ("", "unknown")


def _letters(text: str) -> str:
    return "".join(ch for ch in fold_compatible(text) if ch.isalnum())


@lru_cache(maxsize=1)
def _bare_no() -> frozenset[str]:
    """"No" in every supported language (from our catalogs): a text answer that says only this
    is no answer at all ("Did you get medical treatment?" - "No.")."""
    return frozenset(_letters(translator(lang)(word)) for lang in SUPPORTED
                     for word in ("No", "no"))


def said(text: str) -> bool:
    """The text says something beyond a bare "no" (case, spacing and punctuation ignored)."""
    letters = _letters(text)
    return bool(letters) and letters not in _bare_no()


def name_key(name: str) -> str:
    """A name compared only for exact equality: NFKC, case folded, single spaces."""
    return collapse_spaces(fold_compatible(name))


def _screening_rules(r: CaseRecord) -> Iterator[Flag]:
    s = r.screening
    if s.serious_crimes is YesNo.no:
        for e in r.harm_to_others.legal_events:
            if e.kind in ACCUSED:
                yield make_flag("crimes_answer_vs_legal_event", CRIMES_MESSAGE,
                                ("screening.serious_crimes",
                                 f"harm_to_others.legal_events.{e.id}.kind"))
    if s.status_elsewhere is YesNo.no:
        for t in r.leaving.route:
            if t.status_offered is YesNo.yes:
                yield make_flag("status_answer_vs_transit", STATUS_MESSAGE,
                                ("screening.status_elsewhere",
                                 f"leaving.route.{t.id}.status_offered"))
    for question, (details, message) in SCREENING_DETAILS.items():
        if getattr(s, question) is not YesNo.no:
            continue
        first = next((d for d in details if _answered(getattr(s, d))), None)
        if first is not None:
            yield make_flag("screening_no_but_details", message,
                            (f"screening.{question}", f"screening.{first}"))


def _longest_days(i: Incident) -> int | None:
    """The most days the incident's dates allow, both ends counted; None without an end."""
    if i.date is None or i.end_date is None:
        return None
    return (bounds(i.end_date)[1] - bounds(i.date)[0] + timedelta(days=1)).days


def _incident_rules(r: CaseRecord) -> Iterator[Flag]:
    for i in r.incidents.items:
        base = f"incidents.items.{i.id}"
        if i.injury_level is InjuryLevel.none and said(i.treatment):
            yield make_flag("injury_none_but_treated", TREATED_MESSAGE,
                            (f"{base}.injury_level", f"{base}.treatment"))
        if i.detained is YesNo.no and _answered(i.detention_length):
            yield make_flag("incident_no_but_details", NOT_HELD_MESSAGE,
                            (f"{base}.detained", f"{base}.detention_length"))
        if i.threatened is YesNo.no:
            detail = ("threat_frequency" if _answered(i.threat_frequency) else
                      "threat_carried_out" if i.threat_carried_out is YesNo.yes else None)
            if detail is not None:
                yield make_flag("incident_no_but_details", NOT_THREATENED_MESSAGE,
                                (f"{base}.threatened", f"{base}.{detail}"))
        shortest = LONGER_THAN.get(i.detention_length)
        longest = _longest_days(i)
        if (i.detained is not YesNo.no and shortest is not None and longest is not None
                and longest <= shortest):
            yield make_flag("detention_longer_than_dates", LENGTH_MESSAGE[i.detention_length],
                            (f"{base}.detention_length", f"{base}.end_date"),
                            start=show(i.date), end=show(i.end_date))


def _family_rules(r: CaseRecord) -> Iterator[Flag]:
    by_name: dict[str, list[str]] = {}
    for m in r.family.members:
        if name_key(m.name):
            by_name.setdefault(name_key(m.name), []).append(m.id)
    not_harmed = {m.id for m in r.family.members if m.harmed is YesNo.no}
    for o in r.harm_to_others.others:
        same = by_name.get(name_key(o.person), [])
        if len(same) == 1 and same[0] in not_harmed:  # one family member, certainly the same
            yield make_flag("family_harm_vs_harm_to_others", FAMILY_HARM_MESSAGE,
                            (f"harm_to_others.others.{o.id}.person",
                             f"family.members.{same[0]}.harmed"))
    birth = r.about.birth_date
    if birth is None:
        return
    for m in r.family.members:
        if m.birth_date is None:
            continue
        parent_late = m.relation is Relation.parent and definitely_before(birth, m.birth_date)
        child_early = m.relation is Relation.child and definitely_before(m.birth_date, birth)
        if parent_late or child_early:
            yield make_flag("family_birth_order", PARENT_MESSAGE if parent_late else CHILD_MESSAGE,
                            (f"family.members.{m.id}.birth_date", "about.birth_date"),
                            date=show(m.birth_date), birth=show(birth))


def answer_rules(r: CaseRecord) -> Iterator[Flag]:
    """Every flag of this module, in a stable order."""
    yield from _screening_rules(r)
    yield from _incident_rules(r)
    yield from _family_rules(r)
