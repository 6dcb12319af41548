"""Drawing lines of text into the PDF from cached, pre-shaped words, instead of one fpdf2 `cell()` a line.

Profiling the 1,000-highlight export (docs/export.md) showed ~70 % of its time inside `cell()`: fpdf2 runs its
markdown parser and the whole Unicode bidi algorithm over every line, shapes every fragment twice with
HarfBuzz (once to measure it for alignment, once to draw it) and builds its glyph operators one by one.
Here:

- each word is shaped once per (text, style, size, direction) through fpdf2's own `TTFFont.shape_text`, so
  the glyphs land in fpdf2's font subset with their Unicode clusters (the ToUnicode map that makes pdftotext
  give vocalised Arabic back is fpdf2's, unchanged); its glyph operators are cached relative to the word's
  origin, and drawing a word is one string format. Arabic joining never crosses a space, so shaping word by
  word gives the same glyphs as shaping the line;
- bidi runs only on lines that mix directions (an Arabic line with a Latin word or a number); a line of one
  direction is one run. The embedding levels are fpdf2's `BidiParagraph`'s and the runs are put in visual
  order by the bidi algorithm's rule L2 (docs/export.md, Direction); words of a right-to-left run are drawn
  right to left;
- each line is wrapped in `q … Q`, so its font and colour never leak into fpdf2's own idea of the page state.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fpdf.bidi import BidiParagraph
from fpdf.enums import PDFResourceType, TextDirection
from fpdf.fonts import TTFFont

from reader.core.text import BIDI_CONTROLS

if TYPE_CHECKING:  # pragma: no cover
    from fpdf import FPDF

    from reader.core.exporters.pdf_layout import Run

_TOKEN = re.compile(r"\s+|\S+")
_RTL_CLASSES = frozenset(("R", "AL"))
_NUMBER_CLASSES = frozenset(("EN", "AN"))
#: Bidi controls (isolates, marks, embeddings) steer the order but are never drawn (Amiri has glyphs for
#: some, which would put them in the text layer).
_NO_CONTROLS = dict.fromkeys(map(ord, BIDI_CONTROLS))


@dataclass(frozen=True, slots=True)
class Word:
    """A shaped word: its advance and its glyph operators relative to its origin (mm, pen on the baseline)."""

    font_index: int
    advance: float
    segments: tuple[tuple[float, float, str], ...]  # (dx, dy, escaped glyph string)
    flows: bool = False  # the PDF's own advances end the last segment exactly at `advance` (the next word can
    # then continue the same Tj string; one positioning per run of plain words keeps files small)


@dataclass(frozen=True, slots=True)
class _Piece:
    text: str
    style: str  # "", "B", "I", "BI"
    underline: bool
    strike: bool
    rtl: bool


def _classes(text: str) -> set[str]:
    return {unicodedata.bidirectional(c) for c in text}


class GlyphWriter:
    """Shapes words once and draws lines of styled runs for one FPDF document."""

    def __init__(self, pdf: FPDF, family: str) -> None:
        self.pdf = pdf
        self.family = family.lower()
        self._words: dict[tuple[str, str, float, bool], Word] = {}
        self._mixed: dict[str, tuple[bool, bool, bool, bool]] = {}

    # shaping -------------------------------------------------------------------------------------------
    def word(self, text: str, style: str, size: float, rtl: bool) -> Word:
        key = (text, style, size, rtl)
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = self._shape(text, style, size, rtl)
        return found

    def width(self, text: str, style: str, size: float) -> float:
        """The advance of `text` shaped as one word (its direction from its letters)."""
        return self.word(text, style, size, self._has_rtl(text)).advance

    def _shape(self, text: str, style: str, size: float, rtl: bool) -> Word:
        font = self.pdf.fonts[self.family + style]
        assert isinstance(font, TTFFont)  # the page's fonts are the bundled TrueType files
        params: dict[str, object] = {
            "features": {},
            "fragment_direction": TextDirection.RTL if rtl else TextDirection.LTR,
            "script": None,
            "language": None,
        }
        unit = font.scale * size / 1000 / self.pdf.k  # font units -> mm
        # (x, y, glyph, advance; None when the PDF's own advance of the glyph is not the shaped one)
        glyphs: list[tuple[float, float, str, float | None]] = []
        pen_x = pen_y = 0.0
        for ti in font.shape_text(text, size, params):
            if ti["mapped_char"] is None:  # a glyph the font lacks
                continue
            offset = ti["x_offset"] != 0 or ti["y_offset"] != 0
            advance = ti["x_advance"] * unit
            exact = not (offset or ti["force_positioning"])
            glyphs.append(
                (
                    pen_x + ti["x_offset"] * unit,
                    pen_y + ti["y_offset"] * unit,
                    font.escape_text(chr(ti["mapped_char"])),
                    advance if exact else None,
                )
            )
            pen_x += advance
            pen_y += ti["y_advance"] * unit
        segments: list[tuple[float, float, str]] = []
        chars: list[str] = []
        expect: tuple[float, float] | None = None
        for x, y, glyph, advance in glyphs:
            if expect is None or abs(expect[0] - x) > 1e-6 or abs(expect[1] - y) > 1e-6:
                if chars:
                    segments[-1] = (segments[-1][0], segments[-1][1], "".join(chars))
                segments.append((x, y, ""))
                chars = []
            chars.append(glyph)
            expect = None if advance is None else (x + advance, y)
        if chars:
            segments[-1] = (segments[-1][0], segments[-1][1], "".join(chars))
        flows = expect is not None and abs(expect[0] - pen_x) < 1e-6 and abs(expect[1] - pen_y) < 1e-6
        return Word(font.i, pen_x, tuple(segments), flows)

    # bidi ----------------------------------------------------------------------------------------------
    def _has_rtl(self, text: str) -> bool:
        return self._kinds(text)[0]

    def _kinds(self, text: str) -> tuple[bool, bool, bool, bool]:
        """(has right-to-left letters, has left-to-right letters, has European digits, has Arabic digits)."""
        found = self._mixed.get(text)
        if found is None:
            classes = _classes(text)
            found = self._mixed[text] = (
                bool(classes & _RTL_CLASSES),
                "L" in classes,
                "EN" in classes,
                "AN" in classes,
            )
        return found

    def _pieces(self, runs: list[Run], rtl: bool, base_style: str) -> list[_Piece]:
        """The line's runs cut into pieces of one style and one embedding level, in visual order.

        Levels come from fpdf2's `BidiParagraph` (rules X1-X10, W, N0-N2, I and L1: isolates, numbers and
        paired brackets; it agrees with python-bidi on every line of tests/fixtures/bidi_reference.json);
        the pieces are then reordered by rule L2: from the highest level down to the lowest odd one, every
        sequence at that level or above is reversed. (Ordering by direction alone put a number inside an
        Arabic phrase of an English line, level 2, outside the Arabic it belongs to.)
        """
        text = "".join(r.text for r in runs)
        kinds = [self._kinds(token) for token in _TOKEN.findall(text)]
        has_rtl, has_ltr, has_en, has_an = (any(k[i] for k in kinds) for i in range(4))
        base = 1 if rtl else 0
        levels: list[int] | None
        if (rtl and not (has_ltr or has_en or has_an)) or (not rtl and not (has_rtl or has_an)):
            levels = None  # one level: letters and neutrals alike (isolates hold nothing of the other side)
        else:
            paragraph = BidiParagraph(
                text=text,
                base_direction=TextDirection.RTL if rtl else TextDirection.LTR,
                preserve_bn_chars=True,
            )
            levels = [c.embedding_level for c in paragraph.get_characters_with_embedding_level()]
        logical: list[tuple[int, _Piece]] = []
        pos = 0
        for run in runs:
            style = run.style(base_style)
            end = pos + len(run.text)
            if levels is None:
                logical.append((base, _Piece(run.text, style, run.underline, run.strike, rtl)))
            else:
                start = pos
                for i in range(pos + 1, end + 1):
                    if i == end or levels[i] != levels[start]:
                        level = levels[start]
                        piece = _Piece(text[start:i], style, run.underline, run.strike, level % 2 == 1)
                        logical.append((level, piece))
                        start = i
            pos = end
        logical = [(level, piece) for level, piece in logical if piece.text]
        if not logical:
            return []
        top = max(level for level, _ in logical)
        lowest_odd = min((level for level, _ in logical if level % 2), default=top + 1)
        for level in range(top, lowest_odd - 1, -1):  # rule L2
            reordered: list[tuple[int, _Piece]] = []
            i = 0
            while i < len(logical):
                if logical[i][0] < level:
                    reordered.append(logical[i])
                    i += 1
                    continue
                j = i
                while j < len(logical) and logical[j][0] >= level:
                    j += 1
                reordered += logical[i:j][::-1]
                i = j
            logical = reordered
        return [piece for _, piece in logical]

    # drawing -------------------------------------------------------------------------------------------
    def line(
        self,
        runs: list[Run],
        *,
        rtl: bool,
        left: float,
        right: float,
        height: float,
        size: float,
        base_style: str,
        color: tuple[int, int, int],
        fill: tuple[int, int, int] | None = None,
        box: tuple[float, float] | None = None,
    ) -> float:
        """Draw one line between `left` and `right` (mm) at the current y, aligned to its starting side (right
        for `rtl`), with an optional `fill` background over `box` (x from, x to; default left to right); break
        the page first when the line does not fit. Returns the line's width."""
        pdf = self.pdf
        pdf._perform_page_break_if_need_be(height)  # what cell() does before drawing
        y = pdf.y
        pieces = self._pieces(runs, rtl, base_style)
        placed: list[tuple[_Piece, list[Word]]] = []
        total = 0.0
        for piece in pieces:
            tokens = _TOKEN.findall(piece.text.translate(_NO_CONTROLS))
            if piece.rtl:
                tokens.reverse()
            words = [self.word(t, piece.style, size, piece.rtl) for t in tokens]
            total += sum(w.advance for w in words)
            placed.append((piece, words))
        k, page_h = pdf.k, pdf.h
        ops: list[str] = ["q"]
        if fill is not None:
            x0, x1 = box or (left, right)
            ops.append(
                f"{fill[0] / 255:.3f} {fill[1] / 255:.3f} {fill[2] / 255:.3f} rg "
                f"{x0 * k:.2f} {(page_h - y) * k:.2f} {(x1 - x0) * k:.2f} {-height * k:.2f} re f"
            )
        ops.append(f"{color[0] / 255:.3f} {color[1] / 255:.3f} {color[2] / 255:.3f} rg")
        size_mm = size / k
        baseline = page_h - y - 0.5 * height - 0.3 * size_mm  # as fpdf2's cell() places it
        x = right - total if rtl else left
        decorations: list[tuple[float, float, bool]] = []
        ops.append("BT")
        font_now = -1
        flowing = False  # the previous word ended where this one starts, in the same font
        text: list[str] = []  # glyphs of the open Tj string

        def close() -> None:
            if text:
                ops.append(f"({''.join(text)}) Tj")
                text.clear()

        for piece, words in placed:
            start_x = x
            for w in words:
                if w.font_index != font_now:
                    close()
                    font_now, flowing = w.font_index, False
                    ops.append(f"/F{font_now} {size:.2f} Tf")
                    pdf._resource_catalog.add(PDFResourceType.FONT, font_now, pdf.page)
                for n, (dx, dy, glyphs) in enumerate(w.segments):
                    if not (n == 0 and flowing and dx == 0 and dy == 0):
                        close()
                        ops.append(f"1 0 0 1 {(x + dx) * k:.2f} {(baseline + dy) * k:.2f} Tm")
                    text.append(glyphs)
                flowing = w.flows
                x += w.advance
            if piece.underline:
                decorations.append((start_x, x, True))
            if piece.strike:
                decorations.append((start_x, x, False))
        close()
        ops.append("ET")
        if decorations:
            ops.append(
                f"{color[0] / 255:.3f} {color[1] / 255:.3f} {color[2] / 255:.3f} RG "
                f"{0.05 * size_mm * k:.2f} w"
            )
            for x0, x1, under in decorations:
                line_y = baseline - 0.12 * size_mm if under else baseline + 0.28 * size_mm
                ops.append(f"{x0 * k:.2f} {line_y * k:.2f} m {x1 * k:.2f} {line_y * k:.2f} l S")
        ops.append("Q")
        pdf._out("\n".join(ops))
        pdf.y = y + height
        return total
