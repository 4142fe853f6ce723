"""Report bundles in the app: send to a supervisor, receive, status board, keys.

Every action calls the Qt-free services in :mod:`facilitator.app.bundles` and
:mod:`facilitator.app.bundle_keys` (the CLI calls the same ones) on the task runner,
so the window never freezes. The send tab shows exactly what will travel before the
file is written: counts per kind of record, the erasures, and every free text with
the identifying-text check's findings; a text is shared only when ticked, and a text
the check flags cannot be ticked. The receive tab runs a dry run first and imports
only when asked. Both sides of a key exchange are shown: this install's own
fingerprint (to read out over the phone) and the fingerprint of a file being trusted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.app import access
from facilitator.app import bundle_keys as keys
from facilitator.app import bundles
from facilitator.store.outpath import check_output_path
from facilitator.ui import theme
from facilitator.ui.context import AppContext
from facilitator.ui.errors_ui import error_text

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.store.db import Database

ENTITY_ORDER = (
    "group",
    "participant",
    "session",
    "attendance",
    "response",
    "incident",
    "note",
    "measure",
)


class BundlesDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, principal: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._principal = principal
        self.setObjectName("bundlesDialog")
        self.setWindowTitle(self.tr("Report bundles"))
        self.setMinimumSize(820, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._send_tab(), self.tr("&Send to supervisor"))
        self.tabs.addTab(self._receive_tab(), self.tr("&Receive"))
        self.tabs.addTab(self._status_tab(), self.tr("S&tatus"))
        self.tabs.addTab(self._keys_tab(), self.tr("&Keys"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(close)
        self.refresh()

    @property
    def db(self) -> Database:
        """The open store (the dialog is only offered while one is open)."""
        db = self.ctx.db
        assert db is not None
        return db

    @property
    def principal(self) -> Any:
        """Who acts: the user given, else whoever is signed in for the app (None: a
        one-person install acts as its owner)."""
        if self._principal is not None:
            return self._principal
        return getattr(self.ctx, "principal", None)

    # ---- names ---------------------------------------------------------------
    def _entity(self, e: str) -> str:
        return {
            "group": self.tr("Groups"),
            "participant": self.tr("Participant codes"),
            "session": self.tr("Sessions"),
            "attendance": self.tr("Attendances"),
            "response": self.tr("Check-in/out and WHO-5 answers"),
            "incident": self.tr("Incidents"),
            "note": self.tr("Notes"),
            "measure": self.tr("Custom measures"),
        }.get(e, e)

    def _finding(self, kind: str) -> str:
        from facilitator.tracking.identifying import KIND_LABELS

        return self.ctx.tr_core("Identifying", KIND_LABELS.get(kind, kind))

    def _fail(
        self, label: QLabel, exc: BaseException, retry: Optional[Callable[[], Any]] = None
    ) -> None:
        """Say what went wrong beside what was tried; a refusal for want of a user or a
        role offers to sign in, then tries again (``retry``, else a refresh)."""
        if isinstance(exc, bundles.BundleRefused):
            reason = self.ctx.tr_core("bundles", exc.reason).format(**exc.values)
            text = (
                self.tr(
                    "The bundle %1 was refused: %2. Nothing was imported; it is kept in quarantine."
                )
                .replace("%1", exc.name)
                .replace("%2", reason)
            )
        else:
            text = error_text(exc, self.ctx.lang)
        label.setText(text)
        theme.set_role(label, "error")
        if isinstance(exc, access.AccessDenied):
            from facilitator.ui.sign_in import offer_sign_in

            self.sign_in_dialog = offer_sign_in(self, self.ctx, exc, retry or self.refresh)

    def _ok(self, label: QLabel, text: str) -> None:
        label.setText(text)
        theme.set_role(label, "")

    # ---- send ----------------------------------------------------------------
    def _send_tab(self) -> QWidget:
        w = QWidget(self)
        self.recipient = QComboBox(w)
        self.recipient.setObjectName("bundleRecipient")
        self.groups = QListWidget(w)
        self.groups.setObjectName("bundleGroups")
        self.groups.setMaximumHeight(110)
        self.month_from, self.month_to = QComboBox(w), QComboBox(w)
        self.preview_button = QPushButton(self.tr("&Preview what will travel"), w)
        self.preview_button.setObjectName("bundlePreview")
        self.preview_button.clicked.connect(self.preview)
        self.counts = QTableWidget(0, 2, w)
        self.counts.setObjectName("bundleCounts")
        self.counts.setHorizontalHeaderLabels([self.tr("What"), self.tr("How many")])
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.texts = QListWidget(w)
        self.texts.setObjectName("bundleTexts")
        self.texts.setWordWrap(True)
        self.texts.setAlternatingRowColors(True)
        self.write_button = QPushButton(self.tr("&Write bundle file…"), w)
        self.texts.itemChanged.connect(lambda _i: self.write_button.setEnabled(False))
        self.write_button.setObjectName("bundleWrite")
        self.write_button.setEnabled(False)
        self.write_button.clicked.connect(self.write)
        self.send_status = QLabel(w)
        self.send_status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor:"), self.recipient)
        form.addRow(self.tr("Groups:"), self.groups)
        months = QHBoxLayout()
        months.addWidget(self.month_from)
        months.addWidget(QLabel(self.tr("to"), w))
        months.addWidget(self.month_to)
        form.addRow(self.tr("Months:"), months)
        lay = QVBoxLayout(w)
        lay.addLayout(form)
        lay.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.counts, 3)
        col = QVBoxLayout()
        hint = QLabel(
            self.tr(
                "Free texts stay on this computer unless you tick them. A text "
                "that looks identifying cannot be ticked: edit it first."
            ),
            w,
        )
        hint.setWordWrap(True)
        theme.set_role(hint, "muted")
        col.addWidget(hint)
        col.addWidget(self.texts)
        row.addLayout(col, 4)
        lay.addLayout(row, 1)
        lay.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.send_status)
        self._plan: bundles.ExportPlan | None = None
        return w

    def _scope(self) -> dict[str, Any]:
        groups = [
            self.groups.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.groups.count())
            if self.groups.item(i).checkState() == Qt.CheckState.Checked
        ]
        ticked = [
            self.texts.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.texts.count())
            if self.texts.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "groups": groups or None,
            "month_from": self.month_from.currentData(),
            "month_to": self.month_to.currentData(),
            "share_texts": ticked,
        }

    def preview(self) -> None:
        key = self.recipient.currentData()
        if not key:
            self._ok(self.send_status, self.tr("Trust your supervisor's key first (Keys tab)."))
            return
        scope = self._scope()
        self.ctx.tasks.run(
            lambda *_: bundles.plan_export(self.db, [key], who=self.principal, **scope),
            self._show_plan,
            lambda exc: self._fail(self.send_status, exc, self.preview),
        )

    def _show_plan(self, plan: bundles.ExportPlan) -> None:
        self._plan = plan
        rows = [
            (self._entity(e), plan.counts.get(e, 0)) for e in ENTITY_ORDER if plan.counts.get(e, 0)
        ]
        rows.append((self.tr("Erasures (ids only)"), plan.tombstones))
        self.counts.setRowCount(len(rows))
        for i, (what, n) in enumerate(rows):
            self.counts.setItem(i, 0, QTableWidgetItem(what))
            item = QTableWidgetItem(str(n))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(i, 1, item)
        self.texts.blockSignals(True)
        self.texts.clear()
        for t in plan.texts:
            kind = self.tr("Incident") if t.entity == "incident" else self.tr("Note")
            first = t.text.splitlines()[0][:80] if t.text else ""
            label = f"{kind} · {t.group} · {t.when[:10]}\n{first}"
            if t.findings:
                label = (
                    "⚠ "
                    + self.tr("Looks identifying (%1); stays here.").replace(
                        "%1", ", ".join(self._finding(f) for f in t.findings)
                    )
                    + "\n"
                    + label
                )
            entry = QListWidgetItem(label)
            entry.setData(Qt.ItemDataRole.UserRole, t.record_id)
            flags = entry.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if t.findings:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
            entry.setFlags(flags)
            entry.setCheckState(Qt.CheckState.Checked if t.ticked else Qt.CheckState.Unchecked)
            self.texts.addItem(entry)
        self.texts.blockSignals(False)
        shared = sum(1 for t in plan.texts if t.ticked)
        self._ok(
            self.send_status,
            self.tr(
                "%1 free text(s) ticked to travel. Preview again after changing a choice."
            ).replace("%1", str(shared)),
        )
        self.write_button.setEnabled(True)

    def write(self) -> None:
        if self._plan is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Write bundle"),
            str(Path.home() / "report.fbundle"),
            self.tr("Report bundles (*.fbundle)"),
        )
        if name:
            self.write_to(Path(name))

    def write_to(self, path: Path) -> None:
        plan = self._plan
        if plan is None:  # nothing previewed yet: the write button is disabled then
            return

        def job(*_: Any) -> bundles.ExportResult:
            # the save dialog confirmed any overwrite; the store's files never qualify
            check_output_path(path, overwrite=True, stores=[self.db.path])
            return bundles.write_export(self.db, plan, path)

        self.ctx.tasks.run(job, self._written, lambda exc: self._fail(self.send_status, exc))

    def _written(self, res: bundles.ExportResult) -> None:
        self.write_button.setEnabled(False)
        self._ok(
            self.send_status,
            self.tr(
                "Written: %1 (bundle number %2). Give the file to "
                "your supervisor by any means: only they can open "
                "it."
            )
            .replace("%1", str(res.path))
            .replace("%2", str(res.counter)),
        )
        self.refresh()

    # ---- receive -------------------------------------------------------------
    def _receive_tab(self) -> QWidget:
        w = QWidget(self)
        choose = QPushButton(self.tr("&Choose a bundle or receipt…"), w)
        choose.setObjectName("bundleChoose")
        choose.clicked.connect(self.choose_import)
        self.import_button = QPushButton(self.tr("&Import it"), w)
        self.import_button.setObjectName("bundleImport")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.import_file(self._import_path, False))
        self.receive_status = QLabel(w)
        self.receive_status.setObjectName("bundleReceiveStatus")
        self.receive_status.setWordWrap(True)
        self.receive_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(self.import_button)
        row.addStretch(1)
        lay = QVBoxLayout(w)
        note = QLabel(
            self.tr(
                "The signature and the sender are checked first; then a dry "
                "run shows what would be added, changed or refused. Nothing "
                "is written until you import."
            ),
            w,
        )
        note.setWordWrap(True)
        theme.set_role(note, "muted")
        lay.addWidget(note)
        lay.addLayout(row)
        lay.addWidget(self.receive_status, 1, Qt.AlignmentFlag.AlignTop)
        self._import_path: Path | None = None
        return w

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a bundle"),
            str(Path.home()),
            self.tr("Report bundles (*.fbundle)"),
        )
        if name:
            self.import_file(Path(name), True)

    def import_file(self, path: Path | None, dry_run: bool) -> None:
        if path is None:
            return
        self._import_path = path
        self.import_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda *_: bundles.import_bundle(self.db, path, dry_run=dry_run, who=self.principal),
            self._imported,
            lambda exc: self._fail(
                self.receive_status, exc, lambda: self.import_file(path, dry_run)
            ),
        )

    def _imported(self, r: bundles.ImportResult) -> None:
        who = r.sender_label or r.sender_key_id
        if r.kind == "receipt":
            text = (
                self.tr("A receipt from %1 can be imported.")
                if r.dry_run
                else self.tr("Receipt from %1 imported; see the Status tab.")
            ).replace("%1", who)
        else:
            head = (
                self.tr("Dry run of a bundle from %1 (nothing written yet):")
                if r.dry_run
                else self.tr("Imported a bundle from %1:")
            ).replace("%1", who)
            lines = [
                head,
                self.tr("%1 sessions, %2 attendances and %3 incidents added (%4 records in all)")
                .replace("%1", str(r.added["session"]))
                .replace("%2", str(r.added["attendance"]))
                .replace("%3", str(r.added["incident"]))
                .replace("%4", str(sum(r.added.values()))),
                self.tr("%1 changed, %2 already here")
                .replace("%1", str(sum(r.changed.values())))
                .replace("%2", str(r.unchanged)),
                self.tr("%1 conflicts kept for review (both versions stored)").replace(
                    "%1", str(len(r.conflicts))
                ),
                self.tr("%1 records refused").replace("%1", str(len(r.refused))),
                self.tr("%1 erased as the sender asked").replace("%1", str(r.erased)),
            ]
            text = "\n".join(lines)
        self._ok(self.receive_status, text)
        self.import_button.setEnabled(r.dry_run)
        if not r.dry_run:
            self.refresh()

    # ---- status --------------------------------------------------------------
    def _status_tab(self) -> QWidget:
        w = QWidget(self)
        self.board = QTableWidget(0, 6, w)
        self.board.setObjectName("bundleBoard")
        self.board.setHorizontalHeaderLabels(
            [
                self.tr("Facilitator"),
                self.tr("Last bundle"),
                self.tr("Bundles"),
                self.tr("Receipt due"),
                self.tr("Quarantined"),
                self.tr("Open conflicts"),
            ]
        )
        self.board.verticalHeader().hide()
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.receipt_list = QListWidget(w)
        self.receipt_list.setObjectName("bundleReceipts")
        ack = QPushButton(self.tr("Mark the selected receipt as &read"), w)
        ack.clicked.connect(self.acknowledge)
        self.receipt_button = QPushButton(self.tr("Write &receipts for facilitators…"), w)
        self.receipt_button.clicked.connect(self.write_receipts)
        self.status_note = QLabel(w)
        self.status_note.setWordWrap(True)
        self.conflict_note = QLabel(w)
        self.conflict_note.setObjectName("bundleConflictNote")
        self.conflict_note.setWordWrap(True)
        lay = QVBoxLayout(w)
        lay.addWidget(QLabel(self.tr("Facilitators whose bundles arrive here:"), w))
        lay.addWidget(self.board, 2)
        lay.addWidget(self.receipt_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.conflict_note)
        lay.addWidget(QLabel(self.tr("Receipts from your supervisor:"), w))
        lay.addWidget(self.receipt_list, 1)
        lay.addWidget(ack, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.status_note)
        return w

    def acknowledge(self) -> None:
        item = self.receipt_list.currentItem()
        if item is None or not item.data(Qt.ItemDataRole.UserRole):
            return
        rid = item.data(Qt.ItemDataRole.UserRole)
        self.ctx.tasks.run(
            lambda *_: bundles.acknowledge(self.db, rid, who=self.principal),
            lambda _r: self.refresh(),
            lambda exc: self._fail(self.status_note, exc),
        )

    def write_receipts(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for receipts"), str(Path.home())
        )
        if folder:
            self.write_receipts_to(Path(folder))

    def write_receipts_to(self, folder: Path) -> None:
        def job(*_: Any) -> int:
            n = 0
            for p in bundles.status_board(self.db, who=self.principal):
                check_output_path(
                    folder / f"receipt-{p.device_id[:8]}.fbundle",
                    overwrite=True,
                    stores=[self.db.path],
                )
                if p.key_status == "active" and bundles.write_receipt(
                    self.db,
                    p.device_id,
                    folder / f"receipt-{p.device_id[:8]}.fbundle",
                    who=self.principal,
                ):
                    n += 1
            return n

        def written(n: int) -> None:
            self._ok(
                self.status_note,
                self.tr("%1 receipt(s) written to %2.")
                .replace("%1", str(n))
                .replace("%2", str(folder)),
            )
            self.refresh()

        self.ctx.tasks.run(
            job,
            written,
            lambda exc: self._fail(self.status_note, exc),
        )

    # ---- keys ----------------------------------------------------------------
    def _keys_tab(self) -> QWidget:
        w = QWidget(self)
        self.own_fp = QLabel(w)
        self.own_fp.setObjectName("ownFingerprint")
        self.own_fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.own_fp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # read left to right
        if self.ctx.rtl:  # ...but placed where an Arabic line starts
            self.own_fp.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        theme.set_role(self.own_fp, "title")
        export = QPushButton(self.tr("&Export my public key…"), w)
        export.clicked.connect(self.export_public)
        trust = QPushButton(self.tr("&Trust a key file…"), w)
        trust.clicked.connect(self.trust_file)
        self.key_table = QTableWidget(0, 4, w)
        self.key_table.setObjectName("bundleKeys")
        self.key_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("State"), self.tr("Fingerprint")]
        )
        self.key_table.verticalHeader().hide()
        self.key_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.key_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.key_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents
        )
        self.keys_status = QLabel(w)
        self.keys_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(export)
        row.addWidget(trust)
        row.addStretch(1)
        lay = QVBoxLayout(w)
        lay.addWidget(
            QLabel(
                self.tr("This computer's fingerprint (read it out when someone trusts your key):"),
                w,
            )
        )
        lay.addWidget(self.own_fp)
        lay.addLayout(row)
        lay.addWidget(self.key_table, 1)
        lay.addWidget(self.keys_status)
        return w

    def export_public(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export public key"), str(Path.home() / "facilitator.pub")
        )
        if name:

            def job(*_: Any):
                check_output_path(name, overwrite=True, stores=[self.db.path])
                return keys.export_public(self.db, Path(name), who=self.principal)

            self.ctx.tasks.run(
                job,
                lambda pk: self._ok(
                    self.keys_status,
                    self.tr("Public key written. Fingerprint: %1").replace("%1", pk.fingerprint),
                ),
                lambda exc: self._fail(self.keys_status, exc),
            )

    def trust_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a key file"), str(Path.home()))
        if not name:
            return
        try:
            pk = keys.read_public(Path(name))
        except Exception as exc:  # noqa: BLE001 - shown to the user as one sentence
            self._fail(self.keys_status, exc)
            return
        typed, ok = QInputDialog.getText(
            self,
            self.tr("Confirm the fingerprint"),
            self.tr(
                "This file's fingerprint is:\n%1\n\nAsk its owner to read theirs out to "
                "you, and type what they say:"
            ).replace("%1", pk.fingerprint),
        )
        if ok:
            self.trust_with(pk, typed)

    def trust_with(self, pk: keys.PublicKey, typed: str) -> None:
        def trusted(info: keys.KeyInfo) -> None:
            self._ok(
                self.keys_status, self.tr("Trusted %1.").replace("%1", info.label or info.key_id)
            )
            self.refresh()

        self.ctx.tasks.run(
            lambda *_: keys.trust(self.db, pk, typed, who=self.principal),
            trusted,
            lambda exc: self._fail(self.keys_status, exc),
        )

    # ---- refresh -------------------------------------------------------------
    def refresh(self) -> None:
        db = self.db

        def job(*_: Any) -> tuple:
            # each part only for a role that may see it (the services refuse the rest)
            who = access.implicit(db, self.principal)
            send, take = access.allowed(who, "bundle.export"), access.allowed(who, "bundle.import")
            rcv = access.allowed(who, "bundle.receipts")
            empty = bundles.ExportChoices([], [], [])
            return (
                bundles.export_choices(db, who=who) if send else empty,
                bundles.status_board(db, who=who) if take else [],
                keys.list_keys(db, who=who) if access.allowed(who, "keys.read") else [],
                bundles.receipts(db, who=who) if rcv else [],
                bundles.unacknowledged_sent(db, who=who) if rcv else [],
                len(bundles.list_conflicts(db, who=who)) if take else 0,
            )

        self.ctx.tasks.run(job, self._fill, lambda exc: self._fail(self.keys_status, exc))

    def _fill(self, data: tuple) -> None:
        choices, board, key_rows, receipts, unsent, conflicts = data
        # conflicts are review items: resolved in the review queue, one path only
        self.conflict_note.setText(
            self.tr(
                "%1 record(s) arrived with different content; this store's version is kept "
                "until a supervisor chooses in the review queue (Supervision, type: Two versions "
                "of a record)."
            ).replace("%1", str(conflicts))
            if conflicts
            else ""
        )
        self.recipient.clear()
        for k in choices.recipients:
            self.recipient.addItem(f"{k.label or k.key_id} ({k.fingerprint})", k.key_id)
        self.groups.clear()
        for gid, name in choices.groups:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, gid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.groups.addItem(item)
        for combo, first in (
            (self.month_from, self.tr("earliest")),
            (self.month_to, self.tr("latest")),
        ):
            combo.clear()
            combo.addItem(first, None)
            for m in choices.months:
                combo.addItem(m, m)
        self.board.setRowCount(len(board))
        for i, p in enumerate(board):
            when = (
                p.last_bundle_at.strftime("%Y-%m-%d %H:%M")
                if p.last_bundle_at
                else self.tr("never")
            )
            name = p.label or p.device_id[:8]
            if p.key_status != "active":
                status = self.tr("revoked") if p.key_status == "revoked" else p.key_status
                name += f" ({status})"
            for j, v in enumerate(
                (name, when, p.bundles, p.receipts_due, p.quarantined, p.open_conflicts)
            ):
                self.board.setItem(i, j, QTableWidgetItem(str(v)))
        self.receipt_list.clear()
        for r in receipts:
            state = self.tr("read") if r.acknowledged else self.tr("new")
            text = (
                self.tr(
                    "%1 · from %2 · %3 bundle(s) arrived, %4 refused record(s), %5 "
                    "quarantined, %6 conflict(s)"
                )
                .replace("%1", state)
                .replace("%2", r.from_label)
                .replace("%3", str(r.arrived))
                .replace("%4", str(len(r.refused)))
                .replace("%5", str(len(r.quarantined)))
                .replace("%6", str(len(r.conflicts)))
            )
            for m in r.messages:
                text += "\n    " + self.tr("Supervisor: %1").replace("%1", str(m.get("text")))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, None if r.acknowledged else r.receipt_id)
            self.receipt_list.addItem(item)
        if unsent:
            self._ok(
                self.status_note,
                self.tr("%1 bundle(s) sent from here have no receipt yet.").replace(
                    "%1", str(len(unsent))
                ),
            )
        own = next((k for k in key_rows if k.kind == "own" and k.status == "active"), None)
        self.own_fp.setText(own.fingerprint if own else "")
        self.key_table.setRowCount(len(key_rows))
        kinds = {"own": self.tr("this computer"), "peer": self.tr("trusted")}
        states = {
            "active": self.tr("active"),
            "rotated": self.tr("replaced"),
            "revoked": self.tr("revoked"),
        }
        for i, k in enumerate(key_rows):
            for j, v in enumerate(
                (
                    k.label or k.key_id,
                    kinds.get(k.kind, k.kind),
                    states.get(k.status, k.status),
                    k.fingerprint,
                )
            ):
                self.key_table.setItem(i, j, QTableWidgetItem(v))
