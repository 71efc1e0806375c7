"""`asylum-prep serve | admin create|deactivate|reactivate|reset-password|unlock | backup |
key rotate`: running and keeping the store.

Thin: each handler calls a service (services.users, services.accounts, services.maintenance)
and prints.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import asylum_prep
from asylum_prep.cli.commands_case import add_data_dir
from asylum_prep.cli.common import cli_actor, note, out, read_secret_stdin, store_from
from asylum_prep.errors import N_, ConfigError, InputRefused
from asylum_prep.services.actor import Role

STAFF = [Role.admin.value, Role.attorney.value, Role.paralegal.value, Role.translator.value]
APP_FILE = Path(asylum_prep.__file__).parent / "serve_app.py"  # app.py with its cookie route


def serve_command(args: argparse.Namespace) -> tuple[list[str], dict[str, str], Path]:
    """The Streamlit command line, environment and working directory for `serve`."""
    if not APP_FILE.exists():
        raise ConfigError(N_("The app entry {path} is missing; reinstall asylum-prep."),
                          path=str(APP_FILE))
    from asylum_prep.config import load_settings

    settings = load_settings(data_dir=getattr(args, "data_dir", None))
    root = APP_FILE.parent.parent
    cwd = root if (root / ".streamlit" / "config.toml").exists() else Path.cwd()
    # `streamlit run` through asylum_prep.ui.launch, which keeps Streamlit from looking up this
    # machine's addresses on the network; the flags repeat .streamlit/config.toml's safe
    # settings, so they hold even where that file is not found.
    argv = [
        sys.executable, "-m", "asylum_prep.ui.launch", "run", str(APP_FILE),
        "--server.port", str(args.port), "--server.address", args.address,
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--global.developmentMode", "false", "--server.enableCORS", "true",
        "--server.enableXsrfProtection", "true", "--server.enableAgentApi", "false",
    ]
    env = dict(os.environ)
    env["ASYLUM_PREP_DATA_DIR"] = str(settings.data_dir.resolve())
    return argv, env, cwd


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {port}")
    return port


def _serve(args: argparse.Namespace) -> int:
    argv, env, cwd = serve_command(args)
    store_from(args).close()  # migrate and check the key now: a clear message, not a blank page
    note(f"Serving asylum-prep at http://{args.address}:{args.port} (Ctrl+C stops it).")
    os.chdir(cwd)
    os.execve(argv[0], argv, env)  # noqa: S606 - fixed argv, no shell


def _admin_create(args: argparse.Namespace) -> int:
    from asylum_prep.services import maintenance, users

    password = read_secret_stdin()
    store = store_from(args)
    role = Role(args.role)
    if users.needs_first_admin(store):
        if role is not Role.admin:
            raise InputRefused(N_("The first account must be an admin (use --role admin)."))
        actor = users.create_first_admin(store, username=args.username, password=password,
                                         display_name=args.display_name)
    else:
        actor = maintenance.create_account(store, cli_actor(store), username=args.username,
                                           password=password, role=role,
                                           display_name=args.display_name)
    note(f"Created the {actor.role.value} account {actor.username}.")
    return 0


def _admin_deactivate(args: argparse.Namespace) -> int:
    from asylum_prep.services import accounts

    store = store_from(args)
    accounts.deactivate(store, cli_actor(store), username=args.username)
    note(f"Deactivated the account {args.username.strip().lower()}: it cannot sign in, and "
         f"its open sessions end at their next action.")
    return 0


def _admin_reactivate(args: argparse.Namespace) -> int:
    from asylum_prep.services import accounts

    store = store_from(args)
    accounts.reactivate(store, cli_actor(store), username=args.username)
    note(f"Reactivated the account {args.username.strip().lower()}.")
    return 0


def _admin_reset_password(args: argparse.Namespace) -> int:
    from asylum_prep.services import accounts

    store = store_from(args)
    temporary = accounts.reset_password(store, cli_actor(store), username=args.username)
    out(temporary)
    note(f"That is the temporary password for {args.username.strip().lower()}. Give it to them "
         f"in person; they must choose a new password when they sign in.")
    return 0


def _admin_unlock(args: argparse.Namespace) -> int:
    from asylum_prep.services import accounts

    store = store_from(args)
    accounts.unlock(store, cli_actor(store), username=args.username)
    note(f"Unlocked the account {args.username.strip().lower()}.")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from asylum_prep.services import maintenance

    store = store_from(args)
    result = maintenance.backup(store, cli_actor(store), out=Path(args.out))
    versions = ", ".join(str(k.version) for k in result.key_versions) or "none"
    note(f"Backup of {result.cases} cases written to {result.path} ({result.size} bytes); "
          f"its integrity check passed. It holds encrypted data only and needs master key "
          f"version(s) {versions}. The master key file {store.settings.key_file} is NOT in the "
          f"backup: keep a copy of it separately and safely, or the backup cannot be read. "
          f"{result.manifest} lists those versions and a sealed checkpoint of the audit log "
          f"(entry {result.audit_entries}): keep it with the backup.")
    return 0


def _key_rotate(args: argparse.Namespace) -> int:
    from asylum_prep.services import maintenance

    store = store_from(args)
    result = maintenance.rotate_master_key(store, cli_actor(store))
    note(f"Master key rotated: {result.cases} case keys re-wrapped under key version "
          f"{result.new_version} ({result.new_key_id}). {store.settings.key_file} keeps the "
          f"earlier versions, retired (they only read), so older backups still open with it; "
          f"it now holds versions {', '.join(map(str, result.versions))}. Copy the key file "
          f"to your safe place now, replacing the old copy.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="run the web app")
    p.add_argument("--port", type=_port, default=8501)
    p.add_argument("--address", default="127.0.0.1")
    p.set_defaults(handler=_serve)
    leaves = [p]

    admin = sub.add_parser("admin", help="accounts")
    acts = admin.add_subparsers(dest="admin_command", required=True, metavar="ACTION")
    p = acts.add_parser("create", help="create an account (the first one is the admin)")
    p.add_argument("--username", required=True)
    p.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from the first line of standard input")
    p.add_argument("--role", choices=STAFF, default=Role.admin.value)
    p.add_argument("--display-name", default="")
    p.set_defaults(handler=_admin_create)
    leaves += [admin, p]
    for action, handler, text in (
        ("deactivate", _admin_deactivate, "stop an account signing in; end its sessions"),
        ("reactivate", _admin_reactivate, "let a deactivated account sign in again"),
        ("reset-password", _admin_reset_password,
         "print a temporary password; a new one is chosen at the next sign-in"),
        ("unlock", _admin_unlock, "lift the lockout after failed sign-ins"),
    ):
        p = acts.add_parser(action, help=text)
        p.add_argument("username", metavar="USERNAME")
        p.set_defaults(handler=handler)
        leaves.append(p)

    p = sub.add_parser("backup", help="a consistent copy of a SQLite store (ciphertext only)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(handler=_backup)
    leaves.append(p)

    key = sub.add_parser("key", help="the master key")
    kacts = key.add_subparsers(dest="key_command", required=True, metavar="ACTION")
    p = kacts.add_parser("rotate", help="new master key version; re-wrap every case key")
    p.set_defaults(handler=_key_rotate)
    leaves += [key, p]

    for parser in leaves:
        add_data_dir(parser)
