"""Fixtures for bundle tests: real encrypted stores, demo data, keys exchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from facilitator.app import bundle_keys as keys
from facilitator.demo import generate_demo
from facilitator.store.service import create_store

PASS = "a long enough passphrase"
DOMAIN_TABLES = (
    "group",
    "participant",
    "session",
    "step_event",
    "attendance",
    "measure_response",
    "measure_definition",
    "rules_agreement",
    "incident",
    "note",
    "bundle_record",
    "bundle_tombstone",
    "bundle_conflict",
    "bundle_seen",
    "bundle_receipt",
    "device_key",
)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")


@pytest.fixture(autouse=True)
def _no_keyring():
    """Stores here open by passphrase only; no system keyring is touched."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


class Install:
    """One install: its store and its public-key file."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.path = folder / f"{name}.db"
        self.store = create_store(self.path, passphrase=PASS, use_keyring=False)
        self.db = self.store.db
        self.pub = folder / f"{name}.pub"
        self.pk = keys.export_public(self.db, self.pub, name)

    def trust(self, other: "Install") -> None:
        keys.trust(self.db, other.pk, other.pk.fingerprint)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def cli(self, *args: str) -> int:
        """Run ``facilitator ARGS --db this --passphrase-file`` with the store closed
        (a store is locked while open), then reopen it."""
        from facilitator.cli.main import main
        from facilitator.store.service import open_store

        path = self.path
        pf = path.parent / "pass.txt"
        pf.write_text(PASS)
        self.close()
        try:
            return main([*args, "--db", str(path), "--passphrase-file", str(pf)])
        finally:
            self.store = open_store(path, passphrase=PASS, use_keyring=False)
            self.db = self.store.db


@pytest.fixture
def make_install(tmp_path):
    made: list[Install] = []

    def make(
        name: str, *, demo_groups: int = 0, weeks: int = 4, seed: int = 1, salt: int = 0
    ) -> Install:
        inst = Install(tmp_path / name, name)
        if demo_groups:
            generate_demo(
                inst.db,
                groups=demo_groups,
                weeks=weeks,
                seed=seed,
                id_salt=salt,
                participants_per_group=6,
            )
        made.append(inst)
        return inst

    yield make
    for inst in made:
        inst.close()


def pair(fac: Install, sup: Install) -> None:
    fac.trust(sup)
    sup.trust(fac)


def dump(db, tables=DOMAIN_TABLES) -> dict[str, list]:
    """Every row of every table that a bundle may touch (to prove nothing changed)."""
    with db.engine.connect() as c:
        return {
            t: sorted(map(tuple, c.execute(text(f'SELECT * FROM "{t}"')).fetchall()), key=repr)
            for t in tables
        }


LOCAL_ONLY = {
    "created_at",
    "recorded_at",
    "updated_at",
    "alias",
    "age_band",
    "gender",
    "default_script_id",
    "extra_rules",
    "co_facilitator",
    "owner_id",
    "facilitator_id",
    "reviewed_by",
    "reviewed_at",
}


def data_tables(db) -> dict[str, list]:
    """The travelling columns of the record tables (what two stores must agree on)."""
    out = {}
    with db.engine.connect() as c:
        for t in (
            "group",
            "participant",
            "session",
            "step_event",
            "attendance",
            "measure_response",
            "rules_agreement",
            "incident",
            "note",
        ):
            cols = [
                r[1]
                for r in c.exec_driver_sql(f'PRAGMA table_info("{t}")')
                if r[1] not in LOCAL_ONLY or (t == "session" and r[1] == "created_at")
            ]
            sel = ", ".join(f'"{x}"' for x in cols)
            out[t] = sorted(
                map(tuple, c.execute(text(f'SELECT {sel} FROM "{t}"')).fetchall()), key=repr
            )
    return out
