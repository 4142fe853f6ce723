"""``facilitator scenarios ...``: list, validate, check, strings and play (stdin piped)."""

from __future__ import annotations

import subprocess
import sys

from tests.practice.conftest import SMALL
from tests.privacy.helpers import run_cli


def test_list_shows_the_twelve():
    result = run_cli("scenarios", "list")
    assert result.rc == 0
    lines = result.out.strip().splitlines()
    assert len(lines) == 12 and all("\treviewed\t" in line for line in lines)
    assert any(
        line.startswith("suicidal-disclosure-round\tmutual-support-circle") for line in lines
    )
    ar = run_cli("scenarios", "list", "--lang", "ar").out
    assert "خرق للسرية" in ar


def test_validate_and_check_the_builtin_folder():
    from facilitator.practice.loader import builtin_dir

    result = run_cli("scenarios", "validate", str(builtin_dir()))
    assert result.rc == 0 and result.out.count(": ok (") == 12
    result = run_cli("scenarios", "check", "--quiet", str(builtin_dir()))
    assert result.rc == 0, result.err
    assert result.out.count(": ok (") == 12


def test_a_bad_file_exits_1_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("    step: check_in", "    step: nowhere"), encoding="utf-8")
    line = 1 + SMALL.splitlines().index("    step: check_in")
    for action in ("validate", "check"):
        result = run_cli("scenarios", action, str(bad))
        assert result.rc == 1
        assert result.err.startswith(f"{bad}:{line}: events[0].step: ")
        assert "Traceback" not in result.err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cli("scenarios", "validate", str(empty)).rc == 1


def test_check_failure_is_reported_with_its_line(tmp_path):
    path = tmp_path / "never.yaml"
    text = SMALL.replace('op: ">=", value: 8', 'op: ">=", value: 10')
    path.write_text(text, encoding="utf-8")
    assert run_cli("scenarios", "validate", str(path)).rc == 0  # valid, but...
    result = run_cli("scenarios", "check", str(path))
    line = 1 + text.splitlines().index('    when: {who: AA1, var: distress, op: ">=", value: 10}')
    assert result.rc == 1
    assert f"{path}:{line}: error: event 'upset': the condition" in result.err


def test_strings_for_the_translator(tmp_path):
    result = run_cli("scenarios", "strings", "silent-member", "--lang", "ar")
    assert result.rc == 0
    rows = [line.split("\t") for line in result.out.strip().splitlines()]
    assert all(len(r) == 3 and r[1] and r[2] for r in rows)
    assert [
        "decision.at_check_in.option.accept.text",
        '"Thank you, W8E. Passing is always fine." Then move on.',
        "«شكرًا يا W8E. الاعتذار مقبول دائمًا.» ثم انتقل.",
    ] in rows
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        SMALL.replace("status: reviewed", "status: draft").replace(
            'text: {en: "Leaves.", ar: "يغادر."}', 'text: {en: "Leaves."}'
        ),
        encoding="utf-8",
    )
    missing = run_cli("scenarios", "strings", str(draft), "--lang", "ar", "--missing")
    assert missing.out == "event.upset.text\tLeaves.\t\n"


def _play(*args: str, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "scenarios", "play", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_play_reads_choices_from_a_pipe():
    done = _play("suicidal-disclosure-round", "--seed", "3", stdin="1\n1\n1\n1\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("PRACTICE")
    assert "K4T discloses risk" in out and "Coach:" in out
    assert "[done] Ask directly and privately about suicide" in out
    assert "Result: Competent (100% of the points available)" in out
    again = _play("suicidal-disclosure-round", "--seed", "3", stdin="1\n1\n1\n1\n")
    assert again.stdout.replace(" (answered in 0 s)", "") == out.replace(" (answered in 0 s)", "")


def test_play_in_arabic_assessment_mode_with_a_wrong_answer_first():
    done = _play(
        "boundary-private-meeting",
        "--seed",
        "1",
        "--lang",
        "ar",
        "--mode",
        "assessment",
        stdin="9\nx\n2\n1\n1\n",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "type a number from 1 to 3" in out
    head, debrief = out.split("== المراجعة")
    assert "ملاحظة المدرّب" not in head and "التعليق" not in head  # nothing until the end
    assert "التعليق" in debrief and "[فات] الاعتذار عن اللقاء الخاص" in debrief
    assert "النتيجة: لم يتحقق بعد" in debrief


def test_play_errors_are_one_line():
    done = _play("suicidal-disclosure-round", stdin="1\n")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "facilitator: error: the input ended before decision 'private_talk' was answered"
    ]
    done = _play("no-such-scenario", stdin="")
    assert (
        done.returncode == 1 and "there is no built-in scenario 'no-such-scenario'" in done.stderr
    )
    done = _play("silent-member", "--seed", "-4", stdin="")
    assert done.returncode == 1 and "--seed" in done.stderr


def test_play_saves_an_attempt_and_history_shows_its_debrief(tmp_path, monkeypatch):
    import io

    from tests.privacy.helpers import init_store

    store = init_store(tmp_path / "store", tmp_path / "secrets")
    monkeypatch.setattr("sys.stdin", io.StringIO("2\n1\n3\n"))
    played = run_cli(
        "scenarios",
        "play",
        "silent-member",
        "--seed",
        "5",
        "--trainee",
        "Sam",
        *store.unlock_args(),
    )
    assert played.rc == 0, played.err
    attempt_id = played.out.split("saved as attempt ")[1].split()[0]
    listed = run_cli("scenarios", "history", *store.unlock_args(), "--trainee", "Sam")
    assert listed.rc == 0
    row = listed.out.strip().split("\t")
    assert row[0] == attempt_id and row[2:8] == [
        "Sam",
        "silent-member",
        "practice",
        "seed 5",
        "finished",
        "not_yet",
    ]
    debrief = run_cli("scenarios", "history", *store.unlock_args(), "--debrief", attempt_id)
    # rebuilt from the stored seed and inputs: the same debrief the trainee saw
    assert debrief.rc == 0
    assert debrief.out.strip() == played.out.split("saved as attempt ")[1].split("\n", 1)[1].strip()
    arabic = run_cli(
        "scenarios", "history", *store.unlock_args(), "--debrief", attempt_id, "--lang", "ar"
    )
    assert "== المراجعة" in arabic.out and "الإصغاء والتعاطف" in arabic.out
    nothing = run_cli("scenarios", "history", *store.unlock_args(), "--trainee", "Nobody")
    assert nothing.rc == 0 and nothing.out == ""
