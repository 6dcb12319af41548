"""Which articles a query matches, all of them, without scores or snippets (saved searches' smart
collections: the library list shows them as a filter, in its own order).

A highlight or note that matches counts for its article, as a search result does.
"""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

from reader.core.search.query import SearchFilters, build_filter, parse_query


def matching_article_ids(index: Any, text: str, filters: SearchFilters | None = None) -> set[int]:
    """Ids of the articles whose document or whose highlights match `text` with `filters` (query.py's
    language and filters). `index` is a SearchIndex (index.py calls this and handles a broken index)."""
    q = parse_query(text, index.schema)
    filt = build_filter(index.schema, None, filters)
    if filt is wq.NullQuery:
        return set()
    with index._mutex:
        searcher = index.searcher()
        # unscored: every match, in index order, without ranking work
        results = searcher.search(q, limit=None, filter=filt, scored=False)
        return {int(searcher.stored_fields(docnum)["article_id"]) for docnum in results.docs()}
