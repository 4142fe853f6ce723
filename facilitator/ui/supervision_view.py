"""Supervision: the review queue, the dashboard, the audit log and users, as tabs.

Each tab is built the first time it is shown, so opening the queue never loads the
dashboard's chart and PDF-preview code. Tabs a role cannot use are still refused by
the services; the tab bar only leaves out what would show nothing but a refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from facilitator.ui import widgets as W
from facilitator.ui.context import AppContext

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.app.access import Principal
    from facilitator.ui.review_view import SecondPersonDialog


class SupervisionView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from facilitator.store.users import accounts

        store = ctx.store
        if store is None:  # MainWindow.show_supervision opens it only over an open store
            raise ValueError("supervision needs the open store")
        self.ctx = ctx
        self.db = store.db
        self.principal: Optional[Principal] = None
        self.setObjectName("supervisionView")
        self._box = lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.who = W.muted("")
        self.who.setObjectName("signedInAs")
        self.who.setWordWrap(False)
        top.addWidget(self.who)
        self.switch_user = W.button(self.tr("Switch user"))
        self.switch_user.setObjectName("switchUser")
        self.switch_user.clicked.connect(self.switch)
        self.switch_user.setMinimumWidth(self.switch_user.sizeHint().width() + 24)
        self.switch_user.hide()
        top.addWidget(self.switch_user)
        top.addStretch(1)
        lay.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisionTabs")
        lay.addWidget(self.tabs, 1)
        self.pages: dict[str, QWidget | None] = {}
        self._makers: dict[str, Callable[[Principal], QWidget]] = {}
        self.tabs.currentChanged.connect(self._ensure)
        self.sign_in_form: Optional[SecondPersonDialog] = None
        self._sign_in_box: QWidget | None = None
        # A one-person install never asks who you are; on a shared install the person
        # at the keyboard signs in with their own name and passphrase (the store may
        # have been unlocked by someone else's passphrase or the owner's keyring).
        if ctx.principal is not None:  # their own passphrase at unlock said who it is
            self._start(ctx.principal)
        elif len(accounts(self.db)) > 1:
            self._ask_who()
        else:
            from facilitator.app import users

            self._start(users.sign_in(store))
        ctx.lock_changed.connect(self._locked)

    def _ask_who(self) -> None:
        from facilitator.ui.review_view import SecondPersonDialog

        # the form at the top, under "who", the rest of the page left empty below it:
        # not a form floating low in the middle of an empty screen
        box = QWidget()
        box.setObjectName("signInBox")
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        form = SecondPersonDialog(self.ctx, box, embedded=True)
        form.signed_in.connect(self._start)
        form.setMaximumWidth(620)
        col.addWidget(form, 0, Qt.AlignmentFlag.AlignTop)
        col.addStretch(1)
        self.sign_in_form = form
        self._sign_in_box = box
        self._box.insertWidget(1, box, 1)
        self.tabs.hide()
        self.switch_user.hide()
        self.who.setText(self.tr("Sign in to use the supervision screens."))
        form.login.setFocus()

    def switch(self) -> None:
        """Someone else takes the keyboard: forget who was signed in and ask."""
        if self.sign_in_form is not None:
            return
        self._forget()
        self._ask_who()

    def _forget(self) -> None:
        self.principal = None
        self.ctx.principal = None
        self.tabs.clear()
        for page in self.pages.values():
            if page is not None:
                page.deleteLater()
        self.pages, self._makers = {}, {}
        self.who.setText("")

    def _locked(self, locked: bool) -> None:
        """Locking forgets who was signed in on a shared install."""
        from facilitator.store.users import accounts

        if locked and self.principal is not None and len(accounts(self.db)) > 1:
            self._forget()
            self._ask_who()
        elif not locked and self.principal is None and self.ctx.principal is not None:
            self._start(self.ctx.principal)  # unlocked with their own passphrase

    def _start(self, principal: Principal) -> None:
        from facilitator.app.access import allowed
        from facilitator.store.users import accounts

        self.principal = principal
        self.ctx.principal = principal  # the acting user for the whole app until locked
        box, self._sign_in_box, self.sign_in_form = self._sign_in_box, None, None
        if box is not None:
            box.hide()
            self._box.removeWidget(box)
            box.setParent(None)  # a hidden dialog left in the window swallows shortcuts
            box.deleteLater()
        self.tabs.show()
        self.who.setText(
            self.tr("Signed in as {name}").format(name=f"\u2068{principal.login}\u2069")
        )
        self.switch_user.setVisible(len(accounts(self.db)) > 1)
        specs = [
            ("review", self.tr("Review queue"), "review.read", self._review),
            ("dashboard", self.tr("Dashboard"), "dashboard.read", self._dashboard),
            ("audit", self.tr("Audit log"), "audit.read", self._audit),
            ("users", self.tr("Users"), "users.list", self._users),
        ]
        for n, (key, title, perm, maker) in enumerate(specs, 1):
            if not allowed(principal, perm):
                continue
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            holder.setProperty("page_key", key)
            self.pages[key] = None
            self._makers[key] = maker
            self.tabs.addTab(holder, f"{title}  \u2066[Alt+{n}]\u2069")
            if not getattr(self, f"_shortcut_{n}", None):
                setattr(
                    self,
                    f"_shortcut_{n}",
                    QShortcut(QKeySequence(f"Alt+{n}"), self, lambda k=key: self.open_tab(k)),
                )
        self._ensure(self.tabs.currentIndex())

    def showEvent(self, event: QShowEvent) -> None:
        """Someone who signed in elsewhere (the offer after a refusal, ui/sign_in.py)
        is the signed-in user here too: no second sign-in form."""
        signed = getattr(self.ctx, "principal", None)
        if self.sign_in_form is not None and signed is not None:
            self._start(signed)
        super().showEvent(event)

    def _ensure(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if holder is None or self.principal is None:
            return
        key = holder.property("page_key")
        box = holder.layout()
        if key in self._makers and self.pages.get(key) is None and box is not None:
            page = self._makers[key](self.principal)
            box.addWidget(page)
            self.pages[key] = page

    def open_tab(self, key: str) -> QWidget | None:
        for i in range(self.tabs.count()):
            holder = self.tabs.widget(i)
            if holder is not None and holder.property("page_key") == key:
                self.tabs.setCurrentIndex(i)
                self._ensure(i)
                return self.pages[key]
        return None

    def _review(self, principal: Principal) -> QWidget:
        from facilitator.ui.review_view import ReviewView

        view = ReviewView(self.ctx, principal)
        view.refresh()
        return view

    def _dashboard(self, principal: Principal) -> QWidget:
        from facilitator.ui.dashboard_view import DashboardView

        view = DashboardView(self.ctx, principal)
        view.refresh()
        return view

    def _audit(self, principal: Principal) -> QWidget:
        from facilitator.ui.audit_view import AuditView

        view = AuditView(self.ctx, principal)
        view.reload()
        return view

    def _users(self, principal: Principal) -> QWidget:
        from facilitator.ui.users_view import UsersView

        view = UsersView(self.ctx, principal)
        view.reload()
        return view

    def refresh(self) -> None:
        for page in self.pages.values():
            if page is not None and hasattr(page, "reload"):
                page.reload()
