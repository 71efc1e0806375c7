"""`asylum-prep evidence ...`: add, list, get, and build the exhibit packet from the shell.

Thin: reads the file, calls services.evidence as the audited CLI operator, prints. The file
name given on the command line is shown as metadata only, never used to decide the type.
`add` prints the new id on stdout and what cleaning removed on stderr; `get` and `packet`
write files readable by their owner only (0600), and `packet` prints the names of the parts
it wrote on stdout.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import (
    LazyChoices,
    cli_actor,
    float_in,
    note,
    note_evidence_warnings,
    out,
    print_json,
    read_input,
    store_from,
    write_private,
)
from asylum_prep.errors import N_


def _kinds() -> list[str]:
    from asylum_prep.domain.evidence import EvidenceKind

    return [k.value for k in EvidenceKind]


KINDS = LazyChoices(_kinds)


def cmd_add(args: argparse.Namespace) -> int:
    from asylum_prep.services import cases
    from asylum_prep.services import evidence as ev

    store = store_from(args)
    actor = cli_actor(store)
    data = read_input(Path(args.file), store.settings.max_evidence_bytes,
                      N_("This file is larger than the limit of {max_mb} MB per file."))
    version = cases.open_case(store, actor, args.case_id, audit_view=False).version
    eid, _, notices = ev.add_evidence(
        store, actor, args.case_id, data=data, filename=Path(args.file).name, title=args.title,
        kind=args.kind, base_version=version, keep_original=args.keep_original or None,
        language=args.language or "")
    out(eid)
    for notice in notices:
        note(notice)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from asylum_prep.services import evidence as ev

    store = store_from(args)
    version, items = ev.list_evidence(store, cli_actor(store), args.case_id)
    if args.json:
        print_json({"version": version, "evidence": [i.model_dump(mode="json") for i in items]})
        return 0
    for item in items:
        pages = item.page_count if item.page_count is not None else "?"
        out(f"{item.id}  {item.kind.value:<15} {pages:>4} p.  {item.title or item.filename}")
    return 0


def cmd_get(args: argparse.Namespace) -> int:
    from asylum_prep.services import evidence as ev

    store = store_from(args)
    data, _ = ev.get_evidence_file(store, cli_actor(store), args.case_id, args.evidence_id,
                                   which="original" if args.original else "stored")
    write_private(Path(args.out), data)
    note(f"Wrote {args.out} ({len(data)} bytes).")
    return 0


def cmd_packet(args: argparse.Namespace) -> int:
    from asylum_prep.services.packet import render_packet

    store = store_from(args)
    actor = cli_actor(store)
    result = render_packet(store, actor, args.case_id,
                           max_part_bytes=int(args.max_part_mb * 1024 * 1024),
                           bates_prefix=args.bates, pdf_a=args.pdf_a)
    folder = Path(args.out_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for name, data in result.parts:
        write_private(folder / name, data)
        out(str(folder / name))
    for warning in result.warnings:
        note(f"warning: {warning}")
    note_evidence_warnings(store, actor, args.case_id)
    return 0


def cmd_ocr(args: argparse.Namespace) -> int:
    from asylum_prep.services import ocr, ocr_worker

    store = store_from(args)
    actor = cli_actor(store)
    queued = ocr.read_exhibits(store, actor, args.case_id, evidence_id=args.evidence,
                               again=args.again)
    note(f"Queued {queued} exhibit(s) to read.")
    if args.wait:
        def tick() -> None:
            for job in ocr.reading_progress(store, actor, args.case_id):
                if job.state == ocr.RUNNING:
                    note(f"{job.evidence_id}: page {job.pages_done} of {job.pages_total}")

        if not ocr_worker.drain(store, args.case_id, timeout=args.timeout, tick=tick):
            note("Still reading when the time ran out; the jobs go on in the app.")
            return 1
    for job in ocr.reading_progress(store, actor, args.case_id):
        reason = f" ({job.reason})" if job.reason else ""
        out(f"{job.evidence_id}  {job.state:<8} {job.pages_done}/{job.pages_total}{reason}")
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    from asylum_prep.services import ocr

    store = store_from(args)
    pages = ocr.exhibit_text(store, cli_actor(store), args.case_id, args.evidence_id)
    if not pages:
        note("This exhibit has not been read yet.")
    for number, text in enumerate(pages, start=1):
        out(f"--- page {number} ---\n{text}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("evidence", help="add, list and get evidence; build the packet")
    commands = group.add_subparsers(dest="evidence_command", required=True, metavar="ACTION")

    add = commands.add_parser("add", help="check, clean and add a file; prints its id")
    add.add_argument("case_id")
    add.add_argument("file")
    add.add_argument("--title", default=None)
    add.add_argument("--kind", choices=KINDS, default=None, metavar="KIND",
                     help="one of: %(choices)s")
    add.add_argument("--language", default=None, help="language code of the document, e.g. fa")
    add.add_argument("--keep-original", action="store_true",
                     help="also keep the sealed original (attorney only)")
    add_data_dir(add)
    add.set_defaults(handler=cmd_add)

    lst = commands.add_parser("list", help="list a case's evidence")
    lst.add_argument("case_id")
    lst.add_argument("--json", action="store_true")
    add_data_dir(lst)
    lst.set_defaults(handler=cmd_list)

    get = commands.add_parser("get", help="write the cleaned stored copy to a file")
    get.add_argument("case_id")
    get.add_argument("evidence_id")
    get.add_argument("--out", required=True)
    get.add_argument("--original", action="store_true", help="the sealed original instead")
    add_data_dir(get)
    get.set_defaults(handler=cmd_get)

    packet = commands.add_parser("packet", help="write the exhibit packet (parts) to a folder")
    packet.add_argument("case_id")
    packet.add_argument("--out-dir", required=True)
    packet.add_argument("--bates", default=None, help="Bates prefix, e.g. EX")
    packet.add_argument("--pdf-a", action="store_true",
                        help="PDF/A-2b parts (refused, with the reason, when they cannot be made)")
    packet.add_argument("--max-part-mb", type=float_in(1, 10_000), default=25.0,
                        help="largest part in MB (default %(default)s)")
    add_data_dir(packet)
    packet.set_defaults(handler=cmd_packet)

    read = commands.add_parser("ocr", help="read the scanned pages of a case's exhibits (OCR)")
    read.add_argument("case_id")
    read.add_argument("--evidence", default=None, help="only this exhibit (its id)")
    read.add_argument("--again", action="store_true", help="read exhibits already read again")
    read.add_argument("--wait", action="store_true",
                      help="run the jobs here and wait for them (else the app runs them)")
    read.add_argument("--timeout", type=float_in(1, 86_400), default=3600.0,
                      help="seconds to wait at most (default %(default)s)")
    add_data_dir(read)
    read.set_defaults(handler=cmd_ocr)

    text = commands.add_parser("text", help="print the text read on an exhibit's pages")
    text.add_argument("case_id")
    text.add_argument("evidence_id")
    add_data_dir(text)
    text.set_defaults(handler=cmd_text)
