"""Draft blocks and their printing: :func:`resolve` replaces the placeholders in a
table's, key figures' or chart's cells and carries every other field over, and
:func:`finish_report` keeps every field of the draft's head."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

from facilitator.tracking import release
from facilitator.tracking.periods import MonthSpan
from facilitator.tracking.protection import (
    HIDDEN,
    WITHHELD,
    Derived,
    DraftReport,
    Ledger,
    protect,
    resolve,
)
from facilitator.tracking.report_model import (
    Chart,
    Heading,
    KeyFigures,
    Report,
    ReportHead,
    Series,
    Table,
)


def _ledger():
    L = Ledger()
    big, small = L.count("big", 12), L.count("small", 2)
    return L, big, small


def _unset_fields_are_absent(obj, skip):
    """Every field but ``skip`` differs from its default, so a field that ``resolve``
    forgot to carry over would show as a default in the printed copy."""
    for f in dataclasses.fields(obj):
        if f.name in skip or f.default is dataclasses.MISSING:
            continue
        assert getattr(obj, f.name) != f.default, f.name


def test_a_table_keeps_every_field_and_prints_its_cells():
    L, big, small = _ledger()
    draft = Table(
        ["What", "People", "Mean"],
        [
            ["a", big, Derived("4.5", needs=("big",))],
            ["b", small, Derived("9.0", needs=("small",))],
        ],
        title="T",
        numeric=frozenset({1, 2}),
        total_row=True,
        footnote="Own note.",
        col_widths=[2.0, 1.0, 1.0],
    )
    _unset_fields_are_absent(draft, skip={"rows"})
    (shown,) = resolve([draft], protect(L, 5), footnote="Hidden counts.")
    assert shown.rows == [["a", "12", "4.5"], ["b", HIDDEN, WITHHELD]]
    assert shown.footnote == "Own note. Hidden counts."
    for f in dataclasses.fields(Table):
        if f.name not in ("rows", "footnote"):
            assert getattr(shown, f.name) == getattr(draft, f.name), f.name


def test_a_chart_keeps_every_field_and_shows_gaps_for_what_is_hidden():
    L, big, small = _ledger()
    draft = Chart(
        "line",
        "C",
        ["x", "y", "z", "w"],
        [Series("s", [big, small, Derived(3.5, needs=("small",)), 1.5])],
        y_label="Y",
        y_min=0,
        y_max=20,
        note="N",
        partial=frozenset({1}),
        x_values=[1.0, 2.0, 3.0, 4.0],
    )
    _unset_fields_are_absent(draft, skip={"series"})
    (shown,) = resolve([draft], protect(L, 5))
    assert [list(s.values) for s in shown.series] == [[12.0, None, None, 1.5]]
    assert shown.series[0].name == "s"
    for f in dataclasses.fields(Chart):
        if f.name != "series":
            assert getattr(shown, f.name) == getattr(draft, f.name), f.name


def test_key_figures_and_other_blocks():
    L, big, small = _ledger()
    heading = Heading("H", 2)
    figures = KeyFigures([("Big", big), ("Small", small), ("Share", "80%")])
    shown = resolve([heading, figures], protect(L, 5))
    assert shown[0] is heading
    assert shown[1].items == [("Big", "12"), ("Small", HIDDEN), ("Share", "80%")]


def test_the_printed_report_keeps_the_drafts_head(monkeypatch):
    monkeypatch.setattr(release, "prior_releases", lambda *a, **kw: [])
    L, big, _ = _ledger()
    head = dict(
        kind="program",
        lang="ar",
        title="T",
        period="P",
        audience="external",
        practice=True,
        confidentiality="C",
        generated_at=datetime(2026, 1, 2, tzinfo=timezone.utc),
        subtitle="S",
    )
    assert set(head) == {f.name for f in dataclasses.fields(ReportHead)}
    draft = DraftReport(**head, blocks=[KeyFigures([("Big", big)])])
    out = release.finish_report(
        None, draft, L, 5, MonthSpan(date(2025, 1, 1), date(2025, 1, 31)), external=True
    )
    assert isinstance(out, Report)
    assert {name: getattr(out, name) for name in head} == head
    assert out.blocks[0] == KeyFigures([("Big", "12")])
    assert out.release.audience == "external"
