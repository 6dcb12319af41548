"""The text model: blocks, canonical text, direction, and Arabic normalisation with offset maps.

An article body is a list of blocks; its canonical text is the blocks' texts joined by "\\n". Every stored
offset (highlights, search hits, reading position) is a code-point index into that canonical text
(docs/architecture.md). Direction is decided here, per block, from the block's own text, the way HTML's
dir="auto" does; the GUI only applies it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list_item"


class Direction(StrEnum):
    LTR = "ltr"
    RTL = "rtl"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # heading level (1-6) or list nesting depth; 0 otherwise

    def __post_init__(self) -> None:
        if "\n" in self.text:
            raise ValueError("a block's text may not contain a newline: blocks are joined by newlines")

    @property
    def direction(self) -> Direction:
        return block_direction(self.text)


def join_block_texts(texts: Iterable[str]) -> str:
    """The canonical text from the blocks' texts, in order: joined by one newline (DESIGN §2). The one
    place the rule is written; storage reads texts alone with it (no Block objects for a text)."""
    return "\n".join(texts)


def canonical_text(blocks: Iterable[Block]) -> str:
    return join_block_texts(b.text for b in blocks)


def block_spans(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """(start, end) of each block in the canonical text, in code points."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for b in blocks:
        spans.append((pos, pos + len(b.text)))
        pos += len(b.text) + 1
    return spans


def block_index_at(blocks: Sequence[Block], offset: int) -> int:
    """Index of the block that holds canonical offset `offset` (the newline belongs to the block before)."""
    pos = 0
    for i, b in enumerate(blocks):
        pos += len(b.text) + 1
        if offset < pos:
            return i
    return max(0, len(blocks) - 1)


def content_hash(text: str) -> str:
    """Hash of a canonical text: identifies identical content (duplicate imports, the text a highlight was made on)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- direction -------------------------------------------------------------------------------------------

_RTL_BIDI = {"R", "AL"}
_LTR_BIDI = {"L"}


def first_strong_direction(text: str) -> Direction | None:
    """Direction of the first strong character (Unicode bidi rule P2), or None when there is none."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in _RTL_BIDI:
            return Direction.RTL
        if bidi in _LTR_BIDI:
            return Direction.LTR
    return None


def block_direction(text: str, default: Direction = Direction.RTL) -> Direction:
    return first_strong_direction(text) or default


def is_arabic_letter(ch: str) -> bool:
    return (
        "\u0600" <= ch <= "\u06ff"
        or "\u0750" <= ch <= "\u077f"
        or "\u08a0" <= ch <= "\u08ff"
        or ("\ufb50" <= ch <= "\ufdff")
        or ("\ufe70" <= ch <= "\ufeff")
    )


def detect_language(text: str) -> str:
    """'ar' when Arabic letters are the majority of letters, else 'en' (the corpora are Arabic and English)."""
    arabic = latin = 0
    for ch in text[:20000]:
        if ch.isalpha():
            if is_arabic_letter(ch):
                arabic += 1
            else:
                latin += 1
    return "ar" if arabic >= latin and arabic > 0 else "en"


# --- Arabic normalisation ------------------------------------------------------------------------------

#: Tashkeel: harakat, tanween, shadda, sukun, maddah/hamza above and below, dagger alef; plus Quranic marks.
ARABIC_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # fathatan .. hamza below, incl. shadda and sukun
    + ["\u0670"]  # superscript (dagger) alef
    + [chr(c) for c in range(0x0610, 0x061B)]  # honorifics and small high marks
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
TATWEEL = "\u0640"
#: Bidi controls that copy-paste brings along; they never carry meaning for search or anchoring.
BIDI_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ی": "ي",  # Persian yeh, common in text typed on Persian keyboards
    "ک": "ك",  # Persian keheh
}
DIGIT_FOLDS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


def fold_char(ch: str) -> str:
    """The folded form of one character ('' when it is dropped). Latin is lower-cased."""
    if ch in ARABIC_MARKS or ch == TATWEEL or ch in BIDI_CONTROLS:
        return ""
    if ch in LETTER_FOLDS:
        return LETTER_FOLDS[ch]
    if ch in DIGIT_FOLDS:
        return DIGIT_FOLDS[ch]
    if "\ufb50" <= ch <= "\ufeff":  # presentation forms (text copied out of PDFs)
        folded = unicodedata.normalize("NFKC", ch)
        if folded == ch:  # U+FEFF and unassigned code points: NFKC leaves them alone (no recursion)
            return ch
        return "".join(fold_char(c) for c in folded)
    return ch.lower()


def normalize_arabic(text: str) -> str:
    """Fold text for matching: tashkeel and tatweel dropped, letter variants and digits folded, Latin lowered."""
    return "".join(fold_char(ch) for ch in text)


class _FoldTable(dict[int, str]):
    """code point -> its folded form, filled on first use: `str.translate` with it folds a string as
    `normalize_arabic` does (fold_char depends on one character alone), four times faster."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLDS = _FoldTable()


def fold(text: str) -> str:
    """`text` folded for matching, as `normalize_arabic` does, through a translation table (the fast way
    for filters that fold thousands of strings: the library list, the notebook)."""
    return text.translate(_FOLDS)


#: Between the texts `fold_many` folds in one go (nothing folds into it or out of it).
_RECORD = "\x1e"
_DROPPED = re.compile("[" + "".join(sorted(ARABIC_MARKS | {TATWEEL} | BIDI_CONTROLS)) + "]+")
_SPECIAL = re.compile("[\u0660-\u0669\u06f0-\u06f9\ufb50-\ufeff]")


def _fold_special(match: re.Match[str]) -> str:
    return fold_char(match.group())


def fold_many(texts: Sequence[str]) -> list[str]:
    """Each text folded as `fold` does, for thousands at once: joined, the whole is folded by a few passes of
    C code (lower-case, drop marks, replace each letter variant) instead of a lookup a character, then split
    again (10,000 notes with their quotes: tens of milliseconds instead of most of a second).

    Lower-casing the whole may differ from lower-casing each character in one place (a Greek capital sigma
    at the end of a word becomes final sigma); a filter folds its needles the same way, so they still meet.
    """
    if any(_RECORD in t for t in texts):  # the separator itself in a text: one at a time
        return [fold(t) for t in texts]
    joined = _DROPPED.sub("", _RECORD.join(texts).lower())
    for variant, folded in LETTER_FOLDS.items():
        if variant in joined:
            joined = joined.replace(variant, folded)
    if _SPECIAL.search(joined):  # Arabic-Indic digits, presentation forms copied out of PDFs
        joined = _SPECIAL.sub(_fold_special, joined)
    return joined.split(_RECORD) if texts else []


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A folded text and, for every folded character, the index of the original character it came from.

    `origin` has one more entry than `text`: origin[len(text)] is len(original), so a folded span [a, b)
    maps back to the original span [origin[a], origin[b]) ... after `to_original_end` pulls the end past
    any dropped marks that belong to the last letter (so a highlight keeps its harakat).
    """

    text: str
    origin: tuple[int, ...]
    original: str

    def to_original_start(self, folded_start: int) -> int:
        return self.origin[folded_start]

    def to_original_end(self, folded_end: int) -> int:
        if folded_end == 0:
            return 0
        end = self.origin[folded_end - 1] + 1
        # swallow marks and tatweel that follow the last kept letter: they belong to it
        while (
            end < len(self.original)
            and fold_char(self.original[end]) == ""
            and (self.original[end] in ARABIC_MARKS or self.original[end] == TATWEEL)
        ):
            end += 1
        return end

    def to_original(self, folded_start: int, folded_end: int) -> tuple[int, int]:
        return self.to_original_start(folded_start), self.to_original_end(folded_end)


def fold_with_map(text: str) -> FoldedText:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        for c in folded:
            out.append(c)
            origin.append(i)
    origin.append(len(text))
    return FoldedText("".join(out), tuple(origin), text)
