"""More like this: the articles nearest to an article or a highlight, by the key terms of its text.

The text field is neither stored nor vectored (schema.py), so the key terms come from the source text
itself, analysed with the index's own chain: each word counts once, as its light stem (the index holds the
stem at every position beside the folded form, so one term finds every form of the word; counting both
would count each word twice). A title word weighs TITLE_WEIGHT, as in the index. whoosh's query-expansion
model (Bo1, divergence from randomness: a word frequent in the source but rare in the library scores high)
picks the key terms, and their OR, each boosted by its weight, ranks the library's articles with the
index's BM25F. Words only the source article holds find nothing else and are left out.

Measured on the Saudi and ANT corpora in docs/search.md (benchmarks/eval_related.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh.classify import Bo1Model, Expander

from reader.core.search.analysis import WORD_PATTERN, analyze_word, matching_spans
from reader.core.search.query import SearchHit, make_snippet
from reader.core.search.schema import TEXT_FIELD, TITLE_WEIGHT

#: Key terms a related query uses. Share of the top 5 in the source's ANT section (100 articles,
#: benchmarks/eval_related.py): 10 terms 0.61, 25 terms 0.68, 40 terms 0.71, 60 terms 0.72 (slower).
KEY_TERMS = 40
#: A key term must be in at least this many documents (the source is one of them): a word only the
#: source and one other document share pulled that one document to the top whatever its topic.
MIN_DOCS = 3
#: A key term found in more than this share of the library's documents says little about a topic.
MAX_DOC_SHARE = 0.2
#: A library of fewer documents than this is too small for those limits: a word two articles share is a
#: topic there, and only a word every document holds tells none apart.
SMALL_LIBRARY = 100
#: Extra results asked for, to make up for exact duplicates of the source left out.
DUPLICATE_ROOM = 3


@dataclass(slots=True)
class KeyTerm:
    """A key term of the source: the index term, its weight (1 for the strongest) and a word of the source
    text that produced it (what a person reads)."""

    term: str
    weight: float
    word: str

    def to_json(self) -> dict[str, object]:
        return {"term": self.term, "weight": round(self.weight, 4), "word": self.word}


@dataclass(slots=True)
class RelatedResults:
    """Articles like an article (or one of its highlights), best first, with the key terms used."""

    article_id: int
    highlight_id: int | None
    terms: list[KeyTerm] = field(default_factory=list)
    hits: list[SearchHit] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.hits)

    def to_json(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "highlight_id": self.highlight_id,
            "terms": [t.to_json() for t in self.terms],
            "hits": [h.to_json() for h in self.hits],
        }


def stem_weights(sections: Iterable[tuple[str, float]]) -> tuple[dict[str, float], dict[str, str]]:
    """Each indexed word of the sections counted once, as its stem, times its section's weight; and for
    each stem the first word that gave it (what a person reads)."""
    weights: defaultdict[str, float] = defaultdict(float)
    words: dict[str, str] = {}
    for text, weight in sections:
        for word in WORD_PATTERN.findall(text or ""):
            _terms, stem = analyze_word(word)
            if stem:
                weights[stem] += weight
                words.setdefault(stem, word)
    return weights, words


def key_terms(reader: Any, weights: dict[str, float], number: int = KEY_TERMS) -> list[tuple[str, float]]:
    """The `number` best key terms of a text (stem → weight) for the index `reader`, by whoosh's Bo1
    expansion model; digits, and terms in too few documents (the source and one other) or too many, are
    left out."""
    total = max(1, reader.doc_count())
    small = total < SMALL_LIBRARY
    min_docs = 2 if small else MIN_DOCS
    max_docs = total - 1 if small else MAX_DOC_SHARE * total
    field_obj = reader.schema[TEXT_FIELD]
    useful: list[tuple[str, float]] = []
    for term, weight in weights.items():
        btext = field_obj.to_bytes(term)
        if (TEXT_FIELD, btext) not in reader:
            continue
        docs = reader.doc_frequency(TEXT_FIELD, btext)
        if docs < min_docs or docs > max_docs or term.isdigit():
            continue
        useful.append((term, weight))
    if not useful:
        return []
    expander = Expander(reader, TEXT_FIELD, model=Bo1Model)
    expander.add(useful)
    found: list[tuple[str, float]] = expander.expanded_terms(number, normalize=True)
    return found


def find_related(
    index: Any,
    title: str,
    texts: Sequence[str],
    *,
    article_id: int,
    highlight_id: int | None = None,
    exclude: Collection[int] = (),
    duplicate_of: str = "",
    limit: int = 10,
) -> RelatedResults:
    """Articles like a title and texts (the title's words weigh TITLE_WEIGHT), leaving out the articles in `exclude` and
    those whose text is `duplicate_of` (the source article's own text, imported twice).

    `index` is a SearchIndex (index.py calls this and handles a broken index).
    """
    sections = [(title, TITLE_WEIGHT), *((text, 1.0) for text in texts)]
    weights, words = stem_weights(sections)
    results = RelatedResults(article_id, highlight_id)
    with index._mutex:
        searcher = index.searcher()
        reader = searcher.reader()
        terms = key_terms(reader, weights)
        if not terms:
            return results
        q = wq.Or([wq.Term(TEXT_FIELD, term, boost=weight) for term, weight in terms])
        mask = wq.Or([wq.Term("article_id", str(i)) for i in exclude]) if exclude else None
        # a few more than asked for: exact duplicates are dropped below
        found = searcher.search(
            q, limit=max(1, limit) + DUPLICATE_ROOM, filter=wq.Term("kind", "article"), mask=mask
        )
        rows = [(dict(r.fields()), float(r.score)) for r in found]
    results.terms = [KeyTerm(term, weight, words.get(term, term)) for term, weight in terms]
    term_set = frozenset(term for term, _w in terms)
    with index.source.snapshot() as snapshot:
        bodies = snapshot.texts([int(f["article_id"]) for f, _s in rows])
    for fields, score in rows:
        hit_id = int(fields["article_id"])
        body = bodies.get(hit_id, "")
        if duplicate_of and body == duplicate_of:
            continue
        if len(results.hits) >= limit:
            break
        spans = matching_spans(body, term_set)
        snippet, marks, start = make_snippet(body, spans)
        results.hits.append(
            SearchHit(
                "article",
                article_id=hit_id,
                highlight_id=None,
                title=fields.get("heading", ""),
                outlet=fields.get("outlet", ""),
                published=fields.get("date", ""),
                score=score,
                snippet=snippet,
                snippet_marks=marks,
                snippet_start=start,
                hits=spans,
            )
        )
    return results
