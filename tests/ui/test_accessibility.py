"""Accessible names on every control, and palettes that stay legible light and dark.

A screen reader names a control by its text, its accessible name or the label that
is its buddy; a control with none of these is announced as "button" or "edit",
which is no use to anyone. The contrast check is WCAG 2's formula over the theme's
own colour tables, so a palette tweak that makes text hard to read fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from facilitator.store.models import Group
from facilitator.tracking.participants import add_participant
from facilitator.ui import theme
from facilitator.ui.context import RunRequest
from facilitator.ui.run import common

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
)


def _unnamed(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing, checked = [], 0
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisibleTo(root):
            continue
        if isinstance(w.parent(), (QAbstractSpinBox, QComboBox, QTabBar)) or isinstance(
            w, QHeaderView
        ):
            continue  # parts of a named control: a spin box's edit, a table's header
        checked += 1
        if isinstance(w, QAbstractButton) and w.text().strip():
            continue
        if w.accessibleName().strip() or id(w) in buddies:
            continue
        missing.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}")
    assert checked >= 3, f"only {checked} controls found on {type(root).__name__}"
    return missing


def test_every_control_on_the_main_screens_has_a_name(qtbot, ctx):
    from facilitator.ui.main_window import MainWindow

    with ctx.db.unit() as s:
        group = Group(
            name="Harbour circle", program_type="anxiety", default_script_id="anxiety-skills-group"
        )
        s.add(group)
        s.flush()
        gid = group.id
        for alias in ("Mona", None, "Ali"):
            add_participant(s, gid, alias=alias)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    found = {"home": _unnamed(window.home)}
    window.show_group(gid)
    found["group"] = _unnamed(window.group)
    window.show_plan(gid)
    found["plan"] = _unnamed(window.plan)
    window.start_run(RunRequest(gid, "anxiety-skills-group"))
    view = window.run_view
    for p in view.attendance.people():
        view.attendance.button_for(p.id).click()
    found["run: attendance"] = _unnamed(view)
    view.go_next()
    while view.script.steps[view.engine.index].kind != "check_in":
        view.go_next()
    found["run: check-in"] = _unnamed(view)
    safety = view.open_safety()
    found["safety"] = _unnamed(safety)
    safety.tabs.setCurrentIndex(1)
    found["safety: incident"] = _unnamed(safety)
    safety.close()
    assert {k: v for k, v in found.items() if v} == {}


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_palettes_are_legible(dark):
    c = theme.colours(dark)
    for fg, bg in (("text", "window"), ("text", "base"), ("text", "button"), ("text", "alt")):
        assert contrast(c[fg], c[bg]) >= 7, (fg, bg)
    for fg, bg in (
        ("muted", "window"),
        ("muted", "base"),
        ("accent_text", "accent"),
        ("link", "window"),
        ("danger", "window"),
        ("danger", "base"),
    ):
        assert contrast(c[fg], c[bg]) >= 4.5, (fg, bg)
    # The countdown is very large bold type: WCAG's large-text level is 3:1.
    for colour in (common.COLOUR_CALM, common.COLOUR_NEAR, common.COLOUR_OVER):
        assert contrast(colour.name(), c["window"]) >= 3, colour.name()
