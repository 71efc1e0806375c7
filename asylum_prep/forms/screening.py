"""Step 8, Screening questions: asked of everyone, with care, never judging.

A "yes" here never blocks anything: it alerts the attorney (a review item) so they can talk
with the applicant. The wording is neutral and explains why the questions are asked.
"""

from __future__ import annotations

from asylum_prep.domain.journey import ArmedGroupKind, Duration, HelpKind
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.choices import VOLUNTARINESS
from asylum_prep.forms.questions import Question, Step, Widget, yes

# Yes/no questions whose "yes" alerts the attorney, in the order asked.
ALERT_FIELDS = ("prior_applications", "returned_home", "harmed_others", "serious_crimes",
                "status_elsewhere", "armed_groups")


WHY_ALL = N_("Everyone is asked this. Your answer stays within your legal team and helps your "
             "lawyer protect you.")
DETAIL_WHY = N_("Your lawyer will talk with you about it. A \"yes\" does not mean your case "
                "ends.")


ARMED_GROUP_KINDS = (
    (ArmedGroupKind.state_forces.value,
     N_("The army or police of my country (for example military service)")),
    (ArmedGroupKind.non_state.value,
     N_("Another armed group (rebels, guerrillas or a militia)")),
    (ArmedGroupKind.unknown.value, N_("I don't know")),
)

HELP_KINDS = (
    (HelpKind.fought.value, N_("I fought or carried a weapon")),
    (HelpKind.food.value, N_("I gave them food or cooked for them")),
    (HelpKind.money.value, N_("I gave them money")),
    (HelpKind.shelter.value, N_("I gave them a place to stay or hide")),
    (HelpKind.transport.value, N_("I drove or carried people or things for them")),
    (HelpKind.labour.value, N_("Other work, like cleaning or building")),
    (HelpKind.information.value, N_("I gave them information")),
    (HelpKind.recruiting.value, N_("I brought other people to them")),
    (HelpKind.other.value, N_("Something else")),
)

DURATIONS = (
    (Duration.once.value, N_("Only once")),
    (Duration.days.value, N_("A few days")),
    (Duration.weeks.value, N_("A few weeks")),
    (Duration.months.value, N_("Some months, less than a year")),
    (Duration.years.value, N_("A year or more")),
    (Duration.unknown.value, N_("I don't know")),
)

CHOICE_LABEL = N_("Was it your choice, or were you forced?")


def _choice(field: str, shown_after: str) -> Question:
    """Was it by choice: asked after a "yes" to `shown_after`."""
    return Question(field, CHOICE_LABEL, N_("I was forced or threatened"), DETAIL_WHY,
                    Widget.choice, allow_unknown=False, choices=VOLUNTARINESS,
                    show_if=yes(shown_after))


def _pair(field: str, label: str, example: str, detail_label: str, detail_example: str
          ) -> tuple[Question, Question]:
    return (
        Question(field, label, example, WHY_ALL, Widget.yes_no),
        Question(f"{field}_detail", detail_label, detail_example, DETAIL_WHY, Widget.long_text,
                 show_if=yes(field)),
    )


STEP = Step(
    key=SectionKey.screening,
    title=N_("Questions asked of everyone"),
    intro=N_("The law asks every applicant these questions. There are no wrong answers here. "
             "Your answers are confidential within your legal team and help your lawyer "
             "prepare and protect you. If you are unsure, choose \"I don't know\" and talk "
             "with your lawyer."),
    questions=(
        *_pair("prior_applications",
               N_("Have you ever asked for asylum or protection before, in any country?"),
               N_("No"), N_("Where and when, and what happened?"),
               N_("I applied in Turkey in 2019; I never got an answer.")),
        *_pair("returned_home",
               N_("Since you first left, have you gone back to your country, even briefly?"),
               N_("No"), N_("When, why, and for how long?"),
               N_("For 5 days in 2021 for my mother's funeral.")),
        *_pair("harmed_others",
               N_("Have you ever been involved, in any way, in harm done to other people?"),
               N_("No"), N_("What happened? Tell it in your own words."),
               N_("During military service I had to guard detainees.")),
        _choice("harmed_others_voluntary", "harmed_others"),
        *_pair("serious_crimes",
               N_("Have you ever been accused of, charged with or convicted of a crime, in any "
                  "country?"),
               N_("No"), N_("What was it, where, and what happened?"),
               N_("I was fined for a traffic offence in 2018.")),
        *_pair("status_elsewhere",
               N_("Have you ever had, or been offered, the right to live in another country "
                  "(not your own)?"),
               N_("No"), N_("Which country, and what kind of permission?"),
               N_("A one-year work permit in the UAE.")),
        *_pair("armed_groups",
               N_("Have you ever been a member of, or helped, an armed group, army or militia?"),
               N_("No"), N_("Which group, what did you do, and was it your choice?"),
               N_("I did compulsory military service as a cook.")),
        Question("armed_group_kind", N_("Was it the army or police of your country, or another "
                                        "armed group?"),
                 N_("The army or police of my country (for example military service)"),
                 DETAIL_WHY, Widget.choice, allow_unknown=False, choices=ARMED_GROUP_KINDS,
                 show_if=yes("armed_groups")),
        Question("armed_group_help", N_("What did you do for them? Choose all that fit."),
                 N_("I gave them food or cooked for them"), DETAIL_WHY, Widget.multi_choice,
                 choices=HELP_KINDS, show_if=yes("armed_groups")),
        _choice("armed_group_voluntary", "armed_groups"),
        Question("armed_group_duration", N_("For how long did this go on?"), N_("A few weeks"),
                 DETAIL_WHY, Widget.choice, allow_unknown=False, choices=DURATIONS,
                 show_if=yes("armed_groups")),
    ),
)
