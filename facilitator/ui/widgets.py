"""Small building blocks the screens share, so they look and behave alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.errors import FacilitatorError
from facilitator.ui import theme


def align_leading(label: QLabel) -> QLabel:
    """Align to the start of the line for the INTERFACE direction.

    A QLabel aligns by its text's own direction, so an English group name in the
    Arabic interface would sit on the left; titles must line up with the rest.
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
        label.setAlignment(
            Qt.AlignmentFlag.AlignRight
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
    return label


def heading(text: str, role: str = "title", *, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    align_leading(label)
    theme.set_role(label, role)
    label.setAccessibleName(name or text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    align_leading(label)
    theme.set_role(label, "muted")
    return label


def button(
    text: str, *, primary: bool = False, danger: bool = False, accessible: str = "", tip: str = ""
) -> QPushButton:
    btn = QPushButton(text)
    btn.setAccessibleName(accessible or text.replace("&", ""))
    if tip:
        btn.setToolTip(tip)
        btn.setAccessibleDescription(tip)
    if primary:
        theme.mark(btn, primary=True)
        btn.setDefault(False)
        btn.setAutoDefault(True)
    if danger:
        theme.mark(btn, danger=True)
    btn.setCursor(Qt.CursorShape.PointingHandCursor)
    return btn


def card(*widgets: QWidget, horizontal: bool = False) -> QFrame:
    frame = QFrame()
    frame.setProperty("card", True)
    layout = QHBoxLayout(frame) if horizontal else QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    for w in widgets:
        layout.addWidget(w)
    return frame


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """A plain-language message for a FacilitatorError; never a traceback."""
    from PySide6.QtWidgets import QApplication

    from facilitator.ui.errors_ui import error_text

    message = (
        error_text(exc)
        if isinstance(exc, FacilitatorError)
        else QApplication.translate(
            "Widgets", "Something went wrong and the action was not finished."
        )
    )
    QMessageBox.warning(
        parent, title or QApplication.translate("Widgets", "Could not finish"), message
    )


def show_refusal(
    parent: QWidget | None, ctx: object, exc: BaseException, retry: object = None
) -> None:
    """:func:`facilitator.ui.sign_in.show_refusal`: a refusal for want of a user or a
    role on a shared install offers to sign in now, then ``retry`` runs as that user."""
    from facilitator.ui.sign_in import show_refusal as offer

    offer(parent, ctx, exc, retry)  # type: ignore[arg-type]


def row(
    *widgets: QWidget | None, stretch_first: bool = False, stretch_last: bool = False
) -> QHBoxLayout:
    layout = QHBoxLayout()
    if stretch_first:
        layout.addStretch(1)
    for w in widgets:
        if w is None:
            layout.addStretch(1)
        else:
            layout.addWidget(w)
    if stretch_last:
        layout.addStretch(1)
    return layout


# Room the window manager's frame takes (title bar and borders), before the window is
# mapped and the real frame is known. Generous on purpose: an old laptop's theme.
FRAME_ALLOWANCE = (16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a top-level window to ``width`` x ``height``, or less on a smaller screen.

    Why: a window taller than a 1366x768 laptop's screen hides its bottom row of
    buttons (run mode's Next among them) with no way to scroll to them. The window
    is also kept on the screen's available area (not under a panel).
    """
    from PySide6.QtGui import QGuiApplication

    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    avail = screen.availableGeometry()
    w = min(width, avail.width() - FRAME_ALLOWANCE[0])
    h = min(height, avail.height() - FRAME_ALLOWANCE[1])
    window.resize(max(w, 200), max(h, 150))
    if window.isWindow() and window.parentWidget() is None:
        x = avail.x() + max(0, (avail.width() - w - FRAME_ALLOWANCE[0]) // 2)
        y = avail.y() + max(0, (avail.height() - h - FRAME_ALLOWANCE[1]) // 2)
        window.move(x, y)


def show_code(parent: QWidget | None, code: str) -> QMessageBox:
    """A newcomer's code in large type, to read out or copy onto their card.

    (It once appeared as a line of small grey text that disappeared after a few
    seconds.) Opened without blocking: run mode's clock keeps going behind it.
    """
    from html import escape

    from PySide6.QtWidgets import QApplication

    title = QApplication.translate("Widgets", "The newcomer's code")
    before = QApplication.translate("Widgets", "Their code is:")
    after = QApplication.translate("Widgets", "Tell them, or write it on their card.")
    box = QMessageBox(parent)
    box.setObjectName("newcomerCode")
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        f"<p>{escape(before)}</p>"
        f"<p style='font-size: 40pt; font-weight: 700;'>\u2066{escape(code)}\u2069</p>"
        f"<p>{escape(after)}</p>"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
