"""Step 1, About you: names (also in the native alphabet), birth, nationality, languages."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from asylum_prep.domain.people import A_NUMBER, MaritalStatus, Sex
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_, InputRefused
from asylum_prep.forms.questions import Question, Step, Widget


def _a_number(value: str) -> str:
    value = value.strip().upper().replace(" ", "")
    if not re.fullmatch(A_NUMBER, value):
        raise InputRefused(
            N_("An A-number has nine digits, for example A123-456-789. If you do not have one, "
               "choose \"Skip for now\"."))
    return value


SEXES = ((Sex.female.value, N_("A woman")), (Sex.male.value, N_("A man")))
MARITAL = (
    (MaritalStatus.single.value, N_("Single (never married)")),
    (MaritalStatus.married.value, N_("Married")),
    (MaritalStatus.divorced.value, N_("Divorced")),
    (MaritalStatus.widowed.value, N_("Widowed")),
)
FORM_ASKS = N_("It is asked on every asylum form.")

# Written freely ("a 123 456 789"), stored in the one form the record accepts.
ANumberAnswer = Annotated[str, AfterValidator(_a_number)]

QUESTIONS = (
    Question("given_names", N_("What is your first name (your given names)?"), N_("Nasrin"),
             N_("Your name must be written the same way on every paper."), allow_unknown=False),
    Question("family_name", N_("What is your family name (surname)?"), N_("Karimi"),
             N_("Your name must be written the same way on every paper."), allow_unknown=False),
    Question("name_native_script", N_("How is your full name written in your own alphabet?"),
             N_("نسرین کریمی"),
             N_("The asylum form asks for it; a form with this left blank can be sent back."),
             allow_unknown=False),
    Question("sex", N_("Are you a woman or a man?"), N_("A woman"),
             N_("The asylum form asks it, and some languages need it to write your statement "
                "correctly."), Widget.choice, choices=SEXES),
    Question("other_names", N_("Have you ever used other names? Write each one on its own line."),
             N_("Nasrin Karimi-Tehrani"),
             N_("Records may exist under another name; listing them avoids confusion."),
             Widget.lines),
    Question("birth_date", N_("When were you born?"),
             N_("1990-04-12, or about 1990, or 1369/01/23"),
             N_("Your age at each event helps tell your story clearly."), Widget.date),
    Question("birth_place", N_("Where were you born (town or city)?"), N_("Shiraz"),
             N_("It is asked on every asylum form."), Widget.text),
    Question("birth_country", N_("In which country were you born?"), N_("Iran"),
             N_("It is asked on every asylum form."), Widget.country),
    Question("nationalities", N_("Which nationalities (citizenships) do you have? One per line."),
             N_("Iranian"), N_("Protection is decided against each country of nationality."),
             Widget.lines),
    Question("country_of_return", N_("Which country are you afraid to go back to?"), N_("Iran"),
             N_("Your whole case is about the danger in that country."), Widget.country),
    Question("ethnicity", N_("What is your ethnic or tribal group, if any?"), N_("Persian"),
             N_("Some people are targeted because of their group."), allow_unknown=True),
    Question("religion", N_("What is your religion or belief, if any?"),
             N_("Muslim, Christian, Baha'i, none"),
             N_("Some people are targeted because of their religion or because they have none.")),
    Question("native_language", N_("What is your first language?"), N_("Persian (Farsi)"),
             N_("So that interviews and papers are in a language you understand.")),
    Question("other_languages", N_("Which other languages do you speak? One per line."),
             N_("English"), N_("So that interviews and papers are in a language you understand."),
             Widget.lines),
    Question("a_number", N_("Do you have an A-number or another reference number? Write it here."),
             N_("A123-456-789"),
             N_("It connects your papers to any earlier immigration file."), answer=ANumberAnswer),
    Question("reference", N_("Any other reference number given to you by an immigration office?"),
             N_("UNHCR 123-45C67890"),
             N_("It connects your papers to any earlier file.")),
    Question("marital_status", N_("Are you single, married, divorced or widowed?"),
             N_("Married"), FORM_ASKS, Widget.choice, choices=MARITAL),
    Question("nationality_at_birth", N_("What was your nationality when you were born?"),
             N_("Iran"), FORM_ASKS, Widget.country),
    Question("english_fluent", N_("Do you speak English fluently?"), N_("No"), FORM_ASKS,
             Widget.yes_no),
    Question("passport_country", N_("Which country gave you your last passport or travel "
                                    "document?"), N_("Iran"), FORM_ASKS, Widget.country),
    Question("passport_number", N_("What is the number of that passport or travel document?"),
             N_("K12345678"), FORM_ASKS),
)

STEP = Step(
    key=SectionKey.about,
    title=N_("About you"),
    intro=N_("Basic facts about you. Write your name exactly as it is on your papers."),
    questions=QUESTIONS,
)
