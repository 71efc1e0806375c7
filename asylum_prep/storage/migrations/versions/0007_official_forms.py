"""Official forms a firm imports (the I-589), prepared for filling.

`official_forms` keeps every import: the form's kind ("i589"), the edition printed in its
footer, the hash of the file as imported, its page and field counts, the names the app's item
map uses that the file does not have (`unplaced`, one a line), and the prepared PDF itself
(decrypted, without XFA). A public government form, not applicant data: plain columns, like
the country library's reports. The newest import of a kind is the one filled.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "official_forms",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        sa.Column("edition", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("page_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("field_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("unplaced", sa.Text, nullable=False, server_default=""),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("imported_by", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("official_forms")
