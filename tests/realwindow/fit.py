"""Geometry checks for a real window: everything fits the screen and nothing is clipped."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

# Widgets a facilitator has to reach or read; labels are read, the rest are pressed or typed in.
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
SLACK = 2  # pixels


def settle(rounds: int = 6) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def show_like_the_app(window: QWidget, qtbot=None) -> None:
    """Show as the app does and wait until the window manager has mapped and framed it."""
    window.show()
    if qtbot is not None:
        qtbot.waitExposed(window, timeout=5000)
    settle()
    # openbox frames and places the window after mapping: wait until it has a frame
    # and has stopped moving (the same frame three times in a row), for up to 3 s.
    last, steady = None, 0
    for _ in range(150):
        frame = window.frameGeometry()
        if frame != window.geometry() and frame == last:
            steady += 1
            if steady >= 3:
                break
        else:
            steady = 0
        last = frame
        settle(2)
        QApplication.instance().thread().msleep(20)
    settle()


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's viewport: reachable by scrolling, so not 'clipped'."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def problems(window: QWidget) -> list[str]:
    """Every way ``window`` does not fit its screen, as readable lines (empty: it fits)."""
    found: list[str] = []
    avail = window.screen().availableGeometry()
    frame = window.frameGeometry()
    name = window.objectName() or type(window).__name__
    if not avail.contains(frame):
        found.append(
            f"{name}: frame {frame.getRect()} is outside the screen's available {avail.getRect()}"
        )
    top_left = window.mapToGlobal(QPoint(0, 0))
    inside = QRect(top_left, window.size()).intersected(avail)
    for w in window.findChildren(QWidget):
        if not isinstance(w, CONTROLS + (QLabel,)) or not w.isVisibleTo(window):
            continue
        if isinstance(w.parentWidget(), QTabBar) or w.objectName().startswith("qt_"):
            continue  # tab bar scroll arrows, Qt's own internals
        if _scrolled(w, window):
            continue
        label = f"{name}/{type(w).__name__}:{w.objectName() or _text(w)!r}"
        rect = QRect(w.mapToGlobal(QPoint(0, 0)), w.size())
        loose = rect.adjusted(SLACK, SLACK, -SLACK, -SLACK)  # a pixel of rounding is no clip
        if isinstance(w, CONTROLS):
            if not inside.contains(loose):
                found.append(f"{label} at {rect.getRect()} is off the screen {inside.getRect()}")
            hint = w.minimumSizeHint()
            if w.height() < min(hint.height(), 24) or w.width() < min(hint.width(), 24):
                found.append(
                    f"{label} squashed to {w.width()}x{w.height()} "
                    f"(needs {hint.width()}x{hint.height()})"
                )
        # Text cut short: a button narrower than its own label needs.
        if isinstance(w, QAbstractButton) and w.text() and "\n" not in w.text():
            needed = min(
                w.fontMetrics().horizontalAdvance(w.text().replace("&", "")),
                w.minimumSizeHint().width(),
            )
            if w.width() + SLACK < needed:
                found.append(f"{label} is {w.width()} px wide for text needing {needed} px")
        # Clipped by an ancestor that is not a scroll area.
        parent = w.parentWidget()
        while parent is not None and parent is not window.parentWidget():
            prect = QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size())
            if not prect.contains(loose) and rect.height() > 2 * SLACK and rect.width() > 2 * SLACK:
                if not rect.intersected(prect).isEmpty() or isinstance(w, CONTROLS):
                    found.append(
                        f"{label} at {rect.getRect()} is clipped by "
                        f"{type(parent).__name__}:{parent.objectName()} "
                        f"{prect.getRect()}"
                    )
                break
            if parent is window:
                break
            parent = parent.parentWidget()
    return found


def _text(w: QWidget) -> str:
    for attr in ("text", "placeholderText", "accessibleName", "currentText"):
        getter = getattr(w, attr, None)
        if callable(getter):
            value = getter()
            if value:
                return value[:40]
    return ""
