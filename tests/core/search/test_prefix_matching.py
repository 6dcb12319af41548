"""Prefix queries score a document by its best completion (matchers.MaxUnionMatcher): the same scores as
asking each completion alone and keeping each document's best, and the same top results, whatever the
window size and however the collector prunes."""

from __future__ import annotations

import random

import pytest
from whoosh import query as wq

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.search import SearchIndex, matchers
from reader.core.search.query import CappedPrefix, parse_query
from reader.core.text import Block, BlockKind

#: words sharing prefixes (حكو, حرب, المد), with the article and without, of different frequencies
WORDS = [
    "حكومة", "الحكومة", "حكومات", "حكومي", "والحكومة", "حكومية",
    "حرب", "الحرب", "حروب", "الحربية", "حربي",
    "المدينة", "مدينة", "المدن", "مدير", "المدير",
    "سلام", "اتفاق", "وزير", "قال",
]  # fmt: skip


def _index(library: Library, seed: int, articles: int = 40) -> SearchIndex:
    rng = random.Random(seed)
    for i in range(articles):
        words = rng.choices(WORDS, weights=range(len(WORDS), 0, -1), k=rng.randint(3, 40))
        library.articles.add(ArticleMeta(title=f"مقالة {i}"), [Block(BlockKind.PARAGRAPH, " ".join(words))])
    index = library.search_index()
    index.sync()
    return index


def _completion_scores(searcher, prefix_query: wq.Query) -> dict[int, float]:
    """Each document's best score over the completions, every completion searched alone."""
    best: dict[int, float] = {}
    prefixes = [q for q in prefix_query.leaves() if isinstance(q, CappedPrefix)]
    for sub, offset in searcher.leaf_searchers():
        for prefix in prefixes:
            for term in prefix._btexts(sub.reader()):
                matcher = wq.Term(prefix.fieldname, term).matcher(sub)
                while matcher.is_active():
                    doc = offset + matcher.id()
                    best[doc] = max(best.get(doc, 0.0), matcher.score())
                    matcher.next()
    return best


@pytest.mark.parametrize("window", [3, 16, matchers.WINDOW])
@pytest.mark.parametrize("text", ["حكو*", "حر*", "الحر*", "المد*", "مد*"])
def test_a_prefix_scores_each_document_by_its_best_completion(
    library: Library, monkeypatch, window: int, text: str
) -> None:
    monkeypatch.setattr(matchers, "WINDOW", window)
    index = _index(library, seed=len(text) * 31 + window)
    searcher = index.searcher()
    q = parse_query(text, index.schema)
    expected = _completion_scores(searcher, q)
    assert expected, text
    found = {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}
    assert found.keys() == expected.keys()
    for doc, score in expected.items():
        assert found[doc] == pytest.approx(score)
    # the top results with pruning (the collector raises the score a document needs as it goes)
    top = searcher.search(q, limit=5)
    best_five = sorted(expected.values(), reverse=True)[:5]
    assert [hit.score for hit in top] == pytest.approx(best_five)


@pytest.mark.parametrize("window", [3, 16, matchers.WINDOW])
def test_a_prefix_inside_an_and_finds_the_documents_holding_both(
    library: Library, monkeypatch, window: int
) -> None:
    monkeypatch.setattr(matchers, "WINDOW", window)
    index = _index(library, seed=7 + window, articles=80)
    searcher = index.searcher()
    both = parse_query("حكو* سلام", index.schema)
    prefix_docs = set(_completion_scores(searcher, parse_query("حكو*", index.schema)))
    word_docs = {hit.docnum for hit in searcher.search(parse_query("سلام", index.schema), limit=None)}
    everything = searcher.search(both, limit=None)
    assert {hit.docnum for hit in everything} == prefix_docs & word_docs
    # pruned by the scores the AND needs from each side: the same top results as without pruning
    best = sorted((hit.score for hit in everything), reverse=True)[:3]
    assert [hit.score for hit in searcher.search(both, limit=3)] == pytest.approx(best)
