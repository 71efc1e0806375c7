"""`asylum-prep render ID --doc KIND --format pdf|docx --out FILE`: one document of a case.

`--draft` makes a draft (gaps shown, marked DRAFT); without it a declaration or brief is
refused while consistency flags are open, and a brief while an answer it quotes has no current
English translation. `--unjudged alternative` argues in the brief, under their own heading,
the elements no attorney has judged (default: left out). `--doc worksheet` is the team's
notes, always marked NOT FOR FILING. `--doc i589-sheet` lists every Part and item of Form
I-589 with the case's answer in English, for copying into USCIS online filing.

The document goes to --out (mode 0600); a packet split into parts goes to numbered files
beside it, whose names are printed on stdout. Notes and warnings go to stderr: the document's
own, and for the packet and the exhibit index the case's evidence warnings too (what the
evidence page shows: uncorroborated elements, untranslated documents...).
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

from asylum_prep.cli.common import (
    LazyChoices,
    cli_actor,
    note,
    note_evidence_warnings,
    out,
    store_from,
    write_private,
)


def _docs() -> tuple[str, ...]:
    from asylum_prep.services.render import DOCS

    return DOCS


def _formats() -> tuple[str, ...]:
    from asylum_prep.services.render import FORMATS

    return FORMATS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("render", help="render a case document to PDF or DOCX")
    p.add_argument("case_id")
    p.add_argument("--doc", required=True, choices=LazyChoices(_docs), metavar="KIND",
                   help="one of: %(choices)s")
    p.add_argument("--format", dest="fmt", required=True, choices=LazyChoices(_formats),
                   metavar="FORMAT", help="one of: %(choices)s")
    p.add_argument("--lang", default=None, help="declaration language: the answer language or en")
    p.add_argument("--bilingual", action="store_true", help="two columns: original | English")
    p.add_argument("--draft", action="store_true", help="show missing answers as gaps")
    p.add_argument("--pdf-a", action="store_true",
                   help="PDF/A-2b output (refused, with the reason, when it cannot be made)")
    p.add_argument("--bates", default=None,
                   help="packet and exhibit index: Bates prefix for the page numbers, e.g. EX")
    p.add_argument("--unjudged", choices=("omit", "alternative"), default="omit",
                   help="brief: elements no attorney has judged are left out (omit) or argued "
                        "in the alternative under their own heading")
    p.add_argument("--translator-name", default="")
    p.add_argument("--translator-address", default="")
    p.add_argument("--translator-phone", default="")
    p.add_argument(
        "--read-back-language",
        default=None,
        help="interpretation certificate: the language it was read back in",
    )
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from asylum_prep.documents.build_certificates import TranslatorInfo
    from asylum_prep.services.render import render_document

    store = store_from(args)
    try:
        result = render_document(
            store,
            cli_actor(store),
            args.case_id,
            doc=args.doc,
            fmt=args.fmt,
            lang=args.lang,
            bilingual=args.bilingual,
            draft=args.draft,
            pdf_a=args.pdf_a,
            translator_info=TranslatorInfo(
                args.translator_name, args.translator_address, args.translator_phone
            ),
            interpretation_language=args.read_back_language,
            brief_unjudged=args.unjudged,
            bates_prefix=args.bates,
        )
        if args.doc in ("packet", "exhibit-index"):
            note_evidence_warnings(store, cli_actor(store), args.case_id)
    finally:
        store.close()
    for warning in result.warnings:
        note(f"warning: {warning}")
    if result.mime == "application/zip":
        return _write_parts(args.out, result.content, result.version)
    write_private(args.out, result.content)
    note(f"Wrote {args.out} ({len(result.content)} bytes, case version {result.version}).")
    return 0


def _write_parts(target: Path, zipped: bytes, version: int) -> int:
    """A packet split into parts: each part beside --out, named with its part number; the
    names on stdout, one a line."""
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        names = archive.namelist()
        for n, name in enumerate(names, start=1):
            part = target.with_name(
                f"{target.stem}-part-{n}-of-{len(names)}{target.suffix or '.pdf'}")
            write_private(part, archive.read(name))
            out(str(part))
        note(f"Wrote the packet in {len(names)} parts (case version {version}).")
    return 0
