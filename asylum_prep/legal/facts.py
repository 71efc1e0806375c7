"""Facts: the applicant's own answers, quoted with a short label and the path they come from.

Labels are English templates (N_) filled with a date or a short name the applicant gave;
the text is always the answer itself, never generated. An answer given as a choice (injury
level, detention length, threats, why targeted, yes or no) is quoted as the choice made: its
label carries the choice as a msgid (translated on display) and the text is the same choice in
English. An answer the attorney links by hand
that has no label here is named by the wizard question that asks it ("Leaving your country,
entry 2: Why did you stay there?"), never by its record path.
"""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.base import Model, YesNo
from asylum_prep.domain.events import (
    DetentionLength,
    Frequency,
    Incident,
    InjuryLevel,
    Perpetrator,
    TargetReason,
)
from asylum_prep.domain.record import CaseRecord, get_path
from asylum_prep.errors import N_
from asylum_prep.forms.answer_labels import answer_label
from asylum_prep.legal.assessment import Fact, fill, params_of
from asylum_prep.legal.spans import show

NO_DATE = N_("no date given")
LINKED_ANSWER = N_("Linked answer")

PERPETRATOR = {
    Perpetrator.police: N_("the police"),
    Perpetrator.army: N_("the army"),
    Perpetrator.intelligence: N_("the intelligence service"),
    Perpetrator.state_militia: N_("the militia tied to the state"),
    Perpetrator.officials: N_("the officials"),
    Perpetrator.non_state: N_("the attackers"),
    Perpetrator.unknown: N_("the people responsible"),
}

INCIDENT_FIELD_LABELS = {
    "what_happened": N_("What happened ({date})"),
    "why_targeted": N_("Why they targeted the applicant ({date})"),
    "words_said": N_("What was said ({date})"),
    "injuries": N_("Injuries ({date})"),
    "treatment": N_("Treatment ({date})"),
    "perpetrator_detail": N_("Who did it ({date})"),
    "state_protection_detail": N_("Protection sought or not ({date})"),
    "report_result": N_("What followed the report ({date})"),
    "witnesses": N_("Witnesses ({date})"),
    "evidence_note": N_("Evidence ({date})"),
}

FIELD_LABELS = {
    "beliefs.beliefs_description": N_("Beliefs described"),
    "beliefs.social_group_description": N_("The social group described"),
    "beliefs.attributed_opinion_description": N_("The opinion attributed to the applicant"),
    "about.religion": N_("Religion"),
    "about.ethnicity": N_("Ethnic or tribal group"),
    "about.nationalities": N_("Nationality"),
    "fear.who": N_("Whom the applicant fears"),
    "fear.what_harm": N_("The harm feared"),
    "fear.why": N_("Why they would harm the applicant"),
    "fear.how_they_would_know": N_("How they would know of a return"),
    "fear.still_looking_detail": N_("Still looking for the applicant"),
    "fear.torture_detail": N_("The torture feared"),
    "fear.relocation_why_not": N_("Why the applicant cannot live elsewhere in the country"),
    "fear.lived_elsewhere_detail": N_("Living elsewhere in the country since"),
    "fear.would_hide_detail": N_("What the applicant would have to hide"),
    "screening.harmed_others_detail": N_("Screening: harm to others"),
    "screening.serious_crimes_detail": N_("Screening: crimes"),
    "screening.status_elsewhere_detail": N_("Screening: status elsewhere"),
    "screening.armed_groups_detail": N_("Screening: armed groups"),
    "screening.returned_home_detail": N_("Screening: returns home"),
    "timing.why_now": N_("Why the applicant is applying now"),
    "timing.changed_circumstances": N_("Changed circumstances"),
    "timing.extraordinary_circumstances": N_("Extraordinary circumstances"),
    "timing.changed_circumstances_date": N_("When the change happened"),
    "timing.extraordinary_circumstances_end": N_("When the circumstances stopped preventing "
                                                 "filing"),
    "screening.armed_group_kind": N_("Screening: kind of armed group"),
    "screening.armed_group_help": N_("Screening: help given to an armed group"),
    "screening.armed_group_voluntary": N_("Screening: help by choice or forced"),
    "screening.armed_group_duration": N_("Screening: how long the help lasted"),
    "screening.harmed_others_voluntary": N_("Screening: harm to others by choice or forced"),
    "beliefs.social_group_name": N_("The group as the applicant names it"),
    "beliefs.group_shared_trait": N_("What the group's members share"),
    "beliefs.group_should_not_change": N_("Why members should not have to change it"),
    "beliefs.group_who_belongs": N_("Who belongs to the group"),
    "beliefs.group_seen_detail": N_("How others see the group"),
    "beliefs.spoke_out_to": N_("Whom the applicant spoke out to"),
}

# The choices as the applicant made them, in words (never the stored value).
YES_NO = {YesNo.yes: N_("Yes"), YesNo.no: N_("No")}
CHOICE_FIELD_LABELS = {
    "beliefs.group_can_change": N_("Could a member stop being one: {choice}"),
    "beliefs.group_seen_as_group": N_("Others see them as a group: {choice}"),
    "beliefs.opinion_through_work": N_("An opinion shown through work: {choice}"),
    "beliefs.wrongdoing_by_state": N_("Officials took part in or protected the wrongdoing: "
                                      "{choice}"),
    "beliefs.spoke_out": N_("Spoke out about it: {choice}"),
}
INJURY_LEVELS = {
    InjuryLevel.none: N_("Not hurt"),
    InjuryLevel.minor: N_("Hurt, without treatment"),
    InjuryLevel.treated: N_("Needed medical treatment"),
    InjuryLevel.lasting: N_("Lasting harm"),
}
DETENTION_LENGTHS = {
    DetentionLength.hours: N_("Less than a day"),
    DetentionLength.days: N_("One day to a week"),
    DetentionLength.weeks: N_("More than a week, up to a month"),
    DetentionLength.months: N_("More than a month"),
}
THREAT_CHOICES = {
    Frequency.once: N_("Threatened once"),
    Frequency.several: N_("Threatened a few times"),
    Frequency.many: N_("Threatened many times"),
    YesNo.yes: N_("The threats were carried out"),
    YesNo.no: N_("The threats were not carried out"),
}
TARGET_REASONS = {
    TargetReason.political_opinion: N_("My political views or activity"),
    TargetReason.imputed_political_opinion: N_("They thought I held political views"),
    TargetReason.religion: N_("My religion"),
    TargetReason.race: N_("My ethnic group or race"),
    TargetReason.nationality: N_("My nationality"),
    TargetReason.particular_social_group: N_("A group I belong to"),
    TargetReason.money: N_("Money or extortion"),
    TargetReason.recruitment: N_("They wanted me to join or work for them"),
    TargetReason.personal_dispute: N_("A personal dispute or revenge"),
    TargetReason.ordinary_crime: N_("An ordinary crime, like a robbery"),
    TargetReason.everyone_at_risk: N_("Everyone there was at risk"),
    TargetReason.dont_know: N_("I don't know"),
}
INCIDENT_CHOICE_LABELS = {
    "injury_level": N_("Injuries, as chosen ({date}): {choice}"),
    "detention_length": N_("Detention, as chosen ({date}): {choice}"),
    "threatened": N_("Threats, as chosen ({date}): {choice}"),
    "target_reasons": N_("Why targeted, as chosen ({date}): {choice}"),
}


def make(path: str, template: str, text: str, /, *, manual: bool = False,
         **params: object) -> Fact:
    p = params_of(**params)
    return Fact(path, fill(template, p), text, manual, template, p)


def when(i: Incident) -> str:
    return show(i.date) if i.date else NO_DATE


def incident_fact(i: Incident, field: str) -> Fact | None:
    text = getattr(i, field, "")
    if not isinstance(text, str) or not text.strip():
        return None
    return make(f"incidents.items.{i.id}.{field}", INCIDENT_FIELD_LABELS[field], text, date=when(i))


def incident_facts(i: Incident, *fields: str) -> list[Fact]:
    return [f for f in (incident_fact(i, name) for name in fields) if f is not None]


def _chosen(path: str, template: str, picked: tuple[str, ...], date: str = "") -> Fact | None:
    if not picked:
        return None
    if date:
        return make(path, template, "; ".join(picked), choice=picked, date=date)
    return make(path, template, "; ".join(picked), choice=picked)


def incident_choice(i: Incident, field: str) -> Fact | None:
    """The choice made for an incident (`injury_level`, `detention_length`, `threatened`
    with how often and whether carried out, `target_reasons`), or None if none was made."""
    picked: tuple[str, ...]
    if field == "injury_level":
        picked = tuple(x for x in (INJURY_LEVELS.get(i.injury_level),) if x)
    elif field == "detention_length":
        picked = tuple(x for x in (DETENTION_LENGTHS.get(i.detention_length),) if x)
    elif field == "threatened":
        picked = () if i.threatened is not YesNo.yes else tuple(
            x for x in (THREAT_CHOICES.get(i.threat_frequency),
                        THREAT_CHOICES.get(i.threat_carried_out)) if x) or (YES_NO[YesNo.yes],)
    else:
        picked = tuple(TARGET_REASONS[r] for r in dict.fromkeys(i.target_reasons))
    return _chosen(f"incidents.items.{i.id}.{field}", INCIDENT_CHOICE_LABELS[field], picked,
                   date=when(i))


def choice(record: CaseRecord, path: str) -> Fact | None:
    """A yes-or-no answer (CHOICE_FIELD_LABELS) as a fact, if the applicant answered it."""
    said = YES_NO.get(YesNo(str(get_path(record, path))))
    return _chosen(path, CHOICE_FIELD_LABELS[path], (said,) if said else ())


def answer(record: CaseRecord, path: str) -> Fact | None:
    """A top-level text answer as a fact, if the applicant gave one."""
    value = get_path(record, path)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if str(v).strip())
    if not isinstance(value, str) or not value.strip():
        return None
    return make(path, FIELD_LABELS.get(path, path), value)


def answers(record: CaseRecord, *paths: str) -> list[Fact]:
    return [f for f in (answer(record, p) for p in paths) if f is not None]


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_text_of(v) for v in value if _text_of(v))
    if isinstance(value, Model):
        for name in ("what_happened", "description", "why", "organisation", "place", "person",
                     "country"):
            text = getattr(value, name, "")
            if isinstance(text, str) and text.strip():
                return text
        return ""
    return "" if value is None else str(getattr(value, "value", value))


def linked_fact(record: CaseRecord, path: str) -> Fact | None:
    """A fact for a path the attorney linked by hand; None if the path holds nothing."""
    value = get_path(record, path)
    if value is None:
        return None
    parts = path.split(".")
    if parts[:2] == ["incidents", "items"] and len(parts) >= 3:
        incident = get_path(record, ".".join(parts[:3]))
        if isinstance(incident, Incident):
            template = INCIDENT_FIELD_LABELS.get(parts[3] if len(parts) > 3 else "",
                                                 N_("Incident ({date})"))
            return make(path, template, _text_of(value), manual=True, date=when(incident))
    if path in FIELD_LABELS:
        return make(path, FIELD_LABELS[path], _text_of(value), manual=True)
    template, params = answer_label(record, path).template(unknown=LINKED_ANSWER)
    return make(path, template, _text_of(value), manual=True, **params)
