"""Suggested passages for a case: for each incident and for the fear of return.

Search terms are drawn, at query time only, from the incident's perpetrator (kind and
detail), the harm and group words found in its account, and its place; for the fear, from
who is feared, the harm feared and why. Nothing from the case is stored in the library or
logged. Each suggestion says which of those terms it matched. Passages the team rejected for
a target, or already cited in the case, are not suggested again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from asylum_prep import countries
from asylum_prep.country_info.search import (
    MAX_TERMS,
    STOPWORDS,
    Filters,
    Hit,
    Query,
    search,
    words_matched,
)
from asylum_prep.domain.citations import rejections
from asylum_prep.domain.events import Incident, Perpetrator
from asylum_prep.domain.record import CaseRecord
from asylum_prep.text import search_tokens

FEAR_TARGET = "fear"
PERPETRATOR_WORDS: dict[Perpetrator, tuple[str, ...]] = {
    Perpetrator.police: ("police",),
    Perpetrator.army: ("army", "military", "soldiers"),
    Perpetrator.intelligence: ("intelligence", "security"),
    Perpetrator.state_militia: ("militia", "paramilitary"),
    Perpetrator.officials: ("officials", "authorities"),
    Perpetrator.non_state: (),
    Perpetrator.unknown: (),
}
HARM_WORDS = frozenset(search_tokens(
    "arrest arrested arrests detained detention detentions prison prisoner imprisoned jail "
    "torture tortured beaten beating beatings killed killing killings murder murdered rape raped "
    "sexual violence threatened threat threats kidnapped abducted abduction disappeared "
    "disappearance interrogated interrogation flogging flogged execution executed harassment "
    "harassed summons summoned raid raided confiscated expelled attacked attack shot stabbed "
    "extortion extorted recruitment recruited forced burned injured injuries assault assaulted "
    "persecution persecuted discrimination surveillance monitored fined dismissed"
))
GROUP_WORDS = frozenset(search_tokens(
    "protest protests protester protesters demonstration demonstrators student students "
    "journalist journalists activist activists opposition party union unionist christian "
    "christians convert converts apostasy blasphemy bahai ahmadi sunni shia muslim jewish "
    "kurd kurdish tamil ethnic minority minorities lgbt lgbti gay lesbian bisexual transgender "
    "women girls lawyer lawyers defenders dissident dissidents blogger bloggers teacher teachers "
    "clergy church mosque election corruption"
))


@dataclass(frozen=True)
class Target:
    key: str  # "incidents.items.<id>" or "fear"
    terms: dict[str, str]  # normalised term -> where it came from: perpetrator/harm/group/place
    since: date | None = None


@dataclass(frozen=True)
class Suggestion:
    target: str
    hit: Hit
    reasons: tuple[tuple[str, str], ...]  # (term, where it came from)


@dataclass(frozen=True)
class TargetSuggestions:
    target: str
    country: str
    suggestions: list[Suggestion] = field(default_factory=list)


def case_country(record: CaseRecord) -> str | None:
    """The country of feared return: `about.country_of_return`, else the first nationality,
    when it is a valid ISO code."""
    for candidate in (record.about.country_of_return, *record.about.nationalities):
        code = (candidate or "").strip().upper()
        if code in countries.library_codes():
            return code
    return None


def _add(terms: dict[str, str], text: str, kind: str, *, vocabulary: frozenset[str] | None) -> None:
    for token in search_tokens(text):
        if len(terms) >= MAX_TERMS:
            return
        if token in STOPWORDS or len(token) < 3 or token.isdigit():
            continue
        if vocabulary is None or token in vocabulary:
            terms.setdefault(token, kind)


def incident_target(incident: Incident) -> Target:
    terms: dict[str, str] = {}
    for word in PERPETRATOR_WORDS[incident.perpetrator]:
        terms[word] = "perpetrator"
    _add(terms, incident.perpetrator_detail, "perpetrator", vocabulary=None)
    account = " ".join([incident.what_happened, incident.injuries, incident.words_said])
    _add(terms, account, "harm", vocabulary=HARM_WORDS)
    if incident.detained.value == "yes":
        terms.setdefault("detention", "harm")
    story = f"{incident.why_targeted} {incident.what_happened}"
    _add(terms, story, "group", vocabulary=GROUP_WORDS)
    _add(terms, incident.place, "place", vocabulary=None)
    since = date(incident.date.iso.year - 1, 1, 1) if incident.date else None
    return Target(f"incidents.items.{incident.id}", terms, since)


def fear_target(record: CaseRecord) -> Target:
    fear = record.fear
    terms: dict[str, str] = {}
    _add(terms, fear.who, "perpetrator", vocabulary=None)
    _add(terms, f"{fear.what_harm} {fear.torture_detail}", "harm", vocabulary=HARM_WORDS)
    _add(terms, fear.why, "group", vocabulary=GROUP_WORDS)
    return Target(FEAR_TARGET, terms)


def targets_for(record: CaseRecord) -> list[Target]:
    out = [incident_target(i) for i in record.incidents.items]
    out.append(fear_target(record))
    return [t for t in out if t.terms]


def suggest(
    session: Session, record: CaseRecord, *, per_target: int = 5
) -> list[TargetSuggestions]:
    """Ranked, explained suggestions per target; empty when the case has no country yet."""
    country = case_country(record)
    if country is None:
        return []
    rejected = {(r.passage_id, r.target) for r in rejections(record)}
    cited = {c.passage_id for c in record.citations}
    out: list[TargetSuggestions] = []
    for target in targets_for(record):
        query = Query(tuple(target.terms))
        page = search(session, query, Filters(country=country, since=target.since),
                      limit=per_target + len(rejected) + len(cited))
        found: list[Suggestion] = []
        for hit in page.hits:
            if hit.passage_id in cited or (hit.passage_id, target.key) in rejected:
                continue
            matched = hit.matched or words_matched(hit.snippet, query)
            found.append(Suggestion(target.key, hit, tuple((t, target.terms[t])
                                                             for t in matched
                                                             if t in target.terms)))
            if len(found) >= per_target:
                break
        out.append(TargetSuggestions(target.key, country, found))
    return out
