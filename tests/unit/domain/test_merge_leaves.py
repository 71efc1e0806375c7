"""Which answers a save changed: leaves compared as the stored JSON compares them."""

from asylum_prep.domain import merge


def test_a_change_of_type_is_a_change_even_when_python_calls_the_values_equal():
    """changed_paths compares leaves as stored JSON: True is not 1, 1 is not 1.0, and a list
    holding them differs too; the same text or number in both is no change."""
    before = {("a",): True, ("b",): 1, ("c",): [1], ("d",): "same", ("e",): None, ("f",): {}}
    after = {("a",): 1, ("b",): 1.0, ("c",): [True], ("d",): "same", ("e",): None, ("f",): {}}
    assert merge.changed_paths(before, after) == {("a",), ("b",), ("c",)}
    assert merge.changed_paths(before, dict(before)) == set()
