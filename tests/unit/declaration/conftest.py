"""A case holding the Persian-answering record with stored translations, on a real store."""

from __future__ import annotations

import pytest

from asylum_prep.services import cases
from asylum_prep.storage.engine import Store
from tests.support import People
from tests.unit.documents.records import persian_record


@pytest.fixture
def persian_case(store: Store, people: People) -> People:
    opened = cases.open_case(store, people.attorney, people.case_id, audit_view=False)
    cases.save_record(store, people.attorney, people.case_id, record=persian_record(),
                       base_version=opened.version)
    return people
