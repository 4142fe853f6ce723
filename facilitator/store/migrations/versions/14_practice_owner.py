"""practice attempts remember who started them (roles: one's own attempts)

Revision ID: i14_practice_owner
Revises: i17_practice_review
Create Date: 2026-12-04 23:40:00
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


revision: str = "i14_practice_owner"
down_revision: Union[str, None] = "i17_practice_review"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # No foreign key: a removed user's attempts stay (practice data, not a person's
    # record); an attempt without a user (older ones, a one-person install's first run)
    # belongs to the install's owner.
    with op.batch_alter_table("practice_attempt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_practice_attempt_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("practice_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_attempt_user_id"))
        batch_op.drop_column("user_id")
