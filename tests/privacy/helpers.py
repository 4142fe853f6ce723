"""Shared steps for the privacy audit: the real CLI in-process, stores made the way a
user makes them, and PDF text read back the way a recipient's tools would read it."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from facilitator.cli.main import main
from facilitator.store.models import Group, Participant, Session
from facilitator.store.service import OpenedStore, open_store

PASSPHRASE = "privacy-audit passphrase 7431"
_CODE_LINE = re.compile(r"^\s+([0-9A-Z]{4,}(?:-[0-9A-Z]{4,})+)\s*$", re.MULTILINE)
_INVISIBLE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass
class CliResult:
    rc: int
    out: str
    err: str


def run_cli(*argv: str) -> CliResult:
    """``facilitator ARGV`` in this process, exactly as the console script runs it."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse usage errors
            rc = exc.code if isinstance(exc.code, int) else 1
    return CliResult(rc, out.getvalue(), err.getvalue())


def ok(*argv: str) -> CliResult:
    result = run_cli(*argv)
    assert result.rc == 0, f"facilitator {' '.join(map(str, argv))}: {result.err}"
    return result


@dataclass
class StoreFiles:
    db: Path
    passphrase_file: Path | None
    recovery_code: str
    group_ids: list[str] = field(default_factory=list)

    def unlock_args(self) -> list[str]:
        args = ["--db", str(self.db)]
        if self.passphrase_file is not None:
            args += ["--passphrase-file", str(self.passphrase_file)]
        return args

    def open(self) -> OpenedStore:
        return open_store(self.db, passphrase=PASSPHRASE if self.passphrase_file else None)


def init_store(folder: Path, secrets_folder: Path, *, passphrase: bool = True) -> StoreFiles:
    """``facilitator db init`` into ``folder``; the passphrase file lives elsewhere so a
    scan of the store folder does not find the one copy the user made on purpose."""
    folder.mkdir(parents=True, exist_ok=True)
    secrets_folder.mkdir(parents=True, exist_ok=True)
    db = folder / "facilitator.db"
    pw = None
    args = ["db", "init", "--db", str(db)]
    if passphrase:
        pw = secrets_folder / "passphrase.txt"
        pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
        args += ["--passphrase-file", str(pw)]
    result = ok(*args)
    match = _CODE_LINE.search(result.out)
    assert match, f"no recovery code printed by db init: {result.out!r}"
    return StoreFiles(db, pw, match.group(1))


def demo_store(
    folder: Path, secrets_folder: Path, *, groups: int = 2, weeks: int = 8, passphrase: bool = True
) -> StoreFiles:
    store = init_store(folder, secrets_folder, passphrase=passphrase)
    ok(
        "demo-data",
        *store.unlock_args(),
        "--groups",
        str(groups),
        "--weeks",
        str(weeks),
        "--seed",
        "1",
    )
    with store.open() as opened, opened.db.session() as s:
        store.group_ids = list(s.scalars(select(Group.id).order_by(Group.created_at, Group.name)))
    return store


def session_ids(store: StoreFiles, *, practice: bool) -> list[str]:
    with store.open() as opened, opened.db.session() as s:
        return list(
            s.scalars(
                select(Session.id)
                .where(Session.is_practice.is_(practice))
                .order_by(Session.started_at)
            )
        )


def participant_codes(store: StoreFiles) -> set[str]:
    with store.open() as opened, opened.db.session() as s:
        return set(s.scalars(select(Participant.code)))


def fold(text: str) -> str:
    """A comparison form: NFKC (Arabic presentation forms back to letters), no bidi
    controls, no combining marks, no whitespace (extractors split words at line ends)."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    """Everything a recipient can pull out of the PDF as text: poppler's ``pdftotext``
    (logical and raw order), pypdf's extraction and the document metadata."""
    parts = []
    for mode in ([], ["-raw"]):
        parts.append(
            subprocess.run(
                ["pdftotext", *mode, str(path), "-"], capture_output=True, text=True, check=True
            ).stdout
        )
    reader = PdfReader(str(path))
    parts += [page.extract_text() or "" for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    text = "\n".join(parts)
    assert text.strip(), f"{path} has no extractable text: the checks would prove nothing"
    return text


def found_in(text: str, needles) -> list[str]:
    """The needles present in ``text``, also across line breaks and in reversed visual
    order (Arabic words may come out of an extractor mirrored)."""
    folded = fold(text)
    hits = []
    for needle in needles:
        n = fold(needle)
        if needle in text or n in folded or n[::-1] in folded:
            hits.append(needle)
    return hits


def report_strings(report) -> list[str]:
    """Every string a Report object carries (title, header, cells, labels, notes)."""
    out = [report.title, report.subtitle, report.period, report.confidentiality]
    for block in report.blocks:
        for value in vars(block).values() if hasattr(block, "__dict__") else ():
            out += list(_strings(value))
    return [s for s in out if s]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple, frozenset, set)):
        for v in value:
            yield from _strings(v)
    elif hasattr(value, "__dict__"):
        for v in vars(value).values():
            yield from _strings(v)
