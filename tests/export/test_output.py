"""Writing reports to disk: AES-256 encryption and atomic, owner-only files."""

from __future__ import annotations

import os
import subprocess
import stat

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


@pytest.mark.parametrize("make_target", [
    lambda tmp: tmp / "missing" / "r.pdf",
    lambda tmp: tmp,
])
def test_bad_output_paths_are_refused_plainly(tmp_path, plain_pdf, make_target):
    with pytest.raises(InputError):
        write_pdf(plain_pdf, make_target(tmp_path))


def test_read_only_folder_is_refused(tmp_path, plain_pdf):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(InputError):
            write_pdf(plain_pdf, folder / "r.pdf")
        assert not list(folder.iterdir())
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
