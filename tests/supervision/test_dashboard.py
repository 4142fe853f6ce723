"""The dashboard shows the PDF report's own figures: same blocks, same suppression,
same numbers in the saved PDF, for the same period and k."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from facilitator.tracking.protection import HIDDEN

from facilitator.app import dashboard
from facilitator.app.access import AccessDenied
from facilitator.demo.generator import generate_demo
from facilitator.errors import InputError
from facilitator.store.models import Group
from facilitator.tracking import report_model as rm
from facilitator.tracking.report_group import build_group_report
from facilitator.tracking.report_program import build_program_report


@pytest.fixture
def demo(store, people):
    generate_demo(store.db, groups=3, weeks=20, seed=3)
    return store


def _figures(report):
    out = []
    for b in report.blocks:
        if isinstance(b, rm.KeyFigures):
            out += [tuple(x) for x in b.items]
        elif isinstance(b, rm.Table):
            out += [tuple(r) for r in b.rows]
        elif isinstance(b, rm.Chart):
            out += [(s.name, tuple(s.values)) for s in b.series]
    return out


@pytest.mark.parametrize(
    "k, frm, to",
    [(5, date(2025, 1, 1), date(2026, 12, 31)), (11, date(2025, 3, 1), date(2025, 4, 30))],
)
def test_program_dashboard_equals_the_program_pdf(demo, people, k, frm, to):
    q = dashboard.Query(date_from=frm, date_to=to, k=k)
    dash = dashboard.build(demo.db, people["sam"], q)
    pdf_report = build_program_report(demo.db, q.date_from, q.date_to, "en", k)
    assert _figures(dash.report) == _figures(pdf_report) != []
    text = _pdf_text(dashboard.preview_pdf(dash))
    for b in dash.report.blocks:
        if isinstance(b, rm.KeyFigures):
            for label, value in b.items:
                assert str(value) in text
    if k == 11:  # larger k withholds more: the same withheld cells as the PDF's
        assert any(c == HIDDEN for r in _tables(dash.report) for c in r)  # the one symbol


def test_group_dashboard_equals_the_group_pdf_in_arabic(demo, people):
    with demo.db.session() as s:
        gid = s.query(Group).order_by(Group.name).first().id
    q = dashboard.Query(group_id=gid, k=5, lang="ar")
    dash = dashboard.build(demo.db, people["owner"], q)
    pdf_report = build_group_report(demo.db, gid, None, None, "ar", 5)
    assert _figures(dash.report) == _figures(pdf_report) != []
    # a part of the history: the dashboard loads answers and logs of the period only,
    # the PDF loads everything; the figures are the same
    frm, to = date(2025, 2, 1), date(2025, 4, 30)
    dash = dashboard.build(
        demo.db,
        people["owner"],
        dashboard.Query(group_id=gid, k=5, lang="en", date_from=frm, date_to=to),
    )
    assert _figures(dash.report) == _figures(build_group_report(demo.db, gid, frm, to, "en", 5))
    assert dash.completeness["attendance"].of > 0


def test_programme_filter_and_completeness(demo, people):
    ch = dashboard.choices(demo.db, people["sam"])
    assert ch.program_types and len(ch.groups) == 3
    t = ch.program_types[0]
    dash = dashboard.build(demo.db, people["sam"], dashboard.Query(program_type=t))
    c = dash.completeness
    assert set(c) == {"attendance", "checkin", "who5", "incidents"}
    assert 0 < c["checkin"].done <= c["checkin"].of
    with pytest.raises(InputError, match="no groups of the programme type"):
        dashboard.build(demo.db, people["sam"], dashboard.Query(program_type="nonesuch"))
    with pytest.raises(InputError, match="ends before"):
        dashboard.build(
            demo.db,
            people["sam"],
            dashboard.Query(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)),
        )


def test_roles_on_the_dashboard(demo, people):
    with pytest.raises(AccessDenied):
        dashboard.build(demo.db, people["ada"])  # administrator only: no participant data
    with pytest.raises(AccessDenied):
        dashboard.build(demo.db, people["tom"])
    # fay runs no group: her dashboard holds nothing of the others' groups
    assert dashboard.choices(demo.db, people["fay"]).groups == []
    with demo.db.session() as s:
        gid = s.query(Group).first().id
    with pytest.raises(InputError, match="not one of theirs"):
        dashboard.build(demo.db, people["fay"], dashboard.Query(group_id=gid))


def _tables(report):
    return [r for b in report.blocks if isinstance(b, rm.Table) for r in b.rows]


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)
