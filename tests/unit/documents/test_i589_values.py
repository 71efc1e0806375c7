"""The values for the official I-589 PDF, checked against the 2019 edition's own fields: each
name exists, boxes get True or False and text fields text, the sample's answers land in the
right fields, and untranslated or non-Latin answers are held back, not filled."""

from __future__ import annotations

from asylum_prep.documents.i589_values import field_values
from asylum_prep.domain.people import FamilyMember, Relation
from asylum_prep.legal.i589_fields_2019 import full
from asylum_prep.samples import load_sample
from tests.unit.legal.i589_fixture import field_names, form_2019


def test_sample_values_name_real_fields_of_the_right_kind() -> None:
    fields = field_names(form_2019())
    got = field_values(load_sample())
    assert got.held_back == []
    for name, value in got.values.items():
        assert name in fields, name
        assert isinstance(value, bool) == bool(fields[name]), name  # boxes have on-states
    v = got.values
    assert v[full("0].PtAILine4_LastName[0]")] == "Kovelli"
    assert v[full("0].DateTimeField1[0]")] == "04/06/1990"
    assert v[full("0].PartALine9Gender[0]")] is True  # male
    assert full("0].PartALine9Gender[1]") not in v
    assert v[full("0].PtAILine8_AreaCode[0]")] == "716"
    assert v[full("0].PtAILine8_TelephoneNumber[0]")] == "555-0142"
    assert v[full("1].ChildFirst1[0]")] == "Mira"
    assert v[full("4].TextField13[46]")] == "Sonja Kovelli"  # mother: the parent she is
    assert v[full("5].#subform[6].CheckBoxpolitics[0]")] is True
    assert v[full("9].ckboxync5[1]")] is True  # filed within a year: C.5 "no"
    assert full("12].ApplicantName[0]") not in v  # two children: no Supplement A


def test_untranslated_and_non_latin_answers_are_held_back() -> None:
    record = load_sample()
    record = record.model_copy(update={
        "filing": record.filing.model_copy(update={"answer_language": "fa"}),
        "about": record.about.model_copy(update={"family_name": "کوولی",
                                                 "religion": "بدون دین"}),
    })
    got = field_values(record)
    assert full("0].PtAILine4_LastName[0]") not in got.values
    assert full("0].TextField1[7]") not in got.values  # religion
    assert any("Part A.I, item 4" in h and "transliterate" in h for h in got.held_back)
    assert any("Part A.I, item 17" in h and "not translated" in h for h in got.held_back)


def test_more_children_than_the_form_holds() -> None:
    record = load_sample()
    record.family.members += [FamilyMember(relation=Relation.child, name=f"Child {n}",
                                           family_name="Kovelli", given_names=f"C{n}")
                              for n in range(3, 8)]
    got = field_values(record)
    assert got.values[full("12].TextField12[12]")] == "C6"  # child 6 on Supplement A
    assert got.values[full("12].ApplicantName[0]")] == "Daryan Mirel Kovelli"
    assert any("Child 7" in h and "no room" in h for h in got.held_back)


def test_a_name_given_whole_is_not_put_in_the_last_name_field() -> None:
    record = load_sample()
    child = record.family.members[1]
    child.family_name = child.given_names = ""
    got = field_values(record)
    assert full("1].ChildLast1[0]") not in got.values
    assert any("Child 1" in h and "not split" in h for h in got.held_back)


def test_every_field_the_map_places_is_known_and_labelled_by_its_item() -> None:
    from asylum_prep.documents.i589_values import ITEM_LABELS, KNOWN_FIELDS
    from asylum_prep.legal import i589_fields_2019 as fields

    assert fields.full(fields.TEXT["A.I.12"]) in KNOWN_FIELDS
    assert ITEM_LABELS[fields.full(fields.TEXT["A.I.12"])].startswith("Part A.I, item 12 (")
    assert all(name.startswith(fields.HEAD) for name in KNOWN_FIELDS)
