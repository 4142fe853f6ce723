"""The Qt binding itself must not leak or over-release references.

PySide6 6.12.0 on CPython 3.11 releases one reference to ``None`` on every call of a
Qt method that returns nothing (``QLabel.setText``, ``processEvents`` ...). Run mode
repaints its clock four times a second, so a long session ends in "Fatal Python error:
none_dealloc". pyproject.toml keeps that release out; this test fails if a binding with
the same fault is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")  # any first-call caching happens here
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText("0:45" if i % 2 else "0:44")
        QCoreApplication.processEvents()
    drift = sys.getrefcount(None) - before
    # a correct binding leaves None's count where it was (a few references may come and
    # go with the interpreter's own caches); the faulty one loses 4000 here
    assert abs(drift) < 100, drift
