"""Session scripts as the plan screen, the group form and the CLI list them.

The library (:mod:`facilitator.scripts.library`) knows the built-in scripts and a
facilitator's own copies in the store; these functions open the unit of work for
the screens, so no screen holds an ORM session.
"""

from __future__ import annotations

from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.scripts.library import ScriptSummary, list_scripts, load_script
from facilitator.scripts.model import Script


def script_summaries(db: Any) -> list[ScriptSummary]:
    """Every script a group can run: the built-in ones and the facilitator's copies."""
    with db.unit() as s:
        return list_scripts(s)


def get_script(db: Any, script_id: str) -> Script:
    """One script, built-in or custom; raises ScriptError when it cannot be loaded."""
    with db.unit() as s:
        return load_script(script_id, s)


def script_title(db: Any, script_id: str, lang: str) -> str:
    """The script's title in ``lang``, or its id when it cannot be loaded."""
    try:
        return get_script(db, script_id).title.get(lang)
    except FacilitatorError:
        return script_id
