"""`asylum-prep filing show ID | set ID --judge ... --next-hearing 2027-03-15`: the filing
details the legal team enters (forum, court, judge, hearing, file number, counsel, party
served), which fill the brief's caption and the packet's cover. `filing i589-show ID` and
`filing i589-set ID NAME=VALUE ...` do the same for the Form I-589 details only the team
enters (services.form_details: `ssn=123-45-6789`, `court_history=never`,
`relatives.<member id>.i94_number=...`).

Thin: `set` calls services.filing.set_filing_details (`i589-set`:
services.form_details.set_form_details) as the audited CLI operator; an empty value
(`--judge ""`, `ssn=`) clears a detail; `show` prints one `name: value` line per detail, or
JSON.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import cli_actor, note, out, print_json, store_from

# The detail names (services.filing.FIELDS), kept here so `--help` imports nothing heavy;
# tests/unit/cli/test_filing_commands.py checks the two agree.
NAMES = ("forum", "court", "judge", "next_hearing", "hearing_kind", "file_number",
         "counsel_name", "counsel_firm", "counsel_address", "counsel_phone", "counsel_email",
         "counsel_bar_number", "counsel_eoir_id", "served_on")


def _show(args: argparse.Namespace) -> int:
    from asylum_prep.services import cases

    store = store_from(args)
    case = cases.open_case(store, cli_actor(store), args.case_id)
    data = case.record.filing.model_dump(mode="json")
    shown = {"proceeding": data["proceeding"], **{n: data[n] or "" for n in NAMES}}
    if args.json:
        print_json(shown)
    else:
        out("\n".join(f"{k}: {v}" for k, v in shown.items()))
    return 0


def _save(args: argparse.Namespace, setter: Callable[..., int],
          changes: dict[str, str]) -> int:
    """Save `changes` with a service's setter on the case's current version, and say so."""
    from asylum_prep.services import cases

    store = store_from(args)
    actor = cli_actor(store)
    base = cases.open_case(store, actor, args.case_id, audit_view=False).version
    version = setter(store, actor, args.case_id, changes=changes, base_version=base)
    note("No detail changed." if version == base else f"Saved as case version {version}.")
    return 0


def _set(args: argparse.Namespace) -> int:
    from asylum_prep.services import filing

    changes = {n: getattr(args, n) for n in NAMES if getattr(args, n) is not None}
    if not changes:
        note("Nothing to change: give at least one detail, for example --judge NAME.")
        return 2
    return _save(args, filing.set_filing_details, changes)


def _i589_show(args: argparse.Namespace) -> int:
    from asylum_prep.services import cases, form_details

    store = store_from(args)
    record = cases.open_case(store, cli_actor(store), args.case_id).record
    shown = form_details.current(record)
    if args.json:
        print_json(shown)
    else:
        out("\n".join(f"{k}: {v}    [{form_details.label(k)}]" for k, v in shown.items()))
    return 0


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError("give each detail as NAME=VALUE, for example "
                                         "ssn=123-45-6789")
    return name, value


def _i589_set(args: argparse.Namespace) -> int:
    from asylum_prep.services import form_details

    return _save(args, form_details.set_form_details, dict(args.pairs))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("filing", help="forum, court, judge, hearing and counsel details")
    cmds = group.add_subparsers(dest="filing_command", required=True, metavar="ACTION")
    p = cmds.add_parser("show", help="the filing details of a case")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_data_dir(p)
    p.set_defaults(handler=_show)
    p = cmds.add_parser("set", help="change filing details; an empty value clears one")
    p.add_argument("case_id", metavar="ID")
    for name in NAMES:
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, default=None, metavar="VALUE")
    add_data_dir(p)
    p.set_defaults(handler=_set)
    p = cmds.add_parser("i589-show", help="the Form I-589 details the team enters")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_data_dir(p)
    p.set_defaults(handler=_i589_show)
    p = cmds.add_parser("i589-set", help="change Form I-589 details: NAME=VALUE (empty clears)")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("pairs", nargs="+", metavar="NAME=VALUE", type=_pair)
    add_data_dir(p)
    p.set_defaults(handler=_i589_set)
