"""Step 6, Leaving: departure, the route through other countries, every arrival and exit."""

from __future__ import annotations

from typing import Any

from asylum_prep.domain.journey import EntryKind
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.questions import ListSpec, Question, Step, Widget, yes

ENTRY_KINDS = (
    (EntryKind.arrival.value, N_("I arrived in the country where I am now")),
    (EntryKind.departure.value, N_("I left the country where I am now")),
)


def _transit(item: Any) -> str:
    return str(item.country or "")


def _entry(item: Any) -> str:
    return " - ".join(x for x in (item.date.display() if item.date else "", item.place) if x)


ROUTE = ListSpec(
    path="leaving.route",
    title=N_("Countries you passed through"),
    intro=N_("Add each country you passed through after leaving home, in order."),
    item_name=N_("country"),
    add_label=N_("Add a country"),
    empty_label=N_("No countries added. If you came directly, choose \"Skip for now\"."),
    why=N_("The law asks whether you could have stayed safely somewhere on the way."),
    summary=_transit,
    questions=(
        Question("country", N_("Which country?"), N_("Turkey"),
                 N_("The form lists every country you passed through."), Widget.country),
        Question("arrived", N_("When did you arrive there?"), N_("2022-12-01"),
                 N_("How long you stayed matters."), Widget.date),
        Question("left", N_("When did you leave?"), N_("2023-01-15"),
                 N_("How long you stayed matters."), Widget.date),
        Question("status_offered", N_("Were you offered permission to stay there (residence, "
                                      "refugee status)?"), N_("No"),
                 N_("The form asks this; your lawyer will explain what it means for you."),
                 Widget.yes_no),
        Question("status_detail", N_("What were you offered, and by whom?"),
                 N_("A 3-month tourist visa only."),
                 N_("Your lawyer needs the exact kind of permission."), Widget.long_text,
                 show_if=yes("status_offered")),
        Question("why_not_stay", N_("Why did you not stay there?"),
                 N_("People from the Iranian government were looking for activists there."),
                 N_("It helps show that no safe place was open to you."), Widget.long_text),
    ),
)

ENTRIES = ListSpec(
    path="leaving.entries",
    title=N_("Arriving in the country where you are now"),
    intro=N_("Add every time you arrived in, or left, the country where you are now."),
    item_name=N_("arrival or departure"),
    add_label=N_("Add an arrival or departure"),
    empty_label=N_("Nothing added yet."),
    why=N_("The deadline to apply can count from your last arrival."),
    summary=_entry,
    questions=(
        Question("kind", N_("Was this an arrival or a departure?"),
                 N_("I arrived in the country where I am now"),
                 N_("Every arrival and departure counts for the deadline."), Widget.choice,
                 allow_unknown=False, choices=ENTRY_KINDS),
        Question("date", N_("On what date?"), N_("2023-01-16"),
                 N_("The deadline can count from this date."), Widget.date),
        Question("place", N_("Where (airport, border crossing, city)?"),
                 N_("JFK airport, New York"), N_("The form asks where you entered.")),
        Question("status", N_("How did you enter or leave (for example with a visa, or without "
                              "papers)?"), N_("Tourist visa B-2"),
                 N_("The form asks how you entered; every answer is fine to give.")),
    ),
)

STEP = Step(
    key=SectionKey.leaving,
    title=N_("Leaving your country"),
    intro=N_("How you left, the way you came, and when you arrived."),
    questions=(
        Question("departure_date", N_("When did you leave your country?"),
                 N_("2022-11-28, or about November 2022, or 7 Azar 1401"),
                 N_("The order of events must be clear."), Widget.date),
        Question("departure_place", N_("From where did you leave (city, airport or border)?"),
                 N_("Imam Khomeini airport, Tehran"), N_("The form asks how you left.")),
        Question("how_left", N_("How did you leave? Who helped you?"),
                 N_("By plane with my own passport; my uncle paid for the ticket."),
                 N_("It helps explain your journey."), Widget.long_text),
        Question("passport_used", N_("Did you leave with your own passport?"), N_("Yes"),
                 N_("The form asks about your passport; either answer is fine."), Widget.yes_no),
    ),
    lists=(ROUTE, ENTRIES),
)
