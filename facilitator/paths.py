"""Where the app keeps its files (platformdirs), with an override for tests and --demo.

Set ``FACILITATOR_HOME`` to put every file below one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "facilitator"


def data_dir() -> Path:
    override = os.environ.get("FACILITATOR_HOME")
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / "facilitator.db"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"
