"""The ``--demo`` store: a throwaway encrypted store full of synthetic groups.

Why a cached template: generating months of synthetic sessions takes seconds, and a
newcomer (or the start-up benchmark) should see the app at once. The first ``--demo``
builds a template store in the cache folder; every run copies it into a fresh
temporary folder and opens the copy, so nothing a visitor does survives the run.
The demo passphrase is public by design: this store never holds real data.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import platformdirs

from facilitator import __version__, paths
from facilitator.store import service
from facilitator.store.keyfile import keyfile_path


DEMO_PASSPHRASE = "demo-passphrase"
DEMO_SEED = 7
DEMO_GROUPS = 4
DEMO_WEEKS = 10
TEMPLATE_VERSION = f"{__version__}-1"


def _cache_dir() -> Path:
    if os.environ.get("FACILITATOR_HOME"):
        return paths.data_dir() / "cache"
    return Path(platformdirs.user_cache_dir(paths.APP, appauthor=False))


def _kind() -> str:
    """What fills the template and at which schema revision; a cached template of
    another kind is rebuilt (the demo is throwaway, so it is never migrated)."""
    from facilitator.store.migrate import HEAD_REVISION

    return f"generator-light-kdf@{HEAD_REVISION}"


def _fill(db) -> None:
    """Synthetic groups, sessions and scores from :mod:`facilitator.demo.generator`."""
    from facilitator.demo.generator import generate_demo

    generate_demo(db, groups=DEMO_GROUPS, weeks=DEMO_WEEKS, seed=DEMO_SEED)


def template_dir() -> Path:
    return _cache_dir() / f"demo-template-{TEMPLATE_VERSION}"


def ensure_template() -> Path:
    """Build the template store once; returns its database path."""
    folder = template_dir()
    db_path = folder / "demo.db"
    ready = folder / "ready"
    if (
        db_path.is_file()
        and keyfile_path(db_path).is_file()
        and ready.is_file()
        and ready.read_text() == _kind()
    ):
        return db_path
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    # The demo passphrase is printed on the lock screen and the store holds only
    # synthetic data, so a slow key derivation would protect nothing: the demo's
    # key slots use the light KDF profile and the demo opens without a pause.
    previous = os.environ.get("FACILITATOR_KDF_PROFILE")
    os.environ["FACILITATOR_KDF_PROFILE"] = "test"
    try:
        created = service.create_store(db_path, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    finally:
        if previous is None:
            os.environ.pop("FACILITATOR_KDF_PROFILE", None)
        else:
            os.environ["FACILITATOR_KDF_PROFILE"] = previous
    try:
        _fill(created.db)
        with created.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        created.close()
    ready.write_text(_kind())
    return db_path


def open_demo_store() -> tuple[service.OpenedStore, Path]:
    """A fresh copy of the template, opened; returns the store and its temporary folder."""
    template = ensure_template()
    tmp = Path(tempfile.mkdtemp(prefix="facilitator-demo-"))
    for src in (template, keyfile_path(template)):
        shutil.copy2(src, tmp / src.name)
    store = service.open_store(tmp / template.name, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    return store, tmp
