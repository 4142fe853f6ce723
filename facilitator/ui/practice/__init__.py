"""Practice screens: a trainee runs a scenario with a simulated group, then debriefs.

Import-light like :mod:`facilitator.ui.run`: nothing is loaded until a practice screen
is opened, so start-up does not pay for the scenario library or the charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QWidget


def create_practice_home(ctx: Any, parent: "QWidget | None" = None) -> "QWidget":
    from facilitator.ui.practice.home import PracticeHome

    return PracticeHome(ctx, parent)


def screenshot_widgets(ctx: Any) -> dict[str, "QWidget"]:
    """Every practice screen, for ``--screenshots`` (file names carry ``practice``,
    ``debrief`` and ``trainee``)."""
    from facilitator.ui.practice.screens import build_screens

    return build_screens(ctx)
