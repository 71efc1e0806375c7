"""Step 3, Beliefs and activities: the grounds, memberships, and public activity."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.beliefs import ActivityKind, Ground
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.questions import ListSpec, Question, Step, Widget, has

GROUNDS = (
    (Ground.political_opinion.value, N_("My political opinions")),
    (Ground.imputed_political_opinion.value,
     N_("Opinions they believe I have, even if I do not")),
    (Ground.religion.value, N_("My religion or belief, or having none")),
    (Ground.race.value, N_("My race or ethnic origin")),
    (Ground.nationality.value, N_("My nationality or people")),
    (Ground.particular_social_group.value,
     N_("A group I belong to (for example women, LGBTQ people, a family, a profession)")),
)

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
        Question("social_group_description", N_("Which group do you belong to, and how do "
                                                "others recognise it?"),
                 N_("Women who refuse to wear the hijab in public."),
                 N_("Your lawyer needs to describe the group clearly."), Widget.long_text,
                 show_if=has("grounds", Ground.particular_social_group.value)),
        Question("attributed_opinion_description",
                 N_("What opinions do they think you have, and why do they think so?"),
                 N_("Because my brother is in the opposition they think I am too."),
                 N_("Protection also covers opinions others wrongly believe you hold."),
                 Widget.long_text,
                 show_if=has("grounds", Ground.imputed_political_opinion.value)),
    ),
    lists=(MEMBERSHIPS, ACTIVITIES),
)
