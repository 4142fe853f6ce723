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
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from facilitator.errors import ReportError
from facilitator.i18n import QT_TRANSLATE_NOOP

REGULAR = "FacilitatorPlexArabic"
BOLD = "FacilitatorPlexArabic-Bold"
MONO = "Courier-Bold"

_FILES = {REGULAR: "IBMPlexSansArabic-Regular.ttf", BOLD: "IBMPlexSansArabic-Bold.ttf"}


class ExtractableTTFont(TTFont):
    """A TrueType font that can also draw glyphs which have no code point.

    HarfBuzz may pick such glyphs (this font's contextual ``.short`` letters, some
    ligatures). ReportLab can only address glyphs through characters, so each gets a
    private-use character; this class remembers which letters it stands for and
    writes them into the PDF's ToUnicode map, so copy/paste, search and ``pdftotext``
    return the real text rather than private-use characters.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.private_text: dict[int, str] = {}
        self._next_private = 0xE000

    def private_code(self, gid: int, text: str, advance: float) -> int:
        """The private-use character that draws glyph ``gid`` (whose source is ``text``)."""
        codes = self.face.glyphToChar.get(gid)
        if codes:
            return min(codes)
        code = self._next_private
        while code in self.face.charToGlyph:
            code += 1
        if code > 0xF8FF:
            raise ReportError(QT_TRANSLATE_NOOP("export", "The text needs more special letter "
                                                "forms than one report can hold."))
        self._next_private = code + 1
        self.face.charToGlyph[code] = gid
        self.face.glyphToChar.setdefault(gid, []).append(code)
        self.face.charWidths[code] = advance
        self.private_text[code] = text
        return code

    def addObjects(self, doc) -> None:  # noqa: N802 - ReportLab API
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        if not self.private_text:
            return
        for n, subset in enumerate(subsets):
            if not any(code in self.private_text for code in subset):
                continue
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)
                            ).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset, self.private_text)


def _to_unicode_cmap(name: str, subset: list[int], private: dict[int, str]) -> str:
    """ReportLab's ToUnicode map, with private-use codes mapped to their source letters."""
    def utf16(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = [f"<{i:02X}> <{utf16(private.get(code) or chr(code))}>"
               for i, code in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({name})", f"/Ordering ({name})", "/Supplement 0",
        ">> def", f"/CMapName /{name} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop",
        "end", "end"])


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
            ), params=dict(name=filename))
        try:
            font = pdfmetrics.getFont(name)
        except KeyError:
            font = ExtractableTTFont(name, str(path))
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
