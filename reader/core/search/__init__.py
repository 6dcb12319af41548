"""Library-wide search: the only package that imports whoosh (docs/search.md).

`SearchIndex(library)` keeps a whoosh index derived from SQLite (sync, rebuild, search);
`analysis.normalize_for_find` / `analysis.find_all` give find-in-article the same folding.
"""
