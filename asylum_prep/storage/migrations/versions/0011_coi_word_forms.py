"""Country library: the index holds word forms (stems in each passage's language, Chinese as
character pairs, a language word), and is rebuilt for the passages already stored.

- `coi_passages.norm` is recomputed with `text.index_form` (both engines; PostgreSQL's
  generated `tsv` follows by itself). Report series keys, which are made from the same
  folding, are recomputed with `importers.series_key`.
- SQLite: the FTS5 table is made again (same columns and triggers as 0003). No prefix
  index: it cost about 15% of the import's time, and prefix queries (`detain*`) read the
  index's sorted terms fast enough without it (measured in benchmarks/bench_coi.py).

Downgrade puts back the 0003 FTS5 table; `norm` keeps the new form (the older form is not
kept anywhere), so search after a downgrade finds fewer word forms until re-import.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_TRIGGERS = ("coi_passages_ai", "coi_passages_ad", "coi_passages_au")


def _fts() -> list[str]:
    return [
        """CREATE VIRTUAL TABLE coi_fts USING fts5(
               norm, facets, content='coi_passages', content_rowid='id',
               tokenize='unicode61 remove_diacritics 0')""",
        """CREATE TRIGGER coi_passages_ai AFTER INSERT ON coi_passages BEGIN
               INSERT INTO coi_fts(rowid, norm, facets) VALUES (new.id, new.norm, new.facets);
           END""",
        """CREATE TRIGGER coi_passages_ad AFTER DELETE ON coi_passages BEGIN
               INSERT INTO coi_fts(coi_fts, rowid, norm, facets)
               VALUES ('delete', old.id, old.norm, old.facets); END""",
        """CREATE TRIGGER coi_passages_au AFTER UPDATE OF norm, facets ON coi_passages BEGIN
               INSERT INTO coi_fts(coi_fts, rowid, norm, facets)
               VALUES ('delete', old.id, old.norm, old.facets);
               INSERT INTO coi_fts(rowid, norm, facets) VALUES (new.id, new.norm, new.facets);
           END""",
        "INSERT INTO coi_fts(coi_fts) VALUES ('rebuild')",
        "INSERT INTO coi_fts(coi_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)')",
    ]


def _drop_sqlite_fts() -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS coi_fts")


def _recompute(bind: sa.Connection) -> None:
    from asylum_prep.country_info.importers import series_key
    from asylum_prep.text import index_form

    last = 0
    while True:
        rows = bind.execute(sa.text(
            "SELECT id, section, text FROM coi_passages WHERE id > :last ORDER BY id LIMIT 2000"),
            {"last": last}).all()
        if not rows:
            break
        bind.execute(sa.text("UPDATE coi_passages SET norm = :norm WHERE id = :id"), [
            {"id": pid, "norm": index_form(f"{section} {text}" if section else text)}
            for pid, section, text in rows])
        last = rows[-1][0]
    reports = bind.execute(sa.text("SELECT id, publisher, country, title FROM coi_reports")).all()
    for report_id, publisher, country, title in reports:
        bind.execute(sa.text("UPDATE coi_reports SET series_key = :k WHERE id = :id"),
                     {"k": series_key(publisher, country, title), "id": report_id})


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        _drop_sqlite_fts()  # no triggers while every row is rewritten
    _recompute(bind)
    if sqlite:
        for statement in _fts():
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _drop_sqlite_fts()
        for statement in _fts():
            op.execute(statement)
