"""Printed material the screens and the CLI ask for: handouts and blank WHO-5 forms.

Each job reads what it needs from the store inside one unit of work and writes the
PDF afterwards from plain data only, so a slow render never holds the database.
They are plain functions: the UI runs them on its task runner, a test calls them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional


def write_handout(
    db: Any,
    script_id: str,
    group_id: Optional[str],
    path: str | Path,
    lang: str,
    *,
    who: Any = None,
) -> Path:
    """The session handout for a script (built-in or the facilitator's own copy) with the
    group's effective rules, read from the same store snapshot. A handout holds no
    participant data; with a group, the acting user must see that group."""
    from facilitator.export.handout import write_handout as _write
    from facilitator.scripts.library import load_script
    from facilitator.session.rules import effective_rules, load_ruleset
    from facilitator.store.models import Group
    from facilitator.store.outpath import check_output_path

    if group_id:
        from facilitator.app.groups import authorize

        authorize(db, who, "groups.read", group_id)
    # the save dialog confirmed any overwrite; the store's files never qualify
    check_output_path(path, overwrite=True, stores=[db.path])
    with db.unit() as s:
        script = load_script(script_id, s)
        group = s.get(Group, group_id) if group_id else None
        rules = effective_rules(group, base=load_ruleset(script.ground_rules))
    return _write(Path(path), script, lang, rules=rules)


def write_recovery_kit(path: str | Path, code: str, db_path: str | Path, lang: str) -> Path:
    """The recovery kit PDF: the recovery code and where the store lives, to print."""
    from facilitator.export.recovery_kit import write_recovery_kit as _write

    return Path(_write(path, code, db_path, lang))


def write_who5_forms(
    db: Any, path: str | Path, lang: str, copies: int, practice: bool = False
) -> Path:
    """Blank WHO-5 forms in the store's wording (it may carry the organisation's own
    Arabic text); no code, alias or name is printed on them."""
    from facilitator.export.who5_form import write_who5_form
    from facilitator.store.outpath import check_output_path
    from facilitator.tracking.measures import WHO5, stored_text

    check_output_path(path, overwrite=True, stores=[db.path])  # before any work
    with db.unit() as s:
        text = stored_text(s, WHO5, lang)
    return Path(write_who5_form(Path(path), text, copies=copies, practice=practice))
