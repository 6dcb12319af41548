"""Blocks from the lines of a PDF: running headers and page numbers dropped, paragraphs and headings rebuilt.

A PDF has lines, not paragraphs. The rules, in the order they are tried:

- *Running lines*: a line among the two highest or two lowest of a page whose text (digits aside) comes back
  in that zone on at least half of the pages, two at least, is a running header or footer (unless it is set
  larger than the body: a title that a journal repeats as its running header stays on its first page); a
  page number there (`7`, `- 7 -`, `7/12`, `Page 7 of 12`, `صفحة ٧`) is dropped on any page.
- *Headings*: a short line set at least 15 % larger than the body text (the size with the most characters);
  the largest size is level 1. Heading lines that follow each other at one size are one heading.
- *Paragraphs*: a new one starts after a gap larger than 1.3 line spacings (the median spacing of the body;
  1.12 after the end of a sentence), when the text moves sideways by more than a few ems, when a
  left-to-right line is indented, and after a line that stops short (an Arabic line whose left end stays
  well right of the margin, a Latin line much shorter than the others that ends a sentence). A paragraph
  goes on across a page break, or up to the top of the next column, unless its last line ended a sentence.
- Lines join with a space; a Latin word hyphenated at the end of a line is joined without the hyphen.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from reader.core.importers.pdf.text_layer import Line
from reader.core.text import Block, BlockKind

_ZONE = 2  # lines at the top and at the bottom of a page that may be running lines
_HEADING_RATIO = 1.15
_MAX_HEADING_CHARS = 200
_PAGE_NUMBER = re.compile(  # 7, - 7 -, 7/12, Page 7 of 12, صفحة ٧ (a bare number of four digits is a year)
    r"^[\W_]*(?:(?:page|p\.|صفحة|ص)\s*\d{1,4}(?:\s*(?:/|of|من)\s*\d{1,4})?"
    r"|\d{1,4}\s*(?:/|of|من)\s*\d{1,4}|\d{1,3})[\W_]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_URL = re.compile(r"https?://\S+")
_SENTENCE_END = tuple(".!?؟:…»\"”'’)]؛")
_BULLET = re.compile(r"^[•◦▪▫●○■□·*–-]\s+(?=\S)")
_NUMBERED = re.compile(r"^(?:\d{1,3}|[٠-٩]{1,3})[.)-]\s+(?=\S)")
_HYPHENATED = re.compile(r"(?<![-\w])[A-Za-z]+-$")  # a Latin word cut at the line end (not a compound)
_HYPHEN_END = re.compile(r"[A-Za-z]-$")  # ... or a compound cut after one of its hyphens
_NUMBER_CUT = re.compile(r"\d-$")  # 978-0- / 19-508961-5 (an ISBN, a phone number)
_URL_CUT = re.compile(r"(?:^|\s)\(?https?://[^\s)]*$")


@dataclass(slots=True)
class RunningLines:
    pages: list[list[Line]]
    url: str  # a URL repeated in a header or footer (browsers print the page's address there), or ''


def drop_running_lines(pages: list[list[Line]]) -> RunningLines:
    """The pages without running headers, footers and page numbers."""
    zones: list[set[int]] = []
    seen: Counter[str] = Counter()
    for lines in pages:
        order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
        zone = set(order[:_ZONE] + order[-_ZONE:])
        zones.append(zone)
        seen.update({_running_key(lines[i].text) for i in zone})
    needed = max(2, math.ceil(len(pages) / 2))
    largest = _body_size(pages) * 1.05
    url = ""
    kept: list[list[Line]] = []
    for lines, zone in zip(pages, zones, strict=True):
        page_kept = []
        for i, line in enumerate(lines):
            key = _running_key(line.text)
            repeated = i in zone and seen[key] >= needed and line.size <= largest and bool(key.strip("#"))
            if repeated or (i in zone and _PAGE_NUMBER.match(line.text)):
                if repeated and not url and (m := _URL.search(line.text)):
                    url = m.group().rstrip(".,;)")
                continue
            page_kept.append(line)
        kept.append(page_kept)
    return RunningLines(kept, url)


def _body_size(pages: list[list[Line]]) -> float:
    """The font size with the most characters."""
    chars: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            chars[_size_key(line.size)] += len(line.text)
    return max(chars, key=lambda s: chars[s]) if chars else 12.0


def _running_key(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text.casefold()).split())


# --- paragraphs --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Layout:
    body_size: float
    spacing: float  # median distance between the baselines of two body lines
    heading_levels: dict[float, int]
    margins: dict[tuple[int, bool], float]  # (page, right-to-left) -> left margin of body lines
    typical_chars: dict[bool, float]  # right-to-left or not -> median length of a body line


def _size_key(size: float) -> float:
    return round(size * 2) / 2


def _layout(pages: list[list[Line]]) -> _Layout:
    body = _body_size(pages)
    headings = sorted(
        {
            _size_key(line.size)
            for lines in pages
            for line in lines
            if line.size >= body * _HEADING_RATIO and len(line.text) <= _MAX_HEADING_CHARS
        },
        reverse=True,
    )
    gaps: list[float] = []
    margins: dict[tuple[int, bool], float] = {}
    lengths: dict[bool, list[int]] = {False: [], True: []}
    for number, lines in enumerate(pages):
        body_lines = [line for line in lines if _size_key(line.size) == body]
        for a, b in itertools.pairwise(body_lines):
            gap = a.y - b.y
            if 0 < gap < 3 * body:
                gaps.append(gap)
        for rtl in (False, True):
            xs = sorted(line.x for line in body_lines if line.rtl == rtl)
            if xs:  # a low percentile: ragged lines start anywhere right of it
                margins[(number, rtl)] = xs[len(xs) // 10]
            lengths[rtl] += [len(line.text) for line in body_lines if line.rtl == rtl]
    return _Layout(
        body_size=body,
        spacing=statistics.median(gaps) if gaps else body * 1.2,
        heading_levels={size: min(level, 6) for level, size in enumerate(headings, start=1)},
        margins=margins,
        typical_chars={rtl: statistics.median(n) if n else 0.0 for rtl, n in lengths.items()},
    )


@dataclass(slots=True)
class _Draft:
    kind: BlockKind
    level: int
    lines: list[Line]


def build_blocks(pages: list[list[Line]]) -> list[Block]:
    """Headings, paragraphs and list items of the document, in reading order."""
    layout = _layout(pages)
    drafts: list[_Draft] = []
    previous: Line | None = None
    for line in (line for lines in pages for line in lines):
        level = layout.heading_levels.get(_size_key(line.size), 0)
        kind = BlockKind.HEADING if level else BlockKind.PARAGRAPH
        starts_item = not level and bool(_BULLET.match(line.text) or _NUMBERED.match(line.text))
        last = drafts[-1] if drafts else None
        if (
            last is not None
            and previous is not None
            and not starts_item
            and last.level == level
            and (last.kind is kind or (last.kind is BlockKind.LIST_ITEM and kind is BlockKind.PARAGRAPH))
            and _continues(previous, line, layout, last.kind)
        ):
            last.lines.append(line)
        else:
            drafts.append(_Draft(BlockKind.LIST_ITEM if starts_item else kind, level, [line]))
        previous = line
    return [block for draft in drafts if (block := _block(draft)) is not None]


def _continues(previous: Line, line: Line, layout: _Layout, kind: BlockKind) -> bool:
    """`line` goes on the block (of `kind`) that `previous` ended."""
    size = max(layout.body_size, 1.0)
    if abs(previous.size - line.size) > 0.1 * size:
        return False
    gap = previous.y - line.y
    if previous.page != line.page or gap <= 0:  # a new page, or up to the top of the next column
        return (
            kind is not BlockKind.HEADING
            and not previous.text.endswith(_SENTENCE_END)
            and not _indented(line, layout, layout.margins.get((line.page, False)))
        )
    spacing = max(layout.spacing, 0.8 * line.size)
    if gap > 1.3 * spacing:
        return False
    if gap > 1.12 * spacing and previous.text.endswith(_SENTENCE_END):
        return False  # a smaller gap after the end of a sentence
    rtl = line.rtl
    if abs(line.x - previous.x) > 6 * size and not rtl and not previous.rtl:
        return False  # another column or region
    if kind is BlockKind.HEADING:
        return True
    if kind is BlockKind.LIST_ITEM:  # its next lines may be indented under the marker
        return not _short(previous, layout)
    return not (_indented(line, layout, previous.x) or _short(previous, layout))


def _indented(line: Line, layout: _Layout, left: float | None) -> bool:
    """A left-to-right line that starts right of `left` (the line before it, or the page's margin): the
    first line of a paragraph."""
    if line.rtl or left is None:
        return False
    return 0.8 * layout.body_size <= line.x - left <= 6 * layout.body_size


def _short(line: Line, layout: _Layout) -> bool:
    """A line that stops short of where lines end: the last line of a paragraph. An Arabic line's left end
    is its end (known from its position); a Latin line's end is judged from its length."""
    typical = layout.typical_chars[line.rtl]
    ends_sentence = line.text.endswith(_SENTENCE_END)
    if line.rtl:
        margin = layout.margins.get((line.page, True))
        return margin is not None and line.x - margin > 3 * layout.body_size and ends_sentence
    return bool(typical) and len(line.text) < 0.7 * typical and ends_sentence


def _block(draft: _Draft) -> Block | None:
    text = ""
    for line in draft.lines:
        part = line.text.strip()
        if not part:
            continue
        if not text:
            text = part
        elif text.endswith("\u00ad") or (_HYPHENATED.search(text) and part[0].islower()):
            text = text[:-1] + part  # a soft hyphen, or a word cut at the line end: the word goes on
        elif _HYPHEN_END.search(text) and part[0].isalpha():
            text += part  # colonel-in- / chief, Anglo- / Saxon
        elif (_NUMBER_CUT.search(text) and part[0].isdigit()) or _URL_CUT.search(text):
            text += part
        else:
            text = f"{text} {part}"
    text = text.replace("\u00ad", "")
    if draft.kind is BlockKind.LIST_ITEM:
        text = _BULLET.sub("", text)
    if not text:
        return None
    return Block(draft.kind, text, draft.level)
