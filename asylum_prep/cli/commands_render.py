"""`asylum-prep render ID --doc KIND --format pdf|docx --out FILE`: one document of a case."""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from asylum_prep.cli.common import cli_actor, store_from
from asylum_prep.documents.build_certificates import TranslatorInfo
from asylum_prep.services.render import DOCS, FORMATS, render_document


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("render", help="render a case document to PDF or DOCX")
    p.add_argument("case_id")
    p.add_argument("--doc", required=True, choices=DOCS)
    p.add_argument("--format", dest="fmt", required=True, choices=FORMATS)
    p.add_argument("--lang", default=None, help="declaration language: the answer language or en")
    p.add_argument("--bilingual", action="store_true", help="two columns: original | English")
    p.add_argument("--draft", action="store_true", help="show missing answers as gaps")
    p.add_argument("--pdf-a", action="store_true", help="PDF/A-2b output")
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
        )
    finally:
        store.close()
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.mime == "application/zip":
        return _write_parts(args.out, result.content, result.version)
    args.out.write_bytes(result.content)
    print(f"{args.out} ({len(result.content)} bytes, case version {result.version})")
    return 0


def _write_parts(out: Path, zipped: bytes, version: int) -> int:
    """A packet split into parts: each part beside --out, named with its part number."""
    with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
        names = archive.namelist()
        for n, name in enumerate(names, start=1):
            target = out.with_name(f"{out.stem}-part-{n}-of-{len(names)}{out.suffix or '.pdf'}")
            target.write_bytes(archive.read(name))
            print(f"{target} (part {n} of {len(names)}, case version {version})")
    return 0
