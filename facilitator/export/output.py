"""Getting a finished PDF onto disk: optional AES-256 encryption and atomic writes.

Encryption is applied to the finished file with pypdf using AES-256 (security handler
revision 6). ReportLab's own 256-bit mode writes files poppler rejects, and RC4 (the
older PDF standard) is broken, so neither is ever used. The file is written to a
temporary name in the target folder, synced and renamed, so a crash or a full disk
never leaves a half-written report that looks complete.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Iterable

from pypdf import PdfReader, PdfWriter

from facilitator.errors import InputError, ReportError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.policy import PDF_PASSWORD_MIN as MIN_PASSWORD_CHARS
from facilitator.store.fsutil import (
    SECRET_FILE_MAX_BYTES,
    TooLargeError,
    atomic_write,
    read_bounded,
)
from facilitator.store.outpath import check_output_path as _check

ALGORITHM = "AES-256"  # pypdf: AES-256 with revision 6 (AES-256-R5 is the deprecated one)


def encrypt_pdf(data: bytes, password: str) -> bytes:
    """Return ``data`` encrypted with AES-256 (revision 6) under ``password``.

    The same password is the owner password: whoever may open the report may also
    print or copy from it; there is no hidden second secret to lose.
    """
    if not password or len(password) < MIN_PASSWORD_CHARS:
        raise InputError(
            QT_TRANSLATE_NOOP("export", "The report password must have at least {n} characters."),
            params=dict(n=MIN_PASSWORD_CHARS),
        )
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password, algorithm=ALGORITHM)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_password_file(path: str | Path) -> str:
    """The first line of a password file, without its line ending; never empty."""
    try:
        text = read_bounded(path, SECRET_FILE_MAX_BYTES).decode("utf-8")
    except TooLargeError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP(
                "export", "The password file {path} is too large to hold a password."
            ),
            params=dict(path=path),
        ) from exc
    except FileNotFoundError as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("export", "The password file {path} does not exist."),
            params=dict(path=path),
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            QT_TRANSLATE_NOOP("export", "The password file {path} could not be read."),
            params=dict(path=path),
        ) from exc
    first = text.splitlines()[0] if text.splitlines() else ""
    if not first.strip():
        raise InputError(
            QT_TRANSLATE_NOOP("export", "The password file {path} is empty."),
            params=dict(path=path),
        )
    return first


def check_output_path(
    path: str | Path, *, overwrite: bool = False, stores: Iterable[Path | str | None] = ()
) -> Path:
    """The output-path rule (:func:`facilitator.store.outpath.check_output_path`)."""
    return _check(path, overwrite=overwrite, stores=stores)


def write_pdf(data: bytes, path: str | Path, *, password: str | None = None) -> Path:
    """Write PDF ``data`` atomically to ``path`` (owner-only permissions), encrypting
    it first when ``password`` is given."""
    # the caller checked (and confirmed any overwrite) before the work; this is the
    # safety net just before the rename: never a store, a device or a folder.
    target = check_output_path(path, overwrite=True)
    if not data.startswith(b"%PDF-"):
        raise ReportError(QT_TRANSLATE_NOOP("export", "The report was not produced as a PDF."))
    if password is not None:
        data = encrypt_pdf(data, password)
    atomic_write(target, data, mode=0o600)
    return target
