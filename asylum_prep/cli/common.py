"""Helpers shared by CLI command modules: opening the store, acting as the CLI operator."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from asylum_prep.config import load_settings
from asylum_prep.errors import InputRefused
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store, open_store


def store_from(args: argparse.Namespace) -> Store:
    return open_store(load_settings(data_dir=getattr(args, "data_dir", None)))


def cli_actor(store: Store) -> Actor:
    """The operator of the CLI acts as the local service account `cli`, an attorney created on
    first use. Shell access to the data directory already grants the key file, so this adds
    no power; it makes every CLI action attributable in the audit log."""
    import secrets

    from sqlmodel import select

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


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
