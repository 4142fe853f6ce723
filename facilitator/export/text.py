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

from facilitator.export.fonts import font_path, fonts

PLACEHOLDER = "\u25ca"  # a lozenge: visibly "something was here that cannot be shown"
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_BIDI_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: steer neutrals, never drawn
_RTL_CLASSES = frozenset({"R", "AL", "AN"})
_BRACKETS = {"(": ")", "[": "]", "{": "}", "\u2045": "\u2046", "\u2329": "\u232a",
             "\u27e8": "\u27e9", "\u3008": "\u3009", "\uff08": "\uff09", "\uff3b": "\uff3d"}
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
_INTERVAL = re.compile(r"(?<![\d.])[+\-\u2212]?\d+(?:\.\d+)?%?[ \u00a0]*(?:\u2026|\.\.\.)"
                       r"[ \u00a0]*[+\-\u2212]?\d+(?:\.\d+)?%?(?![\d.])")


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
    return "".join(out)


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
        inside = {strong(c["type"]) for c in chars[open_i + 1:close_i]} - {None}
        if not inside:
            continue
        if embedding in inside:
            new = embedding
        else:
            before = next((strong(c["type"]) for c in reversed(chars[:open_i])
                           if strong(c["type"])), sos)
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

@functools.lru_cache(maxsize=4)
def _hb_font(font_name: str) -> hb.Font:
    blob = hb.Blob(font_path(font_name).read_bytes())
    return hb.Font(hb.Face(blob))


@functools.lru_cache(maxsize=4)
def _glyph_chars(font_name: str) -> dict[int, int]:
    """glyph id -> the lowest code point mapped to it (base letters before forms)."""
    face = pdfmetrics.getFont(font_name).face
    return {gid: min(codes) for gid, codes in face.glyphToChar.items() if codes}


def _shape_run(text: str, font_name: str, rtl: bool, vector_marks: bool
               ) -> tuple[str, list[ShapeData], list[tuple[int, float, float]]]:
    """Shape one directional run; glyphs come back in visual order.

    Each glyph is written as the code point the font maps to it (Arabic presentation
    forms for contextual shapes), so the PDF's ToUnicode map stays meaningful and
    copy/paste or ``pdftotext`` with NFKC gives back the original letters.

    With ``vector_marks`` the zero-width combining marks (shadda, tanween, vowel
    signs) are returned separately as ``(glyph id, x, y)`` in 1/1000 em from the run
    start, to be drawn as outlines at HarfBuzz's exact position: as text they would
    need backward moves and raised baselines, which make text extractors split the
    line and emit its halves in the wrong order.
    """
    font = pdfmetrics.getFont(font_name)
    widths = font.face.charWidths
    g2c = _glyph_chars(font_name)
    hbf = _hb_font(font_name)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    hb.shape(hbf, buf, {"kern": True, "liga": True})
    infos = buf.glyph_infos
    clusters = sorted({info.cluster for info in infos}) + [len(text)]
    cluster_end = dict(zip(clusters, clusters[1:]))
    scale = 1000.0 / font.face.unitsPerEm
    chars: list[str] = []
    data: list[ShapeData] = []
    marks: list[tuple[int, float, float]] = []
    pen = 0.0
    for info, pos in zip(infos, buf.glyph_positions):
        gid = info.codepoint
        advance = pos.x_advance * scale
        code = g2c.get(gid)
        if (vector_marks and advance == 0 and code is not None
                and unicodedata.category(chr(code)) == "Mn"):
            marks.append((gid, pen + pos.x_offset * scale, pos.y_offset * scale))
            continue
        if code is None:  # an alternate or ligature glyph with no code point of its own
            source = text[info.cluster:cluster_end[info.cluster]]
            # the page holds visual order and extractors reverse right-to-left text
            # character by character, so a ligature's letters are recorded reversed
            code = font.private_code(gid, source[::-1] if rtl else source, advance)
            g2c[gid] = code
        chars.append(chr(code))
        data.append(ShapeData(info.cluster, advance, 0.0, pos.x_offset * scale, 0.0,
                              widths.get(code, 0)))
        pen += advance
    return "".join(chars), data, marks


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
    """One drawable line: ``glyphs`` in visual order, ``width`` in points."""

    glyphs: str
    width: float
    font: str
    size: float
    marks: tuple[tuple[int, float, float], ...] = ()  # (glyph id, x, y) in 1/1000 em


@functools.lru_cache(maxsize=20000)
def shape_line(text: str, font_name: str, size: float, rtl: bool,
               vector_marks: bool = True) -> Line:
    """Bidi-reorder and shape one already-wrapped logical line.

    ``vector_marks=False`` keeps combining marks inside the glyph string, for places
    that can only draw a string (chart labels).
    """
    text = text.strip(" ")
    if not needs_bidi(text, rtl) and all(ord(ch) < 0x0590 for ch in text):
        plain = "".join(ch for ch in text if ch not in _BIDI_MARKS)
        return Line(plain, pdfmetrics.stringWidth(plain, font_name, size), font_name, size)
    text = _INTERVAL.sub(lambda m: f"\u200e{m.group(0)}\u200e", text)
    text = _JOINED_NUMBER.sub(lambda m: "\u200e" + m.group(0), text)  # keep them L-to-R
    levels = bidi_levels(text, rtl) if text else []
    runs: list[list] = []  # [level, glyph chars, shape data]
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or levels[i] != levels[start]:
            chunk = "".join(ch for ch in text[start:i] if ch not in _BIDI_MARKS)
            if chunk:
                runs.append([levels[start], *_shape_run(chunk, font_name, levels[start] % 2 == 1,
                                                         vector_marks)])
            start = i
    if runs:  # rule L2 on whole runs: each run is already in its own visual order
        odd = [r[0] for r in runs if r[0] % 2]
        highest = max(r[0] for r in runs)
        for level in range(highest, (min(odd) if odd else highest + 1) - 1, -1):
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
    glyphs = "".join(r[1] for r in runs)
    data = [d for r in runs for d in r[2]]
    marks: list[tuple[int, float, float]] = []
    x = 0.0
    for run in runs:
        marks.extend((gid, x + mx, my) for gid, mx, my in run[3])
        x += sum(d.x_advance for d in run[2])
    width = x * size / 1000.0
    return Line(ShapedStr(glyphs, shapeData=data), width, font_name, size, tuple(marks))


@functools.lru_cache(maxsize=50000)
def text_width(text: str, font_name: str, size: float) -> float:
    """Width of a logical word as shaped (direction does not change a word's width)."""
    if all(ord(ch) < 0x0590 for ch in text):
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
    return lines


def visual(text: object, font_name: str, size: float, rtl: bool,
           vector_marks: bool = True) -> Line:
    """Clean and shape a single-line label (chart labels, header and footer)."""
    return shape_line(clean_text(text, keep_newlines=False), font_name, size, rtl, vector_marks)
