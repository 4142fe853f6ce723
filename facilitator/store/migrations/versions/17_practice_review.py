"""practice review: reflections, comments, score overrides, second ratings

Revision ID: i17_practice_review
Revises: i11_release_register
Create Date: 2026-12-04 21:45:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = "i17_practice_review"
down_revision: Union[str, None] = "i11_release_register"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "practice_review",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("attempt_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["practice_attempt.id"],
            name=op.f("fk_practice_review_attempt_id_practice_attempt"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_review")),
    )
    with op.batch_alter_table("practice_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_practice_review_attempt_id"), ["attempt_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("practice_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_review_attempt_id"))
    op.drop_table("practice_review")
