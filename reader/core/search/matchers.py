"""Matchers of our own for prefix queries: a document scored by the best of several terms.

A prefix (CappedPrefix in query.py) matches the documents of up to PREFIX_TERMS terms, each scored by
its best term (a disjunction max). whoosh builds that as a binary tree of DisjunctionMaxMatchers, which
walks every node of the tree for every document of the union (4,800 documents for الاس* at 10k articles:
75 ms), and whose score and `replace` are wrong in whoosh-reloaded 2.7.x (CorrectedDisjunctionMaxMatcher below).
MaxUnionMatcher reads a window of documents at a time from each term, keeps each document's best score,
and knows each window's exact best score. Once the collector knows the score a document needs to enter
the top results (`replace`, `skip_to_quality`), the documents, windows and blocks of a term that cannot
reach it are never handed on; a search without a limit never sets that score and gets every document.
"""

from __future__ import annotations

import pickle
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import DisjunctionMaxMatcher, Matcher, NullMatcher, ReadTooFar
from whoosh.query.spans import Span
from whoosh.system import _INT_SIZE

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
        # Windows are skipped, but `minquality` is not kept for what comes after: inside an AND, whoosh
        # asks with the other side's current block in mind, and a later block may need less. The score a
        # document needs from now on comes through `replace` (the collector's, or an AND's with the other
        # side's best over all its documents).
        skipped = 0
        while self.is_active() and self._best <= minquality:
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


class CorrectedDisjunctionMaxMatcher(DisjunctionMaxMatcher):  # type: ignore[misc]  # whoosh ships no types
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


# --- phrases ---------------------------------------------------------------------------------------------


def _skip_to(matcher: Any, target: int) -> None:
    """matcher.skip_to(target), by bisection inside the block already read: whoosh's leaf matcher steps
    through it one posting at a time (most of a phrase's time on a common word)."""
    if isinstance(matcher, W3LeafMatcher) and matcher._ids is not None and target <= matcher.block_max_id():
        matcher._i = bisect_left(matcher._ids, target, matcher._i)
    else:
        matcher.skip_to(target)


def _decode_positions(value: bytes) -> list[int]:
    """A posting's positions from whoosh's Positions encoding (a count, then pickled position deltas)."""
    if not value.endswith(b"."):  # whoosh trims pickle's STOP opcode from stored values
        value += b"."
    return list(accumulate(pickle.loads(value[_INT_SIZE:])))


class PhraseMatcher(Matcher):  # type: ignore[misc]  # whoosh ships no types
    """The documents where terms stand in order, each within `slop` positions after the one before (what
    whoosh's Phrase finds through SpanNear2: the same documents, the same spans, the score the sum of the
    terms' scores), without its span objects and binary trees.

    A phrase of common words at 100k articles is checked on every document that holds all its words
    (10,000 for "الدولة حزب"), and whoosh spent ~30 µs on each. Here the rarest term leads, the others
    skip to its documents, and positions are compared as sets (`slop` 1) or by bisection.
    """

    def __init__(
        self, terms: Sequence[Any], frequencies: Sequence[int], slop: int = 1, boost: float = 1.0
    ) -> None:
        self._terms = list(terms)  # in phrase order
        self._slop = slop
        self._boost = boost
        order = sorted(range(len(self._terms)), key=lambda i: frequencies[i])
        self._lead_order = [self._terms[i] for i in order]
        self._spans: list[Span] = []
        self._find()

    def _find(self) -> None:
        """Stop on the first document, from the leading term's current one, that holds the phrase."""
        lead, others = self._lead_order[0], self._lead_order[1:]
        self._spans = []
        while lead.is_active():
            doc = lead.id()
            for m in others:
                if m.id() < doc:
                    _skip_to(m, doc)
                if not m.is_active():
                    return
                if m.id() > doc:
                    _skip_to(lead, m.id())
                    break
            else:
                self._spans = self._phrase_spans()
                if self._spans:
                    return
                lead.next()

    def _phrase_spans(self) -> list[Span]:
        slop = self._slop
        positions = [_decode_positions(m.value()) for m in self._terms]
        if slop == 1:
            starts = set(positions[0])
            for offset, found in enumerate(positions[1:], 1):
                starts &= {p - offset for p in found}
                if not starts:
                    return []
            last = len(positions) - 1
            return [Span(start, start + last) for start in sorted(starts)]
        spans = [(p, p) for p in positions[0]]
        for found in positions[1:]:
            extended = set()
            for start, end in spans:
                i = bisect_left(found, end + 1)
                while i < len(found) and found[i] <= end + slop:
                    extended.add((start, found[i]))
                    i += 1
            if not extended:
                return []
            spans = sorted(extended)
        return [Span(start, end) for start, end in spans]

    def is_active(self) -> bool:
        return bool(self._spans)

    def id(self) -> int:
        return int(self._lead_order[0].id())

    def spans(self) -> list[Span]:
        return self._spans

    def score(self) -> float:
        return float(sum(m.score() for m in self._terms)) * self._boost

    def weight(self) -> float:
        return float(sum(m.weight() for m in self._terms))

    def next(self) -> bool:
        if not self.is_active():
            raise ReadTooFar
        self._lead_order[0].next()
        self._find()
        return False

    def skip_to(self, target: int) -> bool:
        if self.is_active() and target > self.id():
            self._lead_order[0].skip_to(target)
            self._find()
        return False

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return float(sum(m.max_quality() for m in self._terms)) * self._boost

    def replace(self, minquality: float = 0) -> Any:
        if not self.is_active() or (minquality and self.max_quality() <= minquality):
            return NullMatcher()
        return self

    def copy(self) -> PhraseMatcher:
        other = PhraseMatcher.__new__(PhraseMatcher)
        other.__dict__.update(self.__dict__)
        other._terms = [m.copy() for m in self._terms]
        place = {id(m): i for i, m in enumerate(self._terms)}
        other._lead_order = [other._terms[place[id(m)]] for m in self._lead_order]
        other._spans = list(self._spans)
        return other

    def supports(self, astype: str) -> bool:
        return astype == "positions"

    def is_leaf(self) -> bool:
        return False

    def children(self) -> list[Any]:
        return list(self._terms)
