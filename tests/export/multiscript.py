"""A store whose typed texts come in many scripts, and every report type built from it.

The texts carry brackets, quotes and punctuation at either end, the cases where the
bidi algorithm moves characters when a text is not isolated from its neighbours.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from facilitator.resources import resource_path
from facilitator.scripts.library import save_custom_script
from facilitator.store.db import Database
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    Base,
    Group,
    Note,
    Participant,
    Session,
    SessionStatus,
)

#: (what it is, the text as typed)
SAMPLES = [
    ("latin brackets", "(Tuesday) circle"),
    ("latin quotes", '"Open door" group.'),
    ("arabic", "حلقة «الأمل» (الثلاثاء)."),
    ("turkish", "Ayşe'nin grubu!"),
    ("polish czech romanian", "Łódź, Dvořák i Ștefan?"),
    ("cyrillic", "«Ольга и друзья»"),
    ("greek", "Ελένη (Αθήνα)."),
    ("hebrew", 'קבוצת "שרה".'),
]
#: Names from many scripts: every character must print with a real glyph.
NAMES = [
    "Ayşe",
    "Łódź",
    "Dvořák",
    "Ștefan",
    "Ţara",
    "Ольга",
    "Ελένη",
    "שרה",
    "Đorđe",
    "Ğülşen",
    "Żaneta",
    "Jürgen",
    "François",
    "أحمد",
    "Nguyễn",
]

SCRIPT_ID = "multiscript-circle"


def custom_script_yaml(title_en: str, title_ar: str, step_titles: list[str]) -> str:
    with open(resource_path("scripts", "mutual-support-circle.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    data["id"] = SCRIPT_ID
    data["title"] = {"en": title_en, "ar": title_ar}
    for step, title in zip(data["steps"], step_titles):
        step["title"] = {"en": title, "ar": title}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def make_store(folder: Path) -> dict:
    """Two groups (a Latin and an Arabic name), a custom script titled in several
    scripts, and a session per group whose notes are every sample."""
    db = Database(folder / "multi.db", os.urandom(32))
    Base.metadata.create_all(db.engine)
    texts = [t for _, t in SAMPLES]
    start = datetime(2026, 9, 1, 18, 0, tzinfo=timezone.utc)
    with db.unit() as s:
        save_custom_script(
            s, custom_script_yaml("Ayşe, Ольга & Ελένη circle", "حلقة Ayşe وОльга", texts)
        )
        ids: dict = {"groups": [], "sessions": []}
        for gi, name in enumerate([SAMPLES[0][1], SAMPLES[2][1]]):
            group = Group(
                name=name, program_type="mutual_support", extra_rules=[t for t in texts[3:]]
            )
            s.add(group)
            s.flush()
            people = [Participant(group_id=group.id, code=f"Q{gi}{i:02d}") for i in range(7)]
            s.add_all(people)
            s.flush()
            for week in (0, 1, 3):  # one and two weeks apart
                when = start + timedelta(weeks=week, days=gi)
                sess = Session(
                    group_id=group.id,
                    script_id=SCRIPT_ID,
                    script_version="1.1",
                    started_at=when,
                    ended_at=when + timedelta(minutes=90),
                    status=SessionStatus.completed,
                )
                s.add(sess)
                s.flush()
                for p in people:
                    s.add(
                        Attendance(
                            session_id=sess.id,
                            participant_id=p.id,
                            status=AttendanceStatus.present,
                            first_time=week == 0,
                        )
                    )
                if week == 3:
                    for text in texts:
                        s.add(Note(group_id=group.id, session_id=sess.id, body=text))
                    ids["sessions"].append(sess.id)
            ids["groups"].append(group.id)
    ids["db"] = db
    return ids


def all_reports(ids: dict, lang: str, recovery_path: str) -> dict:
    """Every report type, as ``Report`` objects, keyed by a short name."""
    from facilitator.export.handout import handout_report
    from facilitator.export.recovery_kit import build_recovery_kit
    from facilitator.scripts.library import load_script
    from facilitator.session.rules import effective_rules
    from facilitator.tracking.reports import (
        build_group_report,
        build_program_report,
        build_session_report,
    )

    db = ids["db"]
    out = {}
    for i, (gid, sid) in enumerate(zip(ids["groups"], ids["sessions"])):
        out[f"session{i}"] = build_session_report(db, sid, lang)
        out[f"group{i}"] = build_group_report(db, gid, None, None, lang)
    out["program"] = build_program_report(db, None, None, lang)
    with db.session() as s:
        script = load_script(SCRIPT_ID, s)
        group = s.get(Group, ids["groups"][0])
        rules = effective_rules(group)
    out["handout"] = handout_report(script, lang, rules)
    out["recovery"] = build_recovery_kit(
        "ABCDE-FGHJK-MNPQR-STVWX-YZ234-56789",
        recovery_path,
        lang,
        created=datetime(2026, 12, 4, tzinfo=timezone.utc),
    )
    return out
