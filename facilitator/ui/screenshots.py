"""``facilitator --demo --screenshots DIR``: the main screens in English and Arabic as PNGs.

Always rendered from the demo store, never from real data. Run-mode screens come
from ``facilitator.ui.run.screenshot_widgets(ctx)`` (see :mod:`facilitator.ui.context`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from facilitator.ui.app import App
    from facilitator.ui.context import AppContext
    from facilitator.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SIZE = (1280, 800)


def _settle() -> None:
    # The pointer rests off-screen, so no button is drawn hovered in the pictures.
    QCursor.setPos(SIZE[0] * 4, SIZE[1] * 4)
    for _ in range(3):
        QApplication.processEvents()


def grab(widget: QWidget, path: Path, size: tuple[int, int] = SIZE) -> Path:
    if not widget.isVisible():
        widget.resize(*size)
        widget.show()
    _settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def _first_group(ctx: AppContext) -> str | None:
    """The group to picture: one that meets in the interface language, the richest first.

    Why the language: a group's scripts are shown in the group's own language, so an
    Arabic screenshot of an English-speaking group would be half English.
    """
    from facilitator.app.groups import list_groups

    if ctx.db is None:
        return None
    groups = list_groups(ctx.db, who=ctx.principal)
    groups.sort(key=lambda g: (g.language != ctx.lang, -g.participants))
    return groups[0].id if groups else None


def _wizard_pages(lang: str, out: Path) -> list[Path]:
    """The first-run wizard's language and protection pages (no store is created)."""
    import tempfile

    from facilitator.ui.tasks import SyncTaskRunner
    from facilitator.ui.wizard import FirstRunWizard

    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="facilitator-shots-") as tmp:
        wizard = FirstRunWizard(SyncTaskRunner(), Path(tmp) / "store.db", lang, keyring=False)
        wizard.resize(900, 620)
        wizard.show()
        written.append(grab(wizard, out / f"{lang}-wizard-language.png"))
        wizard.next()
        written.append(grab(wizard, out / f"{lang}-wizard-protect.png"))
        wizard.hide()
        wizard.deleteLater()
        _settle()
    return written


def _supervision(window: MainWindow, ctx: AppContext, out: Path, lang: str) -> list[Path]:
    """The supervisor's screens (issue 14): review queue, dashboard, audit log, users."""
    written: list[Path] = []
    for key in ("review", "dashboard", "audit", "users"):
        page = window.show_supervision(key)
        if page is None:
            continue
        for _ in range(3):
            ctx.tasks.wait_idle(60.0)
            _settle()
        written.append(grab(window, out / f"{lang}-supervision-{key}.png"))
    from facilitator.ui.dashboard_view import DashboardView, PreviewDialog

    page = window.show_supervision("dashboard")
    if isinstance(page, DashboardView) and page.dash is not None:
        from facilitator.app.dashboard import preview_pdf

        dialog = PreviewDialog(ctx, page.principal, page.dash, preview_pdf(page.dash), window)
        dialog.show()
        written.append(grab(dialog, out / f"{lang}-dashboard-preview.png", size=(820, 900)))
        dialog.close()
        dialog.deleteLater()
    window.show_home()
    return written


def render_all(app: "App", out: Path, langs: tuple[str, ...] = ("en", "ar")) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for lang in langs:
        app.lang = lang
        app.installer.install(app.qapp, lang)
        app.ctx = None  # a fresh context per language
        written += _wizard_pages(lang, out)
        window = app.build_window()
        app.window = window
        window.resize(*SIZE)
        window.show()
        _settle()
        ctx = window.ctx
        window.show_home()
        written.append(grab(window, out / f"{lang}-home.png"))
        group_id = _first_group(ctx)
        if group_id and window.group is not None:
            window.show_group(group_id)
            written.append(grab(window, out / f"{lang}-group.png"))
            window.show_plan(group_id)
            written.append(grab(window, out / f"{lang}-plan.png"))
            from facilitator.ui.report_dialog import ReportDialog

            dialog = ReportDialog(ctx, group_id, window.group.title.text(), window)
            dialog.show()
            written.append(
                grab(
                    dialog,
                    out / f"{lang}-report-dialog.png",
                    size=(dialog.sizeHint().width(), dialog.sizeHint().height()),
                )
            )
            dialog.close()
            dialog.deleteLater()
        written += _bundle_screens(ctx, window, lang, out)
        written += _supervision(window, ctx, out, lang)
        window.lock()
        written.append(grab(window, out / f"{lang}-lock.png"))
        window.unlock()
        from facilitator.ui.run import screenshot_widgets

        for name, widget in screenshot_widgets(ctx).items():
            written.append(grab(widget, out / f"{lang}-{name}.png"))
            widget.close()
            widget.deleteLater()
        from facilitator.ui.practice import screenshot_widgets as practice_widgets

        for name, widget in practice_widgets(ctx).items():
            written.append(grab(widget, out / f"{lang}-{name}.png"))
            widget.close()
            widget.deleteLater()
        window.close()
        window.deleteLater()
        _settle()
    return written


def _bundle_screens(ctx: AppContext, window: MainWindow, lang: str, out: Path) -> list[Path]:
    """The report-bundles dialog: send (with a preview), status and keys tabs."""
    from facilitator.app import bundle_keys as keys
    from facilitator.store import devicekeys as dk
    from facilitator.ui.bundles_dialog import BundlesDialog

    db = ctx.db
    if db is None:
        return []
    if not any(k.kind == "peer" for k in keys.list_keys(db, who=ctx.principal)):
        # the throwaway demo store gets a made-up supervisor to send to
        kp = dk.generate()
        pk = keys.PublicKey(
            "Supervisor (demo)",
            "5" * 32,
            kp.sign_public,
            dk.age_recipient(kp.enc_public),
            kp.key_id,
        )
        keys.trust(db, pk, pk.fingerprint)
    dialog = BundlesDialog(ctx, window)
    dialog.resize(900, 620)
    dialog.show()
    ctx.tasks.wait_idle(10.0)
    written: list[Path] = []
    if dialog.recipient.count():
        dialog.preview()
        ctx.tasks.wait_idle(10.0)
    for index, name in ((0, "bundles-send"), (2, "bundles-status"), (3, "bundles-keys")):
        dialog.tabs.setCurrentIndex(index)
        _settle()
        written.append(grab(dialog, out / f"{lang}-{name}.png", size=(900, 620)))
    dialog.close()
    dialog.deleteLater()
    return written
