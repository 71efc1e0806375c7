"""Step 5, Harm to people close to you, and accusations, charges, arrests, court cases."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.choices import PERPETRATORS
from asylum_prep.forms.questions import ListSpec, Question, Step, Widget

LEGAL_KINDS = (
    (LegalKind.accusation.value, N_("I was accused of something")),
    (LegalKind.summons.value, N_("I was summoned (told to report to an office or court)")),
    (LegalKind.warrant.value, N_("A warrant was issued for me")),
    (LegalKind.charge.value, N_("I was charged with a crime")),
    (LegalKind.arrest.value, N_("I was arrested")),
    (LegalKind.detention.value, N_("I was held (detained)")),
    (LegalKind.court_case.value, N_("There was a court case against me")),
    (LegalKind.conviction.value, N_("A court found me guilty")),
)


def _other(item: Any) -> str:
    return " - ".join(x for x in (item.person, item.relation) if x)


def _legal(item: Any) -> str:
    return " - ".join(x for x in (item.start.display() if item.start else "", item.place) if x)


OTHERS = ListSpec(
    path="harm_to_others.others",
    title=N_("Harm to people close to you"),
    intro=N_("Add each person close to you who was harmed or threatened for the same reasons."),
    item_name=N_("person"),
    add_label=N_("Add a person"),
    empty_label=N_("No one added. If this did not happen, choose \"Skip for now\"."),
    why=N_("What happened to people like you shows the danger is real."),
    summary=_other,
    questions=(
        Question("person", N_("Who was harmed?"), N_("Ali Rahimi"),
                 N_("So that your lawyer can refer to them clearly.")),
        Question("relation", N_("How do you know them?"), N_("My cousin"),
                 N_("Closeness to you can explain why they were targeted.")),
        Question("date", N_("When did it happen?"), N_("about spring 2021"),
                 N_("Dates help your lawyer put events in order."), Widget.date),
        Question("perpetrator", N_("Who harmed them?"), N_("The police"),
                 N_("Who did it matters for your case."), Widget.choice, allow_unknown=False,
                 choices=PERPETRATORS),
        Question("what_happened", N_("What happened to them?"),
                 N_("He was arrested at a protest and held for two months."),
                 N_("It shows what could happen to you."), Widget.long_text),
        Question("why", N_("Why do you think it happened to them?"),
                 N_("Because he was in the same students' group as me."),
                 N_("It can show that people like you are targeted."), Widget.long_text),
    ),
)

LEGAL = ListSpec(
    path="harm_to_others.legal_events",
    title=N_("Accusations, arrests and court cases"),
    intro=N_("Add each accusation, summons, warrant, charge, arrest, detention or court case "
             "against you."),
    item_name=N_("event"),
    add_label=N_("Add an accusation, arrest or court case"),
    empty_label=N_("Nothing added. If this did not happen, choose \"Skip for now\"."),
    why=N_("The asylum form asks about every arrest and detention abroad."),
    summary=_legal,
    questions=(
        Question("kind", N_("What was it?"), N_("I was summoned"), N_("The form asks for each "
                                                                     "kind separately."),
                 Widget.choice, allow_unknown=False, choices=LEGAL_KINDS),
        Question("start", N_("When did it start?"), N_("2022-11-02"),
                 N_("Dates help your lawyer put events in order."), Widget.date),
        Question("end", N_("When did it end? Leave it empty if it has not ended."),
                 N_("2022-11-20"), N_("How long it lasted matters."), Widget.date),
        Question("place", N_("Where?"), N_("Revolutionary Court, Shiraz"),
                 N_("The place helps to find reports that support your story.")),
        Question("authority", N_("Which office, court or force was it?"),
                 N_("Revolutionary Court, branch 1"), N_("It shows who is after you.")),
        Question("description", N_("What were you accused of, and what happened?"),
                 N_("They said I was spreading propaganda against the state."),
                 N_("The accusation can show why they target you."), Widget.long_text),
        Question("outcome", N_("How did it end, or what is happening with it now?"),
                 N_("I was released on bail; the case is still open."),
                 N_("An open case can show you are still at risk."), Widget.long_text),
    ),
)

STEP = Step(
    key=SectionKey.harm_to_others,
    title=N_("Others harmed, and cases against you"),
    intro=N_("People close to you who were harmed, and any accusation, arrest or court case."),
    lists=(OTHERS, LEGAL),
)
