"""Users of this install: who they are, their roles, add, change roles, remove.

Drawing only; :mod:`facilitator.app.users` decides (administrator role). Removing
someone is asked here and approved by a different person, who signs in with their
own name and passphrase in this window.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui import widgets as W


def role_title(ctx: Any, role: str) -> str:
    return ctx.tr_core("access", role)


class UsersView(QWidget):
    def __init__(self, ctx: Any, principal: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.accounts: list[Any] = []
        self.setObjectName("usersView")
        outer = QVBoxLayout(self)
        outer.addWidget(
            W.muted(
                self.tr(
                    "Each person has their own passphrase; all of them open the same encrypted "
                    "store. Removing someone needs a second person, and then a change of the "
                    "database key is advised."
                )
            )
        )
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Roles"), self.tr("Own passphrase")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        outer.addWidget(self.table, 1)
        self.pending = W.muted("")
        outer.addWidget(self.pending)
        bar = QHBoxLayout()
        add = W.button(self.tr("Add user…"), primary=True)
        add.clicked.connect(self.add)
        remove = W.button(self.tr("Remove…"), danger=True)
        remove.clicked.connect(self.remove)
        approve = W.button(self.tr("Approve a removal…"))
        approve.clicked.connect(self.approve)
        for b in (add, remove, approve):
            bar.addWidget(b)
        bar.addStretch(1)
        outer.addLayout(bar)

    def reload(self) -> None:
        from facilitator.app import approvals, users

        try:
            self.accounts = users.list_users(self.ctx.store, self.principal)
        except Exception as exc:  # noqa: BLE001
            W.show_error(self, exc)
            return
        self.table.setRowCount(len(self.accounts))
        for r, a in enumerate(self.accounts):
            cells = (
                a.login,
                ", ".join(role_title(self.ctx, x) for x in a.roles),
                self.tr("yes") if a.has_slot else self.tr("no"),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        waiting = approvals.pending(self.ctx.db, "remove_user", who=self.principal)
        self.pending.setText(
            "\n".join(
                self.tr("Waiting for a second person: remove {name}").format(
                    name=w.params.get("login", "?")
                )
                for w in waiting
            )
        )

    def _selected(self) -> Any:
        r = self.table.currentRow()
        return self.accounts[r] if 0 <= r < len(self.accounts) else None

    def add(self) -> None:
        from facilitator.app import users

        def add(login: str, roles: list[str], passphrase: str) -> None:
            users.add_user(self.ctx.store, self.principal, login, roles, passphrase)

        dialog = AddUserDialog(self.ctx, self, add=add)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def remove(self) -> None:
        from facilitator.app import users

        acct = self._selected()
        if acct is None:
            return
        try:
            users.request_removal(self.ctx.store, self.principal, acct.login)
        except Exception as exc:  # noqa: BLE001
            W.show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Removal asked"),
            self.tr(
                "A second administrator or supervisor must now approve removing {name}."
            ).format(name=acct.login),
        )
        self.reload()

    def approve(self) -> None:
        from facilitator.app import approvals, users
        from facilitator.ui.review_view import SecondPersonDialog

        waiting = approvals.pending(self.ctx.db, "remove_user", who=self.principal)
        if not waiting:
            return
        second = SecondPersonDialog(self.ctx, self)
        if second.exec() != QDialog.DialogCode.Accepted or second.principal is None:
            return
        try:
            gone = users.approve_removal(self.ctx.store, second.principal, waiting[0].id)
        except Exception as exc:  # noqa: BLE001
            W.show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("User removed"),
            self.tr(
                "{name} was removed. If they may have kept a copy of the key file, change the "
                "database key now (Settings, or facilitator db rekey)."
            ).format(name=gone.login),
        )
        self.reload()


class AddUserDialog(QDialog):
    """Name, roles and a passphrase typed twice. Checked here: a mistake is said beside
    the field at fault and the dialog stays open with everything typed."""

    def __init__(
        self,
        ctx: Any,
        parent: QWidget | None = None,
        *,
        add: Callable[[str, list[str], str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        from facilitator.store.users import ROLES

        self.ctx, self._add = ctx, add
        self.setObjectName("addUser")
        self.setWindowTitle(self.tr("Add user"))
        form = QFormLayout(self)
        self.login = QLineEdit()
        self.login.setObjectName("newLogin")
        form.addRow(self.tr("Name"), self.login)
        self.errors: dict[str, QLabel] = {}
        form.addRow(self._error("login"))
        self.boxes = {}
        for r in ROLES:
            box = QCheckBox(role_title(ctx, r))
            box.setObjectName(f"role_{r}")
            self.boxes[r] = box
            form.addRow(box)
        form.addRow(self._error("roles"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("newPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Their passphrase"), self.passphrase)
        form.addRow(self._error("passphrase"))
        self.again = QLineEdit()
        self.again.setObjectName("newPassphraseAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Type it again"), self.again)
        form.addRow(self._error("again"))
        self.other_error = self._error("other")
        form.addRow(self.other_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _error(self, name: str) -> QLabel:
        lab = QLabel("")
        lab.setObjectName(f"error_{name}")
        lab.setWordWrap(True)
        lab.setStyleSheet("color: #b00020;")
        lab.hide()
        self.errors[name] = lab
        return lab

    def show_error(self, name: str, text: str) -> None:
        for key, lab in self.errors.items():
            lab.setText(text if key == name else "")
            lab.setVisible(key == name)
        focus = {
            "login": self.login,
            "passphrase": self.passphrase,
            "again": self.again,
            "roles": next(iter(self.boxes.values()), None),
        }.get(name)
        if focus is not None:
            focus.setFocus()

    def roles(self) -> list[str]:
        return [r for r, b in self.boxes.items() if b.isChecked()]

    def accept(self) -> None:
        from facilitator.ui.errors_ui import error_text

        if not self.roles():
            self.show_error("roles", self.tr("Tick at least one role."))
            return
        if self.passphrase.text() != self.again.text():
            self.show_error("again", self.tr("The two passphrases are not the same."))
            self.again.clear()
            return
        if self._add is not None:
            try:
                self._add(self.login.text().strip(), self.roles(), self.passphrase.text())
            except Exception as exc:  # noqa: BLE001 - said beside its field, dialog kept
                field = getattr(exc, "field", None)
                self.show_error(field if field in self.errors else "other", error_text(exc))
                return
        super().accept()
