"""Facilitator: a desktop toolkit for people who lead in-person peer-support groups.

The core packages (store, session, tracking, export) are plain Python; only
``facilitator.ui`` imports Qt.
"""

__version__ = "0.1.0"
