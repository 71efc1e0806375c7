"""Country library import: near-duplicates, printed page labels, page spans, corrected
report details and deleted reports.

- `coi_reports.text_hash`: SHA-256 of the report's normalised text (the same report as PDF
  and as text, or a page saved twice, has the same one when the words agree exactly).
- `coi_reports.signature`: a MinHash signature of the normalised text's word shingles
  (`country_info.near_duplicates`), for reports that differ only a little.
- `coi_reports.details_changed_at`: when title, publisher, date, country or URL were last
  corrected (NULL: never); a citation made before it says so.
- `coi_passages.page_end`, `page_label`, `page_end_label`: a passage that runs over a page
  break keeps its last page; the printed page labels (PDF /PageLabels) of both.
- `coi_report_deletions`: which report was deleted when (no text), so a citation of it
  still says the report is gone and since when.
- `coi_reports.series_key` is recomputed: month names are no longer part of a series.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from asylum_prep.country_info.importers import series_key

    op.add_column("coi_reports", sa.Column("text_hash", sa.String(64), nullable=False,
                                           server_default=""))
    op.add_column("coi_reports", sa.Column("signature", sa.Text, nullable=False,
                                           server_default=""))
    op.add_column("coi_reports", sa.Column("details_changed_at", sa.DateTime(timezone=True),
                                           nullable=True))
    op.create_index("ix_coi_reports_text_hash", "coi_reports", ["text_hash"])
    op.add_column("coi_passages", sa.Column("page_end", sa.Integer, nullable=True))
    op.add_column("coi_passages", sa.Column("page_label", sa.String(32), nullable=False,
                                            server_default=""))
    op.add_column("coi_passages", sa.Column("page_end_label", sa.String(32), nullable=False,
                                            server_default=""))
    op.create_table(
        "coi_report_deletions",
        sa.Column("report_id", sa.String(36), primary_key=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
    )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, publisher, country, title FROM coi_reports")).all()
    for report_id, publisher, country, title in rows:
        bind.execute(sa.text("UPDATE coi_reports SET series_key = :k WHERE id = :i"),
                     {"k": series_key(publisher, country, title), "i": report_id})


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as in 0004 and 0005.
    op.drop_table("coi_report_deletions")
    op.drop_column("coi_passages", "page_end_label")
    op.drop_column("coi_passages", "page_label")
    op.drop_column("coi_passages", "page_end")
    op.drop_index("ix_coi_reports_text_hash", table_name="coi_reports")
    op.drop_column("coi_reports", "details_changed_at")
    op.drop_column("coi_reports", "signature")
    op.drop_column("coi_reports", "text_hash")
