"""`asylum-prep authorities list`: the dated library of legal authorities (legal.authorities).

Thin: reads the library (no database, no case data) and prints one line per authority with
its citation, date, the date it was last checked and a currency mark: `[ok]`, or `[check]`
followed by why (checked more than a year ago, a later history such as vacated or repealed,
or marked verify). `--json` prints every field plus `warnings`. How many need re-checking is
a note on stderr.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from asylum_prep.cli.commands_check import _today
from asylum_prep.cli.common import LazyChoices, note, out, print_json

if TYPE_CHECKING:
    from datetime import date

    from asylum_prep.legal.authorities import Authority

WHY = {"stale": "checked over a year ago", "history": "later history", "verify": "verify"}


def _jurisdictions() -> Iterable[str]:
    from asylum_prep.legal.authorities import JURISDICTIONS

    return JURISDICTIONS


def _elements() -> Iterable[str]:
    from asylum_prep.domain.citations import ElementKey

    return [e.value for e in ElementKey]


def line(item: Authority, today: date) -> str:
    """One authority as a line of text, with its currency mark."""
    from asylum_prep.legal.authorities import reasons

    why = reasons(item, today)
    mark = "[check: " + ", ".join(WHY[r] for r in why) + "]" if why else "[ok]"
    return (f"{item.citation} | {item.jurisdiction} | {item.date} | "
            f"checked {item.checked_as_of.isoformat()} | {mark}")


def as_json(item: Authority, today: date) -> dict[str, Any]:
    from asylum_prep.legal.authorities import reasons

    return {**item.model_dump(mode="json"), "warnings": list(reasons(item, today))}


def _list(args: argparse.Namespace) -> int:
    from datetime import date

    from asylum_prep.legal import authorities

    today = _today(args.today) or date.today()
    found = authorities.find(jurisdiction=args.jurisdiction, element=args.element,
                             text=args.search or "")
    if args.json:
        print_json([as_json(a, today) for a in found])
    else:
        for a in found:
            out(line(a, today))
    flagged = len(authorities.warnings(today, [a.id for a in found]))
    note(f"{len(found)} authorities; {flagged} to re-check before relying on them "
         f"(as of {today.isoformat()}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("authorities", help="the dated library of legal authorities")
    acts = group.add_subparsers(dest="authorities_command", required=True, metavar="ACTION")
    p = acts.add_parser("list", help="list authorities with a currency mark")
    p.add_argument("--jurisdiction", choices=LazyChoices(_jurisdictions), metavar="J",
                   help="us, uk, ca, eu or intl (international law)")
    p.add_argument("--element", choices=LazyChoices(_elements), metavar="ELEMENT",
                   help="a legal element key, for example nexus")
    p.add_argument("--search", default=None, metavar="WORDS",
                   help="only authorities whose citation, court, holding or history has "
                        "every word")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--today", default=None, help="judge currency as of this date (YYYY-MM-DD)")
    p.set_defaults(handler=_list)
