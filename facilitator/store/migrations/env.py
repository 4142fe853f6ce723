"""Alembic environment: runs only on a connection the app passes in.

There is deliberately no URL here: the database is encrypted and its key must never
appear in a config file or a command line. :mod:`facilitator.store.migrate` opens the
store with its key and hands the connection over in ``config.attributes``.
"""

from __future__ import annotations

from alembic import context

from facilitator.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - misuse guard
    raise RuntimeError(
        "Run migrations through facilitator.store.migrate, which passes a "
        "keyed connection; there is no database URL to use."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for most ALTERs
    transaction_per_migration=True,  # each step commits together with its version bump
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
