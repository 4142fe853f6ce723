"""Thin bridges from the screens to the PDF exporters, run on the task runner.

The exporters (``facilitator.export.handout``, ``facilitator.export.recovery_kit``)
are plain functions that write a file; these helpers only collect what they need
from the store on the worker thread and report back on the main thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.errors import ReportError
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.save_files import shown_path


def write_recovery_kit(path: Path, code: str, db_path: Path, lang: str) -> Path:
    """Write the recovery kit PDF (EXPORT engineer's module)."""
    try:
        from facilitator.export.recovery_kit import write_recovery_kit as _write
    except ImportError as exc:
        raise ReportError("The recovery kit cannot be written in this build; "
                          "write the code down instead.") from exc
    result = _write(path, code, db_path, lang)
    return Path(result) if result else Path(path)


def _handout_job(db, script_id: str, group_id: Optional[str], path: str, lang: str) -> Path:
    """Read the script (built-in or the facilitator's custom copy) and the group's
    effective rules inside one store unit, so both come from the same snapshot; the
    PDF is written after the unit closes, from plain data only."""
    from facilitator.export.handout import write_handout
    from facilitator.session.library import load_script
    from facilitator.session.rules import effective_rules, load_ruleset
    from facilitator.store.models import Group

    with db.unit() as s:
        script = load_script(script_id, s)
        group = s.get(Group, group_id) if group_id else None
        rules = effective_rules(group, base=load_ruleset(script.ground_rules))
    return write_handout(Path(path), script, lang, rules=rules)


def save_handout(ctx: AppContext, parent: QWidget, script_id: str, group_id: Optional[str],
                 path: str, lang: str) -> None:
    def job(_progress, _cancel):
        try:
            import facilitator.export.handout  # noqa: F401
        except ImportError as exc:
            raise ReportError("The handout cannot be printed in this build.") from exc
        from facilitator.store.outpath import check_output_path

        # the save dialog confirmed any overwrite; the store's files never qualify
        check_output_path(path, overwrite=True, stores=[ctx.db.path])
        return _handout_job(ctx.db, script_id, group_id, path, lang)

    def done(_result) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("Exports", "Handout saved"),
                                QCoreApplication.translate("Exports", "The handout was saved "
                                                           "to %1.").replace(
                                                               "%1", shown_path(path)))

    ctx.tasks.run(job, done, lambda exc: W.show_error(parent, exc), progress=True,
                  label=QCoreApplication.translate("Exports", "Writing the handout…"))


def _who5_job(db, path: str, lang: str, copies: int, practice: bool) -> Path:
    """The store's WHO-5 wording (it may carry the organisation's own Arabic text),
    read inside one unit; the forms are written from that plain data afterwards."""
    from facilitator.export.who5_form import write_who5_form
    from facilitator.tracking.measures import WHO5, stored_text

    from facilitator.store.outpath import check_output_path

    check_output_path(path, overwrite=True, stores=[db.path])  # before any work
    with db.unit() as s:
        text = stored_text(s, WHO5, lang)
    return Path(write_who5_form(Path(path), text, copies=copies, practice=practice))


def save_who5_forms(ctx: AppContext, parent: QWidget, path: str, lang: str, copies: int,
                    practice: bool = False) -> None:
    """Blank WHO-5 paper forms (no code, alias or name on them) for the group to fill in."""
    def done(_result) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("Exports", "Forms saved"),
                                QCoreApplication.translate("Exports", "The WHO-5 forms were "
                                                           "saved to %1.").replace(
                                                               "%1", shown_path(path)))

    ctx.tasks.run(lambda _p, _c: _who5_job(ctx.db, path, lang, copies, practice), done,
                  lambda exc: W.show_error(parent, exc), progress=True,
                  label=QCoreApplication.translate("Exports", "Writing the WHO-5 forms…"))
