"""Sessions that survive a reload: one row per signed-in browser.

- `web_sessions`: the SHA-256 digest of the session cookie's random token (never the token),
  the account, when it was made and last used, when it runs out (last use plus the idle
  timeout), and whether it was revoked (sign-out, quick exit, a new sign-in on the same
  browser, the account switched off or its password changed or reset) and why.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("revoked_reason", sa.String(32), nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("web_sessions")
