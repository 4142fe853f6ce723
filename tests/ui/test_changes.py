"""Typed change notices: a view refreshes for the fields it shows, not for others."""

from __future__ import annotations

from facilitator.app import changes
from facilitator.app.groups import add_group
from facilitator.ui.home_view import HomeView


def _names(view: HomeView) -> list[str]:
    return [view.list.item(i).text().split("  ·  ")[0] for i in range(view.list.count())]


def test_home_list_refreshes_on_group_changes_only(qtbot, ctx):
    view = HomeView(ctx)
    qtbot.addWidget(view)
    assert _names(view) == []
    with ctx.db.unit() as s:
        add_group(s, "Thursday circle", "grief", "en")
    ctx.notify(changes.MEASURES | changes.SCRIPTS)  # nothing the list shows
    assert _names(view) == []
    ctx.notify(changes.GROUPS)
    assert _names(view) == ["Thursday circle"]


def test_changes_combine_and_are_false_when_empty():
    both = changes.GROUPS | changes.PARTICIPANTS
    assert both.groups and both.participants and not both.sessions
    assert not changes.Changes() and both
