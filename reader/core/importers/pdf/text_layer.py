"""Reading a PDF's text layer with pypdf: positioned pieces of text, grouped into lines in visual order.

pypdf's own `extract_text()` is not enough for Arabic. It assumes glyphs are drawn left to right and reverses
every right-to-left run of a text object; generators that draw Arabic glyph by glyph from right to left (Qt's
PDF writer does) come back reversed, and a space pypdf adds between two pieces of a right-to-left run lands
at the end of the run. So this module asks pypdf for small pieces instead: an identity `cm` operator after
every text-showing operator (and between the strings of a TJ array) makes pypdf hand each piece to our
visitor with the position where it was drawn. A piece pypdf reversed is reversed back, so every piece is in
the order its glyphs were drawn (left to right within one Tj), and the pieces of a line are then sorted by
their x position: the line's text is its *visual* order, left to right, whatever the generator did.
Turning visual order into logical order is reading_order's job.

Limits keep a hostile file from holding an import: a size limit before a byte is parsed, a page limit read
from the page tree, a cap on the decoded content of a page, and a time budget checked while pypdf walks the
operators (`TIME_BUDGET`).
"""

from __future__ import annotations

import logging
import math
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.pdf.unmapped_glyphs import complete_fonts

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

#: Larger files are refused before they are opened.
MAX_BYTES = 100 * 1024 * 1024
#: More pages than this is not an article (or is a hostile page tree); refused from the page count.
MAX_PAGES = 1000
#: Decoded content streams of one page above this are refused (a page of text is a few hundred KB at most).
MAX_PAGE_CONTENT_BYTES = 4 * 1024 * 1024
#: Seconds of text extraction before the import gives up with TOO_LARGE.
TIME_BUDGET = 6.0
#: pypdf parses the densest content streams (one short operator after another) at about 300 KB/s here.
_PARSED_BYTES_PER_SECOND = 250_000

_HEADER_WINDOW = 1024  # the %PDF- header may follow some junk, within the first KB (as readers allow)

# pypdf's classification of characters when it reverses right-to-left runs (pypdf/_utils.py): a run is
# right-to-left when its strong characters are; neutral characters take the run's direction.
_PYPDF_RTL = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))
_PYPDF_NEUTRAL = (
    ("\x00", "\x2f"),
    ("\x3a", "\x40"),
    ("\u0660", "\u066d"),
    ("\u06f0", "\u06f9"),
    ("\u2000", "\u206f"),
    ("\u20a0", "\u21ff"),
)


class _OutOfTime(BaseException):
    """Raised from inside pypdf's operator loop when the time budget is spent. A BaseException, because
    pypdf catches `Exception` around form XObjects and would carry on."""


@dataclass(slots=True)
class Piece:
    """Text drawn by one text-showing operator (or part of it), in drawing order."""

    text: str
    x: float
    y: float
    size: float  # effective font size in points
    bold: bool
    is_mark: bool  # only combining marks: it belongs with the piece drawn before it


@dataclass(slots=True)
class Line:
    """One line of a page: its text in visual order (left to right) until reading_order makes it logical."""

    page: int
    x: float  # left edge (the position of its leftmost piece)
    y: float  # baseline, in PDF points from the bottom of the page
    size: float  # font size of most of its characters
    bold: bool  # every letter is in a bold font
    text: str
    rtl: bool = False  # laid out right to left (set once the text is in logical order)


@dataclass(slots=True)
class TextLayer:
    info: dict[str, str] = field(default_factory=dict)  # title, author, creation_date (raw PDF values)
    pages: list[list[Line]] = field(default_factory=list)
    page_count: int = 0


def read_text_layer(path: Path, *, time_budget: float = TIME_BUDGET) -> TextLayer:
    """The lines of every page of `path` in visual order, and its document information.

    Raises HawamishError: TOO_LARGE (size, pages, content or time), EMPTY (no bytes), MALFORMED (not a PDF,
    encrypted, or anything pypdf cannot read).
    """
    where = str(path)
    _check_file(path)
    deadline = time.monotonic() + time_budget
    try:
        reader = _open(path)
        count = _page_count(reader, where)
        layer = TextLayer(info=_document_info(reader), page_count=count)
        completed_fonts: set[int] = set()
        for number in range(count):
            if time.monotonic() > deadline:
                raise _OutOfTime
            layer.pages.append(_page_lines(reader, number, deadline, where, completed_fonts))
        return layer
    except HawamishError:
        raise
    except _OutOfTime:
        raise HawamishError(
            ErrorCode.TOO_LARGE, where, f"reading the text took longer than {time_budget:g} s"
        ) from None
    except MemoryError:
        raise HawamishError(ErrorCode.TOO_LARGE, where, "out of memory while reading") from None
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files; all mean the same here
        raise HawamishError(ErrorCode.MALFORMED, where, f"{type(exc).__name__}: {exc}") from None


def _check_file(path: Path) -> None:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise HawamishError(ErrorCode.TOO_LARGE, where, f"{size} bytes, limit {MAX_BYTES}")
        if size == 0:
            raise HawamishError(ErrorCode.EMPTY, where, "an empty file")
        with path.open("rb") as fh:
            head = fh.read(_HEADER_WINDOW)
    except OSError as exc:
        raise HawamishError(ErrorCode.UNREADABLE, where, str(exc)) from None
    if b"%PDF-" not in head:
        raise HawamishError(ErrorCode.MALFORMED, where, "not a PDF (no %PDF- header)")


def _quiet_pypdf() -> None:
    """pypdf logs a warning for every oddity of a damaged file; the import reports one error instead."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)


def _open(path: Path) -> PdfReader:
    from pypdf import PasswordType, PdfReader

    _quiet_pypdf()
    reader = PdfReader(path, strict=False)
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise HawamishError(ErrorCode.ENCRYPTED, str(path), "a password is needed to open it")
    return reader


def _page_count(reader: PdfReader, where: str) -> int:
    """The number of pages, refused above MAX_PAGES from the page tree's own count before walking it."""
    from pypdf.errors import FileNotDecryptedError
    from pypdf.generic import DictionaryObject

    try:
        tree = reader.root_object["/Pages"].get_object()
        declared = tree.get("/Count", 0) if isinstance(tree, DictionaryObject) else 0
    except FileNotDecryptedError:
        raise HawamishError(ErrorCode.ENCRYPTED, where, "a password is needed to open it") from None
    except Exception:  # a broken page tree: let pypdf walk it (and fail) below
        declared = 0
    if isinstance(declared, int) and declared > MAX_PAGES:
        raise HawamishError(ErrorCode.TOO_LARGE, where, f"{declared} pages, limit {MAX_PAGES}")
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise HawamishError(ErrorCode.TOO_LARGE, where, f"{count} pages, limit {MAX_PAGES}")
    return count


def _document_info(reader: PdfReader) -> dict[str, str]:
    """Title, author and creation date from the document information dictionary ('' when absent)."""
    info: dict[str, str] = {}
    try:
        raw = reader.metadata
    except Exception:  # a damaged /Info is not a reason to refuse the text
        return info
    if raw is None:
        return info
    for key, name in (("/Title", "title"), ("/Author", "author"), ("/CreationDate", "creation_date")):
        try:
            value = raw.get(key)
            if value is not None:
                value = value.get_object()
        except Exception:
            continue
        if isinstance(value, str):
            info[name] = value
    return info


# --- one page ----------------------------------------------------------------------------------------------


def _page_lines(
    reader: PdfReader, number: int, deadline: float, where: str, completed_fonts: set[int]
) -> list[Line]:
    page = reader.pages[number]
    if not _split_text_operators(reader, page, number, deadline, where):
        return []
    complete_fonts(page.get("/Resources"), completed_fonts)
    collector = _PieceCollector()
    ops = 0

    def before(operator: bytes, *_: Any) -> None:
        nonlocal ops
        ops += 1
        if ops % 1024 == 0 and time.monotonic() > deadline:
            raise _OutOfTime

    page.extract_text(orientations=(0,), visitor_text=collector, visitor_operand_before=before)
    return _lines(number, collector.pieces)


def _split_text_operators(
    reader: PdfReader, page: PageObject, number: int, deadline: float, where: str
) -> bool:
    """Put an identity `cm` after every text-showing operator of the page, so pypdf reports each piece
    with its own position. False when the page has no content."""
    from pypdf.generic import ArrayObject, ContentStream, FloatObject, NameObject

    contents = page.get("/Contents")
    if contents is None:
        return False
    contents = contents.get_object()
    streams = contents if isinstance(contents, ArrayObject) else [contents]
    size = 0
    for stream in streams:
        data = stream.get_object().get_data()
        size += len(data)
        if size > MAX_PAGE_CONTENT_BYTES:
            raise HawamishError(
                ErrorCode.TOO_LARGE,
                where,
                f"page {number + 1} content is over {MAX_PAGE_CONTENT_BYTES} bytes",
            )
    if time.monotonic() + size / _PARSED_BYTES_PER_SECOND > deadline:
        raise _OutOfTime  # pypdf's parser cannot be interrupted: do not start what cannot end in time
    content = ContentStream(contents, reader, "bytes")
    identity = [FloatObject(v) for v in (1, 0, 0, 1, 0, 0)]
    flush = (identity, b"cm")
    split: list[tuple[Any, bytes]] = []
    for operands, operator in content.operations:
        if operator == b"TJ" and operands and isinstance(operands[0], ArrayObject):
            # one TJ per string with the offset before it: a gap pypdf turns into a space then stays in
            # front of the string it precedes, even in a right-to-left run
            current: list[Any] = []
            for item in operands[0]:
                if isinstance(item, (int, float)) and any(isinstance(i, (bytes, str)) for i in current):
                    split += [([ArrayObject(current)], b"TJ"), flush]
                    current = []
                current.append(item)
            if current:
                split += [([ArrayObject(current)], b"TJ"), flush]
            continue
        split.append((operands, operator))
        if operator in (b"Tj", b"'", b'"'):
            split.append(flush)
    content.operations = split
    page[NameObject("/Contents")] = content
    return True


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


_NEUTRAL_CLASS = "".join(f"{lo}-{hi}" for lo, hi in _PYPDF_NEUTRAL)
_STRONG = re.compile(f"[^{_NEUTRAL_CLASS}]")
_RTL = re.compile("[" + "".join(f"{lo}-{hi}" for lo, hi in _PYPDF_RTL) + "]")


def _first_strong_is_rtl(text: str) -> bool | None:
    """Whether the first character that is not neutral to pypdf is right-to-left (None: all neutral)."""
    m = _STRONG.search(text)
    return None if m is None else bool(_RTL.match(m.group()))


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me")


class _PieceCollector:
    """pypdf's visitor_text: keeps each non-empty piece with its position, back in drawing order."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self._rtl = False  # pypdf's current run direction (it carries over between pieces)
        self._bold: dict[int, bool] = {}

    def __call__(self, text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        if not text:
            return
        first = _first_strong_is_rtl(text)
        rtl = self._rtl if first is None else first
        last = _first_strong_is_rtl(text[::-1])
        if last is not None:
            self._rtl = last
        text = text.replace("\n", "")
        if not text:
            return
        if rtl:  # pypdf reversed this run; put it back in drawing order
            text = text[::-1]
        m = _mult([float(v) for v in tm], [float(v) for v in cm])
        size = abs(float(font_size)) * math.hypot(m[2], m[3])
        self.pieces.append(
            Piece(
                text=text,
                x=m[4],
                y=m[5],
                size=size,
                bold=self._is_bold(font),
                is_mark=all(_is_mark(ch) for ch in text),
            )
        )

    def _is_bold(self, font: Any) -> bool:
        if font is None:
            return False
        key = id(font)
        if key not in self._bold:
            try:
                name = str(font.get("/BaseFont", ""))
            except Exception:
                name = ""
            self._bold[key] = any(w in name for w in ("Bold", "Black", "Heavy", "Semibold", "SemiBold"))
        return self._bold[key]


# --- pieces to lines ---------------------------------------------------------------------------------------

#: Tabs, no-break and typographic spaces: one space in a line of text.
_WHITESPACE = dict.fromkeys(map(ord, "\t\r\x0b\x0c\u00a0\u202f\u205f\u3000"), " ") | dict.fromkeys(
    range(0x2000, 0x200B), " "
)


def _lines(page: int, pieces: list[Piece]) -> list[Line]:
    """Consecutive pieces on one baseline make a line (in drawing order, so columns drawn one after the other
    stay apart); inside a line the pieces are put in visual order by x."""
    lines: list[Line] = []
    current: list[Piece] = []
    for piece in pieces:
        if current and not piece.is_mark and abs(piece.y - current[0].y) > 0.5 * max(piece.size, 1.0):
            lines.extend(_line(page, current))
            current = []
        current.append(piece)
    lines.extend(_line(page, current))
    return lines


def _line(page: int, pieces: list[Piece]) -> list[Line]:
    if not pieces:
        return []
    # a piece of marks alone stays with the piece drawn before it: its own x is only where the mark sits
    groups: list[list[Piece]] = []
    for piece in pieces:
        if piece.is_mark and groups:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    groups.sort(key=lambda group: group[0].x)  # stable: pieces drawn at one position keep their order
    text = "".join(p.text for group in groups for p in group).translate(_WHITESPACE)
    text = " ".join(text.split())
    if not text:
        return []
    sizes: dict[float, int] = {}
    for p in pieces:
        sizes[round(p.size, 1)] = sizes.get(round(p.size, 1), 0) + len(p.text.strip())
    size = max(sizes, key=lambda s: sizes[s])
    letters = [p for p in pieces if any(ch.isalpha() for ch in p.text)]
    bold = bool(letters) and all(p.bold for p in letters)
    x = min(group[0].x for group in groups if "".join(p.text for p in group).strip()) if text else 0.0
    return [Line(page=page, x=x, y=pieces[0].y, size=size, bold=bold, text=text)]
