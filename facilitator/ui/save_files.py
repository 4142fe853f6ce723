"""One place files are saved: the save folder, the save dialog, "Open the folder".

Every PDF the app makes (reports, handouts, WHO-5 forms, session summaries, the
recovery kit) is offered in the same folder, ``Documents/Facilitator`` unless the
facilitator picked another (remembered in the settings). A file is never put in
the folder the app was started from, which under ``make run`` is the source checkout.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

LRI, PDI = "\u2066", "\u2069"  # left-to-right isolate: a path reads the same in Arabic


def save_folder(settings) -> Path:
    """The remembered save folder, created when missing (falls back to the default)."""
    from facilitator import paths

    folder = Path(settings.save_folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = paths.default_documents_dir()
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def ask_save_path(
    parent: QWidget | None, settings, title: str, filename: str, file_filter: str
) -> str:
    """A save dialog opening in the save folder; the folder chosen is remembered."""
    start = save_folder(settings) / filename
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if path:
        chosen = Path(path).parent
        if chosen != Path(settings.save_folder):
            settings.save_folder = chosen
    return path


def file_name(*parts: object, ext: str) -> str:
    """A descriptive default file name: what it is, for what, and when.

    ``file_name("audit-log", date.today(), ext="csv")`` -> ``audit-log-2026-12-04.csv``.
    Empty parts are left out; characters a file system refuses (and spaces) become "-".
    """
    import re

    words = []
    for part in parts:
        text = part.isoformat() if hasattr(part, "isoformat") else str(part or "")
        text = re.sub(r'[\\/:*?"<>|\s]+', "-", text.strip()).strip("-.")
        if text:
            words.append(text)
    return "-".join(words) + "." + ext.lstrip(".")


def ask_folder(parent: QWidget | None, settings, title: str) -> str:
    """A folder dialog opening in the save folder (for files saved as a set)."""
    folder = QFileDialog.getExistingDirectory(parent, title, str(save_folder(settings)))
    if folder and Path(folder) != Path(settings.save_folder):
        settings.save_folder = Path(folder)
    return folder


def shown_path(path: Path | str) -> str:
    """A path for a label or a message: kept left to right inside Arabic text, so its
    leading "/" is not drawn at the wrong end."""
    return f"{LRI}{path}{PDI}"


def open_folder(parent: QWidget | None, folder: Path) -> bool:
    """Open ``folder`` in the file manager, or say plainly why not and where it is."""
    folder = Path(folder)
    if not folder.is_dir():
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("SaveFiles", "Open the folder"),
            QCoreApplication.translate("SaveFiles", "The folder %1 no longer exists.").replace(
                "%1", shown_path(folder)
            ),
        )
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(
        parent,
        QCoreApplication.translate("SaveFiles", "Open the folder"),
        QCoreApplication.translate(
            "SaveFiles",
            "This computer has no file manager the app can ask to open folders. The file is in %1.",
        ).replace("%1", shown_path(folder)),
    )
    return False
