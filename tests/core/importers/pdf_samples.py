"""Small PDFs made at test time, each reproducing one way real PDFs break text (nothing binary is committed).

fpdf2 writes them: with text shaping (HarfBuzz) and Amiri, Arabic is drawn right to left and maps back to
its letters in logical order, as word processors do; without shaping, the letters go on the page in the
order they are given, which is how old producers stored Arabic in visual order (pre-reversed) and how
software that does not lay out right to left shows it reversed. A few are written byte by byte: the hostile
files, and PDFs whose glyphs lack a Unicode mapping.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from fpdf import FPDF

from tests.conftest import ROOT

AMIRI = ROOT / "reader" / "resources" / "fonts" / "Amiri-Regular.ttf"

# A Latin word or a number, with the spaces and separators inside it: what keeps its order in an Arabic line.
_LTR_RUN = re.compile(r"[A-Za-z0-9٠-٩](?:[A-Za-z0-9٠-٩]|[.,:/\s](?=[A-Za-z0-9٠-٩]))*")


def visual(line: str) -> str:
    """The visual order of a right-to-left line (left to right on the page): reversed, except Latin runs and
    numbers. Written independently of the importer's own reading order, to make visual-order PDFs."""
    tokens: list[str] = []
    i = 0
    while i < len(line):
        m = _LTR_RUN.match(line, i)
        if m:
            tokens.append(m.group())
            i = m.end()
        else:
            tokens.append(line[i])
            i += 1
    return "".join(reversed(tokens))


def arabic_pdf(
    path: Path,
    paragraphs: Iterable[str],
    *,
    shaping: bool = True,
    title: str = "",
    heading: str = "",
    size: float = 13,
    compress: bool = True,
) -> Path:
    """Arabic paragraphs, right-aligned, a blank line between them. `shaping=False` writes each paragraph
    as one unshaped line, exactly as given (callers pass visual() of a line for a visual-order PDF)."""
    pdf = FPDF()
    pdf.compress = compress
    pdf.add_font("Amiri", fname=str(AMIRI))
    if title:
        pdf.set_title(title)
    pdf.add_page()
    if shaping:
        pdf.set_text_shaping(True, direction="rtl", script="arab")
    if heading:
        pdf.set_font("Amiri", size=size * 1.6)
        pdf.multi_cell(0, size * 0.9, heading, align="R")
        pdf.ln(4)
    pdf.set_font("Amiri", size=size)
    for text in paragraphs:
        if shaping:
            pdf.multi_cell(0, size * 0.6, text, align="R")
        else:
            pdf.cell(0, size * 0.6, text, align="R")
            pdf.ln(size * 0.6)
        pdf.ln(size * 0.5)
    pdf.output(str(path))
    return path


def seed_pdf(path: Path, lines: list[str]) -> Path:
    """The seed article as a newspaper might print it: the title large, a running header and page numbers
    on every page, paragraphs right-aligned with a gap between them, author and title in the document info."""

    class Article(FPDF):
        def header(self) -> None:
            self.set_font("Amiri", size=9)
            self.cell(0, 6, "هوامش — مقالات الرأي", align="R")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Amiri", size=9)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Article()
    pdf.add_font("Amiri", fname=str(AMIRI))
    pdf.set_text_shaping(True, direction="rtl", script="arab")
    pdf.set_title(lines[0])
    pdf.set_author("كاتب الرأي")
    pdf.add_page()
    pdf.set_font("Amiri", size=20)
    pdf.multi_cell(0, 12, lines[0], align="R")
    pdf.ln(4)
    pdf.set_font("Amiri", size=13)
    for line in lines[1:]:
        pdf.multi_cell(0, 8, line, align="R")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def english_pdf(
    path: Path, draw: Callable[[FPDF], None], *, title: str = "", pages_header: bool = True
) -> Path:
    """An English PDF in Helvetica; `draw` writes the body. With `pages_header`, every page has a running
    header and a 'Page N of M' footer."""

    class Paper(FPDF):
        def header(self) -> None:
            if pages_header:
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, "The Weekly Review - Opinion")
                self.ln(10)

        def footer(self) -> None:
            if pages_header:
                self.set_y(-15)
                self.set_font("Helvetica", size=8)
                self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Paper()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    draw(pdf)
    pdf.output(str(path))
    return path


def remap_glyph(pdf_bytes: bytes, codepoint: int) -> bytes:
    """An uncompressed fpdf2 PDF whose ToUnicode maps the glyphs of `codepoint` to U+FFFD instead: a tatweel
    then reads back as U+FFFD, as from producers that do not map their kashida glyph."""
    target = f"{codepoint:04X}".encode()
    pattern = re.compile(rb"(<[0-9A-F]{4}> <)((?:" + target + rb")+)>")  # Amiri draws ـــ as one glyph

    def replace(m: re.Match[bytes]) -> bytes:
        return m.group(1) + m.group(2).replace(target, b"FFFD") + b">"

    replaced, count = pattern.subn(replace, pdf_bytes)
    assert count, "the glyph is not in the ToUnicode map"
    return replaced  # same length: the cross-reference offsets stay right


def tiny_png(width: int = 8, height: int = 8) -> bytes:
    """A grey PNG: the page of a scan."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF written byte by byte: object i+1 is objects[i] (object 1 the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def raw_page(font: int, contents: int, parent: int = 2) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >>"
        b" /Contents %d 0 R >>" % (parent, font, contents)
    )
