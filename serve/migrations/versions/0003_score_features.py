"""The feature row behind each score, so that a case page can show what was found.

- `scores.features`: JSON of the feature values (catalogue names, null for unknown) and the
  context columns (seller identity, registrar, platform) that the score was computed from.
  Older scores have none: the page then says the facts were not kept.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scores") as batch:
        batch.add_column(sa.Column("features", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scores") as batch:
        batch.drop_column("features")
