"""Helpers shared by CLI command modules: opening the store, acting as the CLI operator, and
the two output streams.

Streams: what a script captures (ids, JSON, tables of results, the names of files we chose)
goes to stdout through `out`/`print_json`; notes for the person at the terminal (what was
written where, what cleaning removed, warnings, progress) go to stderr through `note`. Both
escape control and bidi control characters, so a title cannot drive the terminal; JSON keeps
the exact text, with those characters as JSON escapes.

Kept light: importing this module loads no database, cryptography or document library. Each
command imports what it needs when it runs, so `--help` and the quick commands start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from asylum_prep.errors import N_, InputRefused
from asylum_prep.text import BIDI_CONTROLS, escape_controls

if TYPE_CHECKING:
    from asylum_prep.services.actor import Actor
    from asylum_prep.storage.engine import Store


class LazyChoices(Sequence[str]):
    """Choices for an option, computed from the app's own enums when first needed (parsing
    that option, or printing its command's help), so building the parser imports nothing."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load
        self._values: list[str] | None = None

    def _all(self) -> list[str]:
        if self._values is None:
            self._values = list(self._load())
        return self._values

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __contains__(self, value: object) -> bool:
        return value in self._all()


def store_from(args: argparse.Namespace) -> Store:
    from asylum_prep.config import load_settings
    from asylum_prep.storage.engine import open_store

    return open_store(load_settings(data_dir=getattr(args, "data_dir", None)))


def cli_actor(store: Store) -> Actor:
    """The operator of the CLI acts as the local service account `cli`, an attorney created on
    first use. Shell access to the data directory already grants the key file, so this adds
    no power; it makes every CLI action attributable in the audit log."""
    import secrets

    from sqlmodel import select

    from asylum_prep.services.actor import Actor, Role
    from asylum_prep.services.users import SERVICE_ACCOUNT, hash_password, to_actor
    from asylum_prep.storage.tables import User

    with store.session() as session:
        user = session.exec(select(User).where(User.username == SERVICE_ACCOUNT)).first()
        if user is None:
            user = User(
                username=SERVICE_ACCOUNT,
                password_hash=hash_password(secrets.token_urlsafe(32)),
                role=Role.attorney.value,
                display_name="command line",
                is_active=False,
            )
            session.add(user)
            session.flush()
        actor = to_actor(user)
        return Actor(actor.id, actor.username, actor.role, actor.display_name, operator=True)


def read_secret_stdin() -> str:
    value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise InputRefused("Nothing was read from standard input.")
    return value


def out(text: str = "") -> None:
    """A line (or lines) of results, on stdout."""
    print(escape_controls(text), file=sys.stdout)


def note(text: str) -> None:
    """A note for the person at the terminal, on stderr."""
    print(escape_controls(text), file=sys.stderr, flush=True)


_JSON_UNSAFE = {ord(c): f"\\u{ord(c):04x}" for c in "\x7f" + "".join(
    map(chr, range(0x80, 0xA0))) + BIDI_CONTROLS}


def print_json(data: Any) -> None:
    """`data` as JSON on stdout (see `print_json_text`)."""
    print_json_text(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_json_text(text: str) -> None:
    """JSON text on stdout: the same values, with DEL, C1 and bidi controls written as JSON
    escapes (json already escapes C0), so a script reads exactly what is stored and a
    terminal shows no control character."""
    print(text.translate(_JSON_UNSAFE))


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path`, a new or existing regular file, readable by its owner only.

    The file is created with mode 0600 (umask cannot widen it); an existing file is cut and
    set to 0600 before any byte is written, so the content is never readable by others, not
    even briefly. A symlink at `path` is refused rather than followed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        os.close(fd)


def read_input(path: Path, limit: int, too_large: str) -> bytes:
    """The bytes of an input file or pipe, at most `limit` of them.

    Devices (/dev/zero, a terminal), folders and other special files are refused with a
    clear message instead of being read for ever; a larger file raises `too_large` (an N_
    template that may use {path} and {max_mb})."""
    import stat

    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise InputRefused(N_("No file at {path}."), path=str(path)) from None
    with fh:
        mode = os.fstat(fh.fileno()).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputRefused(N_("{path} is not a file that can be read."), path=str(path))
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputRefused(too_large, path=str(path), max_mb=f"{limit / 1048576:.0f}")
    return data


def int_in(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high` (a usage error otherwise)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {value}")
        return value

    return parse


def float_in(low: float, high: float) -> Callable[[str], float]:
    """An argparse type: a finite number from `low` to `high` (nan and inf refused)."""
    import math

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be a number from {low:g} to {high:g}, "
                                             f"not {text}")
        return value

    return parse


def note_evidence_warnings(store: Store, actor: Actor, case_id: str) -> None:
    """The evidence warnings the app shows on the evidence page (uncorroborated elements,
    untranslated documents, small pictures...), as notes: what the packet or index needs."""
    from asylum_prep.services.evidence import warnings_for

    for warning in warnings_for(store, actor, case_id):
        note(f"warning: {warning.message()}")
