"""Thin bridges from the screens to the PDF exporters, run on the task runner.

The jobs themselves (:mod:`facilitator.app.exports`) are plain functions that read
the store and write a file; these helpers run them on the task runner and report
back on the main thread.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.app import exports
from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.save_files import shown_path


def save_handout(
    ctx: AppContext, parent: QWidget, script_id: str, group_id: Optional[str], path: str, lang: str
) -> None:
    def job(_progress, _cancel):
        return exports.write_handout(
            ctx.db, script_id, group_id, path, lang, who=getattr(ctx, "principal", None)
        )

    def done(_result) -> None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Exports", "Handout saved"),
            QCoreApplication.translate("Exports", "The handout was saved to %1.").replace(
                "%1", shown_path(path)
            ),
        )

    ctx.tasks.run(
        job,
        done,
        lambda exc: W.show_error(parent, exc),
        progress=True,
        label=QCoreApplication.translate("Exports", "Writing the handout…"),
    )


def save_who5_forms(
    ctx: AppContext, parent: QWidget, path: str, lang: str, copies: int, practice: bool = False
) -> None:
    """Blank WHO-5 paper forms (no code, alias or name on them) for the group to fill in."""

    def done(_result) -> None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Exports", "Forms saved"),
            QCoreApplication.translate("Exports", "The WHO-5 forms were saved to %1.").replace(
                "%1", shown_path(path)
            ),
        )

    ctx.tasks.run(
        lambda _p, _c: exports.write_who5_forms(ctx.db, path, lang, copies, practice),
        done,
        lambda exc: W.show_error(parent, exc),
        progress=True,
        label=QCoreApplication.translate("Exports", "Writing the WHO-5 forms…"),
    )
