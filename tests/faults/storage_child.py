"""A separate process that makes its storage fail under it, then reports what the app did.

Run by test_storage_faults.py. It prints JSON lines on stdout; the test asserts on them and
then reopens the store itself.

    storage_child.py readonly-mount DATA_DIR CASE_ID USERNAME PASSWORD
        (root, started under `unshare -m`): save once, then bind-mount the data dir read-only
        in this private mount namespace and try to save again and to open the store anew.
    storage_child.py readonly-chmod DATA_DIR CASE_ID USERNAME PASSWORD
        (not root): the same, making the dir 0500 and its files 0400 instead.
    storage_child.py fill-tmpfs DATA_DIR CASE_ID USERNAME PASSWORD STAGE_DIR SIZE
        (root, under `unshare -m`): mount a SIZE tmpfs on DATA_DIR, copy STAGE_DIR into it, save
        large answers until the disk is full, then close, reopen and check the store there
        (the tmpfs vanishes with this process).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from asylum_prep.config import Settings
from asylum_prep.errors import AsylumPrepError
from asylum_prep.services import audit, cases, users
from asylum_prep.storage.engine import Store, open_store


def say(**data: object) -> None:
    print(json.dumps(data), flush=True)


def save_narrative(store: Store, actor, case_id: str, value: str) -> int:  # noqa: ANN001
    opened = cases.open_case(store, actor, case_id, audit_view=False)
    record = opened.record.model_copy(deep=True)
    record.fear.what_harm = value
    return cases.save_record(store, actor, case_id, record=record, base_version=opened.version)


def attempt(label: str, fn) -> None:  # noqa: ANN001
    try:
        result = fn()
    except AsylumPrepError as exc:
        say(step=label, outcome="refused", kind=type(exc).__name__, message=exc.message())
    except Exception as exc:  # noqa: BLE001 - reporting exactly what leaked is the point
        say(step=label, outcome="leaked", kind=type(exc).__name__, message=str(exc)[:300])
    else:
        say(step=label, outcome="ok", result=str(result))


def readonly(mode: str, data_dir: Path, case_id: str, username: str, password: str) -> None:
    settings = Settings(data_dir=data_dir)
    store = open_store(settings)
    actor = users.sign_in(store, username=username, password=password)
    version = save_narrative(store, actor, case_id, "before the disk turned read-only")
    say(step="before", outcome="ok", result=str(version))
    store.engine.dispose()  # the next transaction opens a new connection, as after a restart
    if mode == "readonly-mount":
        subprocess.run(["mount", "--bind", str(data_dir), str(data_dir)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(data_dir)], check=True)
    else:
        for path in data_dir.iterdir():
            path.chmod(0o400)
        data_dir.chmod(0o500)
    attempt("save", lambda: save_narrative(store, actor, case_id, "after: must not be kept"))
    attempt("open", lambda: open_store(settings))


def fill(data_dir: Path, case_id: str, username: str, password: str, stage: Path,
         size: str) -> None:
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                    str(data_dir)], check=True)
    shutil.copytree(stage, data_dir, dirs_exist_ok=True)
    settings = Settings(data_dir=data_dir)
    store = open_store(settings)
    actor = users.sign_in(store, username=username, password=password)
    last = ""
    for n in range(400):  # bounded: the tmpfs is full long before this
        value = f"{n} " + secrets.token_hex(20_000)
        try:
            version = save_narrative(store, actor, case_id, value)
        except AsylumPrepError as exc:
            say(step="full", outcome="refused", kind=type(exc).__name__, message=exc.message(),
                saves=n)
            break
        except Exception as exc:  # noqa: BLE001
            say(step="full", outcome="leaked", kind=type(exc).__name__, message=str(exc)[:300])
            return
        last = value
        say(step="save", outcome="ok", result=str(version))
    else:
        say(step="full", outcome="never-full")
        return
    store.close()
    again = open_store(settings)
    with again.engine.connect() as conn:
        integrity = conn.execute(text("PRAGMA integrity_check")).scalar()
    current = cases.open_case(again, actor, case_id, audit_view=False)
    say(step="reopen", outcome="ok", integrity=integrity, chain=audit.verify_chain(again),
        version=current.version, kept_last=current.record.fear.what_harm == last)
    again.close()


def main(argv: list[str]) -> int:
    mode, data_dir, case_id, username, password = argv[:5]
    if mode.startswith("readonly"):
        readonly(mode, Path(data_dir), case_id, username, password)
    else:
        fill(Path(data_dir), case_id, username, password, Path(argv[5]), argv[6])
    os._exit(0)  # skip interpreter teardown on a broken disk


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
