"""`asylum-prep audit verify | checkpoint`: checking the sealed audit log.

Thin: each handler calls services.audit or services.backup_manifest and prints. `verify`
exits 0 with "N entries verified" on stdout, or 1 with the first bad entry on stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import cli_actor, note, out, store_from


def _verify(args: argparse.Namespace) -> int:
    from asylum_prep.services import audit, backup_manifest

    mark = backup_manifest.read_checkpoint(Path(args.checkpoint)) if args.checkpoint else None
    store = store_from(args)
    result = audit.verify_log(store, cli_actor(store), checkpoint=mark)
    if not result.ok:
        note(f"asylum-prep: {result.message()}")
        return 1
    against = f"; entry {mark.entry} matches the checkpoint of {mark.made_at}" if mark else ""
    out(f"{result.entries} entries verified{against}.")
    return 0


def _checkpoint(args: argparse.Namespace) -> int:
    from asylum_prep.services import backup_manifest

    store = store_from(args)
    mark = backup_manifest.export_checkpoint(store, cli_actor(store), out=Path(args.out))
    note(f"Checkpoint of audit log entry {mark.entry} written to {args.out}. Keep it apart "
         f"from the database, with the backup it belongs to.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("audit", help="the audit log")
    acts = group.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    p = acts.add_parser("verify", help="check every entry of the audit log")
    p.add_argument("--checkpoint", metavar="FILE",
                   help="a backup's .manifest.json (or a checkpoint file): the log must still "
                        "hold its entry unchanged")
    p.set_defaults(handler=_verify)
    leaves = [group, p]
    p = acts.add_parser("checkpoint", help="write a sealed checkpoint of the log's last entry")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=_checkpoint)
    leaves.append(p)
    for parser in leaves:
        add_data_dir(parser)
