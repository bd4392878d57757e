"""Safety Gate alerts matched by a case's latest score, for the "dangerous product" flag.

- `cases.alerts`: JSON list of the matches (reference, listing, risk, how, score, url) when the
  case was scored with an alert index ('[]': checked, none matched); NULL when it was scored
  without one (not checked). Alerts never change the score.

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
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("alerts", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("alerts")
