"""A text field that warns, as one types, when the text looks identifying.

Used for session notes and for the incident description. The warning names what
was found (a phone number, an e-mail address, a date of birth, a participant's
name) and underlines it in the text; it never blocks typing, because the
facilitator may be mid-sentence in a hurry. Detection is the pure-Python
:mod:`facilitator.tracking.identifying`.

Saving is debounced: :attr:`save_requested` fires once typing pauses for
``SAVE_DELAY_MS`` (and on :meth:`flush`, e.g. when the step changes or the window
closes), so a note is kept without a write on every key press.
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from facilitator.ui import theme
from facilitator.ui.run.common import set_font
from facilitator.tracking.identifying import CTX, Finding, find_identifying

SAVE_DELAY_MS = 800


class IdentifyingTextEdit(QWidget):
    """A plain-text editor with a live "this looks identifying" warning underneath."""

    save_requested = Signal(str)
    findings_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None, *, debounce: bool = True) -> None:
        super().__init__(parent)
        self._aliases: list[str] = []
        self._findings: list[Finding] = []
        self._dirty = False
        self.editor = QPlainTextEdit(self)
        set_font(self.editor, 1.1)
        self.editor.setTabChangesFocus(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("identifyingWarning")
        self.warning.setWordWrap(True)
        theme.set_role(self.warning, "error")  # legible on light and dark palettes
        self.warning.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._debounce = debounce
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warning)
        self.editor.textChanged.connect(self._on_text_changed)

    # -- configuration ---------------------------------------------------------------
    def set_aliases(self, aliases: Iterable[str]) -> None:
        self._aliases = [a for a in aliases if a]
        self._check()

    def load_session_note(self, note: str, aliases: Iterable[str], *, no_notes: bool) -> None:
        """The session's saved note and the aliases to warn about; a no-notes session
        (defusing) gets a disabled field that says nothing is written down."""
        self.set_aliases(aliases)
        self.set_text_silently(note)
        self.editor.setEnabled(not no_notes)
        self.editor.setPlaceholderText(
            QCoreApplication.translate(
                "RunView", "No-notes mode: nothing is written down in this session."
            )
            if no_notes
            else QCoreApplication.translate(
                "RunView", "Session notes (anonymous: codes, never names)"
            )
        )

    def set_text_silently(self, text: str) -> None:
        """Load saved text (resume) without triggering a save."""
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._dirty = False
        self._check()

    def text(self) -> str:
        return self.editor.toPlainText()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    # -- behaviour -------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._dirty = True
        self._check()
        if self._debounce:
            self._timer.start()

    def flush(self) -> None:
        """Emit :attr:`save_requested` now if there is unsaved text."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.save_requested.emit(self.text())

    def _check(self) -> None:
        findings = find_identifying(self.text(), self._aliases)
        changed = [(f.kind, f.start, f.end) for f in findings] != [
            (f.kind, f.start, f.end) for f in self._findings
        ]
        self._findings = findings
        self._underline(findings)
        if findings:
            kinds = []
            for f in findings:
                label = QCoreApplication.translate(CTX, f.label)
                if label not in kinds:
                    kinds.append(label)
            self.warning.setText(
                self.tr(
                    "This may identify someone (%1). Keep notes anonymous: "
                    "use codes, not names or contact details."
                ).replace("%1", ", ".join(kinds))
            )
            self.warning.show()
        else:
            self.warning.hide()
        if changed:
            self.findings_changed.emit(findings)

    def _underline(self, findings: list[Finding]) -> None:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor("#d32f2f"))
        selections = []
        text = self.text()
        for f in findings:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(_utf16(text, f.start))
            cursor.setPosition(_utf16(text, f.end), QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.editor.setExtraSelections(selections)


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (they differ for emoji)."""
    return len(text[:index].encode("utf-16-le")) // 2
