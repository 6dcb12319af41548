"""Library-wide search: the only package that imports whoosh (docs/search.md).

`SearchIndex(library)` keeps a whoosh index derived from SQLite (sync, rebuild, update_for_change, search);
`SearchFilters`, `SearchHit`, `SearchResults` are what search takes and gives; `analysis.normalize_for_find`
and `analysis.find_all` give find-in-article the same folding.
"""

from reader.core.search.index import SearchIndex, SyncReport
from reader.core.search.query import SearchFilters, SearchHit, SearchResults

__all__ = ["SearchFilters", "SearchHit", "SearchIndex", "SearchResults", "SyncReport"]
