"""The item map against the 2019 edition of Form I-589: every field an applicant or preparer
fills is placed by an item, every name the map uses exists, and every box has an on-state."""

from __future__ import annotations

from asylum_prep.legal import i589_fields_2019 as f
from asylum_prep.legal.i589_map import form_keys, items
from asylum_prep.samples import load_sample
from tests.unit.legal.i589_fixture import field_names, form_2019


def _mapped() -> set[str]:
    names = set(f.TEXT.values()) | {n for area, num in f.PHONES.values() for n in (area, num)}
    names |= {n for boxes in f.BOXES.values() for n in boxes.values()}
    return {f.full(n) for n in names}


def test_every_field_of_the_form_is_mapped_or_office_use() -> None:
    fields = field_names(form_2019())
    assert len(fields) == 448
    office = {f.full(n) for n in f.OFFICE_USE}
    unplaced = sorted(n for n in fields if n not in _mapped() and n not in office
                      and not n.startswith(f.full(f.AT_INTERVIEW_OR_HEARING)))
    assert unplaced == []


def test_every_mapped_name_exists_and_boxes_have_their_states() -> None:
    fields = field_names(form_2019())
    assert sorted(_mapped() - set(fields)) == []
    assert sorted(n for n in (f.full(x) for x in f.OFFICE_USE) if n not in fields) == []
    for key, boxes in f.BOXES.items():
        for value, name in boxes.items():
            assert fields[f.full(name)], (key, value, name)  # a box with an on-state
    for key, name in f.TEXT.items():
        assert not fields[f.full(name)], (key, name)  # text, not a box


def test_map_keys_and_field_table_agree() -> None:
    keys = set(form_keys())
    placed = set(f.TEXT) | set(f.BOXES) | set(f.PHONES)
    assert sorted(placed - keys) == []
    assert sorted(keys - placed) == ["B.1"]  # the grounds named in words: the boxes place them
    assert not set(f.TEXT) & set(f.BOXES)


def test_choice_items_name_a_box_for_each_choice() -> None:
    for item in items(load_sample()):
        if item.key in f.BOXES and item.choices:
            assert set(item.choices) == set(f.BOXES[item.key]), item.key
        if item.kind.value == "yes_no" and item.key in f.BOXES:
            assert set(f.BOXES[item.key]) == {"yes", "no"}, item.key
        if item.kind.value == "checkbox":
            assert set(f.BOXES[item.key]) == {"on"}, item.key
