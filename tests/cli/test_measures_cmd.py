"""``facilitator measures``: add, list, retire, wording and show; bad input is one line,
exit code 1, and leaves the store exactly as it was."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from facilitator.cli.main import main
from facilitator.store.models import MeasureDefinition
from facilitator.store.service import create_store, open_store

PASSPHRASE = "a long test passphrase"
WORDING = """\
title: مؤشر الرفاه بصيغة المنظمة
instructions: اختر لكل عبارة ما يصف شعورك خلال الأسبوعين الماضيين.
items: [عبارة أولى, عبارة ثانية, عبارة ثالثة, عبارة رابعة, عبارة خامسة]
choices: [دائمًا, غالبًا, أكثر من النصف, أقل من النصف, أحيانًا, أبدًا]
source: Published Arabic version (organisation copy)
"""


@pytest.fixture
def store(tmp_path, memory_keyring, monkeypatch):
    monkeypatch.setenv("FACILITATOR_KDF_PROFILE", "test")
    path = tmp_path / "f.db"
    create_store(path, passphrase=PASSPHRASE, use_keyring=False).close()
    pw = tmp_path / "pass.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return {"db": str(path), "pass": str(pw), "tmp": tmp_path}


def run(store, capsys, *args):
    code = main(["measures", *args, "--db", store["db"], "--passphrase-file", store["pass"]])
    out = capsys.readouterr()
    return code, out.out, out.err


def definitions(store) -> list[tuple]:
    with open_store(store["db"], passphrase=PASSPHRASE) as opened:
        with opened.db.session() as s:
            return sorted(
                (m.key, json.dumps(m.title, sort_keys=True), json.dumps(m.spec, sort_keys=True))
                for m in s.scalars(select(MeasureDefinition))
            )


ADD = [
    "add",
    "cope",
    "--title-en",
    "Confidence to cope",
    "--title-ar",
    "الثقة بالقدرة على التأقلم",
    "--min",
    "0",
    "--max",
    "10",
]


def test_add_list_retire_and_show(store, capsys):
    code, out, _ = run(store, capsys, *ADD)
    assert code == 0 and "Added the measure 'cope'" in out
    code, out, _ = run(
        store,
        capsys,
        "add",
        "sleep",
        "--title-en",
        "Sleep",
        "--title-ar",
        "النوم",
        "--min",
        "0",
        "--max",
        "14",
        "--step",
        "0.5",
        "--asked",
        "single",
        "--lower-is-better",
    )
    assert code == 0
    code, out, _ = run(store, capsys, "list", "--json")
    rows = {r["key"]: r for r in json.loads(out)}
    assert list(rows) == ["checkin10", "who5", "cope", "sleep"]
    assert rows["cope"]["title_ar"] == "الثقة بالقدرة على التأقلم"
    assert (rows["cope"]["asked"], rows["sleep"]["asked"]) == ("prepost", "single")
    assert rows["sleep"]["step"] == 0.5 and rows["sleep"]["higher_is_better"] is False
    assert run(store, capsys, "retire", "cope")[0] == 0
    code, out, _ = run(store, capsys, "list")
    assert "cope" not in out and out.splitlines()[0].startswith("key\ttitle_en")
    code, out, _ = run(store, capsys, "list", "--all")
    assert [line.split("\t")[-2] for line in out.splitlines() if line.startswith("cope")] == [
        "True"
    ]
    code, out, _ = run(store, capsys, "show", "cope")
    assert "organisation-defined, not a validated instrument" in out
    assert "retired" in out
    assert run(store, capsys, "unretire", "cope")[0] == 0
    code, out, _ = run(store, capsys, "show", "who5", "--lang", "ar")
    assert code == 0 and "status: unverified" in out


def test_wording_file_reaches_show_with_its_status(store, capsys):
    f = store["tmp"] / "who5-ar.yaml"
    f.write_text(WORDING, encoding="utf-8")
    code, out, _ = run(store, capsys, "wording", "who5", "--file", str(f))
    assert code == 0 and "organisation" in out
    code, out, _ = run(store, capsys, "show", "who5", "--lang", "ar")
    assert out.splitlines()[:2] == ["مؤشر الرفاه بصيغة المنظمة", "status: organisation"]
    assert "5 = دائمًا" in out and "0 = أبدًا" in out and "organisation copy" in out
    code, out, _ = run(store, capsys, "show", "who5")
    assert "status: published" in out and "I have felt calm and relaxed" in out
    assert run(store, capsys, "wording", "who5", "--clear")[0] == 0
    assert "status: unverified" in run(store, capsys, "show", "who5", "--lang", "ar")[1]


def _bad_cases(tmp):
    files = {
        "not-yaml.yaml": "title: [unclosed\n",
        "four-items.yaml": WORDING.replace(", عبارة خامسة", ""),
        "latin.yaml": WORDING.replace("title: مؤشر الرفاه بصيغة المنظمة", "title: WHO-5"),
        "list.yaml": "- a\n- b\n",
        "binary.yaml": b"\xff\xfe\x00garbage",
    }
    for name, text in files.items():
        path = tmp / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return [
        (ADD, "already exists"),
        (["add", "calm", "--title-en", "Calm", "--min", "0", "--max", "4"], "--title-ar"),
        (
            [
                "add",
                "calm",
                "--title-en",
                "Calm",
                "--title-ar",
                "هدوء",
                "--min",
                "abc",
                "--max",
                "4",
            ],
            "--min must be a number",
        ),
        (
            [
                "add",
                "calm",
                "--title-en",
                "Calm",
                "--title-ar",
                "هدوء",
                "--min",
                "0",
                "--max",
                "nan",
            ],
            "finite",
        ),
        (
            [
                "add",
                "calm",
                "--title-en",
                "Calm",
                "--title-ar",
                "هدوء",
                "--min",
                "0",
                "--max",
                "10",
                "--step",
                "3",
            ],
            "does not divide",
        ),
        (
            [
                "add",
                "calm",
                "--title-en",
                "Calm",
                "--title-ar",
                "هدوء",
                "--min",
                "0",
                "--max",
                "10",
                "--asked",
                "sometimes",
            ],
            "--asked",
        ),
        (
            [
                "add",
                "Bad Key",
                "--title-en",
                "Calm",
                "--title-ar",
                "هدوء",
                "--min",
                "0",
                "--max",
                "10",
            ],
            "lowercase",
        ),
        (
            [
                "add",
                "calm",
                "--title-en",
                "Calm\u202e",
                "--title-ar",
                "هدوء",
                "--min",
                "0",
                "--max",
                "10",
            ],
            "control character",
        ),
        (["retire", "nothing"], "no measure called"),
        (["retire", "who5"], "built-in"),
        (["show", "nothing"], "no measure called"),
        (["wording", "who5"], "--file"),
        (["wording", "checkin10", "--file", str(tmp / "latin.yaml")], "Only the WHO-5"),
        (["wording", "who5", "--file", str(tmp / "missing.yaml")], "Could not read"),
        (["wording", "who5", "--file", str(tmp / "not-yaml.yaml")], "not valid YAML"),
        (["wording", "who5", "--file", str(tmp / "four-items.yaml")], "exactly 5"),
        (["wording", "who5", "--file", str(tmp / "latin.yaml")], "no Arabic letters"),
        (["wording", "who5", "--file", str(tmp / "list.yaml")], "must be a mapping"),
        (["wording", "who5", "--file", str(tmp / "binary.yaml")], "not UTF-8"),
    ]


def test_bad_input_is_one_line_exit_1_and_changes_nothing(store, capsys):
    assert run(store, capsys, *ADD)[0] == 0
    before = definitions(store)
    for args, words in _bad_cases(store["tmp"]):
        code, out, err = run(store, capsys, *args)
        assert code == 1, (args, err)
        assert err.count("\n") == 1 and err.startswith("facilitator: error:"), (args, err)
        assert words in err and "Traceback" not in err, (args, err)
        assert out == ""
    assert definitions(store) == before


def test_rename_changes_titles_only_and_refuses_bad_input(store, capsys):
    assert run(store, capsys, *ADD)[0] == 0
    before = {k: json.loads(spec) for k, _t, spec in definitions(store)}["cope"]
    code, out, _ = run(store, capsys, "rename", "cope", "--title-en", "Able to cope")
    assert code == 0 and "Able to cope / الثقة بالقدرة على التأقلم" in out
    after = {k: (json.loads(t), json.loads(spec)) for k, t, spec in definitions(store)}["cope"]
    assert after[0] == {"en": "Able to cope", "ar": "الثقة بالقدرة على التأقلم"}
    assert {k: v for k, v in after[1].items() if k != "title"} == {
        k: v for k, v in before.items() if k != "title"
    }  # the scale is untouched
    unchanged = definitions(store)
    for args in (
        ["rename", "cope"],  # nothing to change
        ["rename", "cope", "--title-ar", "Coping"],  # no Arabic letters
        ["rename", "cope", "--title-en", "bad\u202etitle"],  # a bidi override
        ["rename", "checkin10", "--title-en", "Mine"],  # built in
        ["rename", "nosuch", "--title-en", "x"],
    ):
        code, out, err = run(store, capsys, *args)
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, (args, err)
    assert definitions(store) == unchanged
