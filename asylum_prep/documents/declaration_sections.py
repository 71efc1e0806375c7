"""The declaration's sections, in order, each reading answers through the `Writer`.

Only the applicant's answers supply content. Fixed sentences are whole translatable phrases
(`t("...")`) whose placeholders take short answer values; choice answers (yes/no, who did it)
print the fixed sentence for the option the applicant chose.
"""

from __future__ import annotations

from asylum_prep.documents import dated as d
from asylum_prep.documents.answers import display_name, sort_key
from asylum_prep.documents.declaration_writer import Writer
from asylum_prep.domain.base import YesNo
from asylum_prep.domain.events import (
    Incident,
    InjuryLevel,
    LegalEvent,
    Perpetrator,
    StateProtection,
)
from asylum_prep.domain.people import Relation
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.text import fold_case


def background(w: Writer, r: CaseRecord) -> None:
    t, a = w.t, w.a
    w.heading(t("Background"))
    name = display_name(a)
    if name:
        w.para(
            t("My name is {name}.", name=name), sources=("about.given_names", "about.family_name")
        )
    else:
        w.missing("about.family_name", t("your name"))
    if r.about.name_native_script.strip():
        w.para(t("In my own script my name is written:"), a.get("about.name_native_script"))
    if r.about.other_names:
        w.para(
            t(
                "I have also been known by these names: {names}.",
                names=", ".join(r.about.other_names),
            ),
            sources=("about.other_names",),
        )
    place = a.plain("about.birth_place")
    country = a.country(r.about.birth_country)
    if place and country and not fold_case(place).endswith(fold_case(country)):
        # "Tehran, Iran" already names the country: never "Tehran, Iran, Iran"
        place = t("{place}, {country}", place=place, country=country)
    place = place or country
    born = r.about.birth_date
    src = ("about.birth_date", "about.birth_place", "about.birth_country")
    if born and place:
        w.para(a.dated(born, d.BORN_IN, place=place), sources=src)
    elif born:
        w.para(a.dated(born, d.BORN), sources=src)
    elif place:
        w.para(t("I was born in {place}.", place=place), sources=src)
    if r.about.nationalities:
        w.para(
            t(
                "I am a national of {countries}.",
                countries=", ".join(a.country(c) for c in r.about.nationalities),
            ),
            sources=("about.nationalities",),
        )
    w.answer(t("My ethnicity:"), "about.ethnicity")
    w.answer(t("My religion:"), "about.religion")
    w.answer(t("My native language:"), "about.native_language")
    if r.about.other_languages:
        w.para(
            t("I also speak: {languages}.", languages=", ".join(r.about.other_languages)),
            sources=("about.other_languages",),
        )
    leads = {
        Relation.spouse: N_("My spouse:"),
        Relation.child: N_("My child:"),
        Relation.parent: N_("My parent:"),
        Relation.sibling: N_("My brother or sister:"),
        Relation.other: N_("A member of my family:"),
    }
    for m in r.family.members:
        base = f"family.members.{m.id}"
        name_text = a.get(f"{base}.name")
        where = a.get(f"{base}.where_now")
        w.para(
            t(leads[m.relation]),
            name_text,
            t("Where they are now:") if where else None,
            where,
            sources=(base,),
        )


def beliefs(w: Writer, r: CaseRecord) -> None:
    t, a = w.t, w.a
    b = r.beliefs
    if not (
        b.beliefs_description
        or b.social_group_description
        or b.attributed_opinion_description
        or b.memberships
        or b.activities
    ):
        w.heading(t("My beliefs and activities"))
        w.missing("beliefs.beliefs_description", t("your beliefs, identity or activities"))
        return
    w.heading(t("My beliefs and activities"))
    w.answer(None, "beliefs.beliefs_description")
    w.answer(t("What others believe about me:"), "beliefs.attributed_opinion_description")
    w.answer(t("The group I belong to:"), "beliefs.social_group_description")
    for m in sorted(b.memberships, key=lambda m: sort_key(m.start)):
        base = f"beliefs.memberships.{m.id}"
        org = a.plain(f"{base}.organisation")
        # A sentence per date, so each takes the wording its precision needs ("from {start}
        # to {end}" cannot: French "du 3 mai" / "d'octobre", Russian "с октября" / "по октябрь").
        lead: str | None = None
        if org and m.start:
            lead = a.dated(m.start, d.JOINED, organisation=org)
        elif org:
            lead = t("I was a member of {organisation}.", organisation=org)
        ended = a.dated(m.end, d.MEMBERSHIP_ENDED) if org and m.end else None
        role = a.get(f"{base}.role")
        w.para(
            lead,
            ended,
            t("My role:") if role else None,
            role,
            a.get(f"{base}.description"),
            sources=(base,),
        )
    for act in sorted(b.activities, key=lambda x: sort_key(x.date)):
        base = f"beliefs.activities.{act.id}"
        lead = a.when_where(
            act.date,
            f"{base}.place",
            d.ON_IN,
            d.ON,
            N_("In {place}:"),
            None,
        )
        w.answer(lead, f"{base}.description")


_WHO = {
    Perpetrator.police: N_("the police"),
    Perpetrator.army: N_("the army"),
    Perpetrator.intelligence: N_("the intelligence services"),
    Perpetrator.state_militia: N_("a militia working with the state"),
    Perpetrator.officials: N_("government officials"),
    Perpetrator.non_state: N_("people not part of the state"),
    Perpetrator.unknown: "",
}
# How badly she was hurt, as she chose it (forms/incidents.py INJURY_LEVELS), as a sentence of
# her own: worded so no language needs the declarant's sex (Russian "у меня были травмы").
_HURT = {
    InjuryLevel.minor: N_("I was hurt, but I did not need a doctor."),
    InjuryLevel.treated: N_("I was hurt, and I needed a doctor or medical care."),
    InjuryLevel.lasting: N_("I was hurt, and I still live with the harm."),
}
_PROTECTION = {
    StateProtection.sought_refused: N_("I asked the authorities for protection and they refused."),
    StateProtection.sought_failed: N_(
        "I asked the authorities for protection but they did not protect me."
    ),
    StateProtection.not_sought_pointless: N_(
        "I did not ask the authorities for protection because it would have been pointless."
    ),
    StateProtection.not_sought_dangerous: N_(
        "I did not ask the authorities for protection because it would have been dangerous."
    ),
}


def incident(w: Writer, inc: Incident) -> None:
    t, a = w.t, w.a
    base = f"incidents.items.{inc.id}"
    lead = a.when_where(
        inc.date,
        f"{base}.place",
        d.HAPPENED_IN,
        d.HAPPENED,
        N_("In {place}, the following happened:"),
        N_("The following happened:"),
    )
    if w.answer(lead, f"{base}.what_happened", extra=(base, f"{base}.date")) is None:
        a.take_pending()
        w.missing(
            f"{base}.what_happened", t("what happened ({when})", when=a.date(inc.date) or "?")
        )
    category = t(_WHO[inc.perpetrator]) if _WHO[inc.perpetrator] else ""
    detail = a.get(f"{base}.perpetrator_detail")
    if detail:
        w.para(
            t("Who did this ({category}):", category=category) if category else t("Who did this:"),
            detail,
            sources=(f"{base}.perpetrator",),
        )
    elif category:
        w.para(t("This was done by {who}.", who=category), sources=(f"{base}.perpetrator",))
    else:
        w.missing(f"{base}.perpetrator", t("who did this ({when})", when=a.date(inc.date) or "?"))
    if a.get(f"{base}.words_said"):
        a.take_pending()
        w.para(t("They said these words to me:"), sources=(f"{base}.words_said",))
        w.quote(f"{base}.words_said")
    if inc.detained is YesNo.yes:
        w.para(t("I was detained."), sources=(f"{base}.detained",))
    if inc.injury_level is InjuryLevel.none:  # her "I was not hurt" is never "My injuries: ..."
        w.para(t("I was not physically hurt."), a.get(f"{base}.injuries"),
               sources=(f"{base}.injury_level", f"{base}.injuries"))
    elif inc.injury_level in _HURT:  # the sentence her choice says, then her own words
        w.para(t(_HURT[inc.injury_level]), a.get(f"{base}.injuries"),
               sources=(f"{base}.injury_level", f"{base}.injuries"))
    else:
        w.answer(t("My injuries:"), f"{base}.injuries")
    w.answer(t("The treatment I received:"), f"{base}.treatment")
    w.answer(t("Who saw what happened:"), f"{base}.witnesses")
    if inc.reported is YesNo.yes:
        w.para(t("I reported what happened to the authorities."), sources=(f"{base}.reported",))
        w.answer(t("What happened after I reported it:"), f"{base}.report_result")
    elif inc.reported is YesNo.no:
        w.para(
            t("I did not report what happened to the authorities."), sources=(f"{base}.reported",)
        )
    if inc.state_protection in _PROTECTION:
        w.para(
            t(_PROTECTION[inc.state_protection]),
            a.get(f"{base}.state_protection_detail"),
            sources=(f"{base}.state_protection",),
        )


_LEGAL = {
    "accusation": N_("I was accused."),
    "summons": N_("I was summoned."),
    "warrant": N_("A warrant was issued for me."),
    "charge": N_("I was charged."),
    "arrest": N_("I was arrested."),
    "detention": N_("I was detained."),
    "court_case": N_("A court case was brought against me."),
    "conviction": N_("I was convicted."),
}


def legal_event(w: Writer, ev: LegalEvent) -> None:
    t, a = w.t, w.a
    base = f"harm_to_others.legal_events.{ev.id}"
    lead = a.when_where(
        ev.start,
        f"{base}.place",
        d.ON_IN,
        d.ON,
        N_("In {place}:"),
        None,
    )
    authority = a.get(f"{base}.authority")
    w.para(
        lead,
        t(_LEGAL[ev.kind.value]),
        t("The authority:") if authority else None,
        authority,
        a.get(f"{base}.description"),
        sources=(base,),
    )
    w.answer(t("The outcome:"), f"{base}.outcome")


def events(w: Writer, r: CaseRecord) -> None:
    w.heading(w.t("What happened to me"))
    timeline: list[tuple[tuple[int, object], int, Incident | LegalEvent]] = []
    for i, inc in enumerate(r.incidents.items):
        timeline.append((sort_key(inc.date), i, inc))
    for j, ev in enumerate(r.harm_to_others.legal_events):
        timeline.append((sort_key(ev.start), 10_000 + j, ev))
    if not timeline:
        w.missing("incidents.items", w.t("what happened to you"))
    for _, _, item in sorted(timeline, key=lambda x: (x[0], x[1])):
        incident(w, item) if isinstance(item, Incident) else legal_event(w, item)
