"""Step 8, Screening questions: asked of everyone, with care, never judging.

A "yes" here never blocks anything: it alerts the attorney (a review item) so they can talk
with the applicant. The wording is neutral and explains why the questions are asked.
"""

from __future__ import annotations

from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.questions import Question, Step, Widget, yes

# Yes/no questions whose "yes" alerts the attorney, in the order asked.
ALERT_FIELDS = ("prior_applications", "returned_home", "harmed_others", "serious_crimes",
                "status_elsewhere", "armed_groups")


WHY_ALL = N_("Everyone is asked this. Your answer stays within your legal team and helps your "
             "lawyer protect you.")
DETAIL_WHY = N_("Your lawyer will talk with you about it. A \"yes\" does not mean your case "
                "ends.")


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
    ),
)
