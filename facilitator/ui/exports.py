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


def write_recovery_kit(path: Path, code: str, db_path: Path, lang: str) -> Path:
    """Write the recovery kit PDF (EXPORT engineer's module)."""
    try:
        from facilitator.export.recovery_kit import write_recovery_kit as _write
    except ImportError as exc:
        raise ReportError("The recovery kit cannot be written in this build; "
                          "write the code down instead.") from exc
    result = _write(path, code, db_path, lang)
    return Path(result) if result else Path(path)


def _handout_job(db, script_id: str, group_id: Optional[str], path: str, lang: str):
    """Build the handout inside one store unit, so a custom script and the group's own
    rules are read from the store; the PDF is written after the unit closes."""
    from facilitator.export import handout
    from facilitator.export.pdf import write_report
    from facilitator.store.models import Group
    from facilitator.ui.run.run_data import group_extra_rules

    with db.unit() as s:
        group = s.get(Group, group_id) if group_id else None
        report = handout.handout_for(script_id, lang, extra_rules=group_extra_rules(group),
                                     db_session=s)
    return write_report(report, Path(path))


def save_handout(ctx: AppContext, parent: QWidget, script_id: str, group_id: Optional[str],
                 path: str, lang: str) -> None:
    def job(_progress, _cancel):
        try:
            import facilitator.export.handout  # noqa: F401
        except ImportError as exc:
            raise ReportError("The handout cannot be printed in this build.") from exc
        return _handout_job(ctx.db, script_id, group_id, path, lang)

    def done(_result) -> None:
        QMessageBox.information(parent, QCoreApplication.translate("Exports", "Handout saved"),
                                QCoreApplication.translate("Exports", "The handout was saved "
                                                           "to %1.").replace("%1", path))

    ctx.tasks.run(job, done, lambda exc: W.show_error(parent, exc), progress=True,
                  label=QCoreApplication.translate("Exports", "Writing the handout…"))
