"""Opening a store already at the newest schema skips Alembic; any other store still migrates.

The newest revision is read from the migration scripts' own `revision`/`down_revision` lines;
these tests hold that reading to Alembic's, and check in a fresh process that a second start
of a store does not import Alembic at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from asylum_prep.config import Settings
from asylum_prep.storage import engine as storage_engine
from asylum_prep.storage.engine import head_revision, open_store, stored_revision

ROOT = Path(__file__).resolve().parents[3]


def test_head_read_from_the_scripts_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(storage_engine._MIGRATIONS))
    assert [head_revision()] == ScriptDirectory.from_config(cfg).get_heads()


def test_a_new_database_has_no_revision_and_an_opened_one_is_at_head(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    engine = storage_engine.make_engine(settings.resolved_database_url)
    settings.data_dir.mkdir()
    assert stored_revision(engine) is None
    engine.dispose()
    store = open_store(settings)
    try:
        assert stored_revision(store.engine) == head_revision()
    finally:
        store.close()


def test_a_store_behind_head_is_still_migrated(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings)
    with store.engine.begin() as conn:  # back to the revision before the newest
        cfg = Config()
        cfg.set_main_option("script_location", str(storage_engine._MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    assert stored_revision(store.engine) != head_revision()
    store.close()
    store = open_store(settings)
    try:
        assert stored_revision(store.engine) == head_revision()
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("users")}
        assert "oidc_subject" in columns
    finally:
        store.close()


def test_reopening_a_store_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from asylum_prep.config import Settings\n"
        "from asylum_prep.storage.engine import open_store\n"
        f"open_store(Settings(data_dir={str(tmp_path / 'data')!r})).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASYLUM_PREP_")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, env=env, timeout=120, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]  # the first start creates the schema, the second reuses it
