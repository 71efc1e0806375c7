"""The whole item map of Form I-589 for one case, in form order (`items`), and its keys for
an empty case, where every repeated row the printed form has (four children and two more on
Supplement A, five residences, four schools, three jobs, four siblings) is present
(`form_keys`). See `legal.i589_items` for what an item is."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.record import CaseRecord
from asylum_prep.legal.i589_background import background_items
from asylum_prep.legal.i589_items import Answer, Builder, By, FormItem, Kind, fixed
from asylum_prep.legal.i589_part_a import applicant_items, family_items
from asylum_prep.legal.i589_parts_bcd import claim_items, signature_items


def _name(record: CaseRecord) -> Answer:
    a = record.about
    parts = (a.given_names, record.form_details.middle_name, a.family_name)
    name = " ".join(x for x in parts if x.strip())
    return Answer(name) if name else Answer()


def supplement_items() -> list[FormItem]:
    """The headers of Supplements A and B; the continued text itself is placed item by item
    by whoever fills the form (the sheet prints its own continuation pages)."""
    out: list[FormItem] = []
    for part, label in (("SA", "Supplement A"), ("SB", "Supplement B")):
        b = Builder(part, by=By.computed)
        out += [b.item("", f"{label}: A-Number (if available)", Kind.text,
                       "about.a_number", fixed("about.a_number"), sub="a_number"),
                b.item("", f"{label}: Applicant's Name", Kind.text,
                       "about.given_names, form_details.middle_name, about.family_name", _name,
                       latin=True, sub="name")]
    b = Builder("SB", by=By.computed)
    out += [b.item("", f"Supplement B: {label}", Kind.text, "computed: continued item",
                   lambda r: Answer(), sub=sub)
            for sub, label in (("part", "Part"), ("question", "Question"),
                               ("text", "Additional information"))]
    return out


def items(record: CaseRecord, today: date | None = None) -> list[FormItem]:
    """Every item of the form for this case, in form order (rows for every child, residence,
    school, job and sibling the case holds, at least as many as the printed form has)."""
    return [*applicant_items(record), *family_items(record),
            *background_items(record, today), *claim_items(record, today),
            *signature_items(record)]


def form_keys() -> list[str]:
    """The keys of every item, including the supplements' headers, for an empty case."""
    empty = CaseRecord()
    return [i.key for i in items(empty)] + [i.key for i in supplement_items()]
