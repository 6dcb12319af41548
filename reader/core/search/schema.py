"""The whoosh schema of the search index, and the date field's query syntax.

The schema (its analyzers included) is pickled into the index: renaming this module or the analysis module
means a reindex, which is why SCHEMA_VERSION and analysis.ANALYZER_VERSION are stored beside the index and
a mismatch triggers a rebuild (index.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import analysis, fields, query
from whoosh.qparser.common import QueryParserError
from whoosh.system import pack_uint

from reader.core.search.analysis import (
    WORD_PATTERN,
    analyze_word,
    hawamish_analyzer,
    indexed_words,
    normalize_for_find,
)
from reader.core.search.roots import extract_root

#: Bump when fields change.
SCHEMA_VERSION = 5

#: The field a query word without a field name searches: title, text and note of a document in one
#: field (SectionedText), so a query word is one OR of variants over one field instead of three (a third
#: of the posting lists to merge; most of the time of a search at 10k articles was that merging).
TEXT_FIELD = "text"
#: Fields analysed with the Arabic/English chain (query.py expands their words into variants).
ANALYZED_FIELDS = (TEXT_FIELD, "title", "author", "outlet", "note")
#: A title word counts as this many occurrences in the text field: an article that names the word in its
#: title ranks above one that only mentions it (BM25 saturates, so this is a bonus, not a trump).
TITLE_WEIGHT = 3.0
#: Positions left between the sections of the text field, so a phrase never spans title and text.
SECTION_GAP = 100
#: Exact-value fields: the query value is folded (normalize_for_find) and matched whole.
EXACT_FIELDS = ("tag", "collection", "color", "lang", "kind", "outlet_key", "article_id", "doc_id")
#: Field names a user may type (docs/search.md); anything else followed by ':' is a syntax error.
USER_FIELDS = (
    "title", "author", "outlet", "body", "text", "note", "tag", "collection", "color", "lang", "kind", "date",
    "root", "by",
)  # fmt: skip
#: The field of Arabic roots (roots.py): `root:كتب` finds كتاب, مكتبة, كاتب, يكتبون.
ROOT_FIELD = "root"

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_DATE_RANGE = re.compile(r"(?P<start>[\d-]*)\.\.(?P<end>[\d-]*)")


class DateSyntaxError(QueryParserError):  # type: ignore[misc]  # whoosh ships no types
    """A `date:` value that is not a date; whoosh keeps the exception on its error query, and query.py turns
    it into HawamishError(QUERY_BAD_DATE) with the value as `token`."""

    def __init__(self, token: str, problem: str) -> None:
        super().__init__(f"not a {problem}: {token!r}")
        self.token = token


def normalize_date(text: str) -> str:
    """'2024', '2015-07', '2015-07-14' (also 2015/07, 201507) as stored; DateSyntaxError when not a date."""
    given = text.strip()
    text = given.replace("/", "-")
    if re.fullmatch(r"\d{6}|\d{8}", text):
        text = "-".join(filter(None, (text[:4], text[4:6], text[6:8])))
    if not _DATE.fullmatch(text):
        raise DateSyntaxError(given, "date")
    parts = text.split("-")
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        raise DateSyntaxError(given, "month")
    if len(parts) > 2 and not 1 <= int(parts[2]) <= 31:
        raise DateSyntaxError(given, "day")
    return text


class DateField(fields.ID):  # type: ignore[misc]  # whoosh ships no types
    """Published dates as sortable strings (YYYY, YYYY-MM or YYYY-MM-DD, as the article knows it).

    `date:2024` and `date:2015-07` match every date inside that period; `date:2014..2016`,
    `date:2014..`, `date:..2016-06` and whoosh's `date:[2014 to 2016]` are inclusive ranges.
    """

    def self_parsing(self) -> bool:
        return True

    def parse_query(self, fieldname: str, qstring: str, boost: float = 1.0) -> query.Query:
        m = _DATE_RANGE.fullmatch(qstring.strip())
        if m:
            return self.parse_range(fieldname, m["start"] or None, m["end"] or None, False, False, boost)
        return query.Prefix(fieldname, normalize_date(qstring), boost=boost)

    def parse_range(
        self,
        fieldname: str,
        start: str | None,
        end: str | None,
        startexcl: bool,
        endexcl: bool,
        boost: float = 1.0,
    ) -> query.Query:
        if start is None and end is None:
            raise QueryParserError("a date range needs a start or an end")
        lo = normalize_date(start) if start else None
        hi = normalize_date(end) + "\uffff" if end else None  # the whole end period is inside
        if lo is not None and hi is not None and lo > hi:
            raise QueryParserError(f"the range starts after it ends: {start}..{end}")
        return query.TermRange(fieldname, lo, hi, startexcl, endexcl, boost=boost)


class SectionedText(fields.TEXT):  # type: ignore[misc]  # whoosh ships no types
    """A text field indexed from several sections, each with its own weight: ((text, weight), ...).

    whoosh weighs a term by the sum of its tokens' boosts, so a title word weighing TITLE_WEIGHT behaves
    like a word written TITLE_WEIGHT times; sections are SECTION_GAP positions apart for phrases.
    A plain string is indexed as one section of weight 1.
    """

    def index(self, value: str | Iterable[tuple[str, float]], **kwargs: Any) -> Any:
        sections: Iterable[tuple[str, float]] = [(value, 1.0)] if isinstance(value, str) else value
        return self._index_sections(sections)

    def _index_sections(
        self, sections: Iterable[tuple[str, float]]
    ) -> Iterator[tuple[bytes, int, float, bytes]]:
        positions: defaultdict[str, list[int]] = defaultdict(list)
        weights: defaultdict[str, float] = defaultdict(float)
        base = 0
        for text, weight in sections:
            words = indexed_words(text or "")  # what self.analyzer emits, without its token objects
            for offset, terms in enumerate(words, base):
                for term in terms:
                    positions[term].append(offset)
                    weights[term] += weight
            base += len(words) + SECTION_GAP
        encode = self.format.encode
        boost = self.format.field_boost
        for term, poslist in positions.items():
            yield term.encode("utf-8"), len(poslist), weights[term] * boost, encode(poslist)


_ROOT_CACHE: dict[str, str | None] = {}
_ROOT_CACHE_MAX = 400_000


def word_root(raw: str) -> str | None:
    """The root term of one raw token: None for a stop word, a non-Arabic word or a word no pattern fits."""
    if raw in _ROOT_CACHE:
        return _ROOT_CACHE[raw]
    if len(_ROOT_CACHE) >= _ROOT_CACHE_MAX:
        _ROOT_CACHE.clear()
    terms = analyze_word(raw)[0]
    found = extract_root(raw) if terms and "\u0600" <= terms[0][0] <= "\u06ff" else None
    _ROOT_CACHE[raw] = found
    return found


class RootField(fields.TEXT):  # type: ignore[misc]  # whoosh ships no types
    """Each Arabic word's root (roots.extract_root), counted per document, no positions (no phrases on
    roots); indexed from the same sections as the text field, with their weights."""

    def __init__(self) -> None:
        super().__init__(analyzer=analysis.RegexTokenizer(WORD_PATTERN) | RootFilter(), phrase=False)

    def index(self, value: str | Iterable[tuple[str, float]], **kwargs: Any) -> Any:
        sections: Iterable[tuple[str, float]] = [(value, 1.0)] if isinstance(value, str) else value
        counts: defaultdict[str, int] = defaultdict(int)
        weights: defaultdict[str, float] = defaultdict(float)
        for text, weight in sections:
            for word in WORD_PATTERN.findall(text or ""):
                root = word_root(word)
                if root:
                    counts[root] += 1
                    weights[root] += weight
        boost = self.format.field_boost
        return [
            (term.encode("utf-8"), count, weights[term] * boost, pack_uint(count))
            for term, count in counts.items()
        ]


class RootFilter(analysis.Filter):  # type: ignore[misc]  # whoosh ships no types
    """A token's root (what RootField indexes); tokens without one are dropped."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            root = word_root(token.text)
            if root:
                token.text = root
                yield token


class FoldFilter(analysis.Filter):  # type: ignore[misc]  # whoosh ships no types
    """Folds each token as find-in-article does, so `collection:"حرب غزة"` (a phrase: whoosh analyses it
    with the field's analyzer) meets the folded name the index holds."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = normalize_for_find(token.text)
            yield token


def build_schema() -> fields.Schema:
    analyzer = hawamish_analyzer()
    return fields.Schema(
        doc_id=fields.ID(unique=True, stored=True),  # "a:12" (article) or "h:34" (highlight)
        kind=fields.KEYWORD(stored=True),  # "article", or "highlight" plus "note" when it has a note
        article_id=fields.ID(stored=True),
        highlight_id=fields.STORED(),
        stamp=fields.STORED(),  # hash of the SQLite rows the document was built from (sync)
        heading=fields.STORED(),  # the article's title, shown in results (for highlights too)
        text=SectionedText(analyzer=analyzer),  # title (articles), text or highlighted passage, note
        title=fields.TEXT(analyzer=analyzer),  # for title: (indexed for articles only)
        author=fields.TEXT(analyzer=analyzer),
        outlet=fields.TEXT(analyzer=analyzer, stored=True),
        outlet_key=fields.ID(),
        note=fields.TEXT(analyzer=analyzer),  # for note: (highlight note, or the article's own note)
        tag=fields.KEYWORD(commas=True, scorable=True),
        # the article's collections (documents.collection_key), folded again by the analyzer for phrases
        collection=fields.KEYWORD(analyzer=analysis.CommaSeparatedTokenizer() | FoldFilter()),
        color=fields.ID(),
        lang=fields.ID(),
        date=DateField(stored=True),
        root=RootField(),  # the roots of the text field's words (root:كتب)
        by=fields.TEXT(analyzer=analyzer),  # who made a highlight, in a shared library (by:NAME)
    )
