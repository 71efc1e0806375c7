"""Several servers starting at once against one new, empty database (the multi-replica
deployment's first start): every one migrates or waits, none fails, the schema is created
once."""

from __future__ import annotations

import base64
import sys

from sqlalchemy import create_engine, text

from asylum_prep.config import Settings
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import open_store
from tests.faults.children import Child

OPEN = "from asylum_prep.config import load_settings\n" \
       "from asylum_prep.storage.engine import open_store\n" \
       "open_store(load_settings()).close()\nprint('OPENED', flush=True)\n"
STARTS = 3


def test_servers_starting_together_on_a_new_database_all_start(settings, tmp_path):
    key = base64.b64encode(crypto.new_key()).decode()
    url = settings.resolved_database_url  # a fresh PostgreSQL database, or a new SQLite file
    settings.data_dir.mkdir(parents=True)  # where that SQLite file goes
    env = {"ASYLUM_PREP_DATABASE_URL": url, "ASYLUM_PREP_MASTER_KEY": key}
    starts = []
    for i in range(STARTS):
        starts.append(Child([sys.executable, "-c", OPEN],
                            env={**env, "ASYLUM_PREP_DATA_DIR": str(tmp_path / f"replica{i}")}))
    try:
        codes = [child.finish(timeout=120) for child in starts]
        assert codes == [0] * STARTS, [child.stderr() for child in starts]
        assert all("OPENED" in child.lines for child in starts)
    finally:
        for child in starts:
            child.kill()
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()
    open_store(Settings(data_dir=tmp_path / "after", database_url=url, master_key=key)).close()
