"""The audit log: newest entries first, a chain check, and export to CSV or PDF.

Drawing only; reading and exporting go through :mod:`facilitator.app.audit` with
the signed-in user (supervisor or administrator).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext
from facilitator.ui.save_files import shown_path
from facilitator.ui.translations import format_number

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.app.access import Principal
    from facilitator.store.audit import ChainReport

SHOWN = 500


class AuditView(QWidget):
    def __init__(
        self, ctx: AppContext, principal: Principal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.principal = ctx, principal
        self.setObjectName("auditView")
        outer = QVBoxLayout(self)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.action.addItem(self.tr("All actions"), None)
        from facilitator.app.audit import ACTION_TITLES, action_title

        for title, a in sorted((action_title(a, ctx.lang), a) for a in ACTION_TITLES):
            self.action.addItem(title, a)
        self.action.currentIndexChanged.connect(self.reload)
        verify = W.button(self.tr("Check the chain  [Ctrl+K]"), primary=True)
        verify.clicked.connect(self.verify)
        csv_b = W.button(self.tr("Export CSV…"))
        csv_b.clicked.connect(lambda: self.export("csv"))
        pdf_b = W.button(self.tr("Export PDF…"))
        pdf_b.clicked.connect(lambda: self.export("pdf"))
        bar = QHBoxLayout()
        lab = QLabel(self.tr("Action"))
        lab.setBuddy(self.action)
        bar.addWidget(lab)
        bar.addWidget(self.action)
        bar.addStretch(1)
        for b in (verify, csv_b, pdf_b):
            bar.addWidget(b)
        outer.addLayout(bar)
        self.status = QLabel("")
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Time (UTC)"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Details"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.table, 1)
        QShortcut(QKeySequence("Ctrl+K"), self, self.verify)
        QShortcut(QKeySequence("F5"), self, self.reload)

    def reload(self) -> None:
        from facilitator.app import audit

        store = self.ctx.store
        if store is None:  # the supervision screens exist only over an open store
            return
        try:
            rows = audit.entries(
                store, self.principal, action=self.action.currentData(), limit=SHOWN
            )
        except Exception as exc:  # noqa: BLE001
            W.show_error(self, exc)
            return
        self.table.setRowCount(len(rows))
        lang = self.ctx.lang
        for r, e in enumerate(rows):
            about = e.entity_words(lang)
            for c, text in enumerate(
                (
                    format_number(e.seq),
                    f"\u2066{e.at:%Y-%m-%d %H:%M:%S}\u2069",
                    f"\u2068{e.user}\u2069",
                    e.action_words(lang) + (f" ({about})" if about else ""),
                    e.detail_words(lang),
                )
            ):
                cell = QTableWidgetItem(text)
                if c in (3, 4):  # the identifiers the log holds, for whoever needs them
                    cell.setToolTip(e.action if c == 3 else e.detail)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()

    def verify(self) -> None:
        from facilitator.app import audit

        store, who = self.ctx.store, self.principal
        if store is None:
            return
        self.status.setText(self.tr("Checking…"))
        self.ctx.tasks.run(
            lambda _p, _c: audit.verify(store, who),
            self._verified,
            lambda exc: W.show_error(self, exc),
        )

    def _verified(self, report: ChainReport) -> None:
        from facilitator.ui.errors_ui import message_text

        text = message_text(report.message(), self.ctx.lang)
        self.status.setText(text)
        self.status.setProperty("broken", not report.ok)
        self.status.setStyleSheet("" if report.ok else "color: #b00020; font-weight: bold;")

    def export(self, fmt: str) -> None:
        from facilitator.app import audit

        from datetime import date

        from facilitator.ui.save_files import ask_save_path, file_name

        path = ask_save_path(
            self,
            self.ctx.settings,
            self.tr("Export the audit log"),
            file_name("audit-log", date.today(), self.ctx.lang if fmt == "pdf" else "", ext=fmt),
            self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("PDF files (*.pdf)"),
        )
        store = self.ctx.store
        if not path or store is None:
            return
        try:
            fn = audit.export_csv if fmt == "csv" else audit.export_pdf
            n = fn(store, self.principal, Path(path), lang=self.ctx.lang)
        except Exception as exc:  # noqa: BLE001
            W.show_error(self, exc)
            return
        self.status.setText(
            self.tr("Wrote {n} entries to {path}.").format(
                n=format_number(n), path=shown_path(path)
            )
        )
        self.reload()
