"""Schema migrations with Alembic, run on a keyed connection we pass in.

The app migrates on open (see :func:`facilitator.store.service.open_store`), after
taking a backup. Each revision commits together with its version bump
(``transaction_per_migration``); a failed step rolls back and surfaces as a
:class:`StoreError`, leaving the database at the last good revision.

Regenerating a revision after ``models.py`` changes (no key involved: autogenerate
compares the models with an empty plain SQLite file upgraded to the current head)::

    .venv/bin/python -m facilitator.store.migrate revision "add some column"

then review the new file under ``facilitator/store/migrations/versions/``.
``tests/store/test_migrations.py`` fails while models and migrations disagree.
"""

from __future__ import annotations

import functools
import sys
import tempfile
from pathlib import Path

from typing import TYPE_CHECKING

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from facilitator.errors import StoreError
from facilitator.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# The newest revision in migrations/versions/. Kept as a constant so that opening an
# up-to-date store never imports Alembic (about a quarter of a second of start-up);
# tests/store/test_migrations.py fails when it and Alembic's own head disagree.
HEAD_REVISION = "i14_practice_owner"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest revision shipped with this build, as Alembic reads it from the files."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@functools.lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every revision shipped with this build (a restore accepts only these)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(s.revision for s in script.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The store's revision (``alembic_version``), read without importing Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else None


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != HEAD_REVISION


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target``; raise StoreError on failure."""
    from alembic import command

    try:
        with engine.connect() as conn:
            command.upgrade(alembic_config(conn), target)
            conn.commit()
    except (SQLAlchemyError, OSError) as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "store",
                "Updating the database to this version of Facilitator failed: {reason}. "
                "The database was left at its last good version and a backup was taken "
                "before the update.",
            ),
            params=dict(reason=type(exc).__name__),
        ) from exc


def downgrade(engine: Engine, target: str) -> None:
    """For tests and emergencies: step the schema back to ``target`` ("base" = empty)."""
    from alembic import command

    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), target)
        conn.commit()


def _autogenerate(message: str) -> None:
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/autogen.db")
        with engine.connect() as conn:
            cfg = alembic_config(conn)
            command.upgrade(cfg, "head")
            conn.commit()
            existing = [p for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py")]
            rev_id = f"{len(existing) + 1:04d}"
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
            conn.commit()
        engine.dispose()


if __name__ == "__main__":  # pragma: no cover - developer tool
    if len(sys.argv) != 3 or sys.argv[1] != "revision":
        print("usage: python -m facilitator.store.migrate revision MESSAGE", file=sys.stderr)
        raise SystemExit(2)
    _autogenerate(sys.argv[2])
