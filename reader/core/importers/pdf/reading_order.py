"""From the visual order of a PDF line to the logical order a reader types, and back.

A line read from the page (text_layer) is in visual order, left to right. An Arabic line is reversed to get
its logical order, except for the runs that are written left to right inside it (Latin words, numbers),
which keep their order: the inverse of the two-level layout of the Unicode bidi algorithm, which is all a
line of prose uses. An English line only reverses its Arabic runs.

Some PDFs show their Arabic reversed on the page (the text was written in logical order by software that
does not lay out right to left, or stored pre-reversed for software that did not): read as above, their
Arabic comes back reversed. `reads_reversed` weighs the evidence over the whole document (words that start
with a letter that only ends words, the article ال at the end of words, reversed forms of the commonest
words) and `flip_line` then reverses each line once more, numbers and Latin runs still in order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from reader.core.importers.pdf.arabic_repairs import ARABIC_WORD, normalise_presentation_forms, strip_marks

_R, _L, _D, _N = "R", "L", "D", "N"  # right-to-left letter, left-to-right letter, digit, neutral
#: A separator kept inside a number written left to right (12.5, 2015/07/21, 10:30, 1,000).
_NUMBER_SEPARATORS = frozenset(".,:/-\u066b\u066c")


_MARK_KIND = "M"
_BIDI_KINDS = {"R": _R, "AL": _R, "L": _L, "EN": _D, "AN": _D, "NSM": _MARK_KIND}
_KIND_OF: dict[str, str] = {}  # a cache: unicodedata.bidirectional costs more than the rest of the work


def _kind(ch: str) -> str:
    kind = _KIND_OF.get(ch)
    if kind is None:
        kind = _KIND_OF[ch] = _BIDI_KINDS.get(unicodedata.bidirectional(ch), _N)
    return kind


def _kinds(text: str) -> list[str]:
    kinds: list[str] = []
    for ch in text:
        kind = _kind(ch)
        if kind == _MARK_KIND:
            kind = kinds[-1] if kinds else _N  # a mark goes with its letter
        kinds.append(kind)
    return kinds


def is_rtl_line(text: str) -> bool:
    """A line laid out right to left: it has Arabic (or Hebrew) letters, at least as many as Latin ones."""
    kinds = [_kind(ch) for ch in text]
    rtl = kinds.count(_R)
    return rtl > 0 and rtl >= kinds.count(_L)


def _ltr_spans(text: str, kinds: list[str]) -> list[tuple[int, int]]:
    """Spans [start, end) of `text` (in visual order) that are written left to right inside a right-to-left
    line: a Latin run (from a Latin letter to its last Latin letter or digit before the next Arabic letter,
    spaces and digits included), or a number (digits with single separators between them)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if kinds[i] == _L:
            end = i + 1
            j = i + 1
            while j < n and kinds[j] != _R:
                if kinds[j] in (_L, _D):
                    end = j + 1
                j += 1
            spans.append((i, end))
            i = end
        elif kinds[i] == _D:
            end = i + 1
            while end < n and (
                kinds[end] == _D or (text[end] in _NUMBER_SEPARATORS and end + 1 < n and kinds[end + 1] == _D)
            ):
                end += 1
            spans.append((i, end))
            i = end
        else:
            i += 1
    return spans


def _rtl_spans(kinds: list[str]) -> list[tuple[int, int]]:
    """Spans [start, end) from an Arabic letter to the last Arabic letter before the next Latin letter."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(kinds)
    while i < n:
        if kinds[i] == _R:
            end = i + 1
            j = i + 1
            while j < n and kinds[j] != _L:
                if kinds[j] == _R:
                    end = j + 1
                j += 1
            spans.append((i, end))
            i = end
        else:
            i += 1
    return spans


def _reverse_keeping(text: str, keep: list[tuple[int, int]]) -> str:
    """`text` reversed, except that each span in `keep` keeps its own order."""
    pieces: list[str] = []
    i = 0
    for start, end in keep:
        pieces.extend(text[i:start])
        pieces.append(text[start:end])
        i = end
    pieces.extend(text[i:])
    return "".join(reversed(pieces))


def visual_to_logical(text: str) -> str:
    """The logical order of one line given in visual order (left to right on the page)."""
    kinds = _kinds(text)
    if _R not in kinds:
        return text
    if is_rtl_line(text):
        return _reverse_keeping(text, _ltr_spans(text, kinds))
    out: list[str] = []
    i = 0
    for start, end in _rtl_spans(kinds):  # Arabic runs inside a left-to-right line
        out.append(text[i:start])
        run = text[start:end]
        out.append(_reverse_keeping(run, _ltr_spans(run, kinds[start:end])))
        i = end
    out.append(text[i:])
    return "".join(out)


def flip_line(text: str) -> str:
    """A line whose Arabic reads reversed, the other way round (Latin runs and numbers keep their order)."""
    return visual_to_logical(text)


# --- is the document's Arabic reversed? ---------------------------------------------------------------------

#: Common words whose reversed form is not a word (في: يف, على: ىلع ...).
_COMMON_WORDS = frozenset("في على إلى من عن التي الذي الذين هذا كان قد أن إن لم مع بين".split())
_REVERSED_COMMON = frozenset(w[::-1] for w in _COMMON_WORDS)
_FINAL_ONLY = "ةى"  # letters that only end a word


def _word_evidence(word: str) -> int:
    """+1 when `word` looks like Arabic in logical order, -1 when it looks reversed, 0 when it says nothing.
    Symmetric by construction: a reversed word scores the opposite of the word."""
    if word in _COMMON_WORDS:
        return 1
    if word in _REVERSED_COMMON:
        return -1
    score = 0
    if len(word) >= 3:
        score += (word[-1] in _FINAL_ONLY) - (word[0] in _FINAL_ONLY)
    if len(word) >= 4:
        score += word.startswith("ال") - word.endswith("لا")
    return max(-1, min(1, score))


def order_evidence(lines: Iterable[str]) -> int:
    """Positive when the Arabic of `lines` reads in logical order, negative when it reads reversed."""
    total = 0
    for line in lines:
        for word in ARABIC_WORD.findall(normalise_presentation_forms(line)):
            total += _word_evidence(strip_marks(word))
    return total


def reads_reversed(lines: Iterable[str]) -> bool:
    """The document's Arabic comes back reversed (clear evidence needed: a couple of words at least)."""
    return order_evidence(lines) <= -2
