"""Every typed text is checked at the door, in the core, by one validator."""

from __future__ import annotations

import pytest
import yaml

from facilitator.errors import InputError, ScriptError
from facilitator.resources import resource_path
from facilitator.session.safety import add_resource
from facilitator.scripts.loader import parse_script_text
from facilitator.store.models import Group, Incident, Note, Participant
from facilitator.textcheck import check_text, isolate

HOSTILE = [
    ("\x00", "0000"),
    ("\x1b", "001B"),
    ("\x07", "0007"),
    ("\x85", "0085"),
    ("\u202e", "202E"),
    ("\u202d", "202D"),
    ("\u202a", "202A"),
    ("\u202c", "202C"),
    ("\u2066", "2066"),
    ("\u2068", "2068"),
    ("\u2069", "2069"),
    ("\ue000", "E000"),
    ("\U000e0041", "E0041"),
    ("\u0600", "0600"),
]


@pytest.mark.parametrize("bad, code", HOSTILE)
def test_controls_and_overrides_are_refused_with_the_character_named(bad, code):
    with pytest.raises(
        InputError,
        match=rf"The group name contains an invisible control "
        rf"character \(U\+{code}",
    ):
        check_text(f"Tuesday{bad} circle", "The group name", limit=200)


def test_stray_marks_are_removed_and_joiners_kept_only_between_letters():
    # LRM, RLM, ALM, zero-width space, BOM, soft hyphen: removed without a word
    assert (
        check_text("\u200fحلقة\u200e \u061cالأمل\u200b\ufeff\u00ad", "x", limit=50) == "حلقة الأمل"
    )
    # Persian needs ZWNJ inside a word; a ZWJ at the edge of a word is noise
    assert check_text("می\u200cخواهم", "x", limit=50) == "می\u200cخواهم"
    assert check_text("\u200dabc\u200d def", "x", limit=50) == "abc def"


def test_white_space_length_and_empty():
    assert check_text("  a \t b\n c  ", "x", limit=9) == "a b c"
    assert (
        check_text("line one\r\n\r\n\r\n\r\nline  two", "x", limit=99, multiline=True)
        == "line one\n\nline two"
    )
    with pytest.raises(InputError, match="The note is 12 characters long; the limit is 10"):
        check_text("123456789012", "The note", limit=10)
    with pytest.raises(InputError, match="The group name is empty"):
        check_text(" \u200e ", "The group name", limit=10, required=True)
    with pytest.raises(InputError, match="must be text"):
        check_text(5, "The group name", limit=10)


def test_isolate_sets_typed_text_apart():
    assert isolate("(Tuesday) circle") == "\u2068(Tuesday) circle\u2069"
    assert isolate("a\u202eb") == "\u2068ab\u2069"
    assert isolate("") == ""


def test_every_typed_column_is_checked_whatever_the_path(raw_db):
    with raw_db.unit() as s:
        with pytest.raises(InputError, match="U\\+0000"):
            Group(name="circle\x00", program_type="grief")
        with pytest.raises(InputError, match="U\\+202E"):
            Group(name="ok", program_type="grief", extra_rules=["be kind\u202e"])
        group = Group(name="\u200e(Tuesday)   circle ", program_type="grief")
        assert group.name == "(Tuesday) circle"  # normalised, not refused
        s.add(group)
        s.flush()
        with pytest.raises(InputError, match="U\\+001B"):
            group.name = "x\x1by"
        with pytest.raises(InputError, match="The note contains"):
            Note(group_id=group.id, body="fine\nthen \u202ebad")
        assert Note(group_id=group.id, body="two\nlines").body == "two\nlines"
        with pytest.raises(InputError, match="The alias contains"):
            Participant(group_id=group.id, code="P001", alias="Sam\u2066")
        with pytest.raises(InputError, match="The incident description contains"):
            Incident(
                group_id=group.id, session_id=None, type="distress", severity=1, description="\x00"
            )
        with pytest.raises(InputError, match="The resource notes contain|U\\+0000"):
            add_resource(s, "Helpline", "123", notes="open\x00late")
        with pytest.raises(InputError, match="U\\+202E"):
            add_resource(s, "Help\u202eline", "123")


def _script_with_title(title: str) -> str:
    with open(resource_path("scripts", "mutual-support-circle.yaml"), encoding="utf-8") as f:
        data = yaml.safe_load(f)
    data["id"] = "long-title"
    data["title"]["en"] = title
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("length", [800, 20_000])
def test_a_very_long_script_title_is_refused_with_its_limit(length):
    title = ("Peer group for people living with long illness " * 500)[:length]
    with pytest.raises(ScriptError) as err:
        parse_script_text(_script_with_title(title), "custom script")
    message = str(err.value)
    assert "200" in message and "title" in message
    assert "reportlab" not in message.lower() and "Traceback" not in message


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\x1b"])
def test_scripts_refuse_controls_in_any_text(bad):
    with pytest.raises(ScriptError, match="invisible control character"):
        parse_script_text(_script_with_title(f"Circle{bad}"), "custom script")


@pytest.mark.parametrize(
    "name, code", [("Circle\x00", "0000"), ("Circle\x1b[2J", "001B"), ("\u202eelcric", "202E")]
)
def test_the_group_form_save_refuses_hostile_names(raw_db, name, code):
    """The group dialog's save (run on the worker) meets the same check at the door."""
    from facilitator.ui.group_dialog import GroupForm, save_group

    with raw_db.unit() as s:
        with pytest.raises(InputError, match=rf"U\+{code}"):
            save_group(s, GroupForm(name=name, program_type="grief"))
        gid = save_group(
            s,
            GroupForm(
                name="\u200fحلقة\u200d الأمل\u200e",
                program_type="grief",
                extra_rules=["كن لطيفاً\u200f"],
            ),
        )
        group = s.get(Group, gid)
        assert group.name == "حلقة الأمل" and group.extra_rules == ["كن لطيفاً"]
