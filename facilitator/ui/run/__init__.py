"""Run mode: the screens a facilitator uses while a session is under way.

Kept import-light on purpose: the main window imports this package at start-up,
so nothing here imports PySide6 or the core at package import time. Widgets are
imported from their own modules (``run_view``, ``presenter_view``, ...); what run
mode reads and writes is in :mod:`facilitator.app.runs` and
:mod:`facilitator.app.run_data`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QWidget

    from facilitator.ui.context import AppContext, RunRequest
    from facilitator.ui.run.run_view import RunView


def create_run_view(
    ctx: "AppContext",
    request: "RunRequest",
    parent: "QWidget | None" = None,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> "RunView":
    """Open run mode for a new session, or resume ``request.session_id`` after a crash."""
    from facilitator.app.runs import open_run
    from facilitator.ui.run.run_view import RunView

    run = open_run(
        ctx.db,
        request.group_id,
        request.script_id,
        session_id=request.session_id,
        practice=request.practice,
        clock=clock,
        who=getattr(ctx, "principal", None),  # the signed-in user (issue 14)
    )
    return RunView(ctx, run.runner, run.script, run.data, parent)


def screenshot_widgets(ctx: "AppContext") -> dict[str, "QWidget"]:
    """Run view, presenter, safety and summary widgets for ``--screenshots``."""
    from facilitator.ui.run.screens import build_screens

    return build_screens(ctx)
