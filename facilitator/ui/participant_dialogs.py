"""Dialogs for one participant: adding a newcomer, and their optional details.

Why the details are optional and skippable everywhere: age band and gender help an
organisation see whom its groups reach, but nobody has to give them, and "not asked"
is the first, default choice. They are stored as short keys and shown only on the
facilitator's screens; the alias is a private memory aid and never leaves the app.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.tracking import participants as P
from facilitator.ui.labels import age_band_label, gender_label


class DetailsFields(QWidget):
    """Two combo boxes, each starting at "Not asked / prefer not to say"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        skip = self.tr("Not asked / prefer not to say")
        self.age_band = QComboBox(self)
        self.age_band.setObjectName("ageBand")
        self.age_band.setAccessibleName(self.tr("Age band, optional"))
        self.age_band.addItem(skip, None)
        for key in P.AGE_BANDS:
            self.age_band.addItem(age_band_label(key), key)
        self.gender = QComboBox(self)
        self.gender.setObjectName("gender")
        self.gender.setAccessibleName(self.tr("Gender, optional"))
        self.gender.addItem(skip, None)
        for key in P.GENDERS:
            self.gender.addItem(gender_label(key), key)
        form.addRow(self.tr("Age &band (optional)"), self.age_band)
        form.addRow(self.tr("&Gender (optional)"), self.gender)

    def set_values(self, age_band: Optional[str], gender: Optional[str]) -> None:
        self.age_band.setCurrentIndex(max(0, self.age_band.findData(age_band)))
        self.gender.setCurrentIndex(max(0, self.gender.findData(gender)))

    def values(self) -> tuple[Optional[str], Optional[str]]:
        return self.age_band.currentData(), self.gender.currentData()


class NewcomerDialog(QDialog):
    """Shows how the code is made; alias and details are optional. Enter adds them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a newcomer"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A new random code is made when you press Add. "
                    "Tell the person their code, or write it on "
                    "their card."
                )
            )
        )
        label = QLabel(self.tr("&Alias (optional, only you see it)"))
        self.alias = QLineEdit()
        self.alias.setMaxLength(P.ALIAS_MAX)
        self.alias.setAccessibleName(self.tr("Alias, optional, seen only by you"))
        self.alias.setPlaceholderText(self.tr("A first name or nickname"))
        label.setBuddy(self.alias)
        layout.addWidget(label)
        layout.addWidget(self.alias)
        self.details = DetailsFields(self)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("A&dd"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setAccessibleName(self.tr("Add newcomer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.setDefault(True)  # only works once the button is in the dialog


class DetailsDialog(QDialog):
    """Change or clear one participant's age band and gender."""

    def __init__(
        self,
        code: str,
        age_band: Optional[str],
        gender: Optional[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Optional details"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr('Optional details for %1. Both can be left as "not asked".').replace(
                    "%1", code
                )
            )
        )
        self.details = DetailsFields(self)
        self.details.set_values(age_band, gender)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
