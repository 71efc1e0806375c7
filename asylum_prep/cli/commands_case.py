"""`asylum-prep case ...`: create, show, list, schema, delete, export and import cases.

Thin: each handler parses its input, calls a service as the audited CLI operator and prints.
`case show ID --json` prints exactly the format `case create --answers FILE` accepts.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from asylum_prep.cli.common import (
    LazyChoices,
    cli_actor,
    note,
    out,
    print_json,
    print_json_text,
    read_input,
    read_secret_stdin,
    store_from,
)
from asylum_prep.errors import N_, InputRefused

if TYPE_CHECKING:
    from pydantic import ValidationError

    from asylum_prep.domain.record import CaseRecord
    from asylum_prep.storage.engine import Store


def _jurisdictions() -> list[str]:
    from asylum_prep.services.cases import Jurisdiction

    return [j.value for j in Jurisdiction]


JURISDICTIONS = LazyChoices(_jurisdictions)
MAX_ANSWERS_BYTES = 20 * 1024 * 1024
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Let `--data-dir` follow the command too (the global option stays the default)."""
    parser.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="data directory (default ./data or ASYLUM_PREP_DATA_DIR)")


def record_json(record: CaseRecord) -> str:
    """The one JSON form of a record: printed by `case show --json`, read by `--answers`."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)


def _one_line(exc: ValidationError) -> str:
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": str(exc)}
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return " ".join(f"{where}: {first['msg']}{more}".split())


def parse_answers(path: Path) -> CaseRecord:
    """A record from a JSON file, validated strictly (unknown keys and wrong types refused)."""
    from pydantic import ValidationError

    from asylum_prep.domain.record import CaseRecord

    data = read_input(path, MAX_ANSWERS_BYTES, N_("The answers file {path} is too large."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputRefused(N_("The answers file {path} is not UTF-8 text."),
                           path=str(path)) from None
    try:
        return CaseRecord.model_validate_json(text, strict=True)
    except ValidationError as exc:
        raise InputRefused(N_("The answers file {path} is not a valid case record: {problem}"),
                           path=str(path), problem=_one_line(exc)) from None


def _existing(store: Store, case_id: str) -> str:
    from asylum_prep.storage import repositories as repo

    with store.session() as session:
        return repo.get_case(session, case_id).id  # NotFoundError names the id


def _create(args: argparse.Namespace) -> int:
    from asylum_prep.samples import load_sample
    from asylum_prep.services import cases

    record = parse_answers(Path(args.answers)) if args.answers else None
    if args.sample:
        record = load_sample()
    store = store_from(args)
    case_id = cases.create_case(store, cli_actor(store), title=args.title,
                                jurisdiction=args.jurisdiction, record=record)
    out(case_id)
    return 0


def _show(args: argparse.Namespace) -> int:
    from asylum_prep.services import cases

    store = store_from(args)
    case = cases.open_case(store, cli_actor(store), _existing(store, args.case_id))
    if args.json:
        print_json_text(record_json(case.record))
        return 0
    r = case.record
    name = " ".join(p for p in (r.about.given_names, r.about.family_name) if p) or "(not given)"
    native = f" ({r.about.name_native_script})" if r.about.name_native_script else ""
    lines = [
        f"Case {case.id}: {case.title}",
        f"Jurisdiction: {case.jurisdiction.value}    Status: {case.status}    "
        f"Version: {case.version}",
        f"Applicant: {name}{native}",
        f"Reference: {r.about.reference or '-'}    A-number: {r.about.a_number or '-'}",
        f"Family members: {len(r.family.members)}    Incidents: {len(r.incidents.items)}    "
        f"Harm to others: {len(r.harm_to_others.others)}    "
        f"Legal events: {len(r.harm_to_others.legal_events)}",
        f"Memberships: {len(r.beliefs.memberships)}    Activities: {len(r.beliefs.activities)}"
        f"    Countries on the route: {len(r.leaving.route)}    "
        f"Entries and departures: {len(r.leaving.entries)}",
        f"Open comments: {sum(1 for c in r.comments if not c.resolved)}    "
        f"Skipped answers: {len(r.skipped)}",
    ]
    out("\n".join(lines))
    return 0


def _list(args: argparse.Namespace) -> int:
    from asylum_prep.services import maintenance

    store = store_from(args)
    rows = maintenance.list_all_cases(store, cli_actor(store))
    if args.json:
        print_json([
            {"id": r.id, "title": r.title, "jurisdiction": r.jurisdiction, "status": r.status,
             "version": r.version, "updated": r.updated_at.isoformat()}
            for r in rows
        ])
        return 0
    if not rows:
        note("No cases yet.")
        return 0
    out(f"{'ID':36}  {'JUR':3}  {'STATUS':6}  {'VER':>4}  {'UPDATED':16}  TITLE")
    for r in rows:
        out(f"{r.id:36}  {r.jurisdiction:3}  {r.status:6}  {r.version:>4}  "
              f"{r.updated_at:%Y-%m-%d %H:%M}  {r.title}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from asylum_prep.domain.record import CaseRecord

    del args
    print_json(CaseRecord.model_json_schema())
    return 0


def _delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise InputRefused(N_(
            "Deleting a case removes its record, history and files for good. Add --yes to "
            "confirm; nothing was deleted."
        ))
    from asylum_prep.services import cases

    store = store_from(args)
    cases.delete_case(store, cli_actor(store), _existing(store, args.case_id))
    note(f"Deleted case {args.case_id}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from asylum_prep.services import archive

    passphrase = read_secret_stdin()
    store = store_from(args)
    result = archive.export_case(store, cli_actor(store), _existing(store, args.case_id),
                                 out=Path(args.out), passphrase=passphrase)
    note(f"Wrote an encrypted archive of case {result.case_id} ({result.versions} versions, "
          f"{result.blobs} files, {result.size} bytes) to {args.out}. Keep the passphrase "
          f"apart from the file.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from asylum_prep.services import archive

    data = read_input(Path(args.file), MAX_ARCHIVE_BYTES, N_("The archive {path} is too large."))
    passphrase = read_secret_stdin()
    store = store_from(args)
    result = archive.import_case(store, cli_actor(store), data=data, passphrase=passphrase)
    out(result.case_id)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    case = sub.add_parser("case", help="create, show, list, export and import cases")
    cmds = case.add_subparsers(dest="case_command", required=True, metavar="ACTION")

    p = cmds.add_parser("create", help="create a case; prints only its id")
    p.add_argument("--title", required=True)
    p.add_argument("--jurisdiction", choices=JURISDICTIONS, default="us", metavar="CODE",
                   help="one of: %(choices)s (default %(default)s)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--answers", metavar="FILE.json",
                        help="a case record in the format `case show ID --json` prints")
    source.add_argument("--sample", action="store_true", help="the fictional sample case")
    p.set_defaults(handler=_create)

    p = cmds.add_parser("show", help="a summary of a case, or its record with --json")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="the record, as --answers accepts it")
    p.set_defaults(handler=_show)

    p = cmds.add_parser("list", help="every case in the store")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = cmds.add_parser("schema", help="the JSON Schema of a case record")
    p.set_defaults(handler=_schema)

    p = cmds.add_parser("delete", help="delete a case for good (needs --yes)")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="confirm the deletion")
    p.set_defaults(handler=_delete)

    p = cmds.add_parser("export", help="write an encrypted archive of a case")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--passphrase-stdin", action="store_true", required=True,
                   help="read the archive passphrase from the first line of standard input")
    p.set_defaults(handler=_export)

    p = cmds.add_parser("import", help="create a new case from an archive; prints its id")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--passphrase-stdin", action="store_true", required=True,
                   help="read the archive passphrase from the first line of standard input")
    p.set_defaults(handler=_import)

    for parser in (case, *cmds.choices.values()):
        add_data_dir(parser)
