"""The query language, filters, and results with hits and snippets on the real text.

Query language (docs/search.md): words are AND-ed; OR, NOT, -word; "phrases"; "a b"~5 proximity; prefix*;
fields title: author: outlet: text: note: tag: color: lang: kind:; dates date:2024, date:2015-07,
date:2014..2016 or date:[2014 to 2016]. Each word is expanded into the OR of its variants (analysis.py), so
a document holding the exact form matches more terms and ranks first.

Hits are computed here from our own tokenizer's offsets on the stored text (not whoosh's highlighter, whose
PinpointFragmenter marks the wrong word on fields without character offsets, DESIGN §4).
"""

from __future__ import annotations

import contextlib
import heapq
import re
import weakref
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh import formats
from whoosh import query as wq
from whoosh.matching import NullMatcher
from whoosh.qparser import FieldAliasPlugin, PlusMinusPlugin, QueryParser

from reader.core.errors import ErrorCode, HawamishError
from reader.core.search.analysis import (
    WORD_PATTERN,
    analyze_word,
    matching_spans,
    normalize_for_find,
    prefix_behind_article,
    query_variants,
    surface_variants,
)
from reader.core.search.documents import collection_key
from reader.core.search.matchers import CorrectedDisjunctionMaxMatcher, MaxUnionMatcher, PhraseMatcher
from reader.core.search.roots import extract_root, fold_root
from reader.core.search.schema import (
    ANALYZED_FIELDS,
    EXACT_FIELDS,
    ROOT_FIELD,
    TEXT_FIELD,
    USER_FIELDS,
    DateSyntaxError,
    word_root,
)
from reader.core.search.scoring import proximity_rerank
from reader.core.text import normalize_arabic

KINDS = ("article", "highlight", "note")
#: A prefix expands to at most this many index terms in a field, the most frequent ones: a 4-letter Arabic
#: prefix such as الحك matches hundreds of terms, and reading every posting list made prefix queries the
#: slowest kind (p95 0.4 s at 10k articles, 4 s at 100k; docs/search.md). Rare completions are the price.
#: In an index of several segments each segment picks its own most frequent terms.
PREFIX_TERMS = 16
#: Plain-word queries of PROXIMITY_MIN_WORDS to PROXIMITY_MAX_WORDS words get a bonus where the words stand
#: within PROXIMITY_SLOP positions of each other in the text, in order (_proximity_boost). Not for two words:
#: there it cost +60% p95 latency at 10k articles (docs/search.md).
PROXIMITY_MIN_WORDS = 3
PROXIMITY_MAX_WORDS = 8
PROXIMITY_SLOP = 1
PROXIMITY_BOOST = 2.0
#: The forms of a query word's own surface (with or without proclitics) weigh this much more than its other
#: variants (stem, word behind a clitic): tuned on the TUNE set of benchmarks/eval_search.py.
SURFACE_BOOST = 2.0
#: Grouped results fetch this many documents per result wanted (an article and its matching highlights
#: are several documents), then the shown articles' other matching highlights (NESTED_LIMIT at most).
GROUP_FETCH = 2
NESTED_LIMIT = 500
SNIPPET_WIDTH = 220
SNIPPET_BEFORE = 60


class CappedPrefix(wq.Prefix):  # type: ignore[misc]  # whoosh ships no types
    """A prefix query that expands to the PREFIX_TERMS most frequent matching terms of its field.

    whoosh asks for the expansion several times a search (a matcher per segment and field, the size
    estimate, the terms to mark), and a multi-segment reader merges every segment's term list before it
    can count: 40 ms for one 4-letter Arabic prefix at 10k articles. So each segment's expansion is read
    once from its own term table (frequencies come with the terms) and kept while that segment reader
    lives; a multi-segment reader gets the union of its segments' picks.
    """

    def _btexts(self, ixreader: Any) -> list[bytes]:
        readers = getattr(ixreader, "readers", None)
        if not readers:
            return _segment_prefix_terms(ixreader, self.fieldname, self.text)
        merged: dict[bytes, None] = {}
        for reader in readers:
            merged.update(dict.fromkeys(_segment_prefix_terms(reader, self.fieldname, self.text)))
        return list(merged)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        """A document's score is that of its best completion (a disjunction max), not their sum.

        Summing up to PREFIX_TERMS BM25 scores ranks a document by how many different completions it
        holds and leaves nothing to skip: every document holding any completion is scored (at 100k
        articles the array union of the sum: p95 156 ms; 16 binary unions: ~4 s before the cap). With
        the best completion's score, the documents, blocks and completions that cannot reach the top
        results are skipped as soon as the top results are known (matchers.MaxUnionMatcher; whoosh's own
        disjunction max is wrong: matchers.py). Search engines treat prefixes alike (Lucene's constant
        score or top-terms blending).
        """
        terms = [wq.Term(self.fieldname, t) for t in self._btexts(searcher.reader())]
        if not terms:
            return NullMatcher()
        if len(terms) == 1:
            return terms[0].matcher(searcher, context)
        return MaxUnionMatcher([t.matcher(searcher, context) for t in terms], boost=self.boost)


class _Phrase(wq.Phrase):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's Phrase matched by matchers.PhraseMatcher: the same documents, spans and scores, several
    times faster on common words (docs/search.md)."""

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        try:
            field = searcher.schema[self.fieldname]
        except KeyError:
            return NullMatcher()
        # PhraseMatcher reads whoosh's Positions encoding itself: anything else is whoosh's to match
        if type(field.format) is not formats.Positions or len(self.words) < 2:
            return super().matcher(searcher, context)
        reader = searcher.reader()
        try:
            words = [field.to_bytes(word) for word in self.words]
        except ValueError:
            return NullMatcher()
        if any((self.fieldname, word) not in reader for word in words):
            return NullMatcher()
        terms = [wq.Term(self.fieldname, word).matcher(searcher, context) for word in words]
        frequencies = [reader.doc_frequency(self.fieldname, word) for word in words]
        return PhraseMatcher(terms, frequencies, slop=self.slop, boost=self.boost)


class _DisjunctionMax(wq.DisjunctionMax):  # type: ignore[misc]  # whoosh ships no types
    def _matcher(self, subs: Any, searcher: Any, context: Any) -> Any:
        reader = searcher.reader()
        return self._tree_matcher(
            subs,
            CorrectedDisjunctionMaxMatcher,
            searcher,
            context,
            lambda q: q.estimate_size(reader),
            tiebreak=self.tiebreak,
        )


_PREFIX_CACHE: weakref.WeakKeyDictionary[Any, dict[tuple[str, str, int], list[bytes]]] = (
    weakref.WeakKeyDictionary()
)


def _segment_prefix_terms(reader: Any, fieldname: str, prefix: str) -> list[bytes]:
    """The PREFIX_TERMS most frequent terms of one segment starting with `prefix` (cached per reader)."""
    key = (fieldname, prefix, PREFIX_TERMS)
    try:
        per_reader = _PREFIX_CACHE[reader]
    except (KeyError, TypeError):
        per_reader = {}
        with contextlib.suppress(TypeError):  # a reader that cannot be weakly referenced: no cache
            _PREFIX_CACHE[reader] = per_reader
    found = per_reader.get(key)
    if found is None:
        if fieldname not in reader.schema:
            return []
        btext = reader.schema[fieldname].to_bytes(prefix)
        counted = [(ti.doc_frequency(), term) for term, ti in reader.iter_prefix(fieldname, btext)]
        if len(counted) > PREFIX_TERMS:
            counted = heapq.nlargest(PREFIX_TERMS, counted, key=lambda c: c[0])
        found = per_reader[key] = [term for _freq, term in counted]
    return found


class VariantOr(wq.Or):  # type: ignore[misc]  # whoosh ships no types
    """The OR of a query word's variants, always matched with whoosh's binary tree of union matchers.

    whoosh picks its array union for segments of up to 5,000 documents (a rebuild with 2 processes makes
    two such segments at 10k articles); the array union scores every matching document, where the tree
    skips blocks that cannot reach the top results: one-word p95 21.7 → 27.5 ms when forced to the array.
    """

    matcher_type = wq.Or.DEFAULT_MATCHER


# --- parsing -------------------------------------------------------------------------------------------


class _Parser(QueryParser):  # type: ignore[misc]  # whoosh ships no types
    """whoosh's parser with our term expansion: one word → OR of its variants; prefix and wildcard
    patterns are folded but not stemmed; exact-value fields are folded whole."""

    def term_query(
        self,
        fieldname: str,
        text: str,
        termclass: type,
        boost: float = 1.0,
        tokenize: bool = True,
        removestops: bool = True,
    ) -> wq.Query | None:
        if fieldname in ANALYZED_FIELDS:
            if termclass is wq.Term:
                groups: list[wq.Query] = []
                for m in WORD_PATTERN.finditer(text):
                    subs = word_query(fieldname, m.group(0), boost, removestops)
                    if subs:
                        groups.append(subs[0] if len(subs) == 1 else VariantOr(subs))
                if not groups:
                    return None
                return groups[0] if len(groups) == 1 else wq.And(groups)
            # a pattern: words with the article are indexed behind it (analysis._analyze_word), and a
            # pattern typed with the article may be a word of its own (الم* for ألم): both are looked for
            pattern = normalize_arabic(text)
            patterns = dict.fromkeys((pattern, prefix_behind_article(pattern)))
            if termclass is wq.Prefix:
                termclass = CappedPrefix
            found = [termclass(fieldname, p, boost=boost) for p in patterns]
            return found[0] if len(found) == 1 else _DisjunctionMax(found)
        if fieldname == ROOT_FIELD:  # a root (كتب, سأل) or any word, whose root is looked for (كتاب → كتب)
            return wq.Term(fieldname, extract_root(text) or fold_root(normalize_arabic(text)), boost=boost)
        if fieldname == "collection":
            return termclass(fieldname, collection_key(text), boost=boost)
        if fieldname in EXACT_FIELDS:
            return termclass(fieldname, normalize_for_find(text), boost=boost)
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)


def word_query(fieldname: str, raw: str, boost: float = 1.0, removestops: bool = True) -> list[wq.Term]:
    """The terms a query word asks for: its variants (query_variants), and the forms of its own surface
    (surface_variants: the word with or without its proclitics, not stemmed) weighing SURFACE_BOOST more,
    so the documents holding the word typed come before those that only share its stem."""
    weights = dict.fromkeys(query_variants(raw, removestops), boost)
    for form in surface_variants(raw, removestops):
        weights[form] = boost * SURFACE_BOOST
    return [wq.Term(fieldname, t, boost=b) for t, b in weights.items()]


def _parser(schema: Any) -> _Parser:
    parser = _Parser(TEXT_FIELD, schema, phraseclass=_Phrase)
    # + and - only at the start of a word: داعش-خراسان and date:2015-07 keep their hyphen
    parser.add_plugin(PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    parser.add_plugin(FieldAliasPlugin({TEXT_FIELD: ["body"]}))
    return parser


_QUOTED = re.compile(r'"[^"]*"')
_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]\w*):(?=\S)")
_BINARY = {"AND", "OR", "ANDNOT", "ANDMAYBE"}
_PREFIX = re.compile(r"(?<!\S)(?:\w+:)?(\S*?)\*(?=\s|\)|$)")


def _syntax(detail: str) -> HawamishError:
    """What whoosh itself could not read (its own words, for developers)."""
    return HawamishError(ErrorCode.QUERY_SYNTAX, detail=detail)


def _check_syntax(text: str) -> None:
    """Catch what whoosh would silently turn into something else (it never rejects a query).

    Each problem is its own code, with the offending `token` and its `position` (a code-point index into
    the query) as fields; reader/messages.py words them.
    """
    if not text.strip():
        raise HawamishError(ErrorCode.QUERY_EMPTY)
    if text.count('"') % 2:
        raise HawamishError(ErrorCode.QUERY_UNCLOSED_QUOTE, token='"', position=text.rindex('"'))
    # a phrase stands as one word of the same length (positions stay true): `tag:"a b"` has a value
    bare = _QUOTED.sub(lambda m: "·" * len(m.group(0)), text)
    opened: list[int] = []
    for i, ch in enumerate(bare):
        if ch == "(":
            opened.append(i)
        elif ch == ")":
            if not opened:
                raise HawamishError(ErrorCode.QUERY_UNMATCHED_PAREN, token=")", position=i)
            opened.pop()
    if opened:
        raise HawamishError(ErrorCode.QUERY_UNCLOSED_PAREN, token="(", position=opened[-1])
    for m in _FIELD.finditer(bare):
        if m.group(1).lower() not in USER_FIELDS:
            raise HawamishError(
                ErrorCode.QUERY_UNKNOWN_FIELD,
                token=m.group(1),
                position=m.start(1),
                fields=", ".join(USER_FIELDS),
            )
    words = [(m.group(0), m.start()) for m in re.finditer(r"[^\s()]+", bare)]
    plain = [w for w, _ in words]
    for i, (w, at) in enumerate(words):
        if w in _BINARY and (i == 0 or i == len(words) - 1 or plain[i - 1] in _BINARY | {"NOT"}):
            raise HawamishError(ErrorCode.QUERY_OPERATOR_ALONE, token=w, position=at)
        if w == "NOT" and (i == len(words) - 1 or plain[i + 1] in _BINARY | {"NOT"}):
            raise HawamishError(ErrorCode.QUERY_NOT_ALONE, token=w, position=at)
        if w.endswith(":") and w[:-1].lower() in USER_FIELDS:
            raise HawamishError(ErrorCode.QUERY_EMPTY_FIELD, token=w, position=at)
        if w in ("-", "+"):
            raise HawamishError(ErrorCode.QUERY_SIGN_ALONE, token=w, position=at)
    for m in _PREFIX.finditer(bare):
        if len(normalize_arabic(m.group(1).replace("*", ""))) < 2:
            raise HawamishError(ErrorCode.QUERY_SHORT_PREFIX, token=m.group(0), position=m.start())


def _find_error(q: wq.Query) -> object | None:
    """What whoosh's parser left on the query (an exception or a message), when something failed."""
    error: object = getattr(q, "error", None)
    if error:
        return error
    if not q.is_leaf():
        for child in q.children():
            found = _find_error(child)
            if found:
                return found
    return None


def parse_query(text: str, schema: Any) -> wq.Query:
    """The whoosh query for a user's query string; HawamishError(QUERY_SYNTAX) with a detail otherwise."""
    _check_syntax(text)
    try:
        q = _parser(schema).parse(text)
    except Exception as exc:  # whoosh's parser rarely raises, but never let a traceback through
        raise _syntax(str(exc)) from exc
    error = _find_error(q)
    if isinstance(error, DateSyntaxError):
        raise HawamishError(
            ErrorCode.QUERY_BAD_DATE, token=error.token, position=max(0, text.find(error.token))
        )
    if error:
        raise _syntax(str(error))
    return _proximity_boost(text, _root_phrases_as_and(q))


def _root_phrases_as_and(q: wq.Query) -> wq.Query:
    """`root:"كتب قرأ"`: the root field keeps no positions, so a phrase there is all of its roots."""
    if isinstance(q, wq.Phrase) and q.fieldname == ROOT_FIELD:
        return wq.And([wq.Term(ROOT_FIELD, w, boost=q.boost) for w in q.words])
    if q.is_leaf():
        return q
    return q.apply(_root_phrases_as_and)


def _proximity_boost(text: str, q: wq.Query) -> wq.Query:
    """Plain words (no operators, fields, quotes or patterns) score higher where they stand together.

    Without it a query of 3 words pasted from an article ranked articles that merely contain the 3 words
    somewhere above the one holding them in sequence (recall@10 0.94-0.97, docs/search.md).
    """
    words = text.split()
    if not PROXIMITY_MIN_WORDS <= len(words) <= PROXIMITY_MAX_WORDS or not PROXIMITY_BOOST:
        return q
    if any(w in _BINARY or w == "NOT" or not WORD_PATTERN.fullmatch(w) for w in words):
        return q
    stems = [s for s in (analyze_word(w)[1] for w in words) if s]
    if len(stems) < 2:
        return q
    return wq.AndMaybe(q, _Phrase(TEXT_FIELD, stems, slop=PROXIMITY_SLOP, boost=PROXIMITY_BOOST))


def positive_terms(q: wq.Query, reader: Any) -> dict[str, set[str]]:
    """field → the index terms the query looks for (NOT parts left out; prefixes expanded)."""
    out: dict[str, set[str]] = defaultdict(set)

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if node.is_leaf() or isinstance(node, wq.Phrase):
            try:
                terms = node.existing_terms(reader, phrases=True, expand=True)
            except Exception:  # a query kind that cannot expand: nothing to mark
                return
            for fieldname, text in terms:
                out[fieldname].add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
            return
        for child in node.children():
            walk(child)

    walk(q)
    return out


# --- filters -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SearchFilters:
    """Restrictions the GUI's filter controls add to a query (each None or empty = no restriction)."""

    kinds: Sequence[str] | None = None  # 'article', 'highlight', 'note'
    colors: Sequence[str] | None = None
    tags: Sequence[str] | None = None
    collections: Sequence[str] | None = None
    outlets: Sequence[str] | None = None
    languages: Sequence[str] | None = None
    date_from: str | None = None  # 2014, 2014-06, 2014-06-30 (inclusive)
    date_to: str | None = None
    article_ids: Collection[int] | None = None  # "search within results": only these articles
    within: str | None = None  # "search within results": a previous query, AND-ed


def _any_of(fieldname: str, values: Sequence[str], fold: bool = True) -> wq.Query:
    return wq.Or([wq.Term(fieldname, normalize_for_find(v) if fold else v) for v in values])


def build_filter(schema: Any, kinds: Sequence[str] | None, filters: SearchFilters | None) -> wq.Query | None:
    f = filters or SearchFilters()
    parts: list[wq.Query] = []
    all_kinds = [k for k in (*(kinds or ()), *(f.kinds or ()))]
    for k in all_kinds:
        if k not in KINDS:
            raise HawamishError(ErrorCode.QUERY_UNKNOWN_KIND, token=k, kinds=", ".join(KINDS))
    if all_kinds:
        parts.append(_any_of("kind", all_kinds))
    if f.colors:
        parts.append(_any_of("color", f.colors))
    if f.tags:
        parts.append(_any_of("tag", f.tags))
    if f.collections:
        parts.append(wq.Or([wq.Term("collection", collection_key(c)) for c in f.collections]))
    if f.outlets:
        parts.append(_any_of("outlet_key", f.outlets))
    if f.languages:
        parts.append(_any_of("lang", f.languages))
    if f.date_from or f.date_to:
        parts.append(schema["date"].parse_range("date", f.date_from, f.date_to, False, False))
    if f.article_ids is not None:
        parts.append(
            wq.Or([wq.Term("article_id", str(i)) for i in f.article_ids]) if f.article_ids else wq.NullQuery
        )
    if f.within and f.within.strip():
        parts.append(parse_query(f.within, schema))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


# --- results -------------------------------------------------------------------------------------------


@dataclass(slots=True)
class SearchHit:
    """One result. Offsets are code points: `hits` in the article's canonical text, `snippet_marks` in
    `snippet` (a slice of the real text, harakat kept, starting at `snippet_start` of its source), and
    `note_hits` in the highlight's note for a note hit."""

    kind: str  # 'article', 'highlight', 'note'
    article_id: int
    highlight_id: int | None
    title: str
    outlet: str
    published: str
    score: float
    snippet: str
    snippet_marks: list[tuple[int, int]] = field(default_factory=list)
    snippet_start: int = 0
    snippet_source: str = "text"  # 'text' (article text / quote) or 'note'
    hits: list[tuple[int, int]] = field(default_factory=list)
    note_hits: list[tuple[int, int]] = field(default_factory=list)
    color: str = ""
    #: for the head of an article's group: the article's other matching highlights and notes (SearchHits)
    highlights: list[SearchHit] = field(default_factory=list)

    def marked_snippet(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with every matched word wrapped in the given marks (for text output)."""
        out, pos = [], 0
        for s, e in self.snippet_marks:
            out += [self.snippet[pos:s], open_mark, self.snippet[s:e], close_mark]
            pos = e
        out.append(self.snippet[pos:])
        return "".join(out)

    def to_json(self) -> dict[str, object]:
        """The hit in DESIGN §6's field names (plus a few extra ones)."""
        data: dict[str, object] = {
            "kind": self.kind,
            "article_id": self.article_id,
            "highlight_id": self.highlight_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_marks": [list(m) for m in self.snippet_marks],
            "snippet_source": self.snippet_source,
            "hits": [list(h) for h in self.hits],
        }
        if self.kind != "article":
            data["color"] = self.color
        if self.note_hits:
            data["note_hits"] = [list(h) for h in self.note_hits]
        if self.kind == "article" or self.highlights:
            data["highlights"] = [h.to_json() for h in self.highlights]
        return data


@dataclass(slots=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int  # matching documents: exact when total_exact, else an upper estimate (> len(hits))
    total_exact: bool = True

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.hits)

    def article_ids(self) -> list[int]:
        """Distinct article ids in rank order ("search within results")."""
        return list(dict.fromkeys(h.article_id for h in self.hits))

    def to_json(self) -> dict[str, object]:
        return {
            "query": self.query,
            "total": self.total,
            "total_exact": self.total_exact,
            "hits": [h.to_json() for h in self.hits],
        }


def make_snippet(
    text: str, spans: Sequence[tuple[int, int]], width: int = SNIPPET_WIDTH
) -> tuple[str, list[tuple[int, int]], int]:
    """A window of `text` around the first span, cut at spaces, newlines shown as spaces."""
    if spans:
        start = max(0, spans[0][0] - SNIPPET_BEFORE)
        if start > 0:
            space = text.rfind(" ", 0, start + 1)
            start = space + 1 if space >= 0 and spans[0][0] - space < SNIPPET_BEFORE * 2 else start
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > (spans[0][1] if spans else start):
            end = space
    snippet = text[start:end].replace("\n", " ")
    marks = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    return snippet, marks, start


# --- searching -----------------------------------------------------------------------------------------


def _proximity_words(text: str) -> list[list[str]]:
    """The index terms of each word of a plain-word query (no operators, fields, quotes or patterns) of 2
    or more words, for proximity (scoring.proximity_rerank); [] for any other query."""
    words = text.split()
    if len(words) < 2 or any(w in _BINARY or w == "NOT" or not WORD_PATTERN.fullmatch(w) for w in words):
        return []
    terms = [[t.text for t in word_query(TEXT_FIELD, w)] for w in words]
    return [t for t in terms if t]


def _articles_grouped(kinds: Sequence[str] | None, filters: SearchFilters | None) -> bool:
    """Results are one per article (highlights and notes nested) unless articles were not asked for."""
    asked = {*(kinds or ()), *((filters.kinds if filters else None) or ())}
    return not asked or "article" in asked


def run_search(
    index: Any,
    text: str,
    *,
    limit: int = 20,
    kinds: Sequence[str] | None = None,
    filters: SearchFilters | None = None,
) -> SearchResults:
    """Search a SearchIndex (index.py calls this; it handles a broken index and retries).

    One result per article: an article hit carries the article's matching highlights and notes in
    `highlights` (reading order); a highlight or note whose article did not match itself heads its
    article's group. With kinds that leave articles out (`--kind highlight`), highlights and notes come
    one by one as before.
    """

    q = parse_query(text, index.schema)
    if any(field == ROOT_FIELD for field, _term in q.iter_all_terms()) and not index.roots_enabled():
        raise HawamishError(ErrorCode.ROOT_SEARCH_OFF)
    filt = build_filter(index.schema, kinds, filters)
    if filt is wq.NullQuery:
        return SearchResults(text, [], 0, True)
    limit = max(1, limit)
    grouped = _articles_grouped(kinds, filters)
    # several documents of one article may come back: fetch more than `limit` to fill `limit` groups
    fetch = limit * GROUP_FETCH if grouped else limit
    with index._mutex:
        searcher = index.searcher()
        results = searcher.search(q, limit=fetch, filter=filt)
        # counting every match runs the query a second time (a third of the time on common words): exact
        # when fewer than `fetch` matched, whoosh's estimate (an upper bound) otherwise
        total_exact = results.scored_length() < fetch
        total = results.scored_length() if total_exact else max(results.estimated_length(), limit)
        scored = [(r.docnum, float(r.score)) for r in results]
        words = _proximity_words(text)
        if words:
            scored = proximity_rerank(searcher.reader(), TEXT_FIELD, words, scored)
        rows = [(dict(searcher.stored_fields(d)), score) for d, score in scored]
        if grouped:
            rows, groups = _group_rows(rows, limit)
            if total_exact:
                total = groups
            rows += _nested_rows(searcher, q, filt, rows)
        terms = positive_terms(q, searcher.reader())
    body_terms = frozenset(terms.get(TEXT_FIELD, ()))
    note_terms = body_terms | frozenset(terms.get("note", ()))
    roots = frozenset(terms.get(ROOT_FIELD, ()))
    # a highlight with a note is reported as a 'note' hit when the note matched, or when only notes were
    # asked for (kinds filter or kind:note in the query)
    asked = {*(kinds or ()), *((filters.kinds if filters else None) or ()), *terms.get("kind", ())}
    only_notes = "note" in asked and "highlight" not in asked
    with index.source.snapshot() as snapshot:
        wanted = [int(f["highlight_id"]) for f, _ in rows if f.get("highlight_id")]
        highlights = (
            {int(r["id"]): r for r in snapshot.highlight_rows(highlight_ids=wanted)} if wanted else {}
        )
        texts = snapshot.texts([int(f["article_id"]) for f, _ in rows if f["kind"] == "article"])
        hits: list[SearchHit] = []
        heads: dict[int, SearchHit] = {}
        for fields, score in rows:
            hit = _make_hit(fields, score, texts, highlights, (body_terms, note_terms, roots), only_notes)
            if hit is None:  # deleted since the index was synced
                continue
            head = heads.get(hit.article_id) if grouped else None
            if head is None:
                hits.append(hit)
                heads[hit.article_id] = hit
            else:
                head.highlights.append(hit)
    for hit in hits:
        hit.highlights.sort(key=lambda h: (h.hits[0] if h.hits else (1 << 62, 0), h.highlight_id or 0))
    return SearchResults(text, hits, total, total_exact)


def _group_rows(
    rows: list[tuple[dict[str, Any], float]], limit: int
) -> tuple[list[tuple[dict[str, Any], float]], int]:
    """The rows of the first `limit` articles (in order of their best document), each article's own
    document first; and how many articles the rows came from."""
    order: dict[str, list[tuple[dict[str, Any], float]]] = {}
    for fields, score in rows:
        order.setdefault(fields["article_id"], []).append((fields, score))
    out: list[tuple[dict[str, Any], float]] = []
    for members in list(order.values())[:limit]:
        best = members[0][1]
        # the article's own document heads its group, with the group's best score (its rank)
        members.sort(key=lambda m: m[0]["kind"] != "article")
        out.append((members[0][0], max(best, members[0][1])))
        out += members[1:]
    return out, len(order)


def _nested_rows(
    searcher: Any, q: wq.Query, filt: wq.Query | None, rows: list[tuple[dict[str, Any], float]]
) -> list[tuple[dict[str, Any], float]]:
    """The matching highlights and notes of the shown articles that the first search left out (it
    returned the best documents, and one article may have many matching highlights)."""
    seen = {f["doc_id"] for f, _ in rows}
    reader = searcher.reader()
    # only articles with highlights the first search did not return (a term's document count is a
    # look-up; building the query's matchers again costs as much as the first search)
    articles = {
        a
        for a in {f["article_id"] for f, _ in rows}
        if reader.doc_frequency("article_id", a)
        > sum(1 for f, _ in rows if f["article_id"] == a and f["kind"] != "article") + 1
    }
    if not articles:
        return []
    # the AND with the article ids lets whoosh skip straight to those articles' documents
    parts = [q, wq.Or([wq.Term("article_id", a) for a in articles]), wq.Term("kind", "highlight")]
    found = searcher.search(wq.And(parts), limit=NESTED_LIMIT, filter=filt)
    return [(dict(r.fields()), float(r.score)) for r in found if r["doc_id"] not in seen]


def _make_hit(
    fields: dict[str, Any],
    score: float,
    texts: dict[int, str],
    highlights: dict[int, Any],
    terms: tuple[frozenset[str], frozenset[str], frozenset[str]],
    only_notes: bool,
) -> SearchHit | None:
    """The SearchHit of one index document, its hits and snippet computed on the real text. `terms`: the
    index terms looked for in the text field, in notes, and the roots looked for."""
    body_terms, note_terms, roots = terms

    def spans_of(text: str, wanted: frozenset[str]) -> list[tuple[int, int]]:
        spans = matching_spans(text, wanted)
        return sorted({*spans, *root_spans(text, roots)}) if roots else spans

    article_id = int(fields["article_id"])
    common = {
        "article_id": article_id,
        "title": fields.get("heading", ""),
        "outlet": fields.get("outlet", ""),
        "published": fields.get("date", ""),
        "score": score,
    }
    if fields["kind"] == "article":
        body = texts.get(article_id, "")
        spans = spans_of(body, body_terms)
        snippet, marks, start = make_snippet(body, spans)
        return SearchHit(
            "article",
            highlight_id=None,
            snippet=snippet,
            snippet_marks=marks,
            snippet_start=start,
            hits=spans,
            **common,
        )
    row = highlights.get(int(fields["highlight_id"]))
    if row is None:
        return None
    passage = [] if row["orphan"] else [(int(row["start"]), int(row["end"]))]
    note_spans = spans_of(row["note"], note_terms) if row["note"] else []
    is_note = bool(row["note"].strip()) and (bool(note_spans) or only_notes)
    if note_spans:
        snippet, marks, start = make_snippet(row["note"], note_spans)
        source = "note"
    else:
        quote_spans = spans_of(row["exact"], body_terms)
        snippet, marks, start = make_snippet(row["exact"], quote_spans, width=max(SNIPPET_WIDTH, 400))
        source = "text"
    return SearchHit(
        "note" if is_note else "highlight",
        highlight_id=int(row["id"]),
        snippet=snippet,
        snippet_marks=marks,
        snippet_start=start,
        snippet_source=source,
        hits=passage,
        note_hits=note_spans,
        color=row["color"],
        **common,
    )


def root_spans(text: str, roots: frozenset[str]) -> list[tuple[int, int]]:
    """Offsets of the words of `text` whose root is one of `roots` (a root: query's hits)."""
    return [(m.start(), m.end()) for m in WORD_PATTERN.finditer(text) if word_root(m.group(0)) in roots]
