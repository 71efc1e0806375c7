"""`asylum-prep forms ...`: the official forms the firm imports.

import KIND FILE: prepare and store an edition (e.g. `forms import i589 i-589.pdf`); prints
the edition, the field count and the app's items the file has no field for. list: every
import, newest first. fields KIND: the newest edition's fields (name, kind, page, on-values,
maximum length, font size, multiline, comb, read-only, the form's own label), one a line, or
--json: what an item map is written from. Run as the command line's operator (importing is
an admin's task in the app).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from asylum_prep.cli.common import (
    LazyChoices,
    cli_actor,
    note,
    out,
    print_json,
    read_input,
    store_from,
)
from asylum_prep.errors import N_


def _kinds() -> tuple[str, ...]:
    from asylum_prep.services.forms import KINDS

    return tuple(KINDS)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("forms", help="official forms the firm imports (the I-589)")
    forms_sub = p.add_subparsers(dest="forms_command", required=True, metavar="ACTION")
    imp = forms_sub.add_parser("import", help="import an edition of an official form (PDF)")
    imp.add_argument("kind", choices=LazyChoices(_kinds), metavar="KIND",
                     help="one of: %(choices)s")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=_import)
    lst = forms_sub.add_parser("list", help="the imported editions, newest first")
    lst.add_argument("--kind", default=None, choices=LazyChoices(_kinds), metavar="KIND")
    lst.set_defaults(handler=_list)
    fld = forms_sub.add_parser("fields", help="the fields of the newest imported edition")
    fld.add_argument("kind", choices=LazyChoices(_kinds), metavar="KIND")
    fld.add_argument("--json", action="store_true", help="one JSON object per field")
    fld.set_defaults(handler=_fields)


def _import(args: argparse.Namespace) -> int:
    from asylum_prep.documents.pdf_form_import import MAX_FORM_BYTES
    from asylum_prep.services import forms

    data = read_input(args.file, MAX_FORM_BYTES,
                      N_("This file is too large to be an official form."))
    store = store_from(args)
    try:
        summary = forms.import_form(store, cli_actor(store), kind=args.kind, data=data,
                                    file_name=args.file.name)
    finally:
        store.close()
    out(f"imported  {summary.kind}  edition={summary.edition}  fields={summary.field_count}  "
        f"pages={summary.page_count}  id={summary.id}")
    for name in summary.unplaced:
        out(f"unplaced  {name}")
    if summary.unplaced:
        note(f"{len(summary.unplaced)} of the app's fields are not in this file; the sheet "
             f"({summary.kind}-sheet) has those items.")
    return 0


def _list(args: argparse.Namespace) -> int:
    from asylum_prep.services import forms

    store = store_from(args)
    try:
        rows = forms.list_forms(store, cli_actor(store), kind=args.kind)
    finally:
        store.close()
    for row in rows:
        out(f"{row.kind}  edition={row.edition}  fields={row.field_count}  "
            f"unplaced={len(row.unplaced)}  imported={row.imported_at:%Y-%m-%d %H:%M}  "
            f"by={row.imported_by}  file={row.file_name}")
    if not rows:
        note("No official form has been imported.")
    return 0


def _fields(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from asylum_prep.services import forms

    store = store_from(args)
    try:
        edition, fields = forms.form_fields(store, cli_actor(store), kind=args.kind)
    finally:
        store.close()
    if args.json:
        print_json({"edition": edition, "fields": [asdict(f) for f in fields]})
        return 0
    for f in fields:
        flags = "".join(f"  {n}" for n, on in (("multiline", f.multiline), ("comb", f.comb),
                                                ("read-only", f.read_only)) if on)
        out(f"{f.name}  {f.kind}  page={f.page or '-'}  on={'/'.join(f.on_values) or '-'}  "
            f"max={f.max_length or '-'}  size={f.font_size or '-'}{flags}  {f.label}")
    note(f"{len(fields)} fields, edition {edition}.")
    return 0
