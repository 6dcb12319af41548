"""SQLite storage: the only package with SQL. One module per table family, each with its row types.

- `database`: opening, migrating, the `Database` (connection + lock + transactions)
- `articles`: articles and their blocks (the canonical text is built here, once)
- `highlights`: highlights and article notes
- `tags`: tags of articles and highlights
- `labels`: colour labels
- `settings`: the library's key/value settings
- `pages`: research pages (their quotes are marker lines in the text, reader.core.pages)
- `index_rows`: what the search index is built from (a read-only snapshot; storage never imports search)
- `files`: whole-file operations (online backup, restore, integrity and foreign-key checks)
"""

from reader.core.storage.database import (
    Database,
    StorageError,
    Transaction,
    disk_error,
    migrate,
    open_database,
    schema_version,
)
from reader.core.storage.migrations import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Database",
    "StorageError",
    "Transaction",
    "disk_error",
    "migrate",
    "open_database",
    "schema_version",
]
