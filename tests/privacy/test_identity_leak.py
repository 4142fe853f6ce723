"""Promise: aliases never leave the facilitator, and codes never reach a supervisor.

Spec (issue 4): an alias "only the facilitator's screens show and never appears in
any export"; "per-person scores and codes never appear in supervisor or program
reports". The session summary is the facilitator's own record, so it may list codes,
but aliases typed into its notes are replaced.

Every participant gets a distinctive alias (Latin and Arabic), notes name them, and
every export is read back from the PDF (pdftotext, pypdf, metadata) and from the
Report object the PDF was drawn from.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from facilitator.export.handout import handout_for
from facilitator.store.models import Group, Incident, Note, Participant, Session
from facilitator.tracking import report_text as rt
from facilitator.tracking import reports

from .helpers import demo_store, found_in, ok, pdf_text, report_strings

# Made-up, unmistakable words: no report text or translation could contain them.
ARABIC_MARKS = ["زبرجدونة", "ياقوتينا", "فيروزانة", "عقيقستان", "مرجانوتة", "كهرمانيا"]
LANGS = ("en", "ar")


def latin_mark(n: int) -> str:
    return f"ALIASMARK{n:03d}"


@pytest.fixture(scope="module")
def leak_store(tmp_path_factory):
    """Three demo groups (one Arabic-speaking), every alias replaced by a marker and
    named in a note on a real and a practice session, then every export written."""
    tmp = tmp_path_factory.mktemp("leak")
    store = demo_store(tmp / "store", tmp / "secrets", groups=3, weeks=8)
    aliases: list[str] = []
    noted: list[str] = []
    with store.open() as opened, opened.db.unit() as s:
        people = list(
            s.scalars(select(Participant).order_by(Participant.created_at, Participant.code))
        )
        for n, p in enumerate(people):
            p.alias = ARABIC_MARKS[n % len(ARABIC_MARKS)] if n % 4 == 3 else latin_mark(n)
            aliases.append(p.alias)
        codes = {p.code for p in people}
        by_group: dict[str, list[str]] = {}
        for p in people:
            by_group.setdefault(p.group_id, []).append(p.alias)
        for gid, names in by_group.items():
            for sess in s.scalars(
                select(Session).where(Session.group_id == gid).order_by(Session.started_at)
            ).all()[-1:] + list(
                s.scalars(
                    select(Session).where(Session.group_id == gid, Session.is_practice.is_(True))
                )
            ):
                body = (
                    f"Talked with {names[0]} after the group; {names[-1].lower()} "
                    f"asked for the leaflet NOTEMARK. تحدثت مع {names[1]} بعد اللقاء."
                )
                s.add(
                    Note(
                        group_id=gid,
                        session_id=sess.id,
                        body=body,
                        created_at=sess.started_at + timedelta(hours=2),
                        updated_at=sess.started_at + timedelta(hours=2),
                    )
                )
                noted.append(sess.id)
        for inc in s.scalars(select(Incident)):
            inc.description = "FREETEXTMARK what happened, in the facilitator's words"
            inc.follow_up_note = "FREETEXTMARK who was called"
        n_incidents = len(s.scalars(select(Incident)).all())
        group_names = list(s.scalars(select(Group.name)))
    assert n_incidents > 0
    assert len(aliases) >= 20 and len(codes) == len(aliases)

    base = store.unlock_args()
    pdfs: dict[str, list] = {"group": [], "program": [], "handout": [], "session": []}
    for lang in LANGS:
        for n, gid in enumerate(store.group_ids):
            for extra in ([], ["--k", "11"]) if n == 0 else ([],):
                out = tmp / f"group-{gid}-{lang}-{len(extra)}.pdf"
                ok("report", "group", "--group", gid, *extra, *base, "--lang", lang, "--out", out)
                pdfs["group"].append(out)
        for extra in ([], ["--external"]):
            out = tmp / f"program-{lang}-{len(extra)}.pdf"
            ok("report", "program", *extra, *base, "--lang", lang, "--out", out)
            pdfs["program"].append(out)
        for script in ("mutual-support-circle", "grief-loss-circle"):
            out = tmp / f"handout-{script}-{lang}.pdf"
            ok("report", "handout", "--script", script, "--lang", lang, "--out", out)
            pdfs["handout"].append(out)
        for sid in noted:
            out = tmp / f"session-{sid}-{lang}.pdf"
            ok("report", "session", "--session", sid, *base, "--lang", lang, "--out", out)
            pdfs["session"].append(out)
    texts = {kind: [(p, pdf_text(p)) for p in paths] for kind, paths in pdfs.items()}

    objects: dict[str, list] = {"group": [], "program": [], "session": [], "handout": []}
    with store.open() as opened:
        for lang in LANGS:
            for gid in store.group_ids:
                objects["group"].append(
                    reports.build_group_report(opened.db, gid, None, None, lang)
                )
            for external in (False, True):
                objects["program"].append(
                    reports.build_program_report(opened.db, None, None, lang, external=external)
                )
            objects["session"] += [
                reports.build_session_report(opened.db, sid, lang) for sid in noted
            ]
            objects["handout"].append(handout_for("mutual-support-circle", lang))
    return dict(
        aliases=aliases,
        codes=codes,
        texts=texts,
        objects=objects,
        store=store,
        group_names=group_names,
    )


@pytest.mark.parametrize("kind", ["group", "program", "handout", "session"])
def test_no_alias_in_any_exported_pdf(leak_store, kind):
    assert leak_store["texts"][kind]
    for path, text in leak_store["texts"][kind]:
        assert "ALIASMARK" not in text and "ALIASMARK" not in re.sub(r"\s+", "", text), path
        assert not found_in(text, leak_store["aliases"]), path


@pytest.mark.parametrize("kind", ["group", "program", "handout", "session"])
def test_no_alias_in_any_report_object(leak_store, kind):
    for report in leak_store["objects"][kind]:
        joined = "\n".join(report_strings(report))
        assert not [a for a in leak_store["aliases"] if a in joined], (report.kind, report.lang)


@pytest.mark.parametrize("kind", ["group", "program", "handout"])
def test_no_participant_code_leaves_the_facilitator(leak_store, kind):
    codes = leak_store["codes"]
    for path, text in leak_store["texts"][kind]:
        found = [c for c in codes if re.search(rf"(?<![A-Z]){re.escape(c)}(?!\d)", text)]
        assert not found, f"{path.name}: {found[:5]}"
    for report in leak_store["objects"][kind]:
        strings = report_strings(report)
        assert not [c for c in codes if any(c in s for s in strings)], report.kind


@pytest.mark.parametrize("kind", ["group", "program"])
def test_no_free_text_reaches_a_supervisor(leak_store, kind):
    """Notes and incident descriptions are the facilitator's words about people."""
    for path, text in leak_store["texts"][kind]:
        assert "NOTEMARK" not in text and "FREETEXTMARK" not in text, path.name
    for report in leak_store["objects"][kind]:
        joined = "\n".join(report_strings(report))
        assert "NOTEMARK" not in joined and "FREETEXTMARK" not in joined


def test_program_report_names_no_group_and_no_day(leak_store):
    """Across groups, dates go down to months only and no group is named."""
    names = leak_store["group_names"]
    assert len(names) == 3
    for path, text in leak_store["texts"]["program"]:
        assert not found_in(text, names), path.name
        assert not re.search(r"2025-\d\d-\d\d", text), path.name  # all data is in 2025
    seen = set()  # control: group reports do name their group and give days
    for path, text in leak_store["texts"]["group"]:
        seen |= set(found_in(text, names))
        assert re.search(r"2025-\d\d-\d\d", text), path.name
    assert {n for n in names if n.isascii()} <= seen
    for report in leak_store["objects"]["program"]:
        joined = "\n".join(report_strings(report))
        assert not [n for n in names if n in joined]
        assert not re.search(r"\d{4}-\d\d-\d\d", joined)


def test_session_summary_keeps_codes_and_redacts_noted_aliases(leak_store):
    """The control: the facilitator's own record does show codes (so the extraction
    above would have seen them) and shows the redaction marker where a note named
    someone, in both languages."""
    codes = leak_store["codes"]
    for path, text in leak_store["texts"]["session"]:
        if "-en." in path.name:
            assert rt.t("name_removed", "en") in text, path.name
    sessions = leak_store["objects"]["session"]
    assert any(c in "\n".join(report_strings(r)) for r in sessions for c in codes)
    for report in sessions:
        notes = [s for s in report_strings(report) if "after the group" in s or "بعد اللقاء" in s]
        assert notes and all(rt.t("name_removed", report.lang) in n for n in notes), notes
    en_texts = [t for p, t in leak_store["texts"]["session"] if "-en." in p.name]
    assert any(re.search(rf"\b{re.escape(c)}\b", t) for t in en_texts for c in codes)


def _summary_with_note(db, alias: str, note: str, lang: str):
    """A one-person session whose note mentions the alias the way people write."""
    from datetime import datetime, timezone

    from facilitator.store.models import Attendance, Group

    start = datetime(2025, 5, 6, 18, tzinfo=timezone.utc)
    with db.unit() as s:
        group = Group(name="Redaction circle", program_type="mutual_support", language=lang)
        s.add(group)
        s.flush()
        person = Participant(group_id=group.id, code="QX-77", alias=alias)
        sess = Session(
            group_id=group.id,
            script_id="mutual-support-circle",
            script_version="1.0",
            started_at=start,
            ended_at=start + timedelta(minutes=90),
        )
        s.add_all([person, sess])
        s.flush()
        s.add(Attendance(session_id=sess.id, participant_id=person.id))
        s.add(Note(group_id=group.id, session_id=sess.id, body=note))
        sid = sess.id
    return reports.build_session_report(db, sid, lang)


def _written_text(report, tmp_path) -> str:
    from facilitator.export.pdf import write_report

    return pdf_text(write_report(report, tmp_path / "summary.pdf"))


def test_control_standalone_arabic_alias_is_redacted(raw_db, tmp_path):
    alias = ARABIC_MARKS[0]
    report = _summary_with_note(raw_db, alias, f"تحدثت مع {alias} بعد اللقاء.", "ar")
    assert not [s for s in report_strings(report) if alias in s]
    assert not found_in(_written_text(report, tmp_path), [alias])


def test_arabic_alias_with_attached_conjunction_is_redacted(raw_db, tmp_path):
    """Arabic joins و (and), ل (to), ب (with) to the name: "وهدى" names هدى."""
    alias = ARABIC_MARKS[1]
    note = f"قابلت أحد الأعضاء و{alias} بعد اللقاء، وتحدثت ل{alias} عن الموعد."
    report = _summary_with_note(raw_db, alias, note, "ar")
    assert not [s for s in report_strings(report) if alias in s]
    assert not found_in(_written_text(report, tmp_path), [alias])


def test_alias_typed_in_decomposed_form_is_redacted(raw_db, tmp_path):
    """An alias saved as NFC "Renée" must go from a note pasted as NFD "Rene\u0301e"."""
    import unicodedata

    alias = "Renée Ostwald"
    note = unicodedata.normalize("NFD", f"Walked out with {alias} after the circle.")
    report = _summary_with_note(raw_db, alias, note, "en")
    texts = [unicodedata.normalize("NFC", s) for s in report_strings(report)]
    assert not [s for s in texts if alias in s]


def test_program_report_tables_agree_on_demo_scale_data(leak_store):
    """The cross-table check from test_small_numbers on realistic data (months of
    8 to 12 people per session), where every total is large."""
    from .test_small_numbers import recoverable_across_tables

    for report in leak_store["objects"]["program"]:
        k = 11 if report.audience == "external" else 5
        assert not recoverable_across_tables(report, k), (report.lang, report.audience)


def test_alias_of_someone_from_another_group_is_redacted(raw_db, tmp_path):
    from facilitator.store.models import Group

    with raw_db.unit() as s:
        other = Group(name="Another circle", program_type="mutual_support")
        s.add(other)
        s.flush()
        s.add(Participant(group_id=other.id, code="ZZ-22", alias="Bartholomew Quince"))
    report = _summary_with_note(raw_db, "Renée", "Bartholomew Quince dropped by.", "en")
    assert not [s for s in report_strings(report) if "Bartholomew" in s]
