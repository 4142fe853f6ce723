"""Untrusted text to drawable lines: clean, wrap, then shape and reorder per line.

Every string that reaches a PDF (group names, notes, aliases never, script texts,
custom rules) is treated as data, never as markup:

1. :func:`clean_text` removes what must not reach a page: NUL and other C0/C1
   controls, bidi embedding/override/isolate controls (they can disguise text, and
   an unbalanced one would leak its direction into the rest of a line), other
   invisible format characters, and any character the embedded font has no glyph for
   (emoji, private use, unassigned), which becomes one visible placeholder.
2. :func:`wrap_text` breaks the *logical* text into lines that fit a width, measured
   with the shaped glyph widths; a word wider than a line is split between
   characters, so a 10,000-character word wraps instead of overflowing.
3. :func:`shape_line` then runs the Unicode bidi algorithm on that one line
   (python-bidi, plus the paired-bracket rule N0 which its pure-Python algorithm
   lacks), shapes each directional run with HarfBuzz (joined Arabic letter forms,
   lam-alef ligatures, mirrored brackets) and puts the runs in visual order.

Reordering after wrapping is what makes right-to-left paragraphs read correctly
across lines: reordering the whole paragraph first and wrapping afterwards puts the
last words of a paragraph on its first line.

Nothing here uses ReportLab's paragraph markup, so ``<b>``, ``&`` or
``<img src=...>`` are drawn literally and never read a file. :func:`escape_markup` is
provided for any caller that still builds a ReportLab ``Paragraph``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape

import uharfbuzz as hb
from bidi import algorithm as _uba
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from facilitator.export.fonts import font_bytes, fonts

PLACEHOLDER = "\u25ca"  # a lozenge: visibly "something was here that cannot be shown"
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F))  # embeddings and overrides: dropped
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_ISOLATES = frozenset((LRI, RLI, FSI))
_SLOT = "\ufffc"  # stands for an isolate while the text around it is resolved
_BIDI_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: steer neutrals, never drawn
_RTL_CLASSES = frozenset({"R", "AL", "AN"})
_BRACKETS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "\u2045": "\u2046",
    "\u2329": "\u232a",
    "\u27e8": "\u27e9",
    "\u3008": "\u3009",
    "\uff08": "\uff09",
    "\uff3b": "\uff3d",
}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
#: Characters after which a long word may be broken without looking wrong.
_SOFT_BREAKS = frozenset("/-_.,;:\\|)]}")
#: Digits joined by "-" or "/" (dates such as 2025-05-20, codes, 3/4): after Arabic
#: letters the bidi rules make the digits Arabic numbers (W2), which "-" does not
#: join (W4), so the groups would come out in reverse order (20-05-2025).
_JOINED_NUMBER = re.compile(r"(?<![\d\u200e])\d+(?:[-/]\d+)+")
#: A numeric interval ("-0.2 … 1.4", "0.7 … 3.3", "5% … 20%"). In a right-to-left line
#: its ends are Arabic-context numbers (or carry a sign the rules detach), and the
#: neutral ellipsis between them takes the paragraph direction, so the high end would
#: be drawn on the left ("1.4 … 0.2-"). Like dates and the figures in table cells
#: (tables.as_number), an interval is kept as one left-to-right run: low end on the left.
_INTERVAL = re.compile(
    r"(?<![\d.])[+\-\u2212]?\d+(?:\.\d+)?%?[ \u00a0]*(?:\u2026|\.\.\.)"
    r"[ \u00a0]*[+\-\u2212]?\d+(?:\.\d+)?%?(?![\d.])"
)


def clean_text(text: object, *, keep_newlines: bool = True) -> str:
    """Return ``text`` with only characters the report font can draw.

    Line breaks become ``\\n`` (or spaces when ``keep_newlines`` is false), tabs become
    spaces, and runs of undrawable characters collapse into one placeholder.
    """
    if text is None:
        return ""
    raw = str(text).replace("\r\n", "\n").replace("\r", "\n")
    raw = unicodedata.normalize("NFC", raw)
    coverage = fonts().coverage
    out: list[str] = []
    for ch in raw:
        code = ord(ch)
        if ch == "\n" or code in (0x2028, 0x2029):
            out.append("\n" if keep_newlines else " ")
            continue
        if ch == "\t":
            out.append(" ")
            continue
        if code in _BIDI_CONTROLS:
            continue
        if ch in _ISOLATES or ch == PDI:
            out.append(ch)
            continue
        if ch == _SLOT:
            ch = PLACEHOLDER
            code = ord(ch)
        if ch in _BIDI_MARKS:
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Cf"):  # controls, lone surrogates, invisible formats
            continue
        if cat == "Zs" and code not in coverage:
            out.append(" ")
            continue
        if code in coverage:
            out.append(ch)
        elif cat.startswith("M"):
            continue  # a combining mark the font lacks (e.g. emoji variation selector)
        elif not out or out[-1] != PLACEHOLDER:
            out.append(PLACEHOLDER)
    return _balance_isolates("".join(out))


def isolate(text: object, rtl: bool | None = None) -> str:
    """``text`` as a bidi isolate: its own direction (``rtl``, or from its first strong
    character), set apart from the text around it. The same as
    :func:`facilitator.textcheck.isolate`, for callers inside the export package."""
    body = "".join(
        ch
        for ch in str(text or "")
        if ch not in _ISOLATES and ch != PDI and ord(ch) not in _BIDI_CONTROLS
    )
    opener = FSI if rtl is None else (RLI if rtl else LRI)
    return f"{opener}{body}{PDI}" if body else ""


def _balance_isolates(text: str) -> str:
    """Pair every isolate initiator with a PDI (dropping stray PDIs, closing what is
    left open), settle each FSI as LRI or RLI from its content, and close and reopen
    the open isolates around each line break, so any line or slice of lines that
    :func:`wrap_text` makes is balanced on its own."""
    if not any(ch in _ISOLATES or ch == PDI for ch in text):
        return text
    out: list[str] = []
    stack: list[int] = []
    for ch in text:
        if ch in _ISOLATES:
            stack.append(len(out))
            out.append(ch)
        elif ch == PDI:
            if stack:
                start = stack.pop()
                if out[start] == FSI:
                    out[start] = RLI if first_strong_rtl("".join(out[start + 1 :])) else LRI
                out.append(ch)
        else:
            out.append(ch)
    while stack:
        start = stack.pop()
        if out[start] == FSI:
            out[start] = RLI if first_strong_rtl("".join(out[start + 1 :])) else LRI
        out.append(PDI)
    return "\n".join(_reopen("".join(out).split("\n")))


def _reopen(lines: list[str]) -> list[str]:
    """Close the isolates open at the end of each line and reopen them on the next."""
    result: list[str] = []
    stack: list[str] = []
    for line in lines:
        prefix = "".join(stack)
        for ch in line:
            if ch in _ISOLATES:
                stack.append(ch)
            elif ch == PDI and stack:
                stack.pop()
        result.append(prefix + line + PDI * len(stack))
    return result


def sole_isolate(text: str) -> bool | None:
    """The direction (True: right to left) of a text that is one isolate from end to
    end, such as a note typed by a person; None for anything else."""
    text = text.strip(" ")
    if len(text) < 2 or text[0] not in (LRI, RLI) or text[-1] != PDI:
        return None
    depth = 0
    for i, ch in enumerate(text):
        if ch in _ISOLATES:
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return None
    return text[0] == RLI


def escape_markup(text: object) -> str:
    """Clean ``text`` and escape it for ReportLab paragraph markup (``<``, ``&``, quotes)."""
    return _xml_escape(clean_text(text), {'"': "&quot;", "'": "&#39;"})


def needs_bidi(text: str, rtl: bool) -> bool:
    return rtl or any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


# --- bidi ------------------------------------------------------------------------


def _apply_bracket_pairs(chars: list[dict], sos: str) -> None:
    """Unicode bidi rule N0 (paired brackets), applied after the weak-type rules.

    Without it ``Peer Support (PS)`` inside Arabic shows its brackets torn apart.
    Explicit embeddings are stripped by :func:`clean_text`, so the line is one
    isolating run sequence and ``sos`` is the paragraph direction.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(chars):
        ch = c["ch"]
        if c["type"] != "ON":
            continue
        if ch in _BRACKETS:
            if len(stack) >= 63:
                break
            stack.append((ch, i))
        elif ch in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == _CLOSERS[ch]:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    pairs.sort()

    def strong(t: str) -> str | None:
        return "L" if t == "L" else "R" if t in ("R", "AL", "EN", "AN") else None

    for open_i, close_i in pairs:
        embedding = "R" if chars[open_i]["level"] % 2 else "L"
        inside = {strong(c["type"]) for c in chars[open_i + 1 : close_i]} - {None}
        if not inside:
            continue
        if embedding in inside:
            new = embedding
        else:
            before = next(
                (strong(c["type"]) for c in reversed(chars[:open_i]) if strong(c["type"])), sos
            )
            new = before if before is not None and before != embedding else embedding
        for idx in (open_i, close_i):
            chars[idx]["type"] = new
            j = idx + 1
            while j < len(chars) and chars[j]["orig"] == "NSM":
                chars[j]["type"] = new
                j += 1


def bidi_levels(text: str, rtl: bool) -> list[int]:
    """Resolved embedding level of each character of one line (rules W, N0, N, I)."""
    base = 1 if rtl else 0
    storage = _uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    _uba.get_embedding_levels(text, storage)
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage)
    _apply_bracket_pairs(storage["chars"], storage["base_dir"])
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    return [c["level"] for c in storage["chars"]]


# --- shaping ---------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _hb_font(font_name: str) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob(font_bytes(font_name))))


@functools.lru_cache(maxsize=8)
def _glyph_chars(font_name: str) -> dict[int, int]:
    """glyph id -> the lowest code point the font's own cmap maps to it."""
    face = pdfmetrics.getFont(font_name).face
    out: dict[int, int] = {}
    for code, gid in face.charToGlyph.items():
        if code < 0xE000 or code > 0xF8FF:
            out[gid] = min(code, out.get(gid, code))
    return out


@dataclass(frozen=True)
class Piece:
    """Glyphs of one font, in visual order, with advances in 1/1000 em."""

    font: str
    glyphs: str  # a ShapedStr for shaped runs
    advance: float
    marks: tuple[tuple[int, float, float], ...] = ()  # (glyph id, x, y) in 1/1000 em


def _shape_run(text: str, font_name: str, rtl: bool, vector_marks: bool) -> Piece:
    """Shape one run of one direction and one font; glyphs come back in visual order.

    Each glyph is written as a character whose entry in the PDF's ToUnicode map is
    the text it was shaped from (its HarfBuzz cluster): a joined Arabic letter copies
    out as the letter typed, not as a presentation form, a lam-alef ligature as lam
    and alef, and a letter carrying harakat as the letter and its marks. Where the
    glyph's own code point already is that text (Latin, isolated letters), that code
    point is used. Latin runs are shaped without ligatures, so "fi" copies as f, i.

    With ``vector_marks`` the zero-width combining marks (shadda, tanween, vowel
    signs) are returned separately as ``(glyph id, x, y)`` in 1/1000 em from the run
    start, to be drawn as outlines at HarfBuzz's exact position: as text they would
    need backward moves and raised baselines, which make text extractors split the
    line and emit its halves in the wrong order. Their characters still copy out,
    with the letter they sit on.
    """
    font = pdfmetrics.getFont(font_name)
    widths = font.face.charWidths
    g2c = _glyph_chars(font_name)
    hbf = _hb_font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    hb.shape(hbf, buf, {"kern": True, "liga": rtl, "clig": rtl, "dlig": False})
    infos = buf.glyph_infos
    positions = buf.glyph_positions
    clusters = sorted({info.cluster for info in infos}) + [len(text)]
    cluster_end = dict(zip(clusters, clusters[1:]))
    scale = 1000.0 / font.face.unitsPerEm

    def is_mark(info, pos) -> bool:
        code = g2c.get(info.codepoint)
        return (
            vector_marks
            and pos.x_advance == 0
            and code is not None
            and unicodedata.category(chr(code)) in ("Mn", "Me")
        )

    # the glyph of each cluster that carries the cluster's text: its widest non-mark
    carrier: dict[int, int] = {}
    for i, (info, pos) in enumerate(zip(infos, positions)):
        if is_mark(info, pos):
            continue
        best = carrier.get(info.cluster)
        if best is None or pos.x_advance > positions[best].x_advance:
            carrier[info.cluster] = i
    chars: list[str] = []
    data: list[ShapeData] = []
    marks: list[tuple[int, float, float]] = []
    space = font.face.charToGlyph.get(32, 0)
    pen = 0.0
    for i, (info, pos) in enumerate(zip(infos, positions)):
        gid = info.codepoint
        advance = pos.x_advance * scale
        if is_mark(info, pos):
            marks.append((gid, pen + pos.x_offset * scale, pos.y_offset * scale))
            if info.cluster not in carrier:  # a mark with no letter: copy it out anyway
                carrier[info.cluster] = -1
                marks_text = text[info.cluster : cluster_end[info.cluster]]
                chars.append(
                    chr(_zero_width_carrier(font, marks_text[::-1] if rtl else marks_text))
                )
                data.append(ShapeData(info.cluster, 0.0, 0.0, 0.0, 0.0, 0))
            continue
        if carrier.get(info.cluster) == i:
            source = text[info.cluster : cluster_end[info.cluster]]
        else:
            source = ""  # another glyph of the same cluster carries the text
        # One character per code: extractors disagree on the order of a code that maps
        # to several characters in right-to-left text (poppler reverses them, pypdf does
        # not). A glyph standing for n characters (lam-alef, a letter with harakat) is
        # written as the glyph plus n-1 invisible zero-ink glyphs, sharing its advance,
        # each copying out as one character in drawing order (right to left: reversed).
        letters = list(source[::-1] if rtl else source) or [""]
        share = advance / len(letters)
        for k, letter in enumerate(letters):
            draw = gid if k == 0 else space
            own = g2c.get(draw) if k == 0 else None
            if own is not None and chr(own) == letter:
                code = own
            else:
                code = font.private_code(draw, letter, share)
            chars.append(chr(code))
            data.append(
                ShapeData(
                    info.cluster,
                    share,
                    0.0,
                    pos.x_offset * scale if k == 0 else 0.0,
                    0.0,
                    widths.get(code, 0),
                )
            )
        pen += advance
    glyphs = ShapedStr("".join(chars), shapeData=data)
    return Piece(font_name, glyphs, pen, tuple(marks))


def _zero_width_carrier(font, text: str) -> int:
    """A code for an invisible glyph (the space's) that copies out as ``text``: marks
    typed with no letter under them."""
    return font.private_code(font.face.charToGlyph.get(32, 0), text, 0.0)


@functools.lru_cache(maxsize=2048)
def glyph_outline(font_name: str, gid: int) -> tuple[tuple, ...]:
    """A glyph's outline as drawing operations in 1/1000 em (cubic curves only)."""
    ops: list[tuple] = []
    scale = 1000.0 / pdfmetrics.getFont(font_name).face.unitsPerEm
    last = [(0.0, 0.0)]

    class _Pen:
        def moveTo(self, p):  # noqa: N802 - pen protocol
            ops.append(("m", p[0] * scale, p[1] * scale))
            last[0] = p

        def lineTo(self, p):  # noqa: N802
            ops.append(("l", p[0] * scale, p[1] * scale))
            last[0] = p

        def curveTo(self, c1, c2, p):  # noqa: N802
            ops.append(("c", *(v * scale for v in (*c1, *c2, *p))))
            last[0] = p

        def qCurveTo(self, c, p):  # noqa: N802 - one quadratic segment -> cubic
            p0 = last[0]
            c1 = (p0[0] + 2 / 3 * (c[0] - p0[0]), p0[1] + 2 / 3 * (c[1] - p0[1]))
            c2 = (p[0] + 2 / 3 * (c[0] - p[0]), p[1] + 2 / 3 * (c[1] - p[1]))
            self.curveTo(c1, c2, p)

        def closePath(self):  # noqa: N802
            ops.append(("z",))

    _hb_font(font_name).draw_glyph_with_pen(gid, _Pen())
    return tuple(ops)


@dataclass(frozen=True)
class Line:
    """One drawable line: ``pieces`` (one font each) in visual order, ``width`` in points."""

    pieces: tuple[Piece, ...]
    width: float
    font: str
    size: float

    @property
    def glyphs(self) -> str:
        """The glyphs of a single-font line (chart labels, tests)."""
        if len(self.pieces) == 1:
            return self.pieces[0].glyphs
        return "".join(str(p.glyphs) for p in self.pieces)

    @property
    def marks(self) -> tuple[tuple[int, float, float], ...]:
        out: list[tuple[int, float, float]] = []
        x = 0.0
        for p in self.pieces:
            out.extend((gid, x + mx, my) for gid, mx, my in p.marks)
            x += p.advance
        return tuple(out)


def _font_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """Cut logical ``text`` into (font, text) runs: each character in the first face
    that draws it; spaces, punctuation, digits and marks stay with the face around
    them when it can draw them, so "Łódź," is one run."""
    fs = fonts()
    if font_name not in fs.fallbacks:
        return [(font_name, text)] if text else []
    runs: list[list[str]] = []
    for ch in text:
        face = fs.face_for(ch, font_name) or font_name
        if runs and runs[-1][0] != face and not unicodedata.category(ch).startswith("L"):
            current = runs[-1][0]
            if fs.face_for(ch, current) == current or ord(ch) in _face_cover(current):
                face = current
        if runs and runs[-1][0] == face:
            runs[-1][1] += ch
        else:
            runs.append([face, ch])
    return [(f, t) for f, t in runs]


@functools.lru_cache(maxsize=16)
def _face_cover(font_name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def _split_isolates(text: str) -> tuple[str, list[tuple[str, bool]]]:
    """Replace each outermost isolate (LRI/RLI/FSI ... PDI) by one object replacement
    character and return the outer text and each isolate's (content, right-to-left)."""
    outer: list[str] = []
    inner: list[tuple[str, bool]] = []
    depth = 0
    kind = ""
    content: list[str] = []
    for ch in text:
        if ch in _ISOLATES:
            if depth:
                content.append(ch)
            else:
                kind = ch
                content = []
            depth += 1
        elif ch == PDI:
            if not depth:
                continue
            depth -= 1
            if depth:
                content.append(ch)
            else:
                inner.append(("".join(content), _isolate_rtl(kind, content)))
                outer.append(_SLOT)
        elif depth:
            content.append(ch)
        else:
            outer.append(ch)
    if depth:  # an isolate left open runs to the end of the line
        inner.append(("".join(content), _isolate_rtl(kind, content)))
        outer.append(_SLOT)
    return "".join(outer), inner


def _isolate_rtl(kind: str, content: list[str]) -> bool:
    if kind == LRI:
        return False
    if kind == RLI:
        return True
    return first_strong_rtl("".join(content)) is True


def first_strong_rtl(text: str) -> bool | None:
    """True/False for the direction of the first strong character outside nested
    isolates (rules P2 and P3), None when there is none."""
    depth = 0
    for ch in text:
        if ch in _ISOLATES:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif not depth:
            cls = unicodedata.bidirectional(ch)
            if cls == "L":
                return False
            if cls in ("R", "AL"):
                return True
    return None


def _simple(text: str, font_name: str) -> bool:
    primary = fonts().primary
    return all(ord(ch) < 0x0590 and (ord(ch) in primary or ch == " ") for ch in text)


@functools.lru_cache(maxsize=20000)
def shape_line(
    text: str, font_name: str, size: float, rtl: bool, vector_marks: bool = True
) -> Line:
    """Bidi-reorder and shape one already-wrapped logical line.

    Isolates (LRI/RLI/FSI ... PDI, see :func:`isolate`) are laid out on their own,
    with their own direction, and placed where they stand as one neutral unit, as
    the Unicode bidi algorithm says: a group name or a note keeps its own order
    whatever the text around it. ``vector_marks=False`` keeps combining marks inside
    the glyph string, for places that can only draw a string (chart labels).
    """
    text = text.strip(" ")
    pieces = _visual_pieces(text, font_name, rtl, vector_marks)
    advance = sum(p.advance for p in pieces)
    return Line(tuple(pieces), advance * size / 1000.0, font_name, size)


def _visual_pieces(text: str, font_name: str, rtl: bool, vector_marks: bool) -> list[Piece]:
    if not text:
        return []
    if not rtl and _simple(text, font_name):
        plain = "".join(ch for ch in text if ch not in _BIDI_MARKS)
        face = pdfmetrics.getFont(font_name)
        return [Piece(font_name, plain, face.stringWidth(plain, 1000.0))]
    text, isolates = _split_isolates(text)
    text = _INTERVAL.sub(lambda m: f"\u200e{m.group(0)}\u200e", text)
    text = _JOINED_NUMBER.sub(lambda m: "\u200e" + m.group(0), text)  # keep them L-to-R
    levels = bidi_levels(text, rtl) if text else []
    slots = iter(isolates)
    runs: list[tuple[int, list[Piece]]] = []  # (level, pieces in visual order)
    start = 0
    for i in range(1, len(text) + 1):
        if (
            i < len(text)
            and levels[i] == levels[start]
            and text[i] != _SLOT
            and text[i - 1] != _SLOT
        ):
            continue
        chunk = "".join(ch for ch in text[start:i] if ch not in _BIDI_MARKS)
        level = levels[start]
        if chunk == _SLOT:
            inner, inner_rtl = next(slots)
            runs.append((level, _visual_pieces(inner, font_name, inner_rtl, vector_marks)))
        elif chunk:
            odd = level % 2 == 1
            parts = [_shape_run(t, f, odd, vector_marks) for f, t in _font_runs(chunk, font_name)]
            runs.append((level, parts[::-1] if odd else parts))
        start = i
    if runs:  # rule L2 on whole runs: each run is already in its own visual order
        odd_levels = [r[0] for r in runs if r[0] % 2]
        highest = max(r[0] for r in runs)
        for level in range(highest, (min(odd_levels) if odd_levels else highest + 1) - 1, -1):
            i = 0
            while i < len(runs):
                if runs[i][0] >= level:
                    j = i
                    while j < len(runs) and runs[j][0] >= level:
                        j += 1
                    runs[i:j] = runs[i:j][::-1]
                    i = j
                else:
                    i += 1
    return [p for _, parts in runs for p in parts]


@functools.lru_cache(maxsize=50000)
def text_width(text: str, font_name: str, size: float) -> float:
    """Width of a logical word as shaped (direction does not change a word's width)."""
    if _simple(text, font_name):
        return pdfmetrics.stringWidth(text, font_name, size)
    rtl = any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)
    return shape_line(text, font_name, size, rtl).width


def _split_long_word(word: str, font_name: str, size: float, width: float) -> list[str]:
    """Cut a word wider than ``width`` into pieces that fit, preferring soft breaks."""
    pieces: list[str] = []
    rest = word
    while rest and text_width(rest, font_name, size) > width:
        # grow a piece character by character (cheap widths for each character)
        acc = 0.0
        cut = 0
        last_soft = 0
        for i, ch in enumerate(rest):
            acc += text_width(ch, font_name, size)
            if acc > width and i > 0:
                break
            cut = i + 1
            if ch in _SOFT_BREAKS:
                last_soft = i + 1
        if last_soft > cut // 2:
            cut = last_soft
        while cut < len(rest) and unicodedata.combining(rest[cut]):
            cut += 1  # never leave a mark without its letter
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


def wrap_text(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Break logical ``text`` into logical lines no wider than ``width`` points.

    ``\\n`` forces a break; an empty paragraph gives one empty line.
    """
    width = max(width, size)  # a degenerate width still makes progress
    space = text_width(" ", font_name, size)
    lines: list[str] = []
    for para in text.split("\n"):
        words = [w for w in para.split(" ") if w]
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        current_w = 0.0
        for word in words:
            w = text_width(word, font_name, size)
            pieces = [word] if w <= width else _split_long_word(word, font_name, size, width)
            for piece in pieces:
                pw = w if len(pieces) == 1 else text_width(piece, font_name, size)
                extra = pw + (space if current else 0.0)
                if current and current_w + extra > width:
                    lines.append(" ".join(current))
                    current, current_w = [piece], pw
                else:
                    current.append(piece)
                    current_w += extra
        lines.append(" ".join(current))
    return _reopen(lines) if any(ch in _ISOLATES for ch in text) else lines


def fit_line(text: str, font_name: str, size: float, width: float) -> str:
    """``text`` cut at a word boundary, with an ellipsis, so that it fits one line of
    ``width`` points (page headers and footers). A single word too long for the line
    is cut between letters."""
    if not text or text_width(text, font_name, size) <= width:
        return text
    ellipsis = "\u2026"
    room = width - text_width(ellipsis, font_name, size)
    words = text.split(" ")
    kept: list[str] = []
    for word in words:
        trial = " ".join([*kept, word])
        if text_width(trial, font_name, size) > room:
            break
        kept.append(word)
    if not kept:  # one long word: as many letters as fit
        kept = [_split_long_word(words[0], font_name, size, max(room, size))[0]]
    cut = " ".join(kept).rstrip(" ,;:.-\u060c\u061b")
    # the ellipsis follows the last word in that word's direction, whatever the line's
    last = next(
        (
            unicodedata.bidirectional(ch)
            for ch in reversed(cut)
            if unicodedata.bidirectional(ch) in ("L", "R", "AL")
        ),
        "L",
    )
    ellipsis += "\u200e" if last == "L" else "\u200f"
    line = _reopen([cut])[0] if any(ch in _ISOLATES for ch in cut) else cut
    # the ellipsis goes inside a cut isolate, at the end of its words
    if line.endswith(PDI):
        closing = len(line) - len(line.rstrip(PDI))
        return line[:-closing] + ellipsis + PDI * closing
    return line + ellipsis


def visual(
    text: object,
    font_name: str,
    size: float,
    rtl: bool,
    vector_marks: bool = True,
    *,
    single_font: bool = False,
) -> Line:
    """Clean and shape a single-line label (chart labels, header and footer).

    ``single_font`` is for places that can draw one string in one font only (chart
    labels): characters only a fallback face has become the placeholder.
    """
    text = clean_text(text, keep_newlines=False)
    if single_font:
        primary = fonts().primary
        text = "".join(
            ch if ord(ch) in primary or unicodedata.category(ch)[0] not in "LMNPS" else PLACEHOLDER
            for ch in text
        )
    return shape_line(text, font_name, size, rtl, vector_marks)
