"""The one font every PDF uses, and what it can draw.

IBM Plex Sans Arabic covers Arabic (with its presentation forms) and Latin, so a
single family serves both languages and mixed lines; it is installed as a Python
dependency (``fontpkg-ibm-plex-sans-arabic``) and registered from that package's
files, never fetched at run time. The set of code points in its ``cmap`` is the
authority for :func:`facilitator.export.text.clean_text`: anything outside it is
replaced or removed before it can reach a page as a missing-glyph box.

The recovery code uses the PDF base font Courier-Bold: it is ASCII only, every viewer
has it, and a monospaced face keeps the groups aligned for careful copying.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.errors import ReportError
from facilitator.i18n import QT_TRANSLATE_NOOP

REGULAR = "FacilitatorPlexArabic"
BOLD = "FacilitatorPlexArabic-Bold"
MONO = "Courier-Bold"

_FILES = {REGULAR: "IBMPlexSansArabic-Regular.ttf", BOLD: "IBMPlexSansArabic-Bold.ttf"}


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and their shared coverage."""

    regular: str
    bold: str
    mono: str
    coverage: frozenset[int]


def _font_dir() -> Path:
    try:
        import fontpkg_ibm_plex_sans_arabic as pkg
    except ImportError as exc:  # a broken install: say what is missing
        raise ReportError(QT_TRANSLATE_NOOP(
            "export", "The report font is not installed (fontpkg-ibm-plex-sans-arabic). "
            "Reinstall Facilitator.")) from exc
    return Path(pkg.ROOT) / "files"


@functools.lru_cache(maxsize=1)
def fonts() -> FontSet:
    """Register the fonts once per process and return their names and coverage.

    Coverage is the intersection of the regular and bold ``cmap``s so a character
    that passes the check can be drawn in either weight.
    """
    folder = _font_dir()
    coverage: set[int] | None = None
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise ReportError(QT_TRANSLATE_NOOP(
                "export", "The report font file {name} is missing. Reinstall Facilitator."
            ).format(name=filename))
        try:
            font = pdfmetrics.getFont(name)
        except KeyError:
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
        cmap = set(font.face.charToGlyph)
        coverage = cmap if coverage is None else coverage & cmap
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)
    # Noncharacters sometimes sit in a cmap (this font maps U+FFFF); never draw them.
    bad = {c for c in coverage or set() if (c & 0xFFFE) == 0xFFFE or 0xFDD0 <= c <= 0xFDEF}
    return FontSet(REGULAR, BOLD, MONO, frozenset((coverage or set()) - bad))


def font_path(name: str) -> Path:
    """The TTF file behind a registered font name (used by the shaper)."""
    return _font_dir() / _FILES[name]


def supports(ch: str) -> bool:
    """True when the report font has a glyph for the single character ``ch``."""
    return ord(ch) in fonts().coverage
