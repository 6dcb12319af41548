"""Phrases are matched by matchers.PhraseMatcher: the same documents, spans and scores as whoosh's own
Phrase (SpanNear2), for any slop, with the rarest term leading."""

from __future__ import annotations

import random

import pytest
from whoosh import query as wq

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.search import SearchIndex
from reader.core.search.analysis import analyze_word
from reader.core.search.query import _Phrase
from reader.core.text import Block, BlockKind

#: a small vocabulary, so that phrases of two or three words occur, and words of very different frequency
WORDS = ["قال", "الوزير", "إن", "الحكومة", "ستعمل", "على", "خطة", "جديدة", "للسلام", "في", "المنطقة", "نادرة"]


def _index(library: Library, seed: int) -> SearchIndex:
    rng = random.Random(seed)
    for i in range(60):
        words = rng.choices(WORDS, weights=[12, 10, 3, 9, 4, 3, 6, 5, 4, 3, 6, 1], k=rng.randint(2, 80))
        library.articles.add(ArticleMeta(title=f"مقالة {i}"), [Block(BlockKind.PARAGRAPH, " ".join(words))])
    index = library.search_index()
    index.sync()
    return index


def _matches(searcher, q: wq.Query) -> dict[int, tuple[float, list[tuple[int, int]]]]:
    found = {}
    for sub, offset in searcher.leaf_searchers():
        matcher = q.matcher(sub)
        while matcher.is_active():
            spans = sorted((s.start, s.end) for s in matcher.spans())
            found[offset + matcher.id()] = (matcher.score(), spans)
            matcher.next()
    return found


@pytest.mark.parametrize("slop", [1, 2, 4])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_phrase_matches_what_whooshs_phrase_matches(library: Library, seed: int, slop: int) -> None:
    index = _index(library, seed)
    searcher = index.searcher()
    stems = {w: analyze_word(w)[1] for w in WORDS}  # a phrase looks for each word's stem
    rng = random.Random(seed * 10 + slop)
    checked = 0
    for _ in range(25):
        words = [stems[w] for w in rng.sample(WORDS[:-1], rng.choice([2, 3]))]
        theirs = _matches(searcher, wq.Phrase("text", words, slop=slop))
        ours = _matches(searcher, _Phrase("text", words, slop=slop))
        assert ours.keys() == theirs.keys(), words
        for doc, (score, spans) in theirs.items():
            assert ours[doc][0] == pytest.approx(score)
            assert ours[doc][1] == spans
        checked += len(theirs)
    assert checked  # some phrases did occur


def test_the_top_results_of_a_phrase_are_whooshs(library: Library) -> None:
    index = _index(library, 5)
    searcher = index.searcher()
    words = [analyze_word("قال")[1], analyze_word("الوزير")[1]]
    theirs = [(h.docnum, h.score) for h in searcher.search(wq.Phrase("text", words), limit=5)]
    ours = [(h.docnum, h.score) for h in searcher.search(_Phrase("text", words), limit=5)]
    assert theirs and [d for d, _ in ours] == [d for d, _ in theirs]
    assert [s for _, s in ours] == pytest.approx([s for _, s in theirs])
