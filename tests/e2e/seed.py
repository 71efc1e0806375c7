"""The people of a case, made through the real services on a second handle to a browser test
server's store (its data dir), with or without the fictional sample answers; and that handle
for a test that checks what the browser saved."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from asylum_prep.config import load_settings
from asylum_prep.samples import load_sample
from asylum_prep.services import cases
from asylum_prep.storage.engine import Store, open_store
from tests.support import People, make_people


@contextmanager
def server_store(data_dir: Path) -> Iterator[Store]:
    """The store in `data_dir`, opened as the app opens it, closed afterwards."""
    old = os.environ.get("ASYLUM_PREP_DATA_DIR")
    os.environ["ASYLUM_PREP_DATA_DIR"] = str(data_dir)
    try:
        store = open_store(load_settings())
        try:
            yield store
        finally:
            store.close()
    finally:
        if old is None:
            os.environ.pop("ASYLUM_PREP_DATA_DIR", None)
        else:
            os.environ["ASYLUM_PREP_DATA_DIR"] = old


def seed_people(data_dir: Path, *, suffix: str = "", sample: bool = True) -> People:
    """A new case and its people on the store in `data_dir`; the sample answers saved in it
    when `sample`. Sign in with tests.support.PASSWORD."""
    with server_store(data_dir) as store:
        people = make_people(store, suffix)
        if sample:
            cases.save_record(store, people.attorney, people.case_id, record=load_sample(),
                              base_version=1)
    return people
