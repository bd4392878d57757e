"""Which service process is working on a case, and until when: several processes (uvicorn
workers, or services on several machines) share one store, and a queued case must be captured
and scored by one of them only.

- `cases.claimed_by`: the process holding the case (host, process id and a random part).
- `cases.claimed_until`: when its claim lapses if it is not released first (a process that died
  mid-case), after which another process may take the case.

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
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(96), nullable=True))
        batch.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("claimed_until")
        batch.drop_column("claimed_by")
