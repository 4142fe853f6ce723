"""supervision: audit hash chain, user accounts and roles, review queue, sign-offs

Revision ID: i14_supervision
Revises: i15_bundles
"""

from __future__ import annotations

import hashlib
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "i14_supervision"
down_revision: Union[str, None] = "i15_bundles"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# Write-once tables: the database itself refuses UPDATE and DELETE on them.
_WRITE_ONCE = ("audit_event", "review_signoff", "review_month_signoff")


def _chain_existing_audit_rows() -> None:
    """Give rows written before the chain existed their seq and hashes, in time order:
    the same encoding as facilitator.store.audit.canonical (which a migration must not
    import), over the text as stored."""
    conn = op.get_bind()
    rows = conn.exec_driver_sql(
        "SELECT id, at, user_id, action, entity, entity_id, detail FROM audit_event ORDER BY at, id"
    ).fetchall()
    prev = "0" * 64
    for seq, (eid, at, user, action, entity, entity_id, detail) in enumerate(rows, 1):
        body = "\x1f".join(
            (
                str(seq),
                eid,
                at or "",
                user or "",
                action,
                entity or "",
                entity_id or "",
                detail or "{}",
            )
        ).encode("utf-8")
        h = hashlib.sha256(prev.encode("ascii") + b"\n" + body).hexdigest()
        conn.exec_driver_sql(
            "UPDATE audit_event SET seq=?, prev_hash=?, hash=? WHERE id=?", (seq, prev, h, eid)
        )
        prev = h


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_audit_event_seq"), ["seq"])
    _chain_existing_audit_rows()

    op.create_table(
        "user_account",
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_user_account_user_id_user")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("login", name=op.f("uq_user_account_login")),
    )
    op.create_table(
        "review_item",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=True),
        sa.Column("session_id", sa.String(length=32), nullable=True),
        sa.Column("incident_id", sa.String(length=32), nullable=True),
        sa.Column("facilitator_id", sa.String(length=32), nullable=True),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("risk_to_life", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("material_hash", sa.String(length=64), nullable=False),
        sa.Column("supersedes_id", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["group.id"],
            ondelete="SET NULL",
            name=op.f("fk_review_item_group_id_group"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_item")),
    )
    for col in ("kind", "subject", "group_id", "month", "state"):
        op.create_index(op.f(f"ix_review_item_{col}"), "review_item", [col], unique=False)
    op.create_table(
        "review_event",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=True),
        sa.Column("from_state", sa.String(length=32), nullable=True),
        sa.Column("to_state", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["review_item.id"], name=op.f("fk_review_event_item_id_review_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_event")),
    )
    op.create_index(op.f("ix_review_event_item_id"), "review_event", ["item_id"], unique=False)
    op.create_table(
        "review_signoff",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("item_id", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("approved_by", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("material_hash", sa.String(length=64), nullable=False),
        sa.Column("signature_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["review_item.id"], name=op.f("fk_review_signoff_item_id_review_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_signoff")),
        sa.UniqueConstraint("item_id", name=op.f("uq_review_signoff_item_id")),
    )
    op.create_table(
        "approval_request",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.String(length=32), nullable=False),
        sa.Column("requested_by", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=32), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_request")),
    )
    op.create_index(
        op.f("ix_approval_request_target_id"), "approval_request", ["target_id"], unique=False
    )
    op.create_table(
        "review_month_signoff",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("group_id", sa.String(length=32), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("user_id", sa.String(length=32), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("items_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_month_signoff")),
        sa.UniqueConstraint("group_id", "month", name=op.f("uq_review_month_signoff_group_id")),
    )
    for table in _WRITE_ONCE:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is write-once'); END"
            )


def downgrade() -> None:
    for table in _WRITE_ONCE:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    op.drop_table("review_month_signoff")
    op.drop_index(op.f("ix_approval_request_target_id"), table_name="approval_request")
    op.drop_table("approval_request")
    op.drop_table("review_signoff")
    op.drop_index(op.f("ix_review_event_item_id"), table_name="review_event")
    op.drop_table("review_event")
    for col in ("kind", "subject", "group_id", "month", "state"):
        op.drop_index(op.f(f"ix_review_item_{col}"), table_name="review_item")
    op.drop_table("review_item")
    op.drop_table("user_account")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_audit_event_seq"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
