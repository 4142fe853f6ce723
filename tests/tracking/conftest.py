"""Helpers for tracking tests: a real encrypted store with one group and sessions."""

from datetime import datetime, timedelta, timezone

import pytest

from facilitator.store.models import Group, Session, SessionStatus


def make_session(
    s,
    group_id,
    day,
    *,
    practice=False,
    status=SessionStatus.completed,
    script_id="mutual-support-circle",
    minutes=90,
):
    start = datetime(2025, 3, 3, 18, tzinfo=timezone.utc) + timedelta(days=day)
    sess = Session(
        group_id=group_id,
        script_id=script_id,
        script_version="1.0",
        planned_start=start,
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        status=status,
        is_practice=practice,
    )
    s.add(sess)
    s.flush()
    return sess


@pytest.fixture
def group_id(raw_db):
    with raw_db.unit() as s:
        g = Group(name="Test circle", program_type="mutual_support")
        s.add(g)
        s.flush()
        return g.id
