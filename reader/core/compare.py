"""Compare: the passages that share a tag, a colour label or a search query, in columns by author, outlet or
article (the compare view lines up what different columnists said about one claim).

A compare query is written as the view's field and `hawamish gui --compare` take it:
- `tag:NAME` — highlights carrying the tag or one of its children (`tag:security` finds `security/terrorism`);
- `label:KEY` — highlights of a colour label, named by its key or its name (`label:claim`, `label:ادعاء`);
- anything else — a search (reader.core.search.query's language) over highlights and notes: the highlights
  whose quote or note match.

Plain data, no sentences: a column whose key is '' holds the passages without an author (or outlet); the
caller names it in the user's language. Columns come in reader.core.notes' order (author and outlet
alphabetically, the '' column last; articles by id), passages by article then position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.errors import ErrorCode, HawamishError
from reader.core.models import Article
from reader.core.notes import Notebook, NoteGroup

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library import Library

#: What the columns stand for.
COLUMN_KEYS = ("author", "outlet", "article")
#: Query prefixes: a tag, a colour label (`color:` as search writes it is accepted too).
TAG_PREFIX = "tag:"
LABEL_PREFIXES = ("label:", "color:")
#: At most this many search hits become passages (a text query over a huge library).
SEARCH_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class CompareQuery:
    kind: str  # "tag", "label" or "text"
    value: str


def parse_compare_query(text: str) -> CompareQuery:
    """`tag:X`, `label:KEY` or a text query; QUERY_EMPTY for nothing (or a prefix without a value)."""
    clean = text.strip()
    lowered = clean.casefold()
    kind, value = "text", clean
    if lowered.startswith(TAG_PREFIX):
        kind, value = "tag", clean[len(TAG_PREFIX) :]
    else:
        for prefix in LABEL_PREFIXES:
            if lowered.startswith(prefix):
                kind, value = "label", clean[len(prefix) :]
    value = value.strip().strip('"').strip()
    if not value:
        raise HawamishError(ErrorCode.QUERY_EMPTY)
    return CompareQuery(kind, value)


def _label_key(library: Library, value: str) -> str:
    """A label's key from its key or name (case-folded); an unknown one is kept: highlights may still
    carry a deleted label's key, and a key nothing carries simply finds nothing."""
    wanted = value.casefold()
    for label in library.labels.list():
        if wanted in (label.key.casefold(), label.name.casefold()):
            return label.key
    return value


@dataclass(slots=True)
class Comparison:
    """Columns of passages and the articles they come from (for each passage's title, author and date)."""

    columns: list[NoteGroup]
    articles: dict[int, Article]

    @property
    def passages(self) -> int:
        return sum(len(c.items) for c in self.columns)


def compare_passages(library: Library, query: CompareQuery, by: str = "author") -> Comparison:
    """The passages `query` selects, in columns by `by` (one of COLUMN_KEYS). A text query runs a search:
    call it off the UI thread."""
    if by not in COLUMN_KEYS:
        raise ValueError(f"by must be one of {COLUMN_KEYS}, not {by!r}")
    if query.kind == "tag":
        highlights = library.highlights.query(tags=[query.value])
    elif query.kind == "label":
        highlights = library.highlights.query(colors=[_label_key(library, query.value)])
    else:
        results = library.search(query.value, kinds=["highlight", "note"], limit=SEARCH_LIMIT)
        wanted = {hit.highlight_id for hit in results.hits if hit.highlight_id is not None}
        article_ids = {hit.article_id for hit in results.hits if hit.highlight_id is not None}
        highlights = [h for h in library.highlights.query(article_ids=article_ids) if h.id in wanted]
    wanted_articles = {h.article_id for h in highlights}
    articles = {a.id: a for a in library.articles.list() if a.id in wanted_articles}
    highlights = [h for h in highlights if h.article_id in articles]
    notebook = Notebook.from_highlights(highlights, articles, library.labels.list())
    return Comparison(notebook.groups(group_by=by), articles)
