"""BM25F with document lengths read once per segment (whoosh reads one from disk per scored posting).

whoosh's BM25F scorer looks a document's field length up through the column reader for every posting it
scores (a file read and a struct unpack); at 10k articles that was a tenth of a search. Segments never
change once written, so their length columns are read once into a list and kept, keyed by segment id; the
score is the same formula as whoosh's `bm25` with its constants folded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from whoosh.scoring import BM25F, BM25FScorer

from reader.core.search.codec import read_lengths

#: Length columns kept (segments × fields); a library's index has a handful of segments.
_MAX_CACHED = 64
_cache: dict[tuple[str, int, str], Sequence[int]] = {}
_lock = threading.Lock()


def _read_lengths(reader: Any, fieldname: str) -> Sequence[int]:
    count = reader.doc_count_all()
    lengths = read_lengths(reader._perdoc, fieldname, count)  # one read of the whole column
    if lengths is not None and len(lengths) == count:
        return [max(1, length) for length in lengths]
    # another whoosh layout: the public way, one document at a time
    return [reader.doc_field_length(d, fieldname, 1) or 1 for d in range(count)]


def segment_lengths(reader: Any, fieldname: str) -> Sequence[int] | None:
    """The field lengths of every document of a one-segment reader (None for other readers)."""
    segment = getattr(reader, "segment", None)
    if segment is None or not hasattr(reader, "_perdoc"):
        return None
    key = (segment().segment_id(), reader.doc_count_all(), fieldname)
    with _lock:
        found = _cache.get(key)
    if found is None:
        found = _read_lengths(reader, fieldname)
        with _lock:
            if len(_cache) >= _MAX_CACHED:
                _cache.clear()
            _cache[key] = found
    return found


class _Scorer(BM25FScorer):  # type: ignore[misc]  # whoosh ships no types
    def __init__(
        self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, qf: float = 1
    ) -> None:
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)
        lengths = segment_lengths(searcher.reader(), fieldname)
        if lengths is not None:
            self.score = _fast_score(lengths, self.idf, self.avgfl, B, K1)


def _fast_score(
    lengths: Sequence[int], idf: float, avgfl: float, B: float, K1: float
) -> Callable[[Any], float]:
    numerator = idf * (K1 + 1)
    base = K1 * (1 - B)
    per_length = K1 * B / avgfl
    length_of = lengths.__getitem__

    def score(matcher: Any) -> float:  # whoosh.scoring.bm25, constants folded
        tf: float = matcher.weight()
        length: int = length_of(matcher.id())
        return numerator * tf / (tf + base + per_length * length)

    return score


class CachedLengthBM25F(BM25F):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's BM25F (same parameters, same scores) with per-segment cached field lengths."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: float = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf=qf)
        B = self._field_B.get(fieldname, self.B)
        return _Scorer(searcher, fieldname, text, B, self.K1, qf=qf)


# --- proximity -----------------------------------------------------------------------------------------

#: A document whose query words stand together gets its score multiplied by 1 + PROXIMITY_WEIGHT / gap,
#: gap being how many positions the closest window holding every query word has beyond the words
#: themselves, plus 1 (adjacent words: the whole weight; 4 positions apart: a fifth of it). Tuned on the
#: graded topics of benchmarks/eval_search.py (docs/search.md).
PROXIMITY_WEIGHT = 0.5
#: Words further apart than this add nothing (a sentence or so).
PROXIMITY_WINDOW = 12
#: Only the best documents whoosh returns are re-scored (every one costs a posting look-up per term).
PROXIMITY_DEPTH = 40


def _positions(leaf: Any, fieldname: str, terms: Sequence[str], docs: Sequence[int]) -> dict[int, set[int]]:
    """doc (segment-local, ascending) → positions in `fieldname` of any of `terms` (one query word)."""
    found: dict[int, set[int]] = {}
    for term in terms:
        if (fieldname, term) not in leaf:
            continue
        postings = leaf.postings(fieldname, term)
        for doc in docs:
            if not postings.is_active():
                break
            if postings.id() < doc:
                postings.skip_to(doc)
                if not postings.is_active():
                    break
            if postings.id() == doc:
                found.setdefault(doc, set()).update(postings.value_as("positions"))
    return found


def _smallest_window(position_sets: Sequence[set[int]]) -> int | None:
    """The width of the smallest window holding one position of each set (None when one is empty)."""
    if any(not p for p in position_sets):
        return None
    events = sorted((pos, i) for i, positions in enumerate(position_sets) for pos in positions)
    need = len(position_sets)
    counts = [0] * need
    covered, best, left = 0, None, 0
    for pos, i in events:
        counts[i] += 1
        if counts[i] == 1:
            covered += 1
        while covered == need:
            start, j = events[left]
            width = pos - start
            best = width if best is None or width < best else best
            counts[j] -= 1
            if counts[j] == 0:
                covered -= 1
            left += 1
    return best


def proximity_rerank(
    reader: Any, fieldname: str, words: Sequence[Sequence[str]], scored: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """`scored` (docnum, score), best first, with the first PROXIMITY_DEPTH scores raised where the query's
    words (each a list of its index terms) stand close together, sorted again.

    whoosh's sloppy phrase (AndMaybe with a Phrase) scores proximity too, but evaluates positions for every
    matching document: on two-word queries p95 rose 38 → 61 ms (docs/search.md). Here only the documents
    that can be shown are looked at: a posting look-up per term and document.
    """
    if len(words) < 2 or not scored:
        return scored
    head, tail = scored[:PROXIMITY_DEPTH], scored[PROXIMITY_DEPTH:]
    bonus: dict[int, float] = {}
    wanted = sorted(d for d, _ in head)
    for leaf, offset in reader.leaf_readers():
        size = leaf.doc_count_all()
        local = [d - offset for d in wanted if offset <= d < offset + size]
        if not local:
            continue
        per_word = [_positions(leaf, fieldname, terms, local) for terms in words]
        for doc in local:
            width = _smallest_window([p.get(doc, set()) for p in per_word])
            if width is None:
                continue
            gap = width - (len(words) - 1)
            if gap < PROXIMITY_WINDOW:
                bonus[doc + offset] = 1 + PROXIMITY_WEIGHT / (1 + max(0, gap))
    head = [(d, s * bonus.get(d, 1.0)) for d, s in head]
    head.sort(key=lambda item: -item[1])
    return head + tail
