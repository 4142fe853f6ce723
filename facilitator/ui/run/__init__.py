"""Run mode: the screens a facilitator uses while a session is under way.

Kept import-light on purpose: ``identifying`` is pure Python and its tests run
without Qt, so nothing here imports PySide6 at package import time. Widgets are
imported from their own modules (``run_view``, ``presenter_view``, ...).
"""
