"""A first-responder defusing run in no-notes mode, driven through the real run engine
and store, with data that must not reach any report (scores, a note, an incident).

Shared by the tracking tests (report objects) and the export tests (real PDFs).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from facilitator.scripts.library import load_script
from facilitator.session.persistence import SessionRunner
from facilitator.session.safety import record_incident
from facilitator.store.models import Group, Note
from facilitator.tracking import attendance as att
from facilitator.tracking import measures as me
from facilitator.tracking import participants as pa
from tests.clocks import Clocks
from tests.tracking.conftest import make_session

NOTE = "Crew talked about the stairwell; ask about nightmares next week."
INCIDENT = "Responder spoke of not wanting to go on."


@dataclass
class Defusing:
    group_id: str
    session_id: str  # the finished no-notes session
    open_id: str  # a no-notes session still running (no finish entry yet)
    regular_id: str  # an ordinary session of the same group
    codes: list[str]
    aliases: list[str]


def build(db, *, finish: bool = True) -> Defusing:
    """A roster group with one ordinary session (6 people) and two no-notes defusings:
    one finished after introduction and exploration (information skipped), with 7
    people marked present and no typed headcount, and one left open mid-exploration
    with a typed headcount of 5."""
    script = load_script("first-responder-defusing")
    with db.unit() as s:
        g = Group(name="Station 4 crew", program_type="first_responder")
        s.add(g)
        s.flush()
        people = [pa.add_participant(s, g.id, alias=f"Responder{i}") for i in range(8)]
        regular = make_session(s, g.id, 0, minutes=130)  # 40 over the 90 planned
        for p in people[:6]:
            att.mark_attendance(s, regular.id, p.id)
            me.record_response(s, regular.id, p.id, "checkin10", "pre", value=4)
            me.record_response(s, regular.id, p.id, "checkin10", "post", value=6)
        gid, rid = g.id, regular.id
        codes, aliases = [p.code for p in people], [p.alias for p in people]
        pids = [p.id for p in people]

    c = Clocks(datetime(2025, 3, 12, 2, 30, tzinfo=timezone.utc), mono=100.0)
    runner = SessionRunner.create(db, gid, script, no_notes=True, clock=c.monotonic, wall=c.wall)
    sid = runner.session_id
    e = runner.engine
    e.start()
    c.advance(300)
    e.next()
    c.advance(300)
    e.next()  # exploration
    e.start_round(codes[:4])
    c.advance(600)
    # what the store may still hold for this session; none of it may be reported
    with db.unit() as s:
        for pid in pids[:7]:
            att.mark_attendance(s, sid, pid)
        for pid in pids[:5]:
            me.record_response(s, sid, pid, "checkin10", "pre", value=2)
            me.record_response(s, sid, pid, "checkin10", "post", value=9)
        s.add(Note(group_id=gid, session_id=sid, body=NOTE))
        record_incident(s, gid, sid, "risk_disclosure", 3, INCIDENT)
    for i in range(3, len(script.steps)):  # every information step skipped
        e.skip("no time", index=i)
    e.finish()

    c2 = Clocks(datetime(2025, 3, 20, 4, 0, tzinfo=timezone.utc), mono=100.0)
    open_run = SessionRunner.create(
        db, gid, script, no_notes=True, clock=c2.monotonic, wall=c2.wall
    )
    open_run.engine.start()
    c2.advance(200)
    open_run.engine.next()
    c2.advance(200)
    open_run.engine.next()  # exploration, then the app is closed
    with db.unit() as s:
        from facilitator.store.models import Session

        s.get(Session, open_run.session_id).headcount = 5
    return Defusing(gid, sid, open_run.session_id, rid, codes, aliases)
