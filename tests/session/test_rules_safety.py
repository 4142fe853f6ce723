"""Ground rules (merging, hashing, agreement) and the safety protocol data."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from facilitator.errors import InputError
from facilitator.session import rules, safety
from facilitator.store.models import Group, Incident, RulesAgreement, SafetyResource, Session

CORE_IDS = [
    "confidentiality",
    "confidentiality_limits",
    "boundaries",
    "no_medical_advice",
    "own_experience",
    "respect_no_judgement",
    "right_to_pass",
    "one_voice",
    "chosen_names",
    "phones",
]


def test_core_rules_are_complete_and_bilingual():
    core = rules.load_ruleset("core-v1")
    assert [r.id for r in core.rules] == CORE_IDS
    for r in core.rules:
        for part in (r.title, r.text, r.short):
            assert part["en"].strip() and part["ar"].strip()
            assert any("\u0600" <= ch <= "\u06ff" for ch in part["ar"])
    assert "safety" in core.rule("confidentiality_limits").text["en"]
    assert "therapist" in core.rule("boundaries").text["en"]


def test_group_rewording_and_additions_change_the_hash():
    base = rules.effective_rules(None)
    reworded = rules.effective_rules(
        [
            {
                "id": "phones",
                "title": {"en": "Phones away", "ar": "الهواتف جانبًا"},
                "text": {"en": "Phones go in the basket.", "ar": "نضع الهواتف في السلة."},
            }
        ]
    )
    added = rules.effective_rules(
        [
            {
                "id": "tea",
                "title": {"en": "Tea", "ar": "الشاي"},
                "text": {"en": "Whoever arrives first makes tea.", "ar": "من يصل أولًا يعدّ الشاي."},
            }
        ]
    )
    assert [r.id for r in reworded.rules] == CORE_IDS  # reworded in place
    assert reworded.rule("phones").text["en"] == "Phones go in the basket."
    assert reworded.rule("phones").short["en"] == "Phones away"
    assert [r.id for r in added.rules] == CORE_IDS + ["tea"]
    hashes = {base.content_hash, reworded.content_hash, added.content_hash}
    assert len(hashes) == 3
    assert rules.ruleset_hash(rules.effective_rules(None)) == base.content_hash  # stable
    one_letter = rules.effective_rules(
        [
            {
                "id": "phones",
                "title": dict(base.rule("phones").title),
                "text": {
                    "en": base.rule("phones").text["en"] + "!",
                    "ar": base.rule("phones").text["ar"],
                },
                "short": dict(base.rule("phones").short),
            }
        ]
    )
    assert one_letter.content_hash != base.content_hash


def test_group_rules_as_plain_lines_from_the_group_form(raw_db):
    """The group form stores added rules one line each; the rule set takes them as they are."""
    with raw_db.unit() as s:
        g = Group(
            name="Thursday",
            program_type="general",
            extra_rules=["Phones stay in bags", "  ", "نبدأ في الموعد"],
        )
        s.add(g)
        s.flush()
        effective = rules.effective_rules(g)
    extra = [r for r in effective.rules if r.custom]
    assert [(r.id, r.text["en"], r.text["ar"]) for r in extra] == [
        ("group-1", "Phones stay in bags", "Phones stay in bags"),
        ("group-3", "نبدأ في الموعد", "نبدأ في الموعد"),
    ]
    assert [r.id for r in effective.rules][: len(CORE_IDS)] == CORE_IDS
    assert effective.content_hash != rules.effective_rules(None).content_hash


def test_bad_group_rule_is_refused():
    tea = {"id": "tea", "title": {"en": "Tea", "ar": "الشاي"}, "text": {"en": "T", "ar": "ش"}}
    with pytest.raises(InputError, match="Group rule 2: id: 'tea' is used by another"):
        rules.effective_rules([tea, dict(tea)])
    with pytest.raises(InputError) as info:
        rules.effective_rules([{"id": "x", "title": {"en": "X"}, "text": {"en": "a", "ar": "ب"}}])
    assert str(info.value) == "Group rule 1: title.ar: the Arabic text ('ar') is missing"
    with pytest.raises(InputError, match="Group rule 2: text.en: the English text is empty"):
        rules.effective_rules(
            [
                {"id": "x", "title": {"en": "X", "ar": "س"}, "text": {"en": "a", "ar": "ب"}},
                {"id": "y", "title": {"en": "Y", "ar": "ص"}, "text": {"en": " ", "ar": "ب"}},
            ]
        )


def test_record_agreement(raw_db, group_id):
    with raw_db.unit() as s:
        g = s.get(Group, group_id)
        g.extra_rules = [
            {
                "id": "tea",
                "title": {"en": "Tea", "ar": "الشاي"},
                "text": {"en": "Tea first.", "ar": "الشاي أولًا."},
            }
        ]
        sess = Session(group_id=group_id, script_id="tiny-circle", script_version="1.0")
        s.add(sess)
        s.flush()
        effective = rules.effective_rules(g)
        rules.record_agreement(s, sess.id, effective, agreed=True)
        sid = sess.id
    with raw_db.unit() as s:
        row = s.scalar(select(RulesAgreement).where(RulesAgreement.session_id == sid))
        assert (row.ruleset_id, row.ruleset_version, row.agreed) == ("core-v1", "1+group", True)
        assert row.content_hash == effective.content_hash
        with pytest.raises(InputError):
            rules.record_agreement(s, "0" * 32, effective)


def test_protocol_data():
    p = safety.load_protocol()
    assert [s.id for s in p.steps] == [
        "pause_group",
        "hold_group",
        "private_check",
        "call_resource",
        "record_incident",
    ]
    assert [t.id for t in p.incident_types] == [
        "risk_disclosure",
        "boundary_breach",
        "confidentiality_breach",
        "conflict_hostile_dynamics",
        "unqualified_medical_advice",
        "other",
    ]
    assert [s.level for s in p.severities] == [1, 2, 3]
    for item in list(p.steps):
        assert item.short["ar"] and item.long["ar"] and item.long["en"]
    # Placeholders only: never an invented phone number.
    assert p.default_resources and all(
        r["phone"] == {"en": "", "ar": ""} for r in p.default_resources
    )


@pytest.mark.parametrize("lang,script", [("en", r"[A-Za-z]"), ("ar", r"[\u0600-\u06FF]")])
def test_placeholder_resources_are_seeded_in_the_screen_language(raw_db, lang, script):
    import re

    with raw_db.unit() as s:
        assert safety.seed_default_resources(s, lang) == 3
        rows = safety.list_resources(s)
    assert all(re.search(script, r.name) and re.search(script, r.notes) for r in rows)
    if lang == "ar":
        assert not any(re.search(r"[A-Za-z]{3,}", r.name + r.notes) for r in rows)


def test_resource_crud(raw_db):
    with raw_db.unit() as s:
        assert safety.seed_default_resources(s) == 3
        assert safety.seed_default_resources(s) == 0
        assert safety.resources_need_editing(s)
        first = safety.list_resources(s)[0]
        safety.update_resource(s, first.id, name="City emergency", phone="+1 (555) 010-0000")
        added = safety.add_resource(s, "Night line", phone="0100", hours="20-08", language="ar")
        with pytest.raises(InputError, match="phone"):
            safety.add_resource(s, "Bad", phone="call me")
        with pytest.raises(InputError, match="name"):
            safety.add_resource(s, "   ")
        with pytest.raises(InputError, match="notes is too long"):
            safety.add_resource(s, "Long", notes="x" * 2001)
        with pytest.raises(InputError, match="whole number"):
            safety.update_resource(s, first.id, sort_order="first")
        assert safety.delete_resource(s, added.id)
    with raw_db.unit() as s:
        names = [
            r.name for r in s.scalars(select(SafetyResource).order_by(SafetyResource.sort_order))
        ]
        assert names[0] == "City emergency" and "Night line" not in names
        assert not safety.resources_need_editing(s)


def test_record_incident(raw_db, group_id):
    with raw_db.unit() as s:
        sess = Session(group_id=group_id, script_id="tiny-circle", script_version="1.0")
        s.add(sess)
        s.flush()
        safety.record_incident(
            s,
            group_id,
            sess.id,
            "unqualified_medical_advice",
            1,
            "A member suggested a dose change; rule restated.",
            ["pause_group", "restated the rule"],
        )
        with pytest.raises(InputError, match="not a known incident type"):
            safety.record_incident(s, group_id, sess.id, "gossip", 1, "")
        with pytest.raises(InputError, match="Severity"):
            safety.record_incident(s, group_id, sess.id, "other", 7, "")
        with pytest.raises(InputError):
            safety.record_incident(s, "f" * 32, None, "other", 1, "")
    with raw_db.unit() as s:
        rows = list(s.scalars(select(Incident)))
        assert [(r.type, r.severity, r.actions_taken) for r in rows] == [
            ("unqualified_medical_advice", 1, ["pause_group", "restated the rule"])
        ]


def test_untouched_placeholders_follow_the_language_and_edited_rows_stay(raw_db):
    with raw_db.unit() as s:
        safety.seed_default_resources(s, "en")
        first, second, _third = safety.list_resources(s)
        safety.update_resource(s, second.id, phone="+20 2 1234")  # the organisation's own
        assert safety.localize_placeholders(s, "ar") == 2
        rows = safety.list_resources(s)
        assert rows[0].name == "رقم الطوارئ المحلي (عدّله)" and rows[0].hours == "على مدار الساعة"
        assert rows[1].name == "Local crisis line (edit me)" and rows[1].phone == "+20 2 1234"
        assert safety.localize_placeholders(s, "ar") == 0
        assert safety.localize_placeholders(s, "en") == 2
        assert safety.list_resources(s)[0].name == "Local emergency number (edit me)"
