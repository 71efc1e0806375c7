"""Step 4, What happened to you: a list of incidents, every field asked in plain words."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.events import Perpetrator
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.choices import PERPETRATORS, STATE_PROTECTION
from asylum_prep.forms.questions import ListSpec, Question, Step, Widget, equals, yes

NON_STATE = equals("perpetrator", Perpetrator.non_state.value)


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
        Question("why_targeted", N_("Why do you think they did this to you?"),
                 N_("Because of my posts about the protests."),
                 N_("The law asks why you were targeted."), Widget.long_text),
        Question("detained", N_("Were you held (detained) by them?"), N_("Yes"),
                 N_("Detention is asked about on the asylum form."), Widget.yes_no),
        Question("injuries", N_("Were you hurt? What injuries did you have?"),
                 N_("Bruises on my back and a broken finger."),
                 N_("Injuries show how serious the harm was."), Widget.long_text),
        Question("treatment", N_("Did you get medical treatment? Where and from whom?"),
                 N_("A doctor at a private clinic put my finger in a splint."),
                 N_("Medical records can support your story."), Widget.long_text),
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
