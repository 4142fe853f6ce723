"""Start the desktop app: language, look, store (wizard, unlock or demo), main window.

Called lazily from :mod:`facilitator.cli.main` so the command line never imports Qt.
Order matters: translators and layout direction are installed before the first
widget exists, so every screen is built in the right language and direction.

``FACILITATOR_EXIT_AFTER_SHOW=1`` prints ``facilitator: window <seconds>`` once the main
window is shown and answering events, and ``facilitator: ready <seconds>`` once the
groups are listed, then quits: the start-up benchmark times the whole process.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from facilitator import paths
from facilitator.errors import FacilitatorError, StoreLockedError

if TYPE_CHECKING:  # pragma: no cover - imported lazily below, for start-up time
    from facilitator.store.service import OpenedStore
    from facilitator.ui.context import AppContext
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.tasks import CancelFlag, ProgressFn

log = logging.getLogger(__name__)
_T0 = time.perf_counter()


def _system_lang() -> str:
    from PySide6.QtCore import QLocale

    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


class App:
    """Holds what lives as long as the process: Qt app, runner, store, current window."""

    def __init__(self, args: argparse.Namespace) -> None:
        from PySide6.QtWidgets import QApplication

        from facilitator.ui import theme
        from facilitator.ui.context import AppSettings
        from facilitator.ui.tasks import TaskRunner
        from facilitator.ui.translations import LanguageInstaller

        self.args = args
        existing = QApplication.instance()
        # widgets need a QApplication; a bare QCoreApplication left by a caller would not do
        self.qapp = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        self.qapp.setApplicationName("Facilitator")
        self.qapp.setApplicationDisplayName("Facilitator")
        self.qapp.setOrganizationName("facilitator")
        self.settings = AppSettings()
        self.lang = args.lang or self.settings.language or _system_lang()
        self.installer = LanguageInstaller()
        self.installer.install(self.qapp, self.lang)
        look = str(self.settings.value("ui/look", "auto"))
        theme.apply_theme(self.qapp, dark=None if look == "auto" else look == "dark")
        self.tasks = TaskRunner()
        self.store: Optional[OpenedStore] = None
        self.demo_dir: Optional[Path] = None
        self.ctx: Optional[AppContext] = None
        self.window: Optional[MainWindow] = None

    # -- store ------------------------------------------------------------------
    def open_store(self) -> bool:
        """Open the demo copy, run the first-run wizard, or unlock; False if the user gave up."""
        from facilitator.app import unlock

        if self.args.demo or self.args.screenshots:
            from facilitator.app.demo import open_demo_store

            self.store, self.demo_dir = open_demo_store()
            return True
        path = Path(self.args.db) if self.args.db else paths.default_db_path()
        if not unlock.store_exists(path):
            from facilitator.ui.wizard import FirstRunWizard

            wizard = FirstRunWizard(
                self.tasks,
                path,
                self.lang,
                on_language=self.switch_language_early,
                settings=self.settings,
            )
            wizard.exec()
            if wizard.store is None:  # cancelled before the store existed
                return False
            self.store = wizard.store
            self.lang = wizard.lang
            self.settings.language = self.lang
            return True
        from facilitator.store.lock import ensure_free
        from facilitator.ui.unlock_dialog import UnlockDialog

        ensure_free(path)  # "already open" before the passphrase, not after it
        options = unlock.unlock_options(path)

        def attempt(passphrase: str | None, code: str | None) -> OpenedStore:
            from facilitator.app import users

            store = unlock.open_with(path, passphrase=passphrase, recovery_code=code)
            self.first_principal = users.by_passphrase(store, passphrase)
            return store

        dialog = UnlockDialog(
            self.tasks,
            attempt,
            has_passphrase=options.passphrase,
            keyring_attempt=(lambda: unlock.open_with_keyring(path)) if options.keyring else None,
        )
        dialog.start()
        if not dialog.exec() or dialog.result_store is None:
            return False
        store = self.store = dialog.result_store
        self._tell_what_opening_did()
        from facilitator.ui.store_settings import offer_new_passphrase

        offer_new_passphrase(self.tasks, store)  # a forgotten passphrase: set a new one
        return True

    def _tell_what_opening_did(self) -> None:
        """A WAL set aside or an interrupted key change finished while opening: say so,
        and show a recovery code that was issued (it is shown nowhere else)."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from facilitator.ui.errors_ui import message_text

        if self.store is None:
            return
        lines = [message_text(n, self.lang) for n in self.store.notices]
        if self.store.new_recovery_code:
            lines.append(
                QCoreApplication.translate(
                    "App",
                    "An interrupted key change was completed. Your new recovery code is:"
                    "\n\n%1\n\nWrite it down now; the old one no longer works.",
                ).replace("%1", self.store.new_recovery_code)
            )
        if lines:
            QMessageBox.information(
                None, QCoreApplication.translate("App", "The store"), "\n\n".join(lines)
            )

    def switch_language_early(self, lang: str) -> None:
        """Used by the wizard's first page: the rest of the wizard follows at once."""
        self.lang = lang
        self.installer.install(self.qapp, lang)

    # -- window -----------------------------------------------------------------
    def build_window(self) -> MainWindow:
        """The main window over the open store (call after :meth:`open_store`)."""
        from facilitator.ui.context import AppContext
        from facilitator.ui.main_window import MainWindow

        store = self._opened()
        if self.ctx is None:
            self.ctx = AppContext(
                store.db, self.lang, self.tasks, self.settings, demo=self.demo_dir is not None
            )
            self.ctx.store = store  # the OpenedStore, for settings that need it
            # the user whose own passphrase opened the store is signed in at once
            self.ctx.principal = getattr(self, "first_principal", None)
        self.ctx.lang = self.lang
        return MainWindow(self.ctx, on_language=self.change_language, **self._unlock_kwargs())

    def _opened(self) -> OpenedStore:
        if self.store is None:
            raise RuntimeError("the store is not open yet")  # a programming error, not input
        return self.store

    def change_language(self, lang: str) -> None:
        """Switch the interface language now: reinstall translators, rebuild the screens."""
        old = self.window
        self.lang = lang
        self.installer.install(self.qapp, lang)
        self.settings.language = lang
        window = self.window = self.build_window()
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        window.ctx.language_changed.emit(lang)
        window.show()

    def _mark(self, what: str) -> None:
        """Start-up markers for the benchmark (``FACILITATOR_EXIT_AFTER_SHOW=1``)."""
        if os.environ.get("FACILITATOR_EXIT_AFTER_SHOW") != "1":
            return
        print(f"facilitator: {what} {time.perf_counter() - _T0:.3f}", flush=True)
        if what == "ready":
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.qapp.quit)

    def _start_demo(self) -> None:
        """Show the window at once; open the demo store and load the core on the worker."""
        from PySide6.QtCore import QTimer

        from facilitator.ui.context import AppContext
        from facilitator.ui.main_window import MainWindow

        ctx = self.ctx = AppContext(None, self.lang, self.tasks, self.settings, demo=True)
        window = self.window = MainWindow(ctx, on_language=self.change_language)
        window.show()
        QTimer.singleShot(0, lambda: self._mark("window"))

        def job(_progress: ProgressFn, _cancel: CancelFlag) -> tuple[OpenedStore, Path]:
            _preload_core()
            from facilitator.app.demo import open_demo_store

            return open_demo_store()

        def opened(result: tuple[OpenedStore, Path]) -> None:
            store, self.demo_dir = result
            self.store = ctx.store = store
            ctx.db = store.db
            window.attach(**self._unlock_kwargs())
            QTimer.singleShot(0, lambda: self._mark("ready"))

        def failed(exc: BaseException) -> None:
            from facilitator.ui.widgets import show_error

            show_error(self.window, exc)
            self.qapp.exit(1)

        self.tasks.run(job, opened, failed)

    def _unlock_kwargs(self) -> dict[str, Any]:
        """How the lock screen checks a passphrase, a recovery code or the keyring."""
        from facilitator.app import unlock

        store = self._opened()
        options = unlock.unlock_options(store.path)
        keyring_attempt = None
        if options.keyring and not options.passphrase:

            def keyring_attempt() -> None:
                unlock.verify(store, use_keyring=True)

        return {  # the lock screen also learns who is at the keyboard
            "unlock_attempt": lambda p, c: unlock.verify_as(store, passphrase=p, recovery_code=c),
            "has_passphrase": options.passphrase,
            "keyring_attempt": keyring_attempt,
        }

    def run(self) -> int:
        from PySide6.QtCore import QTimer

        if self.args.demo and not self.args.screenshots:
            self._start_demo()
            rc = self.qapp.exec()
            if self.window is not None:
                self.settings.set_value("window/geometry", self.window.saveGeometry())
            return rc
        try:
            if not self.open_store():
                return 1
        except StoreLockedError as exc:
            from facilitator.ui.widgets import show_error

            print(f"facilitator: error: {exc}", file=sys.stderr)
            show_error(None, exc)  # started from a menu, there is no terminal to read
            return 1
        if self.args.screenshots:
            from facilitator.ui.screenshots import render_all

            written = render_all(self, Path(self.args.screenshots))
            print(f"facilitator: wrote {len(written)} screenshots to {self.args.screenshots}")
            return 0
        window = self.window = self.build_window()
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.show()
        QTimer.singleShot(0, lambda: self._mark("window"))
        QTimer.singleShot(0, lambda: self._mark("ready"))
        rc = self.qapp.exec()
        if self.window is not None:
            self.settings.set_value("window/geometry", self.window.saveGeometry())
        return rc

    def close(self) -> None:
        self.tasks.shutdown()
        if self.store is not None:
            self.store.close()
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def _preload_core() -> None:
    """Import the plain-Python core before the first PySide6 import.

    Why: once PySide6 is imported it inspects the source of every module imported
    after it (its ``__feature__`` hook), which costs several hundred milliseconds
    over SQLAlchemy, alembic and pydantic. Importing them first keeps start-up close
    to a bare Qt window's.
    """
    import facilitator.scripts.library  # noqa: F401
    import facilitator.store.service  # noqa: F401
    import facilitator.tracking.participants  # noqa: F401
    import facilitator.session.persistence  # noqa: F401


def run_app(args: argparse.Namespace) -> int:
    """Entry point from the CLI; returns the process exit code."""
    if not args.demo:
        _preload_core()  # the demo shows its window first and loads these on the worker
    app = App(args)
    try:
        return app.run()
    except FacilitatorError:
        raise  # the CLI prints the one-line message
    finally:
        app.close()
