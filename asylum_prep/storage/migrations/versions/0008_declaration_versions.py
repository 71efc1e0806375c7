"""The declaration the team edits and the applicant confirms, one row per version.

`declaration_versions` holds every version of a case's edited declaration whole, encrypted
with the case's key (associated data "declaration:<version>"); `action` names the operation
that made it (start, edit, merge, split, move, add, delete, restore, translate, confirm, ...),
never any words. Versions are only added; restoring an old one adds a new version.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "declaration_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(36), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("body_enc", sa.LargeBinary, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_id", "version"),
    )


def downgrade() -> None:
    op.drop_table("declaration_versions")
