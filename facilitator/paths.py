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


def default_documents_dir() -> Path:
    """Where PDFs the facilitator makes are saved unless they choose elsewhere.

    ``Documents/Facilitator`` (platformdirs' documents folder, localised by the
    system), so reports, handouts, session summaries and the recovery kit land in one
    place a person can find, never in the folder the app happened to start from.
    Under ``FACILITATOR_HOME`` (tests, ``--demo``) it is ``<home>/Documents/Facilitator``.
    """
    override = os.environ.get("FACILITATOR_HOME")
    base = Path(override) / "Documents" if override else Path(platformdirs.user_documents_dir())
    return base / "Facilitator"
