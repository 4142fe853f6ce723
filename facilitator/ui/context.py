"""The one object every screen receives: what is open, in which language, and how to move on.

Why a context object rather than globals: tests build a single view against a
temporary store and a :class:`~facilitator.ui.tasks.SyncTaskRunner`; the real app
builds the same views against the real store and the threaded runner. Nothing in
``facilitator/ui`` should reach for a module-level singleton.

Contract for the run-mode modules (``facilitator/ui/run/``)
-----------------------------------------------------------
* Views receive ``ctx: AppContext`` and read ``ctx.db`` (a
  :class:`facilitator.store.db.Database`), ``ctx.lang`` (``"en"``/``"ar"``: the
  interface language) and ``ctx.tasks`` (the task runner; route every database write
  and export through ``ctx.tasks.run(...)`` / ``ctx.tasks.run_db(...)``).
* The main window opens run mode by calling the factory that ``facilitator.ui.run``
  exports::

      def create_run_view(ctx: AppContext, request: RunRequest,
                          parent: QWidget | None = None) -> QWidget

  The returned widget is put in the main window's central stack (so the lock
  screen covers it). When the session is finished or left, the run view calls
  ``ctx.navigator.leave_run(request.group_id)`` (the main window then drops it).
  Resuming passes ``RunRequest(session_id=...)`` with the session's group and script.
* Screenshots (``facilitator --demo --screenshots DIR``) call, if it exists::

      def screenshot_widgets(ctx: AppContext) -> dict[str, QWidget]

  returning ready-to-grab widgets named ``"run"``, ``"presenter"``, ``"safety"``,
  ``"summary"`` built against ``ctx.db`` (the demo store) in ``ctx.lang``.
* Locking: ``ctx.lock_changed(True)`` is emitted before the lock screen shows. The
  main window itself hides every other top-level window (presenter view, dialogs)
  while locked and restores them after unlock, so run mode needs no code for that,
  but a timer that must keep running while locked simply keeps running.
* ``ctx.mark_activity()`` resets the idle clock; user input already does this via
  an application event filter, so call it only for activity that is not input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from facilitator import paths
from facilitator.i18n import is_rtl

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.app.access import Principal
    from facilitator.app.changes import Changes
    from facilitator.store.service import OpenedStore
    from facilitator.store.db import Database
    from facilitator.ui.tasks import _BaseRunner

DEFAULT_AUTOLOCK_MINUTES = 10


@dataclass(frozen=True)
class RunRequest:
    """What the main window asks run mode to open.

    ``session_id`` is None for a new session and set when resuming one. ``script_id``
    may name a built-in script or a :class:`~facilitator.store.models.CustomScript`.
    """

    group_id: str
    script_id: str
    session_id: Optional[str] = None
    practice: bool = False


class Navigator(Protocol):
    """Moving between screens; implemented by :class:`facilitator.ui.main_window.MainWindow`."""

    def show_home(self) -> None: ...
    def show_group(self, group_id: str) -> None: ...
    def show_plan(self, group_id: str, script_id: Optional[str] = None) -> None: ...
    def start_run(self, request: RunRequest) -> None: ...
    def leave_run(self, group_id: Optional[str] = None) -> None: ...
    def lock(self) -> None: ...


class AppSettings:
    """Per-machine preferences (window state, language, auto-lock) in an INI file.

    Kept next to the store's folder (``FACILITATOR_HOME`` in tests and ``--demo``)
    rather than in the platform registry, so a test or a demo never touches the
    user's real preferences. Program data belongs in the store, not here.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (paths.data_dir() / "settings.ini")
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def value(self, key: str, default: Any = None) -> Any:
        return self._qs.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()

    @property
    def language(self) -> Optional[str]:
        lang = self._qs.value("ui/language")
        return str(lang) if lang in ("en", "ar") else None

    @language.setter
    def language(self, lang: str) -> None:
        self.set_value("ui/language", lang)

    @property
    def save_folder(self) -> Path:
        """The folder save dialogs open in (see :func:`facilitator.paths.default_documents_dir`).

        Chosen once: the first time it is asked for, the default is written down, so it
        stays put; a folder picked in a save dialog or in Settings replaces it.
        """
        value = self._qs.value("files/save_folder")
        if not value:
            folder = paths.default_documents_dir()
            self.set_value("files/save_folder", str(folder))
            return folder
        return Path(str(value))

    @save_folder.setter
    def save_folder(self, folder: Path) -> None:
        self.set_value("files/save_folder", str(folder))

    @property
    def autolock_minutes(self) -> int:
        try:
            minutes = int(
                str(self._qs.value("security/autolock_minutes", DEFAULT_AUTOLOCK_MINUTES))
            )
        except (TypeError, ValueError):
            minutes = DEFAULT_AUTOLOCK_MINUTES
        return max(0, minutes)  # 0 turns auto-lock off

    @autolock_minutes.setter
    def autolock_minutes(self, minutes: int) -> None:
        self.set_value("security/autolock_minutes", int(minutes))


class AppContext(QObject):
    """The open store, the interface language, the task runner, settings and navigation."""

    lock_changed = Signal(bool)  # True: locked (data hidden); False: unlocked
    language_changed = Signal(str)  # the new interface language
    data_changed = Signal(object)  # a facilitator.app.changes.Changes: what a write changed
    activity = Signal()  # user or app activity: resets the idle clock

    def __init__(
        self,
        db: "Database | None",
        lang: str,
        tasks: "_BaseRunner",
        settings: AppSettings | None = None,
        *,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        # the OpenedStore behind ``db``, for settings and supervision screens that need
        # its path or key; None until the app has opened it (and in single-view tests)
        self.store: "OpenedStore | None" = None
        self.lang = lang
        self.tasks = tasks
        self.settings = settings or AppSettings()
        self.demo = demo
        self.navigator: Optional[Navigator] = None
        self.locked = False
        # the signed-in user (a facilitator.app.access.Principal) once someone signs
        # in on a shared install; forgotten on lock. None: a one-person install acts
        # as its owner (facilitator.app.access.implicit)
        self.principal: "Principal | None" = None

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    def tr_core(self, context: str, text: str) -> str:
        """Translate a string that core code marked with ``QT_TRANSLATE_NOOP``."""
        return QCoreApplication.translate(context, text)

    def mark_activity(self) -> None:
        self.activity.emit()

    def notify(self, changes: "Changes") -> None:
        """Tell every screen what a write changed in the store, so lists refresh."""
        self.data_changed.emit(changes)
