"""Helpers that read produced PDFs back the way a user's tools would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)
needs_qpdf = pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")

_INVISIBLE = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def as_file(data: bytes, tmp_path: Path, name: str = "out.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pdftotext(path: Path, *args: str) -> str:
    out = subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def page_texts(data: bytes) -> list[str]:
    """Text of each page, one visual line per line (pdfplumber groups by baseline)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def key(text: str) -> str:
    """A comparison key for Arabic: NFKC (presentation forms back to letters), no bidi
    marks, no combining marks (drawn as outlines), no whitespace (pdftotext moves spaces
    around numbers when it re-applies bidi). Letter and word order are kept, so a
    reversed word or a wrong line order still fails."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", "", text)


def qpdf_check(path: Path) -> str:
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def stream_texts(data: bytes) -> list[str]:
    """Characters of each page in drawing order (finds rotated text such as watermarks)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return ["".join(c["text"] for c in p.chars) for p in pdf.pages]
