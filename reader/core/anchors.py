"""Re-anchoring: placing highlights again when an article's text changes.

A highlight stores a position and a quote (exact text with 32 code points of prefix and suffix). When the text
changes (an updated version of a piece is imported, a typo is fixed) each highlight is placed by the cheapest
rule that works, in the order the Hypothesis client uses:

1. **exact**: the quote is still at its old position (and no other occurrence has clearly better context);
2. **moved**: the exact quote occurs elsewhere; the occurrence whose prefix/suffix match best wins, distance
   to the old position deciding between equally good contexts. The same search is then made on *folded* text
   (reader.core.text.fold_with_map: harakat, tatweel, letter variants), so a text that gained or lost its
   vocalisation keeps every highlight on the same words;
3. **fuzzy**: rapidfuzz's `partial_ratio_alignment` finds the best window for the folded quote, first near the
   old position, then in the whole text; its boundaries are refined by scoring candidates on quote similarity
   (weight 50), prefix and suffix similarity (20 each) and closeness to the old position (2), Levenshtein-
   normalised, as Hypothesis's match-quote does. It is accepted when the quote itself is similar enough;
4. **orphan**: nothing good enough. The highlight is kept with its original quote, flagged, never deleted.

Folded offsets map back to the real text with the marks of the last letter included, so a placed highlight
never cuts a letter from its harakat. Exact and folded searches are plain `str.find` scans; only highlights
they cannot place pay for fuzzy matching, which is what keeps 300 highlights on a 10,000-word article well
under 200 ms (benchmarks/bench_anchors.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reader.core.text import (
    ARABIC_MARKS,
    BIDI_CONTROLS,
    DIGIT_FOLDS,
    LETTER_FOLDS,
    TATWEEL,
    FoldedText,
    fold_with_map,
)

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
#: A fuzzy candidate is accepted when its quote is at least this similar to the original ...
MIN_QUOTE_SIMILARITY = 0.75
#: ... or at least this similar while its prefix and suffix (on average) match this well.
MIN_QUOTE_SIMILARITY_WITH_CONTEXT, MIN_CONTEXT_SIMILARITY = 0.6, 0.8
#: Exact occurrences considered for a quote (the nearest ones): a one-letter quote can occur thousands of times.
MAX_OCCURRENCES = 300
#: Folded code points searched on each side of the old position before the whole text is searched.
WINDOW = 1500
#: Indel partial ratio (0-100) below which a rough place is not worth refining. A Levenshtein similarity of
#: 0.6 (the lowest accepted) implies an Indel ratio of at least 60, so 50 never drops an acceptable place.
SEED_MIN_RATIO = 50

HOW = ("exact", "moved", "fuzzy", "orphan")


class Anchorable(Protocol):
    """What re-anchoring needs from a highlight (reader.core.models.Highlight has it); read-only."""

    @property
    def id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def exact(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Placement:
    highlight_id: int
    start: int
    end: int
    how: str  # one of HOW
    score: float = 1.0  # 0..1, the weighted similarity of the chosen place (1 for exact and moved)


@dataclass(slots=True)
class ReanchorReport:
    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphaned: int = 0
    placements: list[Placement] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "exact": self.exact,
            "moved": self.moved,
            "fuzzy": self.fuzzy,
            "orphaned": self.orphaned,
            "placements": [
                {
                    "highlight_id": p.highlight_id,
                    "start": p.start,
                    "end": p.end,
                    "how": p.how,
                    "score": p.score,
                }
                for p in self.placements
            ],
        }


def _similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(a, b)


_DROPPED = frozenset(ARABIC_MARKS | {TATWEEL} | BIDI_CONTROLS)
_FOLD_TABLE = str.maketrans({**dict.fromkeys(_DROPPED, None), **LETTER_FOLDS, **DIGIT_FOLDS})
#: Characters where folding a whole string at once would differ from fold_char's one-at-a-time result:
#: presentation forms (NFKC expands them), U+0130 (its lower case is two code points), capital sigma (str.lower
#: of a whole string applies the final-sigma rule).
_SLOW_PATH = re.compile("[\ufb50-\ufeff\u0130\u03a3]")


def fold_fast(text: str) -> FoldedText:
    """The same result as reader.core.text.fold_with_map, computed with str.translate.

    Folding the whole article is the largest fixed cost of re-anchoring (a Python call per character in
    fold_with_map, ~100 ms for a vocalised 10,000-word article); translate and a set test per character do it
    in a few ms. Texts with the rare characters that fold differently in bulk take the exact slow path.
    """
    if _SLOW_PATH.search(text):
        return fold_with_map(text)
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) == len(text):
        origin = tuple(range(len(text) + 1))
    else:
        dropped = _DROPPED
        origin = (*(i for i, c in enumerate(text) if c not in dropped), len(text))
    return FoldedText(folded, origin, text)


def _slack(folded_quote: str) -> int:
    """How far fuzzy refinement moves a boundary: enough for a replaced word or two."""
    return max(8, min(64, len(folded_quote) // 2))


def _swallow_marks(text: str, end: int) -> int:
    """Move `end` past harakat and tatweel that follow it: they belong to the letter before."""
    while end < len(text) and (text[end] in ARABIC_MARKS or text[end] == TATWEEL):
        end += 1
    return end


class _Anchorer:
    """Re-anchors any number of highlights on one text; the folded text is computed once, when needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: FoldedText | None = None

    @property
    def folded(self) -> FoldedText:
        if self._folded is None:
            self._folded = fold_fast(self.text)
        return self._folded

    def folded_offset(self, offset: int) -> int:
        """The folded index nearest to an original offset (for distance to the old position)."""
        return bisect.bisect_left(self.folded.origin, offset, 0, len(self.folded.text))

    # --- scoring ---------------------------------------------------------------------------------------
    @staticmethod
    def _context(hay: str, start: int, end: int, prefix: str, suffix: str) -> tuple[float, float]:
        p = _similarity(prefix, hay[max(0, start - len(prefix)) : start]) if prefix else 1.0
        s = _similarity(suffix, hay[end : end + len(suffix)]) if suffix else 1.0
        return p, s

    @staticmethod
    def _score(quote: float, prefix: float, suffix: float, distance: int, length: int) -> float:
        position = 1.0 - min(1.0, distance / max(1, length))
        total = (
            QUOTE_WEIGHT * quote
            + PREFIX_WEIGHT * prefix
            + SUFFIX_WEIGHT * suffix
            + POSITION_WEIGHT * position
        )
        return total / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)

    def _best_occurrence(
        self, hay: str, needle: str, prefix: str, suffix: str, hint: int
    ) -> tuple[int, float, float] | None:
        """(start, score, context) of the exact occurrence of `needle` in `hay` that fits best."""
        starts: list[int] = []
        i = hay.find(needle)
        while i != -1:
            starts.append(i)
            i = hay.find(needle, i + 1)
        if not starts:
            return None
        if len(starts) > MAX_OCCURRENCES:
            starts = sorted(starts, key=lambda s: abs(s - hint))[:MAX_OCCURRENCES]
        best: tuple[int, float, float] | None = None
        for s in starts:
            p, x = self._context(hay, s, s + len(needle), prefix, suffix)
            score = self._score(1.0, p, x, abs(s - hint), len(hay))
            # ties go to the nearest occurrence: starts are scanned in order, so compare distances explicitly
            if (
                best is None
                or score > best[1] + 1e-12
                or (abs(score - best[1]) <= 1e-12 and abs(s - hint) < abs(best[0] - hint))
            ):
                best = (s, score, (p + x) / 2)
        return best

    # --- the rules ---------------------------------------------------------------------------------------
    def place(self, h: Anchorable) -> Placement:
        text = self.text
        quote = h.exact
        if not quote:
            return self._orphan(h)
        found = self._best_occurrence(text, quote, h.prefix, h.suffix, h.start)
        if found is not None:
            start, score, context = found
            how = "exact" if start == h.start else "moved"
            end = _swallow_marks(text, start + len(quote))  # a haraka added on the last letter joins it
            placement = Placement(h.id, start, end, how, 1.0 if how == "exact" else score)
            if context >= 0.5 or len(quote) >= 16:
                return placement
            # a short quote in a foreign context (the real passage may have been edited): let fuzzy compete
            fuzzy = self._fuzzy(h)
            return fuzzy if fuzzy is not None and fuzzy.score > score else placement
        folded = self.folded
        fq = fold_with_map(quote).text
        if not fq:
            return self._orphan(h)
        fp, fs = fold_with_map(h.prefix).text, fold_with_map(h.suffix).text
        hint = self.folded_offset(h.start)
        found = self._best_occurrence(folded.text, fq, fp, fs, hint)
        if found is not None and (found[2] >= 0.5 or len(fq) >= 16):
            start, end = folded.to_original(found[0], found[0] + len(fq))
            return Placement(h.id, start, end, "moved", found[1])
        fuzzy = self._fuzzy(h)
        if fuzzy is not None:
            return fuzzy
        if found is not None:  # a short quote, found only out of context: better there than orphaned
            start, end = folded.to_original(found[0], found[0] + len(fq))
            return Placement(h.id, start, end, "moved", found[1])
        return self._orphan(h)

    def _orphan(self, h: Anchorable) -> Placement:
        n = len(self.text)
        start = min(max(0, h.start), n)
        return Placement(h.id, start, min(max(start, h.end), n), "orphan", 0.0)

    def _fuzzy(self, h: Anchorable) -> Placement | None:
        folded = self.folded
        hay = folded.text
        fq = fold_with_map(h.exact).text
        fp, fs = fold_with_map(h.prefix).text, fold_with_map(h.suffix).text
        if not fq or not hay:
            return None
        hint = self.folded_offset(h.start)
        lo, hi = max(0, hint - WINDOW), min(len(hay), hint + len(fq) + WINDOW)
        # near the old position with every seed; then the whole text, where only the quote itself can tell
        windows = [(lo, hi, True)] if (lo, hi) != (0, len(hay)) else []
        windows.append((0, len(hay), len(windows) == 0))
        slack = _slack(fq)
        for w_lo, w_hi, with_context in windows:
            best = None
            for a, b in self._seeds(hay, fq, fp, fs, w_lo, w_hi, hint, with_context):
                # cheap filter: if no stretch around the seed resembles the quote, refining is wasted work
                region = hay[max(0, a - slack) : b + slack]
                if fuzz.partial_ratio(fq, region, score_cutoff=SEED_MIN_RATIO) == 0:
                    continue
                candidate = self._refine(hay, fq, fp, fs, a, b, hint)
                if candidate is not None and (best is None or candidate[5] > best[5]):
                    best = candidate
            if best is None:
                continue
            start, end, q, p, s, score = best
            if q >= MIN_QUOTE_SIMILARITY or (
                q >= MIN_QUOTE_SIMILARITY_WITH_CONTEXT and (p + s) / 2 >= MIN_CONTEXT_SIMILARITY
            ):
                o_start, o_end = folded.to_original(start, end)
                return Placement(h.id, o_start, o_end, "fuzzy", round(score, 4))
        return None

    @staticmethod
    def _seeds(
        hay: str, fq: str, fp: str, fs: str, lo: int, hi: int, hint: int, with_context: bool
    ) -> list[tuple[int, int]]:
        """Rough places for the quote in hay[lo:hi], each to be refined and scored.

        The quote's best partial alignment is not enough on its own: when a word inside a short quote was
        replaced, the same words elsewhere can align better. So the places where the prefix ends and where
        the suffix starts (the context the user saw around the passage) seed candidates too, as does the old
        position: scoring then picks the candidate where quote *and* context fit.
        """
        window = hay[lo:hi]
        seeds: list[tuple[int, int]] = []
        alignment = fuzz.partial_ratio_alignment(fq, window, score_cutoff=SEED_MIN_RATIO)
        if alignment is not None:
            seeds.append((lo + alignment.dest_start, lo + alignment.dest_end))
        if not with_context:
            return seeds
        if fp:
            alignment = fuzz.partial_ratio_alignment(fp, window)
            if alignment is not None and alignment.score >= 60:
                start = lo + alignment.dest_end
                seeds.append((start, start + len(fq)))
        if fs:
            alignment = fuzz.partial_ratio_alignment(fs, window)
            if alignment is not None and alignment.score >= 60:
                end = lo + alignment.dest_start
                seeds.append((max(0, end - len(fq)), end))
        if lo <= hint < hi:
            seeds.append((hint, hint + len(fq)))
        n = len(hay)
        return list(dict.fromkeys((min(a, n), min(max(b, a + 1), n)) for a, b in seeds))

    def _refine(
        self, hay: str, fq: str, fp: str, fs: str, a: int, b: int, hint: int
    ) -> tuple[int, int, float, float, float, float] | None:
        """Move the window's boundaries to where quote + prefix + suffix fit best.

        partial_ratio aligns a window of the quote's own length; an edit that made the passage longer or
        shorter leaves one boundary off. Prefix similarity depends only on the start and suffix similarity
        only on the end, so a few rounds of coordinate ascent over a small range find the best pair.
        """
        n = len(hay)
        slack = _slack(fq)
        seen: dict[tuple[int, int], tuple[float, float, float, float]] = {}

        def total(s: int, e: int) -> tuple[float, float, float, float]:
            if (s, e) not in seen:
                q = _similarity(fq, hay[s:e])
                p, x = self._context(hay, s, e, fp, fs)
                seen[s, e] = (self._score(q, p, x, abs(s - hint), n), q, p, x)
            return seen[s, e]

        end = min(n, max(b, a + 1))
        start = min(a, end - 1)
        best = total(start, end)
        for _round in range(3):
            improved = False
            for e in range(max(start + 1, end - slack), min(n, end + slack) + 1):
                cand = total(start, e)
                if cand[0] > best[0] + 1e-9:
                    best, end, improved = cand, e, True
            for s in range(max(0, start - slack), min(end - 1, start + slack) + 1):
                cand = total(s, end)
                if cand[0] > best[0] + 1e-9:
                    best, start, improved = cand, s, True
            if not improved:
                break
        if end <= start:
            return None
        score, q, p, x = best
        return start, end, q, p, x, score


def reanchor(highlights: Sequence[Anchorable], new_text: str) -> list[Placement]:
    """Where each highlight goes in `new_text`, in the order given. Pure: nothing is written."""
    anchorer = _Anchorer(new_text)
    return [anchorer.place(h) for h in highlights]
