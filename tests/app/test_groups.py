"""The groups service the home/group/plan screens and the CLI share (no Qt here)."""

from __future__ import annotations

import pytest

from facilitator.app import groups as G
from facilitator.errors import InputError
from facilitator.store.models import Group, Participant


def _add(db, name="Tuesday circle", kind="grief", lang="ar") -> str:
    with db.unit() as s:
        return G.add_group(s, name, kind, lang)


def test_add_rename_archive_a_group(raw_db):
    gid = _add(raw_db, "  Tuesday   circle ")
    with raw_db.unit() as s:
        g = s.get(Group, gid)
        assert (g.name, g.program_type, g.language, g.archived) == (
            "Tuesday circle",
            "grief",
            "ar",
            False,
        )
    with raw_db.unit() as s:
        G.rename_group(s, gid, "Wednesday circle")
    assert [r.name for r in G.list_groups(raw_db)] == ["Wednesday circle"]
    with raw_db.unit() as s:
        G.archive_group(s, gid)
    assert G.list_groups(raw_db) == []
    (row,) = G.list_groups(raw_db, include_archived=True)
    assert row.archived and row.language == "ar" and row.participants == 0


@pytest.mark.parametrize(
    "name, kind, lang, words",
    [
        ("", "grief", "en", "needs a name"),
        ("x" * (G.NAME_MAX + 1), "grief", "en", "too long"),
        ("Circle", "astrology", "en", "kind of group"),
        ("Circle", "grief", "fr", "language"),
    ],
)
def test_a_bad_group_is_refused_and_nothing_is_written(raw_db, name, kind, lang, words):
    with pytest.raises(InputError, match=words):
        _add(raw_db, name, kind, lang)
    with raw_db.unit() as s:
        assert s.query(Group).count() == 0


def test_participants_get_unique_codes_and_only_codes_are_listed(raw_db):
    gid = _add(raw_db)
    with raw_db.unit() as s:
        codes = [G.add_participant(s, gid) for _ in range(5)]
        G.add_participant(s, gid, alias="Mona")
    listed = G.participant_codes(raw_db, gid)
    assert len(set(codes)) == 5 and set(codes) < set(listed) and len(listed) == 6
    assert "Mona" not in listed
    roster = G.load_roster(raw_db, gid)
    assert {r.code for r in roster} == set(listed)
    with raw_db.unit() as s:
        G.archive_participant(s, roster[0].id)
    assert roster[0].code not in G.participant_codes(raw_db, gid)
    assert G.list_groups(raw_db)[0].participants == 5


def test_unknown_group_is_one_clear_error(raw_db):
    with pytest.raises(InputError, match="does not exist"):
        G.participant_codes(raw_db, "nope")
    with raw_db.unit() as s, pytest.raises(InputError, match="does not exist"):
        G.rename_group(s, "nope", "X")


def test_group_form_round_trips_and_plan_info(raw_db):
    with raw_db.unit() as s:
        gid = G.save_group(
            s, G.GroupForm("Circle", "anxiety", "en", None, ["Phones away", " "], " Sam ", False)
        )
        G.add_participant(s, gid)
    form = G.group_form(raw_db, gid)
    assert (form.name, form.extra_rules, form.co_facilitator) == ("Circle", ["Phones away"], "Sam")
    info = G.plan_info(raw_db, gid)
    assert info is not None and info.roster_size == 1 and info.who5_due
    assert G.plan_info(raw_db, "nope") is None
    with raw_db.unit() as s:
        assert s.query(Participant).count() == 1
