"""A calm look: Fusion style, one accent colour, large type that follows the system.

Why these choices: a facilitator glances at the screen while looking after a room.
Fusion looks the same on every platform (so screenshots and tests match what users
see); the palette keeps contrast above WCAG AA in light and dark; every size is a
multiple of the system font, so the user's accessibility text size still applies.
Widgets ask for a role (``role="title"``) instead of setting pixel sizes.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

DEFAULT_TEXT_SCALE = 1.15  # a little larger than the desktop default: read from a step away

# Light and dark palettes. Text/background pairs are >= 7:1; the accent on its
# background is >= 4.5:1 in both.
LIGHT = {
    "window": "#f6f5f1",
    "base": "#ffffff",
    "alt": "#eeede8",
    "text": "#1f2328",
    "muted": "#4e5561",
    "button": "#e9e7e1",
    "accent": "#1f6f6b",
    "accent_text": "#ffffff",
    "highlight": "#1f6f6b",
    "link": "#155e75",
    "danger": "#a4262c",
    "border": "#c9c6bd",
    "focus": "#0b57d0",
}
DARK = {
    "window": "#1d2024",
    "base": "#25292e",
    "alt": "#2c3137",
    "text": "#eceff2",
    "muted": "#b5bcc6",
    "button": "#333940",
    "accent": "#5fb8b2",
    "accent_text": "#0f1a1a",
    "highlight": "#5fb8b2",
    "link": "#7cc7e8",
    "danger": "#f08080",
    "border": "#4a515a",
    "focus": "#8ab4f8",
}

# The keyboard focus ring: thick, and in a colour of its own (not the accent of primary
# buttons), so a facilitator working from the keyboard sees where Enter will go.
FOCUS_WIDTH = 3

ROLE_SCALE = {"display": 2.0, "title": 1.6, "subtitle": 1.25, "body": 1.0, "small": 0.9}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:
        return False
    return scheme() == Qt.ColorScheme.Dark


def colours(dark: bool) -> dict[str, str]:
    return DARK if dark else LIGHT


def make_palette(dark: bool) -> QPalette:
    c = colours(dark)
    pal = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: c["window"],
        role.WindowText: c["text"],
        role.Base: c["base"],
        role.AlternateBase: c["alt"],
        role.Text: c["text"],
        role.Button: c["button"],
        role.ButtonText: c["text"],
        role.Highlight: c["highlight"],
        role.HighlightedText: c["accent_text"],
        role.ToolTipBase: c["base"],
        role.ToolTipText: c["text"],
        role.PlaceholderText: c["muted"],
        role.Link: c["link"],
        role.BrightText: c["danger"],
    }
    for r, value in pairs.items():
        pal.setColor(r, QColor(value))
    disabled = QColor(c["muted"])
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return pal


def stylesheet(dark: bool) -> str:
    """A small style sheet: padding, rounded controls, accent for the primary action."""
    c = colours(dark)
    # A button keeps its size when it takes the focus: the thicker focus border takes the
    # room of the margin (the layout does not re-measure a button on focus, so a wider
    # border once ate the end of "Back to the group").
    return f"""
    QListWidget, QTableWidget, QTreeWidget {{ outline: none; }}
    QPushButton {{ padding: 0.45em 1.1em; border: 1px solid {c["border"]};
                  margin: {FOCUS_WIDTH - 1}px;
                  border-radius: 6px; background: {c["button"]}; color: {c["text"]}; }}
    QPushButton:hover {{ border-color: {c["accent"]}; }}
    QPushButton:focus {{ border: {FOCUS_WIDTH}px solid {c["focus"]}; margin: 0px; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    QMessageBox QLabel#qt_msgbox_label {{ min-width: 24em; }}
    QInputDialog {{ min-width: 30em; }}
    QPushButton:disabled {{ color: {c["muted"]}; }}
    QPushButton[primary="true"] {{ background: {c["accent"]}; color: {c["accent_text"]};
                                   border-color: {c["accent"]}; font-weight: 600; }}
    QPushButton[danger="true"] {{ color: {c["danger"]}; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox {{
        padding: 0.3em; border: 1px solid {c["border"]}; border-radius: 5px;
        background: {c["base"]}; color: {c["text"]}; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{
        border: 2px solid {c["focus"]}; }}
    QListWidget, QTableWidget, QTreeWidget {{ border: 1px solid {c["border"]};
        border-radius: 6px; background: {c["base"]}; }}
    QListWidget::item {{ padding: 0.45em; }}
    QListWidget::item:selected, QTableWidget::item:selected {{
        background: {c["highlight"]}; color: {c["accent_text"]}; }}
    QLabel[role="muted"] {{ color: {c["muted"]}; }}
    QLabel[role="error"] {{ color: {c["danger"]}; font-weight: 600; }}
    QLabel[role="warning"] {{ color: {c["danger"]}; }}
    QFrame[card="true"] {{ background: {c["base"]}; border: 1px solid {c["border"]};
                           border-radius: 8px; }}
    QToolBar {{ spacing: 6px; border: none; }}
    """


def load_fonts() -> str | None:
    """Register IBM Plex Sans Arabic (Latin and Arabic in one family) and return its name.

    Why: system fonts often lack good Arabic shapes, and one family for both scripts
    keeps mixed lines (a code like KT-47 inside Arabic text) even. The same font the
    PDFs use comes from the ``fontpkg-ibm-plex-sans-arabic`` dependency.
    """
    from PySide6.QtGui import QFontDatabase

    from pathlib import Path

    import fontpkg_ibm_plex_sans_arabic as pkg

    folder = Path(pkg.__file__).resolve().parent / "files"
    family = None
    for weight in ("Regular", "Medium", "SemiBold", "Bold"):
        font_id = QFontDatabase.addApplicationFont(str(folder / f"IBMPlexSansArabic-{weight}.ttf"))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def apply_theme(
    app: QApplication, *, dark: bool | None = None, text_scale: float = DEFAULT_TEXT_SCALE
) -> bool:
    """Style the whole app; returns whether the dark palette was chosen."""
    if dark is None:
        dark = system_prefers_dark()
    app.setStyle("Fusion")
    font = QFont(QGuiApplication.font())
    family = load_fonts()
    if family:
        font.setFamily(family)
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * text_scale)
    app.setFont(font)
    app.setPalette(make_palette(dark))
    app.setStyleSheet(stylesheet(dark))
    app.setProperty("facilitator_dark", dark)
    return dark


_W = TypeVar("_W", bound=QWidget)


def set_role(label: _W, role: str) -> _W:
    """Give a label (or a button) a type size (by role) relative to the application font."""
    if role in ROLE_SCALE:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * ROLE_SCALE[role])
        font.setBold(role in ("display", "title", "subtitle"))
        label.setFont(font)
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
    return label


def mark(widget: QWidget, **props: object) -> QWidget:
    """Set style properties such as ``primary=True`` and re-polish the widget."""
    for key, value in props.items():
        widget.setProperty(key, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget
