"""Install the interface language: Qt's own strings first, then ours, then the direction.

Why this order: Qt's ``qtbase`` catalogue translates the standard buttons (OK,
Cancel, Yes) that our dialogs reuse; our catalogue comes second so it wins for our
own contexts (pyside-setup ``examples/widgets/linguist``). Direction is taken from
the locale (``QLocale.textDirection()``) and set application-wide, as anki does, so
every layout mirrors without per-widget code.

Our ``.qm`` is built from ``resources/translations/facilitator_<lang>.ts`` by
``make translations``. When it has not been built (a test run straight after a
checkout), :class:`TsTranslator` reads the ``.ts`` source instead, so the interface
is never silently English.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from facilitator.i18n import catalogue_forms
from facilitator.i18n import numerus_index as _numerus_index
from facilitator.resources import resource_path

log = logging.getLogger(__name__)

LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "ar": QLocale(QLocale.Language.Arabic, QLocale.Country.Jordan),
}


class TsTranslator(QTranslator):
    """Translate straight from the ``.ts`` source when no compiled ``.qm`` exists."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.table = catalogue_forms(lang)

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D401
        forms = self.table.get((context, source_text))
        if not forms:
            return None  # None: not ours, so Qt asks the next translator
        text = forms[min(_numerus_index(self.lang, n), len(forms) - 1)] if n >= 0 else forms[0]
        if n < 0:
            return text
        return text.replace("%Ln", QLocale().toString(n)).replace("%n", str(n))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.table


class LanguageInstaller:
    """Keeps the installed translators so the language can be switched at run time."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = "en"

    def install(self, app: QApplication, lang: str) -> None:
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed.clear()
        self.lang = lang
        locale = LOCALES.get(lang, QLocale(lang))
        QLocale.setDefault(locale)
        if lang != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = QTranslator()
            if qtbase.load(locale, "qtbase", "_", qt_dir):
                app.installTranslator(qtbase)
                self._installed.append(qtbase)
        # English is the source language; its catalogue only holds plural forms.
        ours: QTranslator = QTranslator()
        qm = resource_path("translations", f"facilitator_{lang}.qm")
        if not (qm.is_file() and ours.load(str(qm))):
            log.info("No compiled %s; translating from the .ts source", qm.name)
            ours = TsTranslator(lang)
        app.installTranslator(ours)
        self._installed.append(ours)
        direction = (
            Qt.LayoutDirection.RightToLeft
            if locale.textDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.LayoutDirection.LeftToRight
        )
        app.setLayoutDirection(direction)


# Qt's own standard buttons (OK, Save, Cancel... in dialogs and message boxes), worded
# as our own buttons are: Qt's Arabic catalogue says "ألغِ" where ours says "إلغاء", so
# one screen had two words for Cancel. Our catalogue is searched before Qt's.
QT_BUTTON_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QWizard", "Cancel"),
)


def tr(context: str, text: str) -> str:
    """Translate a string marked with ``QT_TRANSLATE_NOOP`` in core code."""
    return QCoreApplication.translate(context, text)


def locale() -> QLocale:
    return QLocale()


def format_date(value, fmt: QLocale.FormatType | None = None) -> str:
    """A date as every screen shows it: "4 Dec 2026" ("٤ ديسمبر ٢٠٢٦" in Arabic).

    One format for the whole interface, in the interface's digits. Month names come
    from the same list as the PDFs and the dashboard (``report_text.MONTHS``): Qt's
    Arabic locale says "كانون الأول" where every report says "ديسمبر", and one
    facilitator's screen and printout must name the same month. Not the locale's short
    format: "04/12/2026" is the 12th of April to half the readers.
    """
    from PySide6.QtCore import QDate

    from facilitator.tracking.report_text import MONTHS

    if value is None:
        return ""
    if fmt is not None:
        return QLocale().toString(QDate(value.year, value.month, value.day), fmt)
    arabic = QLocale().language() == QLocale.Language.Arabic
    month = MONTHS["ar" if arabic else "en"][value.month - 1]
    text = f"{value.day} {month if arabic else month[:3]} {value.year}"
    zero = QLocale().zeroDigit()
    if zero and zero != "0":
        text = text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})
    return text


def format_number(value: float | int, decimals: int = 0) -> str:
    loc = QLocale()
    if isinstance(value, int) or decimals == 0:
        return loc.toString(int(round(value)))
    return loc.toString(float(value), "f", decimals)
