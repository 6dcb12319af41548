"""Matchers of our own for prefix queries: a document scored by the best of several terms.

A prefix (CappedPrefix in query.py) matches the documents of up to PREFIX_TERMS terms, each scored by
its best term (a disjunction max). whoosh builds that as a binary tree of DisjunctionMaxMatchers, which
walks every node of the tree for every document of the union (4,800 documents for الاس* at 10k articles:
75 ms), and whose score and `replace` are wrong in whoosh-reloaded 2.7.x (_DisjunctionMaxMatcher below).
MaxUnionMatcher reads a window of documents at a time from each term, keeps each document's best score,
and knows each window's exact best score. Once the collector knows the score a document needs to enter
the top results (`replace`, `skip_to_quality`), the documents, windows and blocks of a term that cannot
reach it are never handed on; a search without a limit never sets that score and gets every document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from whoosh.matching import DisjunctionMaxMatcher, Matcher, NullMatcher, ReadTooFar

#: Documents read at once from every term (a segment of 5,000 documents is a few windows).
WINDOW = 1024


class MaxUnionMatcher(Matcher):  # type: ignore[misc]  # whoosh ships no types
    """The union of term matchers, a document scored by its best term (times `boost`), read WINDOW
    documents at a time. Its blocks are the windows: `block_quality` is the window's best score, exact."""

    def __init__(self, subs: Sequence[Any], boost: float = 1.0) -> None:
        self._subs = [m for m in subs if m.is_active()]
        self._boost = boost
        self._minquality = 0.0
        self._ids: list[int] = []
        self._scores: list[float] = []
        self._i = 0
        self._best = 0.0
        self._fill()

    # reading ------------------------------------------------------------------------------------------

    def _fill(self) -> None:
        """Read the next window holding a document from the terms (none left: the matcher is done)."""
        self._ids, self._scores, self._i, self._best = [], [], 0, 0.0
        boost, minquality = self._boost, self._minquality
        while self._subs:
            limit = min(m.id() for m in self._subs) + WINDOW
            best: dict[int, float] = {}
            for m in self._subs:
                # a block of this term whose best score cannot reach the top results adds nothing: a
                # document's score is its best term's
                if minquality and m.id() < limit and m.block_quality() * boost <= minquality:
                    m.skip_to_quality(minquality / boost)
                while m.is_active() and m.id() < limit:
                    doc, score = m.id(), m.score()
                    if score > best.get(doc, -1.0):
                        best[doc] = score
                    m.next()
            self._subs = [m for m in self._subs if m.is_active()]
            # a document at or below minquality cannot enter the top results: not handed to the collector
            # (at 10k articles الاس* has 6,400 documents, of which a few hundred can)
            kept = sorted(d for d, score in best.items() if score * boost > minquality)
            if kept:
                self._ids = kept
                self._scores = [best[d] * boost for d in kept]
                self._best = max(self._scores)
                return

    # the matcher interface --------------------------------------------------------------------------------

    def is_active(self) -> bool:
        return self._i < len(self._ids)

    def id(self) -> int:
        return self._ids[self._i]

    def score(self) -> float:
        return self._scores[self._i]

    def weight(self) -> float:
        return self._scores[self._i]

    def next(self) -> bool:
        """The next document; True when it starts a new window (the collector then checks its quality)."""
        if not self.is_active():
            raise ReadTooFar
        self._i += 1
        if self._i < len(self._ids):
            return False
        self._fill()
        return True

    def skip_to(self, target: int) -> bool:
        if not self.is_active() or target <= self.id():
            return False
        if target <= self._ids[-1]:
            self._i = bisect_left(self._ids, target, self._i)
            return False
        for m in self._subs:
            if m.id() < target:
                m.skip_to(target)
        self._subs = [m for m in self._subs if m.is_active()]
        self._fill()
        return True

    def supports_block_quality(self) -> bool:
        return True

    def block_quality(self) -> float:
        return self._best

    def max_quality(self) -> float:
        later = max((m.max_quality() for m in self._subs), default=0.0) * self._boost
        return max(self._best, later)

    def skip_to_quality(self, minquality: float) -> int:
        skipped = 0
        while self.is_active() and self._best <= minquality:
            self._minquality = max(self._minquality, minquality)
            self._fill()
            skipped += 1
        return skipped

    def replace(self, minquality: float = 0) -> Any:
        if minquality > self._minquality:
            # a term whose best score cannot reach the top results adds nothing from now on
            self._minquality = minquality
            self._subs = [m for m in self._subs if m.max_quality() * self._boost > minquality]
        if not self.is_active():
            return NullMatcher()
        return self

    def copy(self) -> MaxUnionMatcher:
        other = MaxUnionMatcher([])
        other.__dict__.update(self.__dict__)
        other._subs = [m.copy() for m in self._subs]
        return other

    def supports(self, astype: str) -> bool:
        return False

    def is_leaf(self) -> bool:
        return False

    def children(self) -> list[Any]:
        return list(self._subs)


class _DisjunctionMaxMatcher(DisjunctionMaxMatcher):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's DisjunctionMaxMatcher with two of its mistakes corrected (whoosh-reloaded 2.7.x):

    - its score is the max of both sides' current postings even when they stand on different documents,
      so a document got the score of a term it does not hold (and every side of the tree was scored for
      every document);
    - its `replace` returned an empty matcher as soon as one side was used up, dropping what the other
      side had left.
    """

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active():
            return float(b.score())
        if not b.is_active():
            return float(a.score())
        id_a, id_b = a.id(), b.id()
        if id_a < id_b:
            return float(a.score())
        if id_b < id_a:
            return float(b.score())
        return float(max(a.score(), b.score()))

    def replace(self, minquality: float = 0) -> Any:
        # a side whose best score cannot reach minquality adds nothing: the max of the two is taken
        sides = []
        for side in (self.a, self.b):
            if side.is_active() and not (minquality and side.max_quality() < minquality):
                replaced = side.replace(minquality)
                if replaced.is_active():
                    sides.append(replaced)
        if not sides:
            return NullMatcher()
        if len(sides) == 1:
            return sides[0]
        a, b = sides
        if a is self.a and b is self.b:
            self._id = None
            return self
        return self.__class__(a, b, tiebreak=self.tiebreak)


def disjunction_max_matcher(a: Any, b: Any, tiebreak: float = 0.0) -> Any:
    """The corrected binary disjunction max (for query.py's _DisjunctionMax)."""
    return _DisjunctionMaxMatcher(a, b, tiebreak=tiebreak)
