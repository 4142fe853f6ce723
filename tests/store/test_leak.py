"""Plaintext-leak test: marker strings in every text and JSON column never reach disk
(database, -wal, -shm, temp dir, key file, backups) or the logs in readable form."""

from __future__ import annotations

import logging
import os
import tempfile
from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    String,
    Text,
    insert,
)

from facilitator.store import service
from facilitator.store.models import Base

from .conftest import PASS


def _rows() -> tuple[dict[str, dict], list[str]]:
    markers: list[str] = []
    rows: dict[str, dict] = {}
    for t_index, table in enumerate(Base.metadata.sorted_tables):
        row = {}
        for c_index, col in enumerate(table.columns):
            typ = col.type
            if col.foreign_keys:  # point at the parent row made earlier (tables are sorted)
                fk = next(iter(col.foreign_keys))
                row[col.name] = rows[fk.column.table.name][fk.column.name]
            elif isinstance(typ, Enum):
                row[col.name] = typ.enums[0]
            elif isinstance(typ, (String, Text)):
                marker = f"QZ{t_index:02d}{c_index:02d}"  # 8 chars: fits String(8)
                if (typ.length or 100) >= 40:
                    marker += "-leak-marker-" + os.urandom(4).hex()
                markers.append(marker)
                row[col.name] = marker
            elif isinstance(typ, JSON):
                marker = f"QJ{t_index:02d}{c_index:02d}-json-marker"
                markers.append(marker)
                row[col.name] = {"text": marker, "ar": "سرّيّ " + marker}
            elif isinstance(typ, Boolean):
                row[col.name] = False
            elif isinstance(typ, (Integer, Float)):
                row[col.name] = 1
            elif isinstance(typ, DateTime):
                row[col.name] = datetime.now(timezone.utc)
            elif isinstance(typ, LargeBinary):  # a quarantined bundle's bytes (issue 15)
                marker = f"QB{t_index:02d}{c_index:02d}-blob-marker"
                markers.append(marker)
                row[col.name] = marker.encode()
            elif isinstance(typ, Date):
                row[col.name] = date.today()
        rows[table.name] = row
    return rows, markers


def _leaks(markers: list[str], folders: list[str], extra_text: str) -> list[str]:
    found = []
    needles = [m.encode() for m in markers] + [m.encode("utf-16-le") for m in markers]
    needles.append("سرّيّ".encode())
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                data = open(os.path.join(root, name), "rb").read()
                found += [f"{name}: {n[:12]!r}" for n in needles if n in data]
    found += [m for m in markers if m in extra_text]
    return found


def test_no_marker_reaches_disk_or_logs(tmp_path, no_keyring, caplog, capfd, monkeypatch):
    caplog.set_level(logging.DEBUG)
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    monkeypatch.setattr(tempfile, "tempdir", str(tmpdir))
    path = tmp_path / "store" / "s.db"
    created = service.create_store(path, passphrase=PASS)
    rows, markers = _rows()
    rows["audit_event"]["seq"] = 10**9  # the store's own entries already hold seq 1, 2...
    assert len(markers) > 40  # every text/JSON column of all tables
    with created.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            conn.execute(insert(table).values(**rows[table.name]))
        conn.commit()
    # while open (data still in the WAL)
    assert _leaks(markers, [str(tmp_path)], "") == []
    with created.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM note").scalar() == 1
    service.backup_store(created)
    created.close()
    logs = caplog.text + "".join(capfd.readouterr())
    assert _leaks(markers, [str(tmp_path)], logs) == []
    # nor the key, the passphrase or the recovery code, in any encoding we might use
    import base64

    key, code = created.key, created.recovery_code
    secrets_ = [
        key,
        key.hex().encode(),
        key.hex().upper().encode(),
        base64.b64encode(key),
        PASS.encode(),
        code.encode(),
        code.replace("-", "").encode(),
    ]
    for root, _dirs, names in os.walk(tmp_path):
        for name in names:
            data = open(os.path.join(root, name), "rb").read()
            assert not [s for s in secrets_ if s in data], name
    assert not [s for s in secrets_ if s.decode("latin-1") in logs]
    # the check must be able to fail: a plain copy of a marker is found
    (tmpdir / "plain.txt").write_text(markers[0])
    assert _leaks(markers, [str(tmp_path)], logs) != []


def test_database_errors_never_carry_the_values_written(raw_db):
    """A failed statement's message (shown in the app, the CLI or a log) has no data.

    Today the sqlcipher3 driver's own error comes through unwrapped (it never lists
    parameters); if SQLAlchemy ever wraps it, ``hide_parameters`` in db.py keeps the
    values out, and this test holds either way."""
    import pytest
    import sqlcipher3
    from sqlalchemy.exc import IntegrityError

    from facilitator.store.models import Note

    with pytest.raises((IntegrityError, sqlcipher3.IntegrityError)) as info:
        with raw_db.unit() as s:
            s.add(Note(group_id=None, body="Marker-Rania-0101"))  # NOT NULL fails at flush
            s.flush()
    assert "NOT NULL" in str(info.value)
    assert "Marker-Rania-0101" not in str(info.value)
