"""Step 4, What happened to you: a list of incidents, every field asked in plain words."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.events import (
    DetentionLength,
    Frequency,
    InjuryLevel,
    Perpetrator,
    TargetReason,
)
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.choices import GROUND_LABELS, PERPETRATORS, STATE_PROTECTION
from asylum_prep.forms.questions import (
    Condition,
    ListSpec,
    Question,
    Step,
    Widget,
    either,
    equals,
    filled,
    not_equals,
    yes,
)

NON_STATE = equals("perpetrator", Perpetrator.non_state.value)


def _unless_not_hurt(name: str) -> Condition:
    """Not asked after "No, I was not hurt", unless she already wrote something there (her
    words stay in view, and can be changed)."""
    return either(not_equals("injury_level", InjuryLevel.none.value), filled(name))


# Why they did it, as the applicant would say it: the protected grounds (worded as in part 3
# where the meaning is the same), then the reasons that are not about who she is.
TARGET_REASONS = (
    (TargetReason.political_opinion.value,
     N_("Because of my political views or what I did for them")),
    (TargetReason.imputed_political_opinion.value,
     N_("They thought I was against them, or that I held views I do not hold")),
    (TargetReason.religion.value, GROUND_LABELS[TargetReason.religion.value]),
    (TargetReason.race.value, GROUND_LABELS[TargetReason.race.value]),
    (TargetReason.nationality.value, GROUND_LABELS[TargetReason.nationality.value]),
    (TargetReason.particular_social_group.value,
     GROUND_LABELS[TargetReason.particular_social_group.value]),
    (TargetReason.money.value, N_("They wanted money from me")),
    (TargetReason.recruitment.value, N_("They wanted me to join them or work for them")),
    (TargetReason.personal_dispute.value, N_("A personal problem or revenge")),
    (TargetReason.ordinary_crime.value, N_("It was an ordinary crime, like a robbery")),
    (TargetReason.everyone_at_risk.value, N_("Everyone there was in danger")),
    (TargetReason.dont_know.value, N_("I don't know")),
)

THREAT_FREQUENCY = (
    (Frequency.once.value, N_("Only once")),
    (Frequency.several.value, N_("A few times")),
    (Frequency.many.value, N_("Many times, or all the time")),
    (Frequency.unknown.value, N_("I don't know")),
)

DETENTION_LENGTH = (
    (DetentionLength.hours.value, N_("Less than a day")),
    (DetentionLength.days.value, N_("From one day to a week")),
    (DetentionLength.weeks.value, N_("More than a week, up to a month")),
    (DetentionLength.months.value, N_("More than a month")),
    (DetentionLength.unknown.value, N_("I don't know")),
)

INJURY_LEVELS = (
    (InjuryLevel.none.value, N_("No, I was not hurt")),
    (InjuryLevel.minor.value, N_("Yes, but I did not need a doctor")),
    (InjuryLevel.treated.value, N_("Yes, and I needed a doctor or medical care")),
    (InjuryLevel.lasting.value, N_("Yes, and I still live with it (scars, pain, disability, "
                                   "nightmares)")),
    (InjuryLevel.unknown.value, N_("I don't know")),
)


def _summary(item: Any) -> str:
    return " - ".join(x for x in (item.date.display() if item.date else "", item.place) if x)


ITEMS = ListSpec(
    path="incidents.items",
    title=N_("What happened to you"),
    intro=N_("Add each time you were threatened, arrested, hurt or harmed, one at a time. You "
             "can change the order later. Take breaks whenever you need; everything is saved."),
    item_name=N_("event"),
    add_label=N_("Add something that happened"),
    empty_label=N_("Nothing added yet."),
    why=N_("What happened to you is the centre of your case."),
    summary=_summary,
    questions=(
        Question("date", N_("When did it happen?"), N_("2022-10-07, or around October 2022, or "
                                                        "15 Mehr 1401"),
                 N_("Dates help your lawyer put events in order. \"About\" is fine."),
                 Widget.date),
        Question("end_date", N_("If it went on for more than a day (for example you were held), "
                                "when did it end?"), N_("2022-10-21"),
                 N_("How long it lasted matters. Leave it empty if it was one day."),
                 Widget.date),
        Question("place", N_("Where did it happen?"), N_("Evin prison, Tehran"),
                 N_("The place helps to find reports that support your story.")),
        Question("perpetrator", N_("Who did this to you?"), N_("The police"),
                 N_("Who harmed you changes which protection you can ask for."), Widget.choice,
                 allow_unknown=False, choices=PERPETRATORS),
        Question("perpetrator_detail", N_("Can you say more about who they were?"),
                 N_("Two men in plain clothes who said they were from the intelligence office."),
                 N_("Uniforms, names, cars or words can show who they were.")),
        Question("state_protection",
                 N_("Could the police or authorities protect you from this group?"),
                 N_("I did not ask, because they would not help"),
                 N_("Asylum can protect you from a group when your government cannot or will "
                    "not."), Widget.choice, allow_unknown=False, choices=STATE_PROTECTION,
                 show_if=NON_STATE),
        Question("state_protection_detail", N_("What happened when you asked, or why didn't "
                                                "you ask?"),
                 N_("My cousin reported threats and the police told him to stay quiet."),
                 N_("Your lawyer has to show why the authorities did not protect you."),
                 Widget.long_text, show_if=NON_STATE),
        Question("what_happened", N_("What did they do? Tell it in order, in your own words."),
                 N_("They came at night, searched the flat and took me in a car."),
                 N_("Your own words are the heart of your declaration."), Widget.long_text),
        Question("words_said", N_("What did they say to you, as exactly as you remember?"),
                 N_("They said: \"We know what you write. Next time you will not come back.\""),
                 N_("Their words can show why they targeted you."), Widget.long_text),
        Question("threatened", N_("Did they threaten you, with words, messages or signs?"),
                 N_("Yes"), N_("Threats can be part of the harm, and show what they meant to "
                               "do."), Widget.yes_no),
        Question("threat_frequency", N_("How many times did they threaten you?"),
                 N_("A few times"), N_("Threats made again and again show the danger was "
                                       "real."),
                 Widget.choice, allow_unknown=False, choices=THREAT_FREQUENCY,
                 show_if=yes("threatened")),
        Question("threat_carried_out", N_("Did they do what they threatened to do?"), N_("No"),
                 N_("Your lawyer needs to know whether harm followed the threats."),
                 Widget.yes_no, show_if=yes("threatened")),
        Question("why_targeted", N_("In your own words, why do you think they did this to "
                                    "you?"),
                 N_("Because of my posts about the protests."),
                 N_("The law asks why you were targeted."), Widget.long_text),
        Question("target_reasons", N_("Which of these were reasons why they did it? Choose "
                                      "all that fit."),
                 N_("They wanted money from me"),
                 N_("Your lawyer needs every reason they may have had, even one that does not "
                    "seem to help you."), Widget.multi_choice, allow_unknown=False,
                 choices=TARGET_REASONS),
        Question("detained", N_("Were you held (detained) by them?"), N_("Yes"),
                 N_("Detention is asked about on the asylum form."), Widget.yes_no),
        Question("detention_length", N_("How long did they hold you?"),
                 N_("From one day to a week"),
                 N_("How long you were held shows how serious it was."), Widget.choice,
                 allow_unknown=False, choices=DETENTION_LENGTH, show_if=yes("detained")),
        Question("injury_level", N_("Were you hurt?"), N_("Yes, but I did not need a doctor"),
                 N_("How badly you were hurt shows how serious the harm was."), Widget.choice,
                 allow_unknown=False, choices=INJURY_LEVELS),
        Question("injuries", N_("If you were hurt, what were your injuries? Tell it in your "
                                "own words."),
                 N_("Bruises on my back and a broken finger."),
                 N_("Injuries show how serious the harm was."), Widget.long_text,
                 show_if=_unless_not_hurt("injuries")),
        Question("treatment", N_("Did you get medical treatment? Where and from whom?"),
                 N_("A doctor at a private clinic put my finger in a splint."),
                 N_("Medical records can support your story."), Widget.long_text,
                 show_if=_unless_not_hurt("treatment")),
        Question("witnesses", N_("Did anyone see it or know about it?"),
                 N_("My neighbour saw them take me."),
                 N_("A witness statement can support your story."), Widget.long_text),
        Question("reported", N_("Did you or anyone report it to anyone?"), N_("No"),
                 N_("Reporting, or why you could not, matters for your case."), Widget.yes_no),
        Question("report_result", N_("To whom, and what happened after?"),
                 N_("My father went to the police station; they said to stop asking."),
                 N_("The reaction shows whether anyone could protect you."), Widget.long_text,
                 show_if=yes("reported")),
        Question("evidence_note", N_("Is there anything that shows it happened: papers, photos, "
                                     "messages, medical notes?"),
                 N_("A summons letter, photos of my injuries."),
                 N_("Your lawyer will look for these papers with you."), Widget.long_text),
    ),
)

STEP = Step(
    key=SectionKey.incidents,
    title=N_("What happened to you"),
    intro=N_("The harm or threats you lived through. Go at your own pace."),
    lists=(ITEMS,),
)
