"""Step 3, Beliefs and activities: the grounds, memberships, and public activity."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.beliefs import ActivityKind, Ground
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.choices import GROUNDS
from asylum_prep.forms.questions import (
    ListSpec,
    Question,
    Step,
    Widget,
    every,
    has,
    has_any,
    yes,
)

IN_GROUP = has("grounds", Ground.particular_social_group.value)
POLITICAL = has_any("grounds", Ground.political_opinion.value,
                    Ground.imputed_political_opinion.value)
AT_WORK = every(POLITICAL, yes("opinion_through_work"))

ACTIVITY_KINDS = (
    (ActivityKind.protest.value, N_("A protest or demonstration")),
    (ActivityKind.writing.value, N_("Writing (articles, leaflets, letters)")),
    (ActivityKind.posts.value, N_("Posts on social media")),
    (ActivityKind.speech.value, N_("A speech or public talk")),
    (ActivityKind.other.value, N_("Something else")),
)


def _membership(item: Any) -> str:
    return " - ".join(x for x in (item.organisation, item.role) if x)


def _activity(item: Any) -> str:
    return " - ".join(x for x in (item.date.display() if item.date else "", item.place) if x)


MEMBERSHIPS = ListSpec(
    path="beliefs.memberships",
    title=N_("Groups you belonged to"),
    intro=N_("Add each party, association, church, union or group you were part of."),
    item_name=N_("group"),
    add_label=N_("Add a group"),
    empty_label=N_("No groups added. If you were not part of any group, choose \"Skip for now\"."),
    why=N_("The asylum form asks about every organisation you belonged to."),
    summary=_membership,
    questions=(
        Question("organisation", N_("What was the group called?"), N_("Students' Union of Shiraz"),
                 N_("Your lawyer may find reports about this group.")),
        Question("role", N_("What did you do in it?"), N_("Member, then secretary"),
                 N_("Your role can explain why you were noticed.")),
        Question("start", N_("When did you join?"), N_("about 2018"),
                 N_("Dates help your story line up."), Widget.date),
        Question("end", N_("When did you stop? Leave empty if you still belong."), N_("2022"),
                 N_("Dates help your story line up."), Widget.date),
        Question("description", N_("What did the group do, and what did you do for it?"),
                 N_("We organised reading circles and wrote leaflets about students' rights."),
                 N_("It shows what your opinions are and how others could know them."),
                 Widget.long_text),
    ),
)

ACTIVITIES = ListSpec(
    path="beliefs.activities",
    title=N_("Things you did in public"),
    intro=N_("Add protests you joined, things you wrote or posted, speeches you gave."),
    item_name=N_("activity"),
    add_label=N_("Add an activity"),
    empty_label=N_("No activities added yet."),
    why=N_("Public activity is often how the authorities learn about someone's views."),
    summary=_activity,
    questions=(
        Question("kind", N_("What kind of activity was it?"), N_("A protest"),
                 N_("So that your lawyer understands what you did."), Widget.choice,
                 allow_unknown=False, choices=ACTIVITY_KINDS),
        Question("date", N_("When was it?"), N_("around September 2022"),
                 N_("Dates help your story line up."), Widget.date),
        Question("place", N_("Where was it?"), N_("In front of Shiraz University"),
                 N_("The place helps to find reports about it.")),
        Question("description", N_("What happened, and what did you do?"),
                 N_("I held a sign and chanted with about 200 other students."),
                 N_("It shows how others could know your opinions."), Widget.long_text),
    ),
)

STEP = Step(
    key=SectionKey.beliefs,
    title=N_("Your beliefs and activities"),
    intro=N_("Why you think you were targeted: your opinions, religion, group or origin, and "
             "what you did."),
    questions=(
        Question("grounds", N_("Why do you think you were targeted? Choose all that fit."),
                 N_("My political opinions"),
                 N_("Asylum protects people targeted for these reasons; your lawyer will decide "
                    "how to present them."), Widget.multi_choice, choices=GROUNDS),
        Question("beliefs_description", N_("In your own words, what do you believe or stand "
                                           "for, and how do others know?"),
                 N_("I believe women should choose what to wear. I said so at university."),
                 N_("It connects what happened to you with who you are."), Widget.long_text),
        # A group: what it is called, then the questions behind immutability,
        # particularity and social distinction, in plain words.
        Question("social_group_name", N_("What would you call this group, in a few words?"),
                 N_("Women who live without a husband or father"),
                 N_("Your lawyer needs to name the group the way you would."),
                 show_if=IN_GROUP),
        Question("social_group_description", N_("Which group do you belong to, and how do "
                                                "others recognise it?"),
                 N_("Women who refuse to wear the hijab in public."),
                 N_("Your lawyer needs to describe the group clearly."), Widget.long_text,
                 show_if=IN_GROUP),
        Question("group_shared_trait",
                 N_("Apart from being harmed, what do the people in this group have in "
                    "common?"),
                 N_("We are all women from the same tribe, and none of us has a man to "
                    "protect her."),
                 N_("A group is protected for what its members share, not only for the harm "
                    "done to them."), Widget.long_text, show_if=IN_GROUP),
        Question("group_can_change",
                 N_("Could a person stop being part of this group if they wanted to?"),
                 N_("No"), N_("The law asks whether this is something you cannot change, or "
                              "should not have to."), Widget.yes_no, show_if=IN_GROUP),
        Question("group_should_not_change",
                 N_("Why can't you change this, or why should you not have to?"),
                 N_("I cannot change the family I was born into."),
                 N_("Some things are so much a part of who you are that no one should be "
                    "asked to change them."), Widget.long_text, show_if=IN_GROUP),
        Question("group_who_belongs",
                 N_("How do people know who is in this group and who is not?"),
                 N_("Everyone in our town knows which families are Christian."),
                 N_("Your lawyer must show clearly who belongs to the group."),
                 Widget.long_text, show_if=IN_GROUP),
        Question("group_seen_as_group",
                 N_("Do people in your country see this group as a group of its own?"),
                 N_("Yes"), N_("It matters whether people around you see the group as "
                               "different."), Widget.yes_no, show_if=IN_GROUP),
        Question("group_seen_detail",
                 N_("How do you know? What do people say or do about this group?"),
                 N_("People call us \"traitor families\" and will not give us work."),
                 N_("It matters whether people around you see the group as different."),
                 Widget.long_text, show_if=every(IN_GROUP, yes("group_seen_as_group"))),
        Question("attributed_opinion_description",
                 N_("What opinions do they think you have, and why do they think so?"),
                 N_("Because my brother is in the opposition they think I am too."),
                 N_("Protection also covers opinions others wrongly believe you hold."),
                 Widget.long_text,
                 show_if=has("grounds", Ground.imputed_political_opinion.value)),
        # An opinion shown through work (reporting wrongdoing, refusing orders)
        Question("opinion_through_work",
                 N_("Did your trouble start because of something you did, or refused to do, "
                    "at work?"),
                 N_("Yes"), N_("Speaking up about wrongdoing at work, or refusing an order, "
                               "can count as a political opinion."), Widget.yes_no,
                 show_if=POLITICAL),
        Question("wrongdoing_by_state",
                 N_("Were government officials, police or soldiers part of the wrongdoing, or "
                    "did they protect the people who did it?"),
                 N_("Yes"), N_("It matters whether the wrongdoing was tied to the "
                               "government."), Widget.yes_no, show_if=AT_WORK),
        Question("spoke_out", N_("Did you speak out about it, or report it to anyone?"),
                 N_("Yes"), N_("Speaking out can show your opinion to the people who harmed "
                               "you."), Widget.yes_no, show_if=AT_WORK),
        Question("spoke_out_to",
                 N_("To whom did you speak or report, and was that part of your job?"),
                 N_("I told my manager, then I gave the papers to a journalist. That was not "
                    "my job."),
                 N_("Going beyond the duties of your job can show that the opinion was your "
                    "own."), Widget.long_text, show_if=every(AT_WORK, yes("spoke_out"))),
    ),
    lists=(MEMBERSHIPS, ACTIVITIES),
)
