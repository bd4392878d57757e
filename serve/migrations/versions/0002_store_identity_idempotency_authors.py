"""A store identity for exports, idempotent reports, and the key holder behind each verdict.

- `store_meta`: one row `store_id`, a random UUID made when the store is created, so that case
  ids exported from two stores (or from one store after a reset) can never collide.
- `idempotency_keys`: the first response to a request sent with an `Idempotency-Key` header,
  kept 24 hours, so that a retried bulk report changes nothing.
- `verdicts.author`: the name of the API key's holder who recorded the verdict; `who` stays as a
  free-text note.

Revision ID: 0002
Revises: 0001
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(meta, [{"key": "store_id", "value": uuid.uuid4().hex}])
    op.create_table(
        "idempotency_keys",
        sa.Column("caller", sa.String(200), primary_key=True),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("response", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    with op.batch_alter_table("verdicts") as batch:
        batch.add_column(sa.Column("author", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("verdicts") as batch:
        batch.drop_column("author")
    op.drop_table("idempotency_keys")
    op.drop_table("store_meta")
