"""The script library: built-in scripts shipped in ``resources/scripts`` plus the
facilitator's own scripts kept (as validated YAML text) in the ``custom_script`` table.

Built-ins are parsed once per process and cached, because the run screen, the
planner and reports all ask for the same few scripts. Custom scripts are always read
fresh from the store, since they can be edited while the app runs. Built-in ids are
reserved: a custom copy must take a new id, so a session's ``script_id`` always
means one thing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from facilitator.errors import ScriptError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.resources import resource_path
from facilitator.scripts.loader import load_script_file, parse_script_text
from facilitator.scripts.model import Script
from facilitator.store.models import CustomScript, utcnow


@dataclass(frozen=True)
class ScriptSummary:
    """What a list of scripts shows, without the steps."""

    id: str
    version: str
    title: dict[str, str]
    program_type: str
    languages: tuple[str, ...]
    minutes: int
    step_count: int
    builtin: bool
    fingerprint: str


def builtin_dir() -> Path:
    return resource_path("scripts")


@functools.lru_cache(maxsize=1)
def _builtins() -> dict[str, Script]:
    """Every built-in script by id. A broken built-in is a packaging bug: fail loudly."""
    scripts: dict[str, Script] = {}
    for path in sorted(builtin_dir().glob("*.yaml")):
        script = load_script_file(path)
        if script.id != path.stem:
            raise ScriptError(
                QT_TRANSLATE_NOOP("errors", "the script id '{id}' does not match the file name"),
                params={"id": script.id},
                path=str(path),
            )
        scripts[script.id] = script
    return scripts


def builtin_scripts() -> dict[str, Script]:
    return dict(_builtins())


def _summary(script: Script, builtin: bool) -> ScriptSummary:
    return ScriptSummary(
        id=script.id,
        version=script.version,
        title={"en": script.title.en, "ar": script.title.ar},
        program_type=script.program_type,
        languages=("en", "ar"),
        minutes=script.total_minutes,
        step_count=len(script.steps),
        builtin=builtin,
        fingerprint=script.fingerprint,
    )


def list_scripts(db_session: OrmSession | None = None) -> list[ScriptSummary]:
    """Built-ins first (by id), then custom scripts from the store when one is given.

    A custom script that no longer validates (for example after a format change) is
    left out of the list rather than breaking it; :func:`load_script` reports why.
    """
    out = [_summary(s, True) for s in _builtins().values()]
    if db_session is not None:
        for row in db_session.scalars(select(CustomScript).order_by(CustomScript.script_id)):
            try:
                out.append(
                    _summary(parse_script_text(row.yaml_text, f"custom:{row.script_id}"), False)
                )
            except ScriptError:
                continue
    return out


def load_script(script_id: str, db_session: OrmSession | None = None) -> Script:
    """The script with ``script_id``: a built-in, or a custom one from the store."""
    builtin = _builtins().get(script_id)
    if builtin is not None:
        return builtin
    if db_session is not None:
        row = db_session.scalar(select(CustomScript).where(CustomScript.script_id == script_id))
        if row is not None:
            return parse_script_text(row.yaml_text, f"custom:{script_id}")
    raise ScriptError(
        QT_TRANSLATE_NOOP("errors", "there is no script with the id '{script_id}'"),
        params={"script_id": script_id},
    )


def save_custom_script(
    db_session: OrmSession, yaml_text: str, based_on: str | None = None
) -> Script:
    """Validate and store (insert or replace) a custom script; returns the parsed script."""
    script = parse_script_text(yaml_text, "custom script")
    if script.id in _builtins():
        raise ScriptError(
            QT_TRANSLATE_NOOP(
                "errors", "'{id}' is the id of a built-in script; give your copy a new id"
            ),
            params={"id": script.id},
            path="custom script",
            field="id",
        )
    row = db_session.scalar(select(CustomScript).where(CustomScript.script_id == script.id))
    if row is None:
        row = CustomScript(script_id=script.id, based_on=based_on, yaml_text=yaml_text)
        db_session.add(row)
    else:
        row.yaml_text = yaml_text
        row.updated_at = utcnow()
        if based_on is not None:
            row.based_on = based_on
    db_session.flush()
    return script


def delete_custom_script(db_session: OrmSession, script_id: str) -> bool:
    row = db_session.scalar(select(CustomScript).where(CustomScript.script_id == script_id))
    if row is None:
        return False
    db_session.delete(row)
    db_session.flush()
    return True
