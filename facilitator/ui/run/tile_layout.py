"""A layout of equal tiles that reflows to the width it is given, in reading order.

Why: the attendance tiles sat in a fixed three-column grid, so three people with
seven-letter aliases already needed a horizontal scrollbar at 1100 px, and a wide
window wasted its room. Here every tile is as wide as the widest one needs (so the
columns line up), as many columns as fit are used, and the tiles share any width
left over. Rows follow the layout direction: in Arabic the first tile is on the
right. (After Qt's Flow Layout example, with equal cells and right-to-left rows.)
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class TileLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    # -- QLayout's interface ---------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        cell = self._cell()
        m = self.contentsMargins()
        return QSize(cell.width() + m.left() + m.right(), cell.height() + m.top() + m.bottom())

    # -- arrangement -----------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not _hidden(i)]

    def _cell(self) -> QSize:
        items = self._visible()
        if not items:
            return QSize(0, 0)
        return QSize(
            max(i.sizeHint().width() for i in items), max(i.minimumSize().height() for i in items)
        )

    def columns(self, width: int) -> int:
        """How many tiles fit side by side in ``width`` pixels (at least one)."""
        m = self.contentsMargins()
        avail = max(0, width - m.left() - m.right())
        cell, gap = self._cell().width(), self.spacing()
        return max(1, (avail + gap) // max(1, cell + gap))

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        items = self._visible()
        if not items:
            return m.top() + m.bottom()
        gap = self.spacing()
        cols = self.columns(rect.width())
        width = (
            max(self._cell().width(), (inner.width() - gap * (cols - 1)) // cols)
            if cols > 1
            else max(1, inner.width())
        )
        parent = self.parentWidget()
        rtl = parent is not None and parent.isRightToLeft()
        y = inner.y()
        for start in range(0, len(items), cols):
            row = items[start : start + cols]
            height = max(max(i.minimumSize().height(), i.sizeHint().height()) for i in row)
            for col, item in enumerate(row):
                x = inner.x() + col * (width + gap)
                if rtl:
                    x = inner.x() + inner.width() - (col + 1) * width - col * gap
                if apply:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            y += height + gap
        return y - gap - rect.y() + m.bottom()


def _hidden(item: QLayoutItem) -> bool:
    """A tile whose widget is hidden takes no cell (a spacer item never hides)."""
    widget = item.widget()
    return widget is not None and widget.isHidden()
