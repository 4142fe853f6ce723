"""A focused button keeps all the room its text needs: the focus ring (wider than the
border) takes the margin, not the text's width (the debrief's "Save and show the
debrief" lost its last letter when focused)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget


def _ink_columns(button: QPushButton) -> tuple[int, int]:
    """The leftmost and rightmost columns with text ink inside the button."""
    img: QImage = button.grab().toImage()
    bg = QColor(button.palette().button().color())
    h = img.height()
    cols = []
    for x in range(8, img.width() - 8):
        for y in range(h // 3, 2 * h // 3):
            c = img.pixelColor(x, y)
            if abs(c.lightness() - bg.lightness()) > 120:
                cols.append(x)
                break
    return (min(cols), max(cols)) if cols else (0, 0)


def test_the_focus_ring_does_not_take_width_from_the_text(qapp, qtbot):
    from facilitator.ui import theme

    old = qapp.styleSheet()
    theme.apply_theme(qapp, dark=False)
    try:
        host = QWidget()
        qtbot.addWidget(host)
        box = QVBoxLayout(host)
        button = QPushButton("Save and show the debrief", host)
        other = QPushButton("x", host)
        box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
        box.addWidget(other)
        host.resize(700, 200)
        host.show()
        qtbot.waitExposed(host)
        other.setFocus()
        qapp.processEvents()
        plain = _ink_columns(button)
        width = button.width()
        button.setFocus()
        qapp.processEvents()
        assert button.hasFocus() and button.width() == width
        focused = _ink_columns(button)
        assert focused == plain, f"text drawn over {plain} unfocused but {focused} focused"
    finally:
        qapp.setStyleSheet(old)
