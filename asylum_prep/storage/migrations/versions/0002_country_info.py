"""Country-conditions library: public reports and their passages, with a full-text index.

Reports are public documents, stored in plain columns. No applicant data is ever written to
these tables (suggestions for a case are computed at query time only). The full-text index is
engine-specific: an FTS5 table kept in step by triggers on SQLite, a generated tsvector column
with a GIN index on PostgreSQL. Both index `norm`, the text as `text.index_form` made it.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_FTS = [
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
]
_POSTGRES_FTS = [
    """ALTER TABLE coi_passages ADD COLUMN tsv tsvector
           GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, norm)) STORED""",
    "CREATE INDEX ix_coi_passages_tsv ON coi_passages USING gin (tsv)",
]


def upgrade() -> None:
    op.create_table(
        "coi_reports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("country", sa.String(2), nullable=False, index=True),
        sa.Column("publisher", sa.String(200), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("series_key", sa.String(800), nullable=False, index=True),
        sa.Column("published", sa.Date, nullable=True, index=True),
        sa.Column("url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("source_kind", sa.String(8), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("page_count", sa.Integer, nullable=True),
        sa.Column("passage_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
    )
    op.create_table(
        "coi_passages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "report_id", sa.String(36), sa.ForeignKey("coi_reports.id", ondelete="CASCADE"),
            nullable=False, index=True,
        ),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer, nullable=True),
        sa.Column("section", sa.String(500), nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("norm", sa.Text, nullable=False),
    )
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_FTS if dialect == "sqlite" else _POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("coi_passages_ai", "coi_passages_ad", "coi_passages_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS coi_fts")
    op.drop_table("coi_passages")
    op.drop_table("coi_reports")
