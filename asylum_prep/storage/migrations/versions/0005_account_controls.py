"""Account controls: a password reset an admin made must be replaced at the next sign-in, and
failed sign-ins are counted (and forgotten after a day) the same way for every name typed,
whether an account has it or not.

- `users.must_change_password`: set by an admin's password reset, cleared when the person
  chooses their own password.
- `users.failed_at`: when the last failed sign-in was counted (NULL when none is counted).
- `sign_in_failures`: the same counter for names no active account has. A row is keyed by a
  keyed hash of the name typed, never the name itself (it may be a password typed in the
  wrong box); rows are forgotten a day after their last failure.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "users",
        sa.Column("must_change_password", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.add_column("users", sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "sign_in_failures",
        sa.Column("name_key", sa.String(64), primary_key=True),
        sa.Column("failed_sign_ins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True, index=True),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as in 0004: a batch copy of `users` would drop a table
    # the foreign keys of every populated store point at.
    op.drop_table("sign_in_failures")
    op.drop_column("users", "failed_at")
    op.drop_column("users", "must_change_password")
