"""Alembic: empty -> head, models and migrations agree, migrate-on-open with a backup."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import OperationalError

from facilitator.errors import StoreError
from facilitator.store import migrate, service
from facilitator.store.backup import generation_paths
from facilitator.store.db import Database
from facilitator.store.models import Base

from .conftest import PASS


def test_empty_to_head_has_no_autogenerate_diff(tmp_path):
    db = Database(tmp_path / "m.db", os.urandom(32))
    try:
        assert migrate.current_revision(db.engine) is None
        migrate.upgrade(db.engine)
        assert migrate.current_revision(db.engine) == migrate.head_revision() == "0001"
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) | {"alembic_version"} == tables
        migrate.downgrade(db.engine, "base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
    finally:
        db.close()


def test_migrate_on_open_takes_a_backup_first(tmp_path, no_keyring):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    migrate.downgrade(created.db.engine, "base")  # pretend an old, empty schema
    created.close()
    with service.open_store(path, passphrase=PASS) as st:
        assert migrate.current_revision(st.db.engine) == "0001"
        assert "note" in inspect(st.db.engine).get_table_names()
    backups = [p for p in generation_paths(path) if "pre-migrate" in p.name]
    assert len(backups) == 1
    check = Database(backups[0], st.key)
    try:
        assert migrate.current_revision(check.engine) is None  # the pre-migration state
    finally:
        check.close()


def test_failed_migration_is_a_clear_error(tmp_path, no_keyring, monkeypatch):
    path = tmp_path / "s.db"
    created = service.create_store(path, passphrase=PASS)
    migrate.downgrade(created.db.engine, "base")
    created.close()

    def boom(cfg, target):
        raise OperationalError("ALTER TABLE", {}, Exception("simulated failure"))

    monkeypatch.setattr(migrate.command, "upgrade", boom)
    with pytest.raises(StoreError, match="last good version and a backup was taken"):
        service.open_store(path, passphrase=PASS)
    assert len(generation_paths(path)) == 1
    monkeypatch.undo()
    with service.open_store(path, passphrase=PASS) as st:
        assert migrate.current_revision(st.db.engine) == "0001"
