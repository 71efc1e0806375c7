"""Country library: report facets (country, publisher) as index words on each passage.

`coi_passages.facets` holds `country_info.facets.facets_text(country, publisher)` of the
passage's report (both engines). On SQLite the FTS5 table gets a second column, `facets`, so
a country or publisher filter is intersected inside the index instead of joining every match
to its report; the rank function weighs only `norm` (bm25(1.0, 0.0)), so ranking is
unchanged. The FTS5 table is rebuilt from `coi_passages` (external content). PostgreSQL only
gets the column (its search filters by join, which its planner handles well).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TRIGGERS = ("coi_passages_ai", "coi_passages_ad", "coi_passages_au")

_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE coi_fts USING fts5(
           norm, facets, content='coi_passages', content_rowid='id',
           tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER coi_passages_ai AFTER INSERT ON coi_passages BEGIN
           INSERT INTO coi_fts(rowid, norm, facets) VALUES (new.id, new.norm, new.facets); END""",
    """CREATE TRIGGER coi_passages_ad AFTER DELETE ON coi_passages BEGIN
           INSERT INTO coi_fts(coi_fts, rowid, norm, facets)
           VALUES ('delete', old.id, old.norm, old.facets); END""",
    """CREATE TRIGGER coi_passages_au AFTER UPDATE OF norm, facets ON coi_passages BEGIN
           INSERT INTO coi_fts(coi_fts, rowid, norm, facets)
           VALUES ('delete', old.id, old.norm, old.facets);
           INSERT INTO coi_fts(rowid, norm, facets) VALUES (new.id, new.norm, new.facets); END""",
    "INSERT INTO coi_fts(coi_fts) VALUES ('rebuild')",
    "INSERT INTO coi_fts(coi_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)')",
]

_SQLITE_FTS_0002 = [
    """CREATE VIRTUAL TABLE coi_fts USING fts5(
           norm, content='coi_passages', content_rowid='id',
           tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER coi_passages_ai AFTER INSERT ON coi_passages BEGIN
           INSERT INTO coi_fts(rowid, norm) VALUES (new.id, new.norm); END""",
    """CREATE TRIGGER coi_passages_ad AFTER DELETE ON coi_passages BEGIN
           INSERT INTO coi_fts(coi_fts, rowid, norm) VALUES ('delete', old.id, old.norm); END""",
    """CREATE TRIGGER coi_passages_au AFTER UPDATE OF norm ON coi_passages BEGIN
           INSERT INTO coi_fts(coi_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
           INSERT INTO coi_fts(rowid, norm) VALUES (new.id, new.norm); END""",
    "INSERT INTO coi_fts(coi_fts) VALUES ('rebuild')",
]


def _drop_sqlite_fts() -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS coi_fts")


def upgrade() -> None:
    from asylum_prep.country_info.facets import facets_text

    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        _drop_sqlite_fts()
    op.add_column("coi_passages",
                  sa.Column("facets", sa.Text, nullable=False, server_default=""))
    reports = bind.execute(sa.text("SELECT id, country, publisher FROM coi_reports")).all()
    for report_id, country, publisher in reports:
        bind.execute(sa.text("UPDATE coi_passages SET facets = :f WHERE report_id = :r"),
                     {"f": facets_text(country, publisher), "r": report_id})
    if sqlite:
        for statement in _SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_sqlite_fts()
    op.drop_column("coi_passages", "facets")  # SQLite 3.35+: no batch copy of the table
    if sqlite:
        for statement in _SQLITE_FTS_0002:
            op.execute(statement)
