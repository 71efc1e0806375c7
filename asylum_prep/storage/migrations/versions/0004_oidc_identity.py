"""Single sign-on: a staff account may be linked to one identity at the firm's OIDC provider.

`users.oidc_subject` holds the provider's issuer and the person's subject joined by "|"
(e.g. "https://login.example.org/v2.0|00u1ab2cd3"), or NULL when the account is not linked.
Unique through a unique index (added after the column: SQLite cannot add a column with a
UNIQUE constraint); both SQLite and PostgreSQL let any number of rows hold NULL.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_INDEX = "ix_users_oidc_subject"


def upgrade() -> None:
    op.add_column("users", sa.Column("oidc_subject", sa.String(512), nullable=True))
    op.create_index(_INDEX, "users", ["oidc_subject"], unique=True)


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), not a batch copy of the table: copying `users`
    # means dropping it, which the foreign keys of every populated store refuse.
    op.drop_index(_INDEX, table_name="users")
    op.drop_column("users", "oidc_subject")
