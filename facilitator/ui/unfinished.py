"""Asking about unfinished sessions: resume one, discard it (after a yes), or leave it.

Used by the plan screen (starting a session while one of the group's is unfinished)
and the home screen's resume cards. Discarding goes through
:func:`facilitator.app.sessions.discard_session` on the task runner.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.app import changes
from facilitator.ui.translations import format_date

RESUME, DISCARD, CANCEL = "resume", "discard", "cancel"


def describe(offer: Any) -> str:
    text = QCoreApplication.translate("Unfinished", "A session with %1 was not finished.").replace(
        "%1", offer.group_name
    )
    if getattr(offer, "started_at", None) is not None:
        text += " " + QCoreApplication.translate("Unfinished", "It started on %1.").replace(
            "%1", format_date(offer.started_at)
        )
    return text


def ask_before_starting(parent: QWidget | None, offer: Any) -> str:
    """Resume the unfinished one, discard it and start anew, or cancel (the default)."""
    box = QMessageBox(parent)
    box.setObjectName("unfinishedQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Unfinished", "An unfinished session"))
    box.setText(
        describe(offer)
        + " "
        + QCoreApplication.translate("Unfinished", "Resume it, or discard it and start a new one?")
    )
    resume = box.addButton(
        QCoreApplication.translate("Unfinished", "&Resume it"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("Unfinished", "&Discard it and start anew…"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(resume)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return RESUME if clicked is resume else DISCARD if clicked is discard else CANCEL


def confirm_discard(parent: QWidget | None, offer: Any) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Unfinished", "Discard the unfinished session?"),
        describe(offer)
        + " "
        + QCoreApplication.translate(
            "Unfinished",
            "Discarding ends it for good: what was recorded stays, but it cannot be resumed "
            "and does not count as a finished session.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def discard(
    ctx: Any, parent: QWidget | None, offer: Any, then: Callable[[], None] | None = None
) -> None:
    """Discard ``offer`` after a yes, off the UI thread; ``then`` runs once it is done."""
    if not confirm_discard(parent, offer):
        return
    from facilitator.app.sessions import discard_session
    from facilitator.ui.widgets import show_error

    db, sid, who = ctx.db, offer.session_id, getattr(ctx, "principal", None)

    def done(_result: Any) -> None:
        ctx.notify(changes.SESSIONS)
        if then is not None:
            then()

    ctx.tasks.run(
        lambda _p, _c: discard_session(db, sid, who=who), done, lambda exc: show_error(parent, exc)
    )
