"""Run mode: the screens a facilitator uses while a session is under way.

Kept import-light on purpose: ``identifying`` is pure Python and its tests run
without Qt, so nothing here imports PySide6 at package import time. Widgets are
imported from their own modules (``run_view``, ``presenter_view``, ...).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QWidget

    from facilitator.ui.context import AppContext, RunRequest
    from facilitator.ui.run.run_view import RunView


def open_runner(ctx: "AppContext", request: "RunRequest",
                clock: Callable[[], float] = time.monotonic) -> Any:
    """A new or resumed :class:`SessionRunner` for ``request`` (no widgets)."""
    from facilitator.session.library import load_script
    from facilitator.session.persistence import SessionRunner

    if request.session_id:
        return SessionRunner.resume(ctx.db, request.session_id, clock=clock)
    with ctx.db.unit() as s:
        script = load_script(request.script_id, s)
    return SessionRunner.create(ctx.db, request.group_id, script, is_practice=request.practice,
                                no_notes=script.options.no_notes, clock=clock)


def create_run_view(ctx: "AppContext", request: "RunRequest", parent: "QWidget | None" = None,
                    *, clock: Callable[[], float] = time.monotonic) -> "RunView":
    """Open run mode for a new session, or resume ``request.session_id`` after a crash."""
    from facilitator.session.library import load_script
    from facilitator.store.models import Session
    from facilitator.ui.run.run_data import load_run_data
    from facilitator.ui.run.run_view import RunView

    runner = open_runner(ctx, request, clock)
    with ctx.db.unit() as s:
        script_id = s.get(Session, runner.session_id).script_id
        script = load_script(script_id, s)
        data = load_run_data(s, runner.session_id, script.ground_rules)
    return RunView(ctx, runner, script, data, parent)


def screenshot_widgets(ctx: "AppContext") -> dict[str, "QWidget"]:
    """Run view, presenter, safety and summary widgets for ``--screenshots``."""
    from facilitator.ui.run.screens import build_screens

    return build_screens(ctx)
