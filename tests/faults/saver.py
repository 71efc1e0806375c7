"""A separate process that saves answers in a loop and reports each acknowledged save.

Run by the fault tests, which kill it with SIGKILL at random moments. Each line on stdout is
printed (and flushed) only after `services.cases.save_record` returned, that is after the
transaction committed:

    ACK <version> <field> <value>

Usage: saver.py DATA_DIR CASE_ID USERNAME PASSWORD FIELD TAG COUNT [DATABASE_URL]

FIELD is an attribute of `record.about`; each save writes "<TAG>-<n>" into it, n = 1, 2, ...
Two savers on different fields exercise concurrent writers (stale saves merge by answer).
"""

from __future__ import annotations

import sys
from pathlib import Path

from asylum_prep.config import Settings
from asylum_prep.errors import StaleVersionError
from asylum_prep.services import cases, users
from asylum_prep.storage.engine import open_store


def main(argv: list[str]) -> int:
    data_dir, case_id, username, password, field, tag, count = argv[:7]
    database_url = argv[7] if len(argv) > 7 else None
    store = open_store(Settings(data_dir=Path(data_dir), database_url=database_url))
    actor = users.sign_in(store, username=username, password=password)
    print("READY", flush=True)
    for n in range(1, int(count) + 1):
        value = f"{tag}-{n}"
        for _attempt in range(50):  # bounded: a conflict on our own field cannot happen
            opened = cases.open_case(store, actor, case_id, audit_view=False)
            record = opened.record.model_copy(deep=True)
            setattr(record.about, field, value)
            try:
                version = cases.save_record(store, actor, case_id, record=record,
                                            base_version=opened.version)
            except StaleVersionError:
                continue
            print(f"ACK {version} {field} {value}", flush=True)
            break
        else:
            print(f"GAVEUP {field} {value}", flush=True)
            return 2
    print("DONE", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
