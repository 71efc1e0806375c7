"""Step 3, Your background: where you lived, studied and worked (Form I-589, Part A.III)."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.about import FORM_ASKS
from asylum_prep.forms.questions import ListSpec, Question, Step, Widget


def _residence(item: Any) -> str:
    return ", ".join(x for x in (item.street, item.city) if x)


def _school(item: Any) -> str:
    return str(item.name or "")


def _job(item: Any) -> str:
    return " - ".join(x for x in (item.occupation, item.employer) if x)


RESIDENCES = ListSpec(
    path="background.residences",
    title=N_("Where you have lived"),
    intro=N_("Add each place where you lived in the last five years, and the last place where "
             "you lived before you came here, one at a time."),
    item_name=N_("address"),
    add_label=N_("Add an address"),
    empty_label=N_("No addresses added yet."),
    why=N_("The asylum form asks for your addresses of the last five years."),
    summary=_residence,
    questions=(
        Question("street", N_("What was the street and house number?"),
                 N_("12 Golestan Street"), FORM_ASKS),
        Question("city", N_("Which city or town?"), N_("Shiraz"), FORM_ASKS),
        Question("province", N_("Which province or state?"), N_("Fars"), FORM_ASKS),
        Question("country", N_("Which country?"), N_("Iran"), FORM_ASKS, Widget.country),
        Question("moved_in", N_("When did you start living there?"), N_("2019-03-15"),
                 FORM_ASKS, Widget.date),
        Question("moved_out", N_("When did you stop living there? If you still live there, "
                                 "choose \"Skip for now\"."), N_("2022-11-20"), FORM_ASKS,
                 Widget.date),
    ),
)

SCHOOLS = ListSpec(
    path="background.schools",
    title=N_("Your schools"),
    intro=N_("Add each school, college or university you went to, one at a time."),
    item_name=N_("school"),
    add_label=N_("Add a school"),
    empty_label=N_("No schools added yet."),
    why=N_("The asylum form asks about your education."),
    summary=_school,
    questions=(
        Question("name", N_("What was the name of the school?"), N_("Hafez High School"),
                 FORM_ASKS),
        Question("kind", N_("What kind of school was it?"), N_("Secondary school"),
                 FORM_ASKS),
        Question("location", N_("Where was it (city and country)?"), N_("Shiraz, Iran"),
                 FORM_ASKS),
        Question("started", N_("When did you start?"), N_("2005-09-01"), FORM_ASKS,
                 Widget.date),
        Question("finished", N_("When did you finish?"), N_("2009-06-30"), FORM_ASKS,
                 Widget.date),
    ),
)

JOBS = ListSpec(
    path="background.jobs",
    title=N_("Your work"),
    intro=N_("Add each job you had in the last five years, the one you have now first."),
    item_name=N_("job"),
    add_label=N_("Add a job"),
    empty_label=N_("No jobs added yet."),
    why=N_("The asylum form asks about your work in the last five years."),
    summary=_job,
    questions=(
        Question("employer", N_("Who did you work for, and where?"),
                 N_("Pars Textile Company, Shiraz"), FORM_ASKS),
        Question("occupation", N_("What was your work?"), N_("Tailor"), FORM_ASKS),
        Question("started", N_("When did you start?"), N_("2005-09-01"), FORM_ASKS,
                 Widget.date),
        Question("finished", N_("When did it end? If you still work there, choose \"Skip for "
                                "now\"."), N_("2022-11-20"), FORM_ASKS, Widget.date),
    ),
)

STEP = Step(
    key=SectionKey.background,
    title=N_("Your background"),
    intro=N_("Where you lived, studied and worked."),
    lists=(RESIDENCES, SCHOOLS, JOBS),
)
