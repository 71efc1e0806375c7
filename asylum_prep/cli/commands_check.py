"""`asylum-prep check ID [--json]`: the legal checks of a case; `asylum-prep check judge ID
ELEMENT --agree|--disagree ...`: the attorney's judgment of one element; `asylum-prep check
history ID ELEMENT [--json]`: every judgment of that element, oldest first.

With --json prints {"jurisdiction", "elements", "deadline", "consistency", "readiness"} (the
issue's shape, plus ids, reasons and dismissal state; each flag's places as {"path", "label"},
the label naming the answer by its wizard question); each element carries `tool` (the tool's
reading) and `attorney` (the latest judgment, or null). Without --json, a readable report with
the attorney's verdict beside the tool's. Runs as the audited CLI operator (the `cli` account,
an attorney), like every command.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import LazyChoices, cli_actor, note, out, print_json, store_from
from asylum_prep.errors import N_, InputRefused

if TYPE_CHECKING:
    from asylum_prep.services import checks

MARK = {"supported": "[supported]", "thin": "[thin]     ", "against": "[against]  ",
        "missing": "[missing]  "}
JUDGE = "judge"
HISTORY = "history"


def _today(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputRefused(N_("Give the date as YYYY-MM-DD, for example 2025-03-01.")) from None


def render_text(report: checks.CheckReport) -> str:
    lines = [f"Legal checks for case {report.case_id} (version {report.version}, "
             f"jurisdiction {report.jurisdiction})", "", "Elements:"]
    for e in report.elements:
        lines.append(f"  {MARK[e.strength]} {e.title}")
        lines.append(f"      why: {e.reason}")
        for p in e.parts:
            lines.append(f"      [{p.status}] {p.label}")
        for f in e.facts:
            lines.append(f"      - {f.label}{' (linked by hand)' if f.manual else ''}")
        for f in e.against:
            lines.append(f"      - against: {f.label}")
        lines.append(f"      next: {e.next_step}")
        lines.append(f"      attorney: {_attorney_line(report, e.key)}")
    lines += ["", "Deadline:"]
    d = report.deadline
    if d is None:
        lines.append("  No filing deadline rule applies in this jurisdiction.")
    else:
        if d.deadline is None:
            lines.append("  Unknown.")
        elif d.level == "filed":
            state = "in time" if d.filed_in_time else "late"
            lines.append(f"  {d.deadline.isoformat()}; filed on {d.filed_on} ({state}).")
        else:
            lines.append(f"  {d.deadline.isoformat()}: {d.days_left} days left ({d.level}).")
        if d.exception_claimed:
            lines.append("  Exception claimed.")
        lines += [f"  note: {n}" for n in d.to_json()["notes"]]
    lines += ["", "Consistency:"]
    if not report.flags:
        lines.append("  No flags.")
    for flag in report.flags:
        state = f" (dismissed: {flag.reason})" if flag.dismissed else ""
        lines.append(f"  [{flag.id}] {flag.rule}: {flag.message}{state}")
        for path, label in zip(flag.places, flag.labels or flag.places, strict=True):
            lines.append(f"      - {label} ({path})")
    lines += ["", "Readiness (required items still blank):"]
    if not report.readiness:
        lines.append("  Nothing required is blank.")
    for r in report.readiness:
        part = f"{r.part}: " if r.part else ""
        skipped = f" (applicant chose '{r.skipped}')" if r.skipped else ""
        lines.append(f"  - {part}{r.label}{skipped}")
    if report.citations:
        lines += ["", "Country conditions citations:"]
    for c in report.citations:
        lines.append(f"  [{c['element']}] {c['citation']}")
        lines += [f"      warning: {w['message']}" for w in c["warnings"]]
    lines += ["", "Exhibit translations (documents in another language for the packet):"]
    if not report.untranslated:
        lines.append("  Every one has a current English translation.")
    for u in report.untranslated:
        why = "out of date: the document was replaced" if u.status == "stale" else "none yet"
        lines.append(f"  - {u.title}: {why} ({u.evidence_id})")
    return "\n".join(lines)


def _attorney_line(report: checks.CheckReport, key: str) -> str:
    reading = report.judgments.get(key)
    if reading is None:
        return "not judged yet"
    j = reading.current
    own = f" (own strength: {j.strength})" if j.strength else ""
    argue = "argue in the brief" if j.argue else "do not argue"
    reason = f"; {j.reason}" if j.reason else ""
    return (f"{j.verdict}s{own}, {argue}, by {j.by} on {j.at:%Y-%m-%d %H:%M}{reason}"
            + (f" [{len(reading.history)} judgments]" if len(reading.history) > 1 else ""))


def _check(args: argparse.Namespace) -> int:
    from asylum_prep.services import checks

    store = store_from(args)
    report = checks.run_checks(store, cli_actor(store), args.case_id, today=_today(args.today))
    if args.json:
        print_json(report.to_json())
    else:
        out(render_text(report))
    return 0


def _judge(args: argparse.Namespace) -> int:
    from asylum_prep.services import cases, judgments

    store = store_from(args)
    actor = cli_actor(store)
    version = cases.open_case(store, actor, args.case_id, audit_view=False).version
    new = judgments.record_judgment(
        store, actor, args.case_id, element=args.element,
        verdict="agree" if args.agree else "disagree", strength=args.strength or "",
        argue=not args.no_argue, reason=args.reason or "", base_version=version)
    note(f"Recorded: {'agree' if args.agree else 'disagree'} on {args.element} "
         f"(version {new}).")
    out(str(new))
    return 0


def _strengths() -> tuple[str, ...]:
    from asylum_prep.legal.assessment import STRENGTHS

    return STRENGTHS


def _history(args: argparse.Namespace) -> int:
    from asylum_prep.services import judgments

    store = store_from(args)
    entries = judgments.judgment_history(store, cli_actor(store), args.case_id,
                                         element=args.element)
    if args.json:
        print_json([e.to_json() for e in entries])
        return 0
    if not entries:
        note("Not judged yet.")
    for e in entries:
        own = f" ({e.strength})" if e.strength else ""
        argue = "argue" if e.argue else "do not argue"
        out(f"{e.at:%Y-%m-%d %H:%M}  {e.by}  {e.verdict}{own}, {argue}"
            + (f": {e.reason}" if e.reason else ""))
    return 0


class _ReportOrJudge(argparse._SubParsersAction):  # type: ignore[type-arg]
    """`check ID ...` is the report, `check judge ...` the judgment: a first word that is not
    a subcommand is a case id (so the choices are not checked before the call)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices = None  # type: ignore[assignment]

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if values and values[0] not in self._name_parser_map:
            values = ["report", *values]
        super().__call__(parser, namespace, values, option_string)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    check = sub.add_parser(
        "check", help="legal elements, deadline, consistency flags and readiness",
        usage="%(prog)s ID [--json] [--today YYYY-MM-DD]\n       %(prog)s judge ID ELEMENT "
              "--agree|--disagree [--strength S] [--no-argue] [--reason TEXT]\n"
              "       %(prog)s history ID ELEMENT [--json]")
    what = check.add_subparsers(action=_ReportOrJudge, metavar="ID | judge | history",
                                required=True)
    p = what.add_parser("report", prog=check.prog, help="the checks of case ID (the default)")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--today", default=None, help="compute as of this date (YYYY-MM-DD)")
    add_data_dir(p)
    p.set_defaults(handler=_check)
    j = what.add_parser(JUDGE, prog=f"{check.prog} {JUDGE}",
                        help="record your judgment of one element (attorneys)",
                        description="Record the attorney's judgment of one legal element "
                                    "beside the tool's reading. A reason is required when "
                                    "disagreeing.")
    j.add_argument("case_id", metavar="ID")
    j.add_argument("element", metavar="ELEMENT", help="element key, e.g. nexus (see check --json)")
    verdict = j.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--agree", action="store_true", help="agree with the tool's reading")
    verdict.add_argument("--disagree", action="store_true", help="disagree with it")
    j.add_argument("--strength", default=None, choices=LazyChoices(_strengths), metavar="S",
                   help="your own strength when you disagree, one of: %(choices)s")
    j.add_argument("--no-argue", action="store_true", help="do not argue this element in the brief")
    j.add_argument("--reason", default=None, help="why (required when disagreeing)")
    add_data_dir(j)
    j.set_defaults(handler=_judge)
    h = what.add_parser(HISTORY, prog=f"{check.prog} {HISTORY}",
                        help="every judgment of one element, oldest first")
    h.add_argument("case_id", metavar="ID")
    h.add_argument("element", metavar="ELEMENT", help="element key, e.g. nexus")
    h.add_argument("--json", action="store_true", help="print JSON")
    add_data_dir(h)
    h.set_defaults(handler=_history)
