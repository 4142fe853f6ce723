"""The fonts every PDF uses, and what they can draw.

IBM Plex Sans Arabic is the main face: it covers Arabic (with its presentation
forms) and basic Latin, so one family sets both languages and mixed lines. Names of
people and places come in many more scripts (Turkish ş, Polish ł, Czech ř, Romanian
ș, Cyrillic, Greek, Hebrew), so each character the main face lacks falls back, one
character at a time, to the first face that has it: Noto Sans (Latin, Greek,
Cyrillic) and then Heebo (Hebrew). :mod:`facilitator.export.text` shapes each run
of characters with its own face. All faces are Python dependencies
(``fontpkg-ibm-plex-sans-arabic``, ``fontpkg-noto-sans``, ``fontpkg-heebo``),
registered from those packages' files and never fetched at run time. The fallback
faces ship as variable fonts; ReportLab embeds static TrueType only, so the regular
and bold instances are cut from them in memory with HarfBuzz's instancer.

The union of the faces' ``cmap``s is the authority for
:func:`facilitator.export.text.clean_text`: anything outside it is replaced or
removed before it can reach a page as a missing-glyph box.

The recovery code uses the PDF base font Courier-Bold: it is ASCII only, every viewer
has it, and a monospaced face keeps the groups aligned for careful copying.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import uharfbuzz as hb

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from facilitator.errors import ReportError
from facilitator.i18n import QT_TRANSLATE_NOOP

REGULAR = "FacilitatorPlexArabic"
BOLD = "FacilitatorPlexArabic-Bold"
MONO = "Courier-Bold"

_FILES = {REGULAR: "IBMPlexSansArabic-Regular.ttf", BOLD: "IBMPlexSansArabic-Bold.ttf"}

#: Fallback faces, in the order they are tried: (registered name stem, Python package,
#: file in its ``files`` folder). Each is registered as "<stem>" and "<stem>-Bold".
_FALLBACKS = (
    ("FacilitatorNotoSans", "fontpkg_noto_sans", "NotoSans[wdth,wght].ttf"),
    ("FacilitatorHeebo", "fontpkg_heebo", "Heebo[wght].ttf"),
)
_WEIGHTS = {"": 400, "-Bold": 700}


class ExtractableTTFont(TTFont):
    """A TrueType font that can also draw glyphs which have no code point.

    HarfBuzz may pick such glyphs (this font's contextual ``.short`` letters, some
    ligatures). ReportLab can only address glyphs through characters, so each gets a
    private-use character; this class remembers which letters it stands for and
    writes them into the PDF's ToUnicode map, so copy/paste, search and ``pdftotext``
    return the real text rather than private-use characters.
    """

    def __init__(self, name: str, filename: str | BinaryIO) -> None:
        super().__init__(name, filename)
        self.private_text: dict[int, str] = {}
        self._private: dict[tuple[int, str, float], int] = {}
        self._next_private = 0xE000

    def private_code(self, gid: int, text: str, advance: float) -> int:
        """The private-use character that draws glyph ``gid`` and copies out as ``text``.

        One glyph may stand for different text (the lam or the alef of a lam-alef
        ligature) and take different advances, so codes are kept per glyph, text and
        advance.
        """
        known = self._private.get((gid, text, round(advance, 2)))
        if known is not None:
            return known
        code = self._next_private
        while code in self.face.charToGlyph:
            code += 1
        if code > 0xF8FF:
            raise ReportError(
                QT_TRANSLATE_NOOP(
                    "export", "The text needs more special letter forms than one report can hold."
                )
            )
        self._next_private = code + 1
        self.face.charToGlyph[code] = gid
        self.face.charWidths[code] = advance
        self.private_text[code] = text
        self._private[(gid, text, round(advance, 2))] = code
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
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode(
                "pdfdoc"
            )
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset, self.private_text)


def _to_unicode_cmap(name: str, subset: list[int], private: dict[int, str]) -> str:
    """ReportLab's ToUnicode map, with private-use codes mapped to their source letters."""

    def utf16(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = [
        f"<{i:02X}> <{utf16(private.get(code, chr(code)))}>"
        for i, code in enumerate(subset)
        if private.get(code, chr(code))
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({name})",
            f"/Ordering ({name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and what they can draw together.

    ``coverage`` is every code point some face can draw (in both weights);
    ``primary`` what the main face alone draws; ``fallbacks`` maps a main font name
    to its fallback faces of the same weight with their coverage, in order.
    """

    regular: str
    bold: str
    mono: str
    coverage: frozenset[int]
    primary: frozenset[int] = frozenset()
    fallbacks: dict[str, tuple[tuple[str, frozenset[int]], ...]] = field(default_factory=dict)

    def face_for(self, ch: str, font: str) -> str | None:
        """The font that draws ``ch`` when ``font`` is the text's font: ``font``
        itself when it can, else its first fallback that can, else None."""
        code = ord(ch)
        if font not in self.fallbacks or code in self.primary:
            return font
        for name, cover in self.fallbacks[font]:
            if code in cover:
                return name
        return None


def _package_dir(module: str = "fontpkg_ibm_plex_sans_arabic") -> Path:
    try:
        pkg = __import__(module)
    except ImportError as exc:  # a broken install: say what is missing
        raise ReportError(
            QT_TRANSLATE_NOOP(
                "export", "A report font is not installed ({name}). Reinstall Facilitator."
            ),
            params=dict(name=module.replace("_", "-")),
        ) from exc
    return Path(pkg.ROOT) / "files"


def _font_dir() -> Path:
    return _package_dir()


#: Font name -> the TrueType bytes behind it (what HarfBuzz shapes with).
_DATA: dict[str, bytes] = {}


def _static_instance(path: Path, weight: int) -> bytes:
    """A static TrueType instance of a variable font at ``weight`` (all code points)."""
    face = hb.Face(hb.Blob(path.read_bytes()))
    spec = hb.SubsetInput()
    spec.unicode_set.update(face.unicodes)
    for axis in face.axis_infos:
        value = weight if axis.tag == "wght" else axis.default_value
        spec.pin_axis_location(face, axis.tag, max(axis.min_value, min(axis.max_value, value)))
    out = hb.subset(face, spec)
    if out is None:
        raise ReportError(
            QT_TRANSLATE_NOOP(
                "export", "The report font file {name} could not be read. Reinstall Facilitator."
            ),
            params=dict(name=path.name),
        )
    return bytes(out.blob.data)


def _register_fallbacks() -> dict[str, tuple[tuple[str, frozenset[int]], ...]]:
    chains: dict[str, list[tuple[str, frozenset[int]]]] = {REGULAR: [], BOLD: []}
    for stem, module, filename in _FALLBACKS:
        path = _package_dir(module) / filename
        if not path.is_file():
            raise ReportError(
                QT_TRANSLATE_NOOP(
                    "export", "The report font file {name} is missing. Reinstall Facilitator."
                ),
                params=dict(name=filename),
            )
        for suffix, weight in _WEIGHTS.items():
            name = stem + suffix
            try:
                font = pdfmetrics.getFont(name)
                data = _DATA[name]
            except KeyError:
                data = _static_instance(path, weight)
                font = ExtractableTTFont(name, io.BytesIO(data))
                # the instances keep the variable font's PostScript name; ReportLab
                # shares one face between fonts of the same face name, which would draw
                # the bold instance with the regular one's glyphs
                family = font.face.name.split(b"-")[0]
                font.face.name = family + (b"-Bold" if suffix else b"-Regular")
                pdfmetrics.registerFont(font)
                _DATA[name] = data
            cover = frozenset(c for c in font.face.charToGlyph if c >= 0x20)
            chains[BOLD if suffix else REGULAR].append((name, cover))
    return {k: tuple(v) for k, v in chains.items()}


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
            raise ReportError(
                QT_TRANSLATE_NOOP(
                    "export", "The report font file {name} is missing. Reinstall Facilitator."
                ),
                params=dict(name=filename),
            )
        try:
            font = pdfmetrics.getFont(name)
        except KeyError:
            font = ExtractableTTFont(name, str(path))
            pdfmetrics.registerFont(font)
        cmap = set(font.face.charToGlyph)
        coverage = cmap if coverage is None else coverage & cmap
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    primary = set(coverage or set())
    fallbacks = _register_fallbacks()
    everything = set(primary)
    for (_, regular), (_, bold) in zip(fallbacks[REGULAR], fallbacks[BOLD]):
        everything |= regular & bold
    # Noncharacters sometimes sit in a cmap (this font maps U+FFFF); never draw them.
    bad = {c for c in everything if (c & 0xFFFE) == 0xFFFE or 0xFDD0 <= c <= 0xFDEF}
    return FontSet(
        REGULAR, BOLD, MONO, frozenset(everything - bad), frozenset(primary - bad), fallbacks
    )


def font_bytes(name: str) -> bytes:
    """The TrueType data behind a registered font name (used by the shaper)."""
    fonts()
    if name not in _DATA:
        _DATA[name] = (_font_dir() / _FILES[name]).read_bytes()
    return _DATA[name]


def font_path(name: str) -> Path:
    """The TTF file behind one of the main font names."""
    return _font_dir() / _FILES[name]


def supports(ch: str) -> bool:
    """True when the report font has a glyph for the single character ``ch``."""
    return ord(ch) in fonts().coverage
