"""The review queue, keyboard-first: filter, move with the arrows, act with keys.

Drawing only; every action is a call to :mod:`facilitator.app.review` with the
signed-in user, so a role that may not act is refused there, with the same sentence
as on the command line. Keys: F5 refresh, T take, Ctrl+M comment, Ctrl+I ask for
information, Ctrl+Return sign off, Ctrl+D close without action, Ctrl+Shift+A approve
as a second person.
"""

from __future__ import annotations

import html

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui import widgets as W
from facilitator.ui.translations import format_date


def kind_title(ctx: Any, kind: str) -> str:
    from facilitator.tracking.review_triggers import KIND_TITLES

    return ctx.tr_core("review", KIND_TITLES.get(kind, kind))


def state_title(ctx: Any, state: str) -> str:
    from facilitator.app.review import STATE_TITLES

    return ctx.tr_core("review", STATE_TITLES.get(state, state))


def _v(value: object) -> str:
    """A value inside the rich-text detail: escaped (typed text is never markup) and
    isolated, so a date or a Latin name keeps its own order in an Arabic line."""
    return "\u2068" + html.escape(str(value or "")) + "\u2069"


class ReviewView(QWidget):
    changed = Signal()

    def __init__(self, ctx: Any, principal: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from facilitator.app import review
        from facilitator.tracking.review_triggers import KINDS

        self.ctx, self.principal = ctx, principal
        self.items: list[Any] = []
        # the one source of truth: the item the detail shows and every action acts on
        self.current_id: str | None = None
        self._loading = False
        self.setObjectName("reviewView")
        outer = QVBoxLayout(self)
        self.kind = QComboBox()
        self.kind.setObjectName("reviewKind")
        self.kind.addItem(self.tr("All types"), None)
        for k in KINDS:
            self.kind.addItem(kind_title(ctx, k), k)
        self.state = QComboBox()
        self.state.setObjectName("reviewState")
        self.state.addItem(self.tr("Open"), "open")
        self.state.addItem(self.tr("All states"), None)
        for s in review.STATES:
            self.state.addItem(state_title(ctx, s), s)
        for combo in (self.kind, self.state):
            combo.currentIndexChanged.connect(self.reload)
        refresh = W.button(self.tr("Refresh  [F5]"))
        refresh.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        for label, w in ((self.tr("Type"), self.kind), (self.tr("State"), self.state)):
            lab = QLabel(label)
            lab.setBuddy(w)
            bar.addWidget(lab)
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(refresh)
        outer.addLayout(bar)
        self.counts = W.muted("")
        self.counts.setObjectName("reviewCounts")
        self.counts.setWordWrap(True)
        outer.addWidget(self.counts)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("reviewTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Type"),
                self.tr("State"),
                self.tr("Group"),
                self.tr("Date"),
                self.tr("Due"),
                self.tr("Risk"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._follow_table)
        self.table.currentCellChanged.connect(lambda *_a: self._follow_table())
        split.addWidget(self.table)
        right = QWidget()
        rl = QVBoxLayout(right)
        self.detail = QLabel()
        self.detail.setObjectName("reviewDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        rl.addWidget(self.detail, 1)
        self.buttons = {}
        for key, text, keys, slot in (
            ("take", self.tr("Take"), "T", self.take),
            ("comment", self.tr("Comment…"), "Ctrl+M", self.comment),
            ("ask", self.tr("Ask for information…"), "Ctrl+I", self.ask),
            ("sign", self.tr("Sign off…"), "Ctrl+Return", self.sign),
            ("close", self.tr("Close without action…"), "Ctrl+D", self.close_item),
            ("approve", self.tr("Approve as second person…"), "Ctrl+Shift+A", self.approve),
        ):
            b = W.button(f"{text}  \u2066[{keys}]\u2069", primary=key == "sign")
            b.setObjectName(f"review_{key}")
            b.clicked.connect(slot)
            QShortcut(QKeySequence(keys), self, slot)
            self.buttons[key] = b
            rl.addWidget(b)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        QShortcut(QKeySequence("F5"), self, self.refresh)

    # -- loading ----------------------------------------------------------------
    def filters(self) -> Any:
        from facilitator.app.review import Filters

        return Filters(kind=self.kind.currentData(), state=self.state.currentData())

    def refresh(self) -> None:
        """Re-run the triggers (on the worker), then list."""
        from facilitator.app import review

        db, sup = self.ctx.db, self.principal.has("supervisor")
        self.ctx.tasks.run(
            lambda _p, _c: review.refresh(db) if sup else None,
            lambda _r: self.reload(),
            self._failed,
        )

    def reload(self) -> None:
        from facilitator.app import review

        try:
            self.items = review.list_items(self.ctx.db, self.principal, self.filters())
            counts = review.counts(
                self.ctx.db, self.principal, review.Filters(state=self.filters().state)
            )
        except Exception as exc:  # noqa: BLE001 - one plain message
            self._failed(exc)
            return
        self.counts.setText(
            "   ".join(f"{kind_title(self.ctx, k)}: {n}" for k, n in counts.items() if n)
        )
        keep = self.current_id
        self._loading = True
        try:
            self.table.clearSelection()
            self.table.setRowCount(len(self.items))
            for r, i in enumerate(self.items):
                cells = (
                    kind_title(self.ctx, i.kind),
                    state_title(self.ctx, i.state),
                    i.group_name,
                    self._day(i.occurred_on),
                    self._day(i.due_on),
                    self.tr("risk to life") if i.risk_to_life else "",
                )
                for c, text in enumerate(cells):
                    self.table.setItem(r, c, QTableWidgetItem(text))
            ids = [i.id for i in self.items]
            row = ids.index(keep) if keep in ids else (0 if ids else -1)
            if row >= 0:
                self.table.setCurrentCell(row, 0)  # selectRow misses in a right-to-left table
                self.table.selectRow(row)
        finally:
            self._loading = False
        self.current_id = self.items[row].id if row >= 0 else None
        self._show_detail()
        self.changed.emit()

    def _day(self, day: Any) -> str:
        """A date as every screen shows it, in the UI language's names and digits."""
        return format_date(day) if day else ""

    def _failed(self, exc: BaseException) -> None:
        W.show_error(self, exc)

    def _follow_table(self) -> None:
        """The highlighted row became another item: the detail (and the actions) follow."""
        if self._loading:
            return
        row = self.table.currentRow()
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows:
            row = rows[0].row()
        new = self.items[row].id if 0 <= row < len(self.items) else None
        if new != self.current_id:
            self.current_id = new
            self._show_detail()

    def current(self) -> Any:
        """The item the detail shows: the only one an action may act on."""
        return next((i for i in self.items if i.id == self.current_id), None)

    def _show_detail(self) -> None:
        from facilitator.app import review

        item = self.current()
        if item is None:
            self.detail.setText(self.tr("Nothing to review."))
            return
        try:
            d = review.show(self.ctx.db, self.principal, item.id)
        except Exception as exc:  # noqa: BLE001
            self._failed(exc)
            return
        lines = [
            f"<b>{kind_title(self.ctx, item.kind)}</b>",
            self.tr("State: %1").replace("%1", state_title(self.ctx, d.item.state)),
            self.tr("Group: %1").replace("%1", _v(item.group_name)),
        ]
        if item.facilitator:
            lines.append(self.tr("Facilitator: %1").replace("%1", _v(item.facilitator)))
        if item.due_on:
            lines.append(self.tr("Due: %1").replace("%1", _v(self._day(item.due_on))))
        if item.kind == "import_conflict":
            lines.append(self.conflict_table(item.facts))
        else:
            for key, value in sorted(item.facts.items()):
                lines.append(f"{self.fact_label(key)}: {_v(self.fact_value(value, key))}")
        if item.supersedes_id:
            lines.append(self.tr("Follows an item signed earlier; its records changed."))
        for h in d.history:
            move = (
                (
                    f"{state_title(self.ctx, h.from_state or '')} → "
                    f"{state_title(self.ctx, h.to_state)}"
                )
                if h.to_state
                else self.tr("comment")
            )
            lines.append(f"<i>{_v(self._stamp(h.at))} {_v(h.user)}</i> {move} {_v(h.comment)}")
        if d.signoff:
            lines.append(
                self.tr("Signed by {by} on {at}; signature {hash}").format(
                    by=_v(d.signoff["by"]),
                    at=_v(self._stamp(d.signoff["at"])),
                    hash=d.signoff["signature_hash"][:16],
                )
            )
        if d.pending_approval:
            lines.append(self.tr("Waiting for a second person to approve."))
        self.detail.setText("<br>".join(lines))

    def _stamp(self, at: Any) -> str:
        """A date and time (to the minute) in the UI language's digits."""
        from PySide6.QtCore import QLocale, QTime

        return f"{self._day(at)} {QLocale().toString(QTime(at.hour, at.minute), 'HH:mm')}"

    def conflict_table(self, facts: dict) -> str:
        """Two versions of a record side by side: one row per field that differs."""
        from html import escape

        entity = {
            "group": self.tr("group"),
            "session": self.tr("session"),
            "participant": self.tr("participant code"),
            "attendance": self.tr("attendance"),
            "response": self.tr("score"),
            "incident": self.tr("incident"),
            "note": self.tr("note"),
            "measure": self.tr("measure"),
            "rules": self.tr("ground rules"),
        }
        head = (
            self.tr("%1 %2 arrived from %3 with other content: %4")
            .replace("%1", entity.get(str(facts.get("entity")), str(facts.get("entity"))))
            .replace("%2", str(facts.get("record", ""))[:8])
            .replace("%3", escape(str(facts.get("from", ""))))
            .replace("%4", escape(self.ctx.tr_core("bundles", str(facts.get("reason", "")))))
        )
        order = (
            (lambda cells: cells[::-1])
            if getattr(self.ctx, "rtl", False)
            else (lambda cells: cells)
        )  # a rich-text table is laid out left to right

        def row(tag: str, cells: tuple) -> str:
            return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in order(cells)) + "</tr>"

        rows = "".join(
            row("td", (escape(str(k)), escape(self.fact_value(a)), escape(self.fact_value(b))))
            for k, a, b in facts.get("versions") or []
        )
        header = row("th", (self.tr("Field"), self.tr("Kept here"), self.tr("Arrived")))
        return (
            f"{head}<table border='1' cellpadding='4' cellspacing='0'>{header}{rows}"
            "</table>" + self.tr("Sign off to choose the version; closing keeps the one here.")
        )

    def fact_label(self, key: str) -> str:
        labels = {
            "type": self.tr("Incident type"),
            "severity": self.tr("Severity"),
            "follow_up": self.tr("Follow-up"),
            "opened": self.tr("Safety opened"),
            "incidents": self.tr("Incidents recorded"),
            "mandatory_skipped": self.tr("Mandatory steps not done"),
            "ground_rules_not_agreed": self.tr("Ground rules not agreed"),
            "overrun_minutes": self.tr("Minutes over plan"),
            "phases_missing": self.tr("Phases missing"),
            "sessions": self.tr("Sessions compared"),
            "mean_before": self.tr("Mean before"),
            "mean_after": self.tr("Mean after"),
            "drop_percent": self.tr("Fall (%)"),
            "last_session": self.tr("Last session"),
            "threshold_days": self.tr("Days set"),
        }
        return labels.get(key, key)

    def fact_value(self, value: Any, key: str = "") -> str:
        if key == "type":
            from facilitator.i18n import pick
            from facilitator.session.safety import load_protocol

            try:
                return pick(load_protocol().incident_type(str(value)).title, self.ctx.lang)
            except Exception:  # noqa: BLE001 - an unknown type is shown as recorded
                return str(value)
        if key == "severity":
            from facilitator.tracking.report_text import severity

            return severity(value, self.ctx.lang)
        if key == "follow_up":
            return {
                "open": self.tr("open"),
                "done": self.tr("done"),
                "none_needed": self.tr("none needed"),
            }.get(str(value), str(value))
        if value is True:
            return self.tr("yes")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return "—" if value is None else str(value)

    # -- actions ------------------------------------------------------------------
    def _act(self, fn: Any) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - refusals and bad input, one message
            self._failed(exc)
            return
        self._after(result)

    def _after(self, result: Any) -> None:
        if result is not None and getattr(result, "done", True) is False:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self,
                self.tr("Second person needed"),
                self.tr(
                    "This item is about a risk to life. A second supervisor must approve "
                    "it (Approve as second person, Ctrl+Shift+A)."
                ),
            )
        self.reload()  # the same item stays current (by id) while it is listed

    def _text(self, title: str, label: str) -> str | None:
        dialog = TextDialog(self, title, label)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def take(self) -> None:
        from facilitator.app import review

        item = self.current()
        if item is not None:
            self._act(lambda: review.take(self.ctx.db, self.principal, item.id))

    def comment(self) -> None:
        from facilitator.app import review

        item = self.current()
        text = item and self._text(self.tr("Comment"), self.tr("Your comment:"))
        if text is not None and item is not None:
            self._act(lambda: review.comment(self.ctx.db, self.principal, item.id, text))

    def ask(self) -> None:
        from facilitator.app import review

        item = self.current()
        text = item and self._text(
            self.tr("Ask for information"), self.tr("What should the facilitator tell you?")
        )
        if text is not None and item is not None:
            self._act(
                lambda: review.comment(self.ctx.db, self.principal, item.id, text, needs_info=True)
            )

    def sign(self) -> None:
        from facilitator.app import review

        item = self.current()
        take = None
        if item is not None and item.kind == "import_conflict":
            options = [self.tr("Keep the version here"), self.tr("Take the version that arrived")]
            choice, ok = QInputDialog.getItem(
                self,
                self.tr("Two versions of a record"),
                self.tr("Which version stays?"),
                options,
                0,
                False,
            )
            if not ok:
                return
            take = "local" if choice == options[0] else "incoming"
        text = item and self._text(self.tr("Sign off"), self.tr("Comment (optional):"))
        if text is not None and item is not None:
            self._act(lambda: review.sign(self.ctx.db, self.principal, item.id, text, take))

    def close_item(self) -> None:
        from facilitator.app import review

        item = self.current()
        if item is None:
            return
        dialog = TextDialog(
            self,
            self.tr("Close without action"),
            self.tr("Reason (required):"),
            lambda text: review.close(self.ctx.db, self.principal, item.id, text),
            required=True,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after(dialog.result_value)

    def approve(self) -> None:
        """A second person signs in here (name and passphrase) and approves."""
        from facilitator.app import review

        d = None
        item = self.current()
        if item is not None:
            try:
                d = review.show(self.ctx.db, self.principal, item.id)
            except Exception as exc:  # noqa: BLE001
                self._failed(exc)
                return
        if d is None or not d.pending_approval:
            W.show_error(self, _NothingToApprove(self.tr("This item is not waiting for approval.")))
            return
        second = SecondPersonDialog(self.ctx, self)
        if second.exec() != QDialog.DialogCode.Accepted or second.principal is None:
            return
        self._act(lambda: review.approve(self.ctx.db, second.principal, d.pending_approval))


class _NothingToApprove(Exception):
    pass


class TextDialog(QDialog):
    """A comment or a reason, typed in a box that follows the interface's direction
    (right-aligned in Arabic). ``required``: an empty text is refused with a sentence
    under the box, and ``act`` (the service call) is made here, so a refusal is said
    here too; either way the dialog stays open with what was typed."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        act: Any = None,
        *,
        required: bool = False,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtGui import QTextOption
        from PySide6.QtWidgets import QPlainTextEdit

        self.setObjectName("reasonDialog" if required else "textDialog")
        self.setWindowTitle(title)
        self._act, self.required = act, required
        self.result_value: Any = None
        lay = QVBoxLayout(self)
        lab = QLabel(label)
        lab.setWordWrap(True)
        lay.addWidget(lab)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reasonText" if required else "commentText")
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            option = self.text.document().defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setAlignment(Qt.AlignmentFlag.AlignRight)
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            self.text.document().setDefaultTextOption(option)
        lab.setBuddy(self.text)
        lay.addWidget(self.text, 1)
        self.error = QLabel("")
        self.error.setObjectName("reasonError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.text.setFocus()

    def value(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        from facilitator.ui.errors_ui import error_text

        text = self.value()
        if self.required and not text:
            self.error.setText(self.tr("A reason is needed: say why no action is taken."))
            self.text.setFocus()
            return
        if self._act is not None:
            try:
                self.result_value = self._act(text)
            except Exception as exc:  # noqa: BLE001 - said here; the text stays
                self.error.setText(error_text(exc))
                return
        super().accept()


class SecondPersonDialog(QDialog):
    """Sign in as a user of this store: a second person for the two-person rule, or
    (``embedded``) the person at the keyboard on a shared install."""

    signed_in = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, embedded: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.principal: Any = None
        self.setObjectName("signInForm" if embedded else "secondPerson")
        if embedded:
            self.setWindowFlags(Qt.WindowType.Widget)
        self.setWindowTitle(self.tr("Second person"))
        form = QFormLayout(self)
        self.note = W.muted(
            self.tr("Several people use this store: sign in with your own name and passphrase.")
            if embedded
            else self.tr(
                "A different person approves: they sign in with their own name and passphrase."
            )
        )
        form.addRow(self.note)
        self.login = QLineEdit()
        self.login.setObjectName("signInLogin" if embedded else "secondLogin")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("signInPassphrase" if embedded else "secondPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self.check)
        form.addRow(self.tr("Name"), self.login)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.error = W.muted("")
        self.error.setObjectName("signInError")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        if embedded:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        form.addRow(buttons)

    def check(self) -> None:
        from facilitator.app import users
        from facilitator.ui.errors_ui import error_text

        try:
            self.principal = users.sign_in(
                self.ctx.store, self.login.text().strip(), self.passphrase.text()
            )
        except Exception as exc:  # noqa: BLE001 - shown in the dialog
            self.error.setText(error_text(exc) if hasattr(exc, "message") else str(exc))
            self.passphrase.clear()
            return
        self.passphrase.clear()
        self.signed_in.emit(self.principal)
        self.accept()
