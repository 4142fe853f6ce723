"""Real services, bad input: the Arabic app shows each error in Arabic, parameters filled.

One representative error per module whose messages became templates: the service
raises, ``error_text(exc, "ar")`` translates the template from the catalogue and fills
the same parameters (numbers in Arabic-Indic digits). No English word may remain
apart from what the user typed or an id (given as ``keep``).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from facilitator.app import access, bundles, groups, practice, practice_review
from facilitator.demo import generator
from facilitator.errors import FacilitatorError
from facilitator.scripts import library
from facilitator.session import safety
from facilitator.session.engine import RunEngine
from facilitator.tracking import attendance, codes, custom_measures, participants, periods
from facilitator.ui.errors_ui import error_text

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _group(db, headcount_only: bool = False) -> str:
    with db.unit() as s:
        gid = groups.add_group(s, "Circle", "grief", "ar")
        if headcount_only:
            attendance.set_headcount_only(s, gid, True)
        return gid


def _raise(call, *args, **kwargs) -> FacilitatorError:
    with pytest.raises(FacilitatorError) as info:
        call(*args, **kwargs)
    return info.value


def _in_unit(db, work):
    with db.unit() as s:
        return work(s)


def cases(db):
    """(what it shows, the error, words to find in Arabic, Latin text allowed)."""
    gid = _group(db)
    with db.unit() as s:
        participants.add_participant(s, gid)
    scenario = practice.list_scenarios()[0].id
    yield (
        "periods",
        _raise(periods.check_months, date(2026, 3, 5), None),
        ["تاريخ البداية", "2026-03-05"],
        [],
    )
    yield (
        "participants",
        _raise(_in_unit, db, lambda s: participants.add_participant(s, gid, alias="x" * 200)),
        [str(participants.ALIAS_MAX).translate(ARABIC_DIGITS)],
        [],
    )
    yield (
        "attendance",
        _raise(_in_unit, db, lambda s: attendance.set_headcount_only(s, gid, True)),
        ["أرشفهم"],
        [],
    )
    yield ("codes", _raise(codes.normalize_code, "zz"), ["رمز مشارك", "'zz'"], ["zz", "KT"])
    yield (
        "safety",
        _raise(
            _in_unit,
            db,
            lambda s: safety.record_incident(
                s, gid, None, safety.load_protocol().incident_types[0].id, 99
            ),
        ),
        ["درجة الخطورة", "١، ٢"],
        [],
    )
    yield (
        "custom measures",
        _raise(
            _in_unit,
            db,
            lambda s: custom_measures.create_custom_measure(
                s, "mood", {"en": "Mood", "ar": "المزاج"}, minimum="low", maximum=10
            ),
        ),
        ["أدنى درجة"],
        [],
    )
    script = next(iter(library.builtin_scripts().values()))
    engine = RunEngine(script, lambda: 0.0)
    engine.start()
    steps = str(len(engine.plan)).translate(ARABIC_DIGITS)
    yield ("run engine", _raise(engine.jump, 99), ["٩٩", steps], [])
    yield (
        "script library",
        _raise(library.load_script, "no-such-script"),
        ["لا يوجد نص", "no-such-script"],
        ["no-such-script"],
    )
    yield (
        "practice",
        _raise(practice.start_attempt, db, scenario, "", seed=0),
        ["المتدرّب", "١٠٠"],
        [],
    )
    yield (
        "practice review",
        _raise(practice_review.add_comment, db, "nothing", "", "Well done"),
        ["اسم المدرّب", "١٠٠"],
        [],
    )
    yield ("bundles", _raise(bundles.parse_month, "2026-13", "to"), ["شهر النهاية"], [])
    yield (
        "access",
        _raise(access.require, access.Principal("u1", "tom", frozenset()), "users.manage"),
        ["إدارة المستخدمين", "tom"],
        ["tom"],
    )
    yield ("demo", _raise(generator.check_sizes, 0, 4, 5), ["عدد المجموعات", "١"], [])


def test_errors_from_the_services_read_in_arabic(raw_db):
    seen = []
    for what, exc, words, keep in cases(raw_db):
        english = str(exc)
        arabic = error_text(exc, "ar")
        seen.append(what)
        assert arabic != english, f"{what}: {english!r} shows in English"
        assert re.search("[\u0600-\u06ff]", arabic), f"{what}: {arabic!r}"
        rest = arabic
        for allowed in keep:
            rest = rest.replace(allowed, "")
        latin = re.findall(r"[A-Za-z]{2,}", rest)
        assert not latin, f"{what}: English {latin} left in {arabic!r} (from {english!r})"
        for word in words:
            assert word in arabic, f"{what}: {word!r} missing from {arabic!r}"
        assert error_text(exc, "en") == english  # the CLI's sentence is unchanged
    assert len(seen) == 13
