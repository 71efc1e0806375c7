"""A fictional sample case shipped with the package (`asylum-prep case create --sample`).

Every person, place and organisation in it is invented (the country is the "Republic of
Veldania", ISO user-assigned code XV); the reference field reads "FICTIONAL SAMPLE" so that
every document built from it says so.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the record model loads when a sample is read, not when the package is
    from asylum_prep.domain.record import CaseRecord

SAMPLE_FILE = "sample_case.json"


def sample_json() -> str:
    """The sample record as JSON text, in the format `case show --json` prints."""
    return resources.files(__name__).joinpath(SAMPLE_FILE).read_text(encoding="utf-8")


def load_sample() -> CaseRecord:
    """The sample record, validated."""
    from asylum_prep.domain.record import CaseRecord

    return CaseRecord.model_validate_json(sample_json())
