"""Step 2, Family: spouse, children, parents, siblings; where each is; whether harmed."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.people import Relation
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.about import FORM_ASKS, MARITAL, SEXES
from asylum_prep.forms.questions import ListSpec, Question, Step, Widget, either, equals, yes

RELATIONS = (
    (Relation.spouse.value, N_("Husband, wife or partner")),
    (Relation.child.value, N_("Son or daughter")),
    (Relation.parent.value, N_("Mother or father")),
    (Relation.sibling.value, N_("Brother or sister")),
    (Relation.other.value, N_("Someone else close to me")),
)


def _summary(member: Any) -> str:
    return member.name or ""


def _close(member: Any) -> bool:
    """A spouse or a child: the form asks more of them (Part A.II)."""
    return str(member.relation) in (Relation.spouse.value, Relation.child.value)


MEMBERS = ListSpec(
    path="family.members",
    title=N_("Your family"),
    intro=N_("Add your husband, wife or partner, your children, your parents and your brothers "
             "and sisters, one at a time."),
    item_name=N_("family member"),
    add_label=N_("Add a family member"),
    empty_label=N_("No family members added yet."),
    why=N_("The asylum form asks about close family, and harm to them can be part of your story."),
    summary=_summary,
    questions=(
        Question("relation", N_("How is this person related to you?"), N_("Brother or sister"),
                 N_("The form lists family by relation."), Widget.choice, allow_unknown=False,
                 choices=RELATIONS),
        Question("name", N_("What is their full name?"), N_("Reza Karimi"),
                 N_("So that your lawyer can refer to them clearly.")),
        Question("birth_date", N_("When were they born?"), N_("about 1995"),
                 N_("The form asks for the birth dates of spouses and children."), Widget.date),
        Question("where_now", N_("Where are they now (city and country)?"), N_("Tehran, Iran"),
                 N_("Family still in danger, or safe elsewhere, matters for your case.")),
        Question("harmed", N_("Have they been harmed or threatened because of you or for the "
                              "same reasons as you?"), N_("Yes"),
                 N_("Harm to family can show that the danger is real."), Widget.yes_no),
        Question("harm_description", N_("What happened to them?"),
                 N_("Police came to my brother's shop twice and asked where I was."),
                 N_("Details help your lawyer show the danger."), Widget.long_text,
                 show_if=yes("harmed")),
        # What Form I-589 asks of a spouse, a child (Part A.II), a parent or a sibling (A.III)
        Question("family_name", N_("What is their family name (surname)?"), N_("Karimi"),
                 FORM_ASKS, show_if=_close),
        Question("given_names", N_("What is their first name (their given names)?"),
                 N_("Reza"), FORM_ASKS, show_if=_close),
        Question("sex", N_("Is this person a woman or a man?"), N_("A woman"), FORM_ASKS,
                 Widget.choice, choices=SEXES),
        Question("birth_place", N_("Where were they born (city or town, and country)?"),
                 N_("Shiraz, Iran"), FORM_ASKS),
        Question("nationality", N_("What is their nationality?"), N_("Iran"), FORM_ASKS,
                 Widget.country, show_if=_close),
        Question("ethnicity", N_("What is their ethnic or tribal group, if any?"),
                 N_("Persian"), FORM_ASKS, show_if=_close),
        Question("marital_status", N_("Is this person single, married, divorced or widowed?"),
                 N_("Single (never married)"), FORM_ASKS, Widget.choice, choices=MARITAL,
                 show_if=equals("relation", Relation.child.value)),
        Question("in_us", N_("Is this person in the United States now?"), N_("No"),
                 FORM_ASKS, Widget.yes_no, show_if=_close),
        Question("deceased", N_("Has this person died?"), N_("No"), FORM_ASKS, Widget.yes_no,
                 show_if=either(equals("relation", Relation.parent.value),
                                equals("relation", Relation.sibling.value))),
        Question("marriage_date", N_("When did you marry?"), N_("2015-06-20"), FORM_ASKS,
                 Widget.date, show_if=equals("relation", Relation.spouse.value)),
        Question("marriage_place", N_("Where did you marry (city and country)?"),
                 N_("Shiraz, Iran"), FORM_ASKS, show_if=equals("relation", Relation.spouse.value)),
    ),
)

STEP = Step(
    key=SectionKey.family,
    title=N_("Your family"),
    intro=N_("Tell us about the people closest to you."),
    lists=(MEMBERS,),
)
