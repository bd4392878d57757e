"""Weightless notes of a case's latest score (missing evidence, not a shop), so that the queue
can route a site that is not a shop elsewhere.

- `cases.notes`: the note codes of models/notes.py, space-separated; the case shows them in
  the reader's language. Older scores have none.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("notes", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("notes")
