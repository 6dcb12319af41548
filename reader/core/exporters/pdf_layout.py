"""Line breaking for the PDF export, done once per word instead of once per character.

fpdf2's `multi_cell` re-shapes the whole current line with HarfBuzz for every character it adds, which made
a 1,000-highlight export take ~28 s (22 ms a line). Here each word is measured once (cached by word, style
and size: Arabic words are shaped independently of their neighbours because joining never crosses a
space), lines are filled greedily, and each line is drawn from the same cached, shaped words
(reader.core.exporters.pdf_text), reordered by Unicode bidi per line, as the algorithm requires.

Inline styles arrive as fpdf2 markdown (`**bold**`, `__italic__`, `--underline--`, `~~strike~~`, with a
backslash escaping a marker), the dialect reader.core.exporters.pdf_markdown writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_MARKERS = {"**": "bold", "__": "italic", "--": "underline", "~~": "strike"}
_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s]+")


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False

    def style(self, base: str = "") -> str:
        bold = self.bold or "B" in base
        italic = self.italic or "I" in base
        return ("B" if bold else "") + ("I" if italic else "")

    def same_style(self, other: Run) -> bool:
        return (self.bold, self.italic, self.underline, self.strike) == (
            other.bold,
            other.italic,
            other.underline,
            other.strike,
        )


def parse_markup(markup: str) -> list[Run]:
    """Runs of one style from fpdf2 markdown (unbalanced markers simply stay open to the end)."""
    flags = {"bold": False, "italic": False, "underline": False, "strike": False}
    runs: list[Run] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            runs.append(Run("".join(buf), **flags))
            buf.clear()

    i = 0
    while i < len(markup):
        pair = markup[i : i + 2]
        if markup[i] == "\\" and markup[i + 1 : i + 3] in _MARKERS:
            buf.append(markup[i + 1 : i + 3])
            i += 3
        elif pair in _MARKERS:
            flush()
            flags[_MARKERS[pair]] = not flags[_MARKERS[pair]]
            i += 2
        else:
            buf.append(markup[i])
            i += 1
    flush()
    return runs


class LineBreaker:
    """Greedy line filling with cached word widths, for one FPDF document.

    `measure(text, style, size)` gives a word's advance in mm (reader.core.exporters.pdf_text.GlyphWriter.width,
    the same shaping that draws it, so a measured line is exactly as wide as the drawn one)."""

    def __init__(self, measure: Callable[[str, str, float], float]) -> None:
        self.measure = measure
        self._widths: dict[tuple[str, str, float], float] = {}

    def width(self, text: str, style: str, size: float) -> float:
        key = (text, style, size)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = self.measure(text, style, size)
        return found

    def lines(self, runs: list[Run], size: float, max_width: float, base_style: str = "") -> list[list[Run]]:
        """The runs cut into lines no wider than `max_width` (a word wider than a line is cut by letters)."""
        lines: list[list[Run]] = []
        line: list[Run] = []
        width = 0.0
        pending_space: list[Run] = []
        pending_width = 0.0
        for run in runs:
            for token in _TOKEN.findall(run.text):
                piece = Run(token, run.bold, run.italic, run.underline, run.strike)
                if token == "\n":
                    lines.append(line)
                    line, width, pending_space, pending_width = [], 0.0, [], 0.0
                    continue
                w = self.width(token, piece.style(base_style), size)
                if token.isspace():
                    if line:
                        pending_space.append(piece)
                        pending_width += w
                    continue
                if line and width + pending_width + w > max_width:
                    lines.append(line)
                    line, width = [], 0.0
                    pending_space, pending_width = [], 0.0
                if not line and w > max_width:
                    for part in self._split_long(piece, size, max_width, base_style):
                        if line:
                            lines.append(line)
                        line, width = [part], self.width(part.text, part.style(base_style), size)
                    continue
                line.extend(pending_space)
                line.append(piece)
                width += pending_width + w
                pending_space, pending_width = [], 0.0
        if line or not lines:
            lines.append(line)
        return [_merge(ln) for ln in lines]

    def _split_long(self, piece: Run, size: float, max_width: float, base_style: str) -> list[Run]:
        """A token wider than the line (a long URL): cut where the letters stop fitting."""
        parts: list[Run] = []
        text = piece.text
        style = piece.style(base_style)
        while text:
            cut = len(text)
            while cut > 1 and self.width(text[:cut], style, size) > max_width:
                cut = max(1, int(cut * max_width / self.width(text[:cut], style, size)) - 1)
            parts.append(Run(text[:cut], piece.bold, piece.italic, piece.underline, piece.strike))
            text = text[cut:]
        return parts


def _merge(line: list[Run]) -> list[Run]:
    """Adjacent tokens of one style become one run again (fewer fragments for fpdf2 to shape)."""
    merged: list[Run] = []
    for run in line:
        if merged and merged[-1].same_style(run):
            last = merged[-1]
            merged[-1] = Run(last.text + run.text, last.bold, last.italic, last.underline, last.strike)
        else:
            merged.append(run)
    return merged
