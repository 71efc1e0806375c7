"""OCR jobs: reading a scanned exhibit's pages runs in the background, one job at a time per
server, with progress a paralegal can watch and that survives a reload or a restart.

- `ocr_jobs`: one row per exhibit to read: its state (queued, running, done, failed), pages
  done of pages to read, a short reason code when it failed (never applicant data), who
  queued it and when. The words read are not here: they are sealed in `evidence_blobs`
  under the case key and linked from the case record.
- `worker_leases`: the one lock every app process competes for before it runs a job (a row per
  kind of work, "ocr" made here): `owner` and `until`, renewed while the job runs; a process
  that died lets its lease run out and the next one takes over, resuming its job.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ocr_jobs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("evidence_id", sa.String(36), nullable=False),
        sa.Column("state", sa.String(16), nullable=False, index=True),
        sa.Column("pages_done", sa.Integer, nullable=False, server_default="0"),
        sa.Column("pages_total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reason", sa.String(64), nullable=False, server_default=""),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "worker_leases",
        sa.Column("name", sa.String(16), primary_key=True),
        sa.Column("owner", sa.String(64), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
    )
    op.execute("INSERT INTO worker_leases (name) VALUES ('ocr')")


def downgrade() -> None:
    op.drop_table("worker_leases")
    op.drop_table("ocr_jobs")
