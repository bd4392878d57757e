"""Operator links between cases, and the priority raises a fraud verdict gives linked cases.

- `case_marks`: the operator marks of each case's latest score (kind: siren, vat, iban, phone,
  email, tracker, template; value), indexed on (kind, value) so that the cases sharing a mark are
  one join; one row per case, kind and value.
- `priority_raises`: a priority raised one level by a linked case's fraud verdict (the raised
  case, the verdict's case, the levels, the shared marks, the verdict's date), at most one per
  raised case and verdict case.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(255), nullable=False),
        sa.UniqueConstraint("case_id", "kind", "value", name="case_marks_once"),
    )
    op.create_index("ix_case_marks_case_id", "case_marks", ["case_id"])
    op.create_index("case_marks_kind_value", "case_marks", ["kind", "value"])
    op.create_table(
        "priority_raises",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("source_case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("from_priority", sa.String(4), nullable=False),
        sa.Column("to_priority", sa.String(4), nullable=False),
        sa.Column("shared", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("case_id", "source_case_id", name="one_raise_per_verdict"),
    )
    op.create_index("ix_priority_raises_case_id", "priority_raises", ["case_id"])


def downgrade() -> None:
    op.drop_table("priority_raises")
    op.drop_table("case_marks")
