"""The `asylum-prep` command: thin. Parses, calls services, prints.

Each command group lives in its own module exposing `register(subparsers)`; every handler
receives the parsed args and returns an exit code. Errors of our own become a one-line
message on stderr with a non-zero exit, never a traceback.

Results go to stdout, notes to stderr (see `common`). Building the parser imports nothing
heavy: the command modules import services, storage and document libraries inside their
handlers, so `--help` and `case list` start in a fraction of a second.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from asylum_prep.cli import (
    commands_admin,
    commands_audit,
    commands_authorities,
    commands_case,
    commands_check,
    commands_coi,
    commands_declaration,
    commands_evidence,
    commands_filing,
    commands_forms,
    commands_render,
)
from asylum_prep.errors import AsylumPrepError
from asylum_prep.text import escape_controls

MODULES = [
    commands_admin,
    commands_audit,
    commands_authorities,
    commands_case,
    commands_check,
    commands_coi,
    commands_declaration,
    commands_evidence,
    commands_filing,
    commands_forms,
    commands_render,
]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr (exit 2), like every other error of the CLI."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {escape_controls(' '.join(message.split()))} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="asylum-prep", description="Asylum claim preparation assistant.")
    parser.add_argument(
        "--data-dir", default=None, help="data directory (default ./data or ASYLUM_PREP_DATA_DIR)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in MODULES:
        module.register(sub)
    return parser


def _fail(message: str) -> None:
    print(f"asylum-prep: {escape_controls(' '.join(message.split()))}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except AsylumPrepError as exc:
        _fail(exc.message())
        return 1
    except KeyboardInterrupt:
        _fail("interrupted; nothing partial was saved.")
        return 130
    except BrokenPipeError:  # `asylum-prep case list | head`: the reader has what it wanted
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so the exit flush cannot fail
        except OSError:
            pass
        return 1
    except OSError as exc:
        _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
