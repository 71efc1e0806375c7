"""`asylum-prep declaration ...`: the declaration the team edits and the applicant confirms.

    declaration show ID [--json]                 paragraphs: id, number, text per language,
                                                 source answers (then / now), state
    declaration edit ID PARAGRAPH --lang L --text-stdin
    declaration translate ID PARAGRAPH --lang L --text-stdin
    declaration add ID [--after PARAGRAPH] --lang L --text-stdin [--heading]
    declaration merge | keep | delete ID PARAGRAPH
    declaration take ID PARAGRAPH [--after PARAGRAPH]
                                                 answers the edited declaration does not use
                                                 yet (show --json lists them: not_included)
    declaration split ID PARAGRAPH --at N        (a character offset in its written wording)
    declaration move ID PARAGRAPH (--after PARAGRAPH | --first)
    declaration history ID | diff ID OLD NEW | restore ID VERSION
    declaration confirm ID [--language L] [--read-back-by NAME]
                                                 the applicant confirms, staff with her present

Thin: each action calls one service as the audited CLI operator, on the version `show` last
printed unless `--base-version` names one (a change made on an older version is refused).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import cli_actor, note, out, print_json, store_from

if TYPE_CHECKING:
    from asylum_prep.services.declaration import DeclarationView


def _text_stdin() -> str:
    return sys.stdin.read()


def _base(args: argparse.Namespace, store: Any, actor: Any) -> int:
    from asylum_prep.services.declaration import show_declaration

    if args.base_version is not None:
        return int(args.base_version)
    return show_declaration(store, actor, args.case_id).version


def as_json(view: DeclarationView) -> dict[str, Any]:
    return {
        "version": view.version,
        "language": view.language,
        "confirmed": view.confirmed,
        "open_questions": view.open_questions,
        "paragraphs": [{
            "id": p.id, "number": p.number, "kind": p.kind.value, "text": p.texts,
            "written_in": p.written_in, "translation": p.translation, "state": p.state.value,
            "team_wording": p.team_wording,
            "sources": [{"path": s.path, "then": s.then, "now": s.now, "changed": s.changed}
                        for s in p.sources],
            "questions": [{"id": q.id, "text": q.text} for q in p.questions],
        } for p in view.paragraphs],
        "not_included": [{
            "id": p.id, "kind": p.kind.value,
            "text": {lang: p.text(lang) for lang in view.body.languages()},
            "sources": list(p.sources),
        } for p in view.not_included],
    }


def _show(args: argparse.Namespace) -> int:
    from asylum_prep.services.declaration import show_declaration

    store = store_from(args)
    view = show_declaration(store, cli_actor(store), args.case_id)
    if args.json:
        print_json(as_json(view))
        return 0
    out(f"version {view.version}" + (" (generated, not edited yet)" if not view.version else "")
        + (" · confirmed" if view.confirmed else ""))
    for p in view.paragraphs:
        mark = f"{p.number}." if p.number else ("#" if p.kind.value == "heading" else ">")
        out(f"{mark} [{p.id}] {p.state.value}: {p.texts.get(p.written_in, '')}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from asylum_prep.services import declaration as d
    from asylum_prep.services import declaration_confirm as c

    store = store_from(args)
    actor = cli_actor(store)
    base = _base(args, store, actor)
    common = {"base_version": base}
    pid: str = getattr(args, "paragraph_id", "")
    action = args.declaration_command
    version: int
    if action == "edit":
        version = d.edit_paragraph(store, actor, args.case_id, paragraph_id=pid, lang=args.lang,
                                   text=_text_stdin(), **common)
    elif action == "translate":
        version = c.translate_paragraph(store, actor, args.case_id, paragraph_id=pid,
                                        lang=args.lang, text=_text_stdin(), **common)
    elif action == "add":
        version = d.add_paragraph(store, actor, args.case_id, after=args.after, lang=args.lang,
                                  text=_text_stdin(), heading=args.heading, **common)
    elif action == "split":
        version = d.split_paragraph(store, actor, args.case_id, paragraph_id=pid, at=args.at,
                                    **common)
    elif action == "take":
        version = d.take_paragraph(store, actor, args.case_id, paragraph_id=pid,
                                   after=args.after, **common)
    elif action == "move":
        version = d.move_paragraph(store, actor, args.case_id, paragraph_id=pid,
                                   after=None if args.first else args.after, **common)
    elif action == "restore":
        version = d.restore_declaration(store, actor, args.case_id, version=args.version,
                                        **common)
    elif action == "confirm":
        version = c.confirm_declaration(store, actor, args.case_id, language=args.language or "",
                                        read_back_by=args.read_back_by or "", **common)
    else:
        simple = {"merge": d.merge_paragraphs, "keep": d.keep_paragraph,
                  "delete": d.delete_paragraph}[action]
        version = simple(store, actor, args.case_id, paragraph_id=pid, **common)
    note(f"Saved as declaration version {version}.")
    return 0


def _history(args: argparse.Namespace) -> int:
    from asylum_prep.services.declaration import declaration_history

    store = store_from(args)
    for h in declaration_history(store, cli_actor(store), args.case_id):
        out(f"{h.version}  {h.action}  {h.at:%Y-%m-%d %H:%M}  {h.by}")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from asylum_prep.services.declaration import declaration_diff

    store = store_from(args)
    changes = declaration_diff(store, cli_actor(store), args.case_id, old=args.old, new=args.new)
    if args.json:
        print_json([c.model_dump(mode="json") for c in changes])
        return 0
    for c in changes:
        where = f"¶ {c.old_number or '-'} -> ¶ {c.new_number or '-'}"
        out(f"[{c.paragraph_id}] {c.change.value} {where} {c.lang}")
        for line in c.lines or ([f"+ {c.new_text}"] if c.new_text else [f"- {c.old_text}"]
                                if c.old_text else []):
            out(f"    {line}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("declaration", help="edit the declaration; record its confirmation")
    cmds = group.add_subparsers(dest="declaration_command", required=True, metavar="ACTION")

    def action(name: str, help_: str, *, paragraph: bool = True,
               handler: Any = _run) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = cmds.add_parser(name, help=help_)
        p.add_argument("case_id", metavar="ID")
        if paragraph:
            p.add_argument("paragraph_id", metavar="PARAGRAPH")
        if handler is _run:
            p.add_argument("--base-version", type=int, default=None, metavar="N",
                           help="the declaration version the change is made on")
        add_data_dir(p)
        p.set_defaults(handler=handler)
        return p

    p = action("show", "the paragraphs, their answers and states", paragraph=False,
               handler=_show)
    p.add_argument("--json", action="store_true", help="print JSON")
    for name, help_ in (("edit", "rewrite a paragraph (words on stdin)"),
                        ("translate", "translate a paragraph (words on stdin)")):
        p = action(name, help_)
        p.add_argument("--lang", required=True, metavar="L")
        p.add_argument("--text-stdin", action="store_true", required=True)
    p = action("add", "add the team's words (on stdin) after a paragraph", paragraph=False)
    p.add_argument("--after", default=None, metavar="PARAGRAPH", help="default: first")
    p.add_argument("--lang", required=True, metavar="L")
    p.add_argument("--text-stdin", action="store_true", required=True)
    p.add_argument("--heading", action="store_true", help="add a heading")
    action("merge", "join a paragraph with the next one")
    action("keep", "keep a paragraph's words after its answers changed")
    action("delete", "delete a paragraph")
    p = action("take", "put in a paragraph of answers the declaration does not use yet "
               "(show --json: not_included)")
    p.add_argument("--after", default=None, metavar="PARAGRAPH", help="default: first")
    p = action("split", "split a paragraph at a character offset")
    p.add_argument("--at", type=int, required=True, metavar="N")
    p = action("move", "move a paragraph after another one")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--after", metavar="PARAGRAPH")
    where.add_argument("--first", action="store_true")
    p = action("restore", "make an older version the newest again", paragraph=False)
    p.add_argument("version", type=int, metavar="VERSION")
    action("history", "every version: what, who, when", paragraph=False, handler=_history)
    p = action("diff", "what changed between two versions (0: generated)", paragraph=False,
               handler=_diff)
    p.add_argument("old", type=int, metavar="OLD")
    p.add_argument("new", type=int, metavar="NEW")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = action("confirm", "record the applicant's confirmation (with her present)",
               paragraph=False)
    p.add_argument("--language", default=None, metavar="L",
                   help="the language it was read to her in (default: hers)")
    p.add_argument("--read-back-by", default=None, metavar="NAME",
                   help="the interpreter who read it back to her")
