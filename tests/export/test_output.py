"""Writing reports to disk: AES-256 encryption and atomic, owner-only files."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from facilitator.errors import InputError
from facilitator.export.output import encrypt_pdf, read_password_file, write_pdf
from facilitator.export.pdf import render_report, write_report
from tests.export.pdfcheck import needs_poppler, pdftotext
from tests.export.samples import sample_report

PASSWORD = "correct horse 42"


@pytest.fixture(scope="module")
def plain_pdf() -> bytes:
    return render_report(sample_report("en"))


def test_encrypted_report_uses_aes256_revision6(tmp_path, plain_pdf):
    path = write_pdf(plain_pdf, tmp_path / "r.pdf", password=PASSWORD)
    reader = PdfReader(path)
    assert reader.is_encrypted
    enc = reader.trailer["/Encrypt"].get_object()
    assert enc["/V"] == 5 and enc["/R"] == 6
    assert enc["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert b"Group period report" not in path.read_bytes()


def test_encrypted_report_is_unreadable_without_the_password(tmp_path, plain_pdf):
    path = write_pdf(plain_pdf, tmp_path / "r.pdf", password=PASSWORD)
    reader = PdfReader(path)
    with pytest.raises((FileNotDecryptedError, DependencyError)):
        reader.pages[0].extract_text()
    assert PdfReader(path).decrypt("wrong password").name == "NOT_DECRYPTED"
    opened = PdfReader(path, password=PASSWORD)
    assert "Group period report" in opened.pages[0].extract_text()


@needs_poppler
def test_poppler_opens_it_only_with_the_password(tmp_path, plain_pdf):
    path = write_pdf(plain_pdf, tmp_path / "r.pdf", password=PASSWORD)
    refused = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert refused.returncode != 0
    assert "Group period report" in pdftotext(path, "-upw", PASSWORD)


def test_short_password_is_refused(plain_pdf):
    with pytest.raises(InputError):
        encrypt_pdf(plain_pdf, "abc")


def test_files_are_written_atomically_and_owner_only(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.pdf"
    target.write_bytes(b"old contents")
    write_report(sample_report("en"), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]  # no temp file left


@pytest.mark.parametrize(
    "make_target",
    [
        lambda tmp: tmp / "missing" / "r.pdf",
        lambda tmp: tmp,
    ],
)
def test_bad_output_paths_are_refused_plainly(tmp_path, plain_pdf, make_target):
    with pytest.raises(InputError):
        write_pdf(plain_pdf, make_target(tmp_path))


# Run in a child process so root obeys folder permissions too: the child drops
# CAP_DAC_OVERRIDE (and friends) from its bounding set before exec, the technique of
# tests/store/test_fs_faults.py. As a normal user nothing needs dropping.
_READ_ONLY_DRIVER = """
import json, os, sys
from pathlib import Path
from facilitator.errors import FacilitatorError
from facilitator.export.output import write_pdf
from facilitator.export.pdf import write_report
from tests.export.samples import sample_report
folder = Path(sys.argv[1])
out = {"probe_writable": os.access(folder, os.W_OK)}
for name, job in (
        ("new", lambda: write_pdf(b"%PDF-1.7 minimal", folder / "new.pdf")),
        ("replace", lambda: write_report(sample_report("ar"), folder / "old.pdf",
                                         password="correct horse 42"))):
    try:
        job()
        out[name] = ["written", ""]
    except FacilitatorError as exc:
        out[name] = [type(exc).__name__, str(exc)]
# the folder turns read-only between the check and the write (or the check is fooled,
# as on a read-only mount): the atomic write itself must fail cleanly
import facilitator.export.output as output
output.check_output_path = Path
try:
    write_pdf(b"%PDF-1.7 minimal", folder / "raced.pdf")
    out["unchecked"] = ["written", ""]
except FacilitatorError as exc:
    out["unchecked"] = [type(exc).__name__, str(exc)]
print(json.dumps(out))
"""


def test_read_only_folder_is_refused_even_for_root(tmp_path):
    from tests.store.test_fs_faults import _cap_dropper

    folder = tmp_path / "ro"
    folder.mkdir()
    old = folder / "old.pdf"
    old.write_bytes(b"%PDF- the report from last month")
    folder.chmod(0o500)
    try:
        run = subprocess.run(
            [sys.executable, "-c", _READ_ONLY_DRIVER, str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=Path(__file__).resolve().parents[2],
            preexec_fn=_cap_dropper(),
        )
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
        result = json.loads(run.stdout)
        assert result["probe_writable"] is False  # the folder really is read-only here
        for name in ("new", "replace"):
            kind, message = result[name]
            assert kind == "OutputPathError", result[name]  # an InputError: the one rule
            assert message.startswith(f"The folder {folder} is read-only"), message
        kind, message = result["unchecked"]
        assert kind != "written" and "\n" not in message and str(folder) in message, message
        assert "read-only" in message or "permission" in message.lower(), message
        # nothing partial: no new file, no temporary file, the old report untouched
        assert sorted(p.name for p in folder.iterdir()) == ["old.pdf"]
        assert old.read_bytes() == b"%PDF- the report from last month"
    finally:
        folder.chmod(0o700)


def test_password_file_rules(tmp_path):
    good = tmp_path / "pw"
    good.write_text("s3cret pass\nignored second line\n", encoding="utf-8")
    assert read_password_file(good) == "s3cret pass"
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_password_file(empty)
    with pytest.raises(InputError, match="does not exist"):
        read_password_file(tmp_path / "nope")
