"""`asylum-prep check ID [--json]`: the legal checks of a case.

With --json prints {"jurisdiction", "elements", "deadline", "consistency", "readiness"} (the
issue's shape, plus ids, reasons and dismissal state; each flag's places as {"path", "label"},
the label naming the answer by its wizard question); without it, a readable report. Runs as
the audited CLI operator.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import cli_actor, out, print_json, store_from
from asylum_prep.errors import N_, InputRefused

if TYPE_CHECKING:
    from asylum_prep.services import checks

MARK = {"supported": "[supported]", "thin": "[thin]     ", "missing": "[missing]  "}


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
        for f in e.facts:
            lines.append(f"      - {f.label}{' (linked by hand)' if f.manual else ''}")
        lines.append(f"      next: {e.next_step}")
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
    return "\n".join(lines)


def _check(args: argparse.Namespace) -> int:
    from asylum_prep.services import checks

    store = store_from(args)
    report = checks.run_checks(store, cli_actor(store), args.case_id, today=_today(args.today))
    if args.json:
        print_json(report.to_json())
    else:
        out(render_text(report))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help="legal elements, deadline, consistency flags and readiness")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--today", default=None, help="compute as of this date (YYYY-MM-DD)")
    add_data_dir(p)
    p.set_defaults(handler=_check)
