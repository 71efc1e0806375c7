"""A separate process that rotates the master key in a loop and reports each finished one.

Run by test_rotation_sigkill.py, which kills it with SIGKILL at random moments. A line is
printed (and flushed) only after `rotate_master_key` returned:

    ROTATED <new version>

Usage: rotator.py DATA_DIR COUNT
"""

from __future__ import annotations

import sys
from pathlib import Path

from asylum_prep.cli.common import cli_actor
from asylum_prep.config import Settings
from asylum_prep.services import maintenance
from asylum_prep.storage.engine import open_store


def main(argv: list[str]) -> int:
    data_dir, count = Path(argv[0]), int(argv[1])
    store = open_store(Settings(data_dir=data_dir))
    operator = cli_actor(store)
    print("READY", flush=True)
    for _ in range(count):
        result = maintenance.rotate_master_key(store, operator)
        print(f"ROTATED {result.new_version}", flush=True)
    print("DONE", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
