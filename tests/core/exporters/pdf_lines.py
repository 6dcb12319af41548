"""The visual order of each line of a PDF we wrote, read from the page itself.

pdftotext and pypdf rebuild *logical* order from glyph positions, which is exactly what a bidi test must not
trust. Here each text-showing operator of a page is read with its position (our GlyphWriter sets a `Tm`
before each run of glyphs), its glyph codes are mapped back to characters by the font's ToUnicode map, and a
line's characters are sorted left to right by position: the line as it is seen. Combining marks are dropped
(HarfBuzz places them at their base letter, so their place in a string says nothing about order); a glyph
that stands for several right-to-left characters (the lam-alef ligature) is read right to left.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf
from pypdf.generic import ContentStream

_HEX = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _to_unicode(font: pypdf.generic.DictionaryObject) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.get_object().get_data()
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in _HEX.findall(block):
            table[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return table


def _visual_glyph(text: str) -> str:
    if len(text) > 1 and any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return text[::-1]
    return text


def pdf_lines(data: bytes) -> list[list[str]]:
    """Per page, each line's characters left to right (marks dropped), top to bottom."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages: list[list[str]] = []
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        maps = {name: _to_unicode(ref.get_object()) for name, ref in fonts.items()}
        glyphs: list[tuple[float, float, str]] = []  # (baseline y, x, character)
        current: dict[int, str] = {}
        x = y = 0.0
        content = ContentStream(page.get_contents(), reader)
        for operands, op in content.operations:
            if op == b"Tf":
                current = maps.get(operands[0], {})
            elif op == b"Tm":
                x, y = float(operands[4]), float(operands[5])
            elif op == b"Td":  # fpdf2's own cell() (the page numbers): right after BT, so absolute
                x, y = float(operands[0]), float(operands[1])
            elif op == b"Tj":
                raw = bytes(operands[0].original_bytes)
                for i in range(0, len(raw) - 1, 2):
                    text = _visual_glyph(current.get(int.from_bytes(raw[i : i + 2], "big"), ""))
                    for ch in text:
                        if unicodedata.category(ch) != "Mn":
                            glyphs.append((y, x, ch))
                    x += 0.001  # keeps the drawing order among glyphs of one Tj string
        lines: list[list[tuple[float, float, str]]] = []
        for glyph in sorted(glyphs, key=lambda g: -g[0]):  # a baseline; glyphs raised by cursive attachment
            if lines and lines[-1][0][0] - glyph[0] < 4:  # (Amiri's شخ) stay on their line
                lines[-1].append(glyph)
            else:
                lines.append([glyph])
        pages.append(["".join(ch for _, _, ch in sorted(line, key=lambda g: g[1])) for line in lines])
    return pages
